import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import type { AssumptionRow } from '../../src/report/report-model.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate, type SimulateRequest } from '../../src/simulate.js';

const TEXT = `
name: ledger
description: what the ledger shows
seed: 3
itemReader:
  source: inline
  itemCount: 100
itemBatcher:
  maxItemsPerBatch: 10
maxConcurrency: 5
childWorkflow:
  retry:
    - errorEquals: [States.ALL]
      maxAttempts: 2
lambda:
  memoryMb: 512
  invocationOverheadMs: { type: lognormal, p50: 120, p99: 900 }
  perItemDurationMs: 20
pricing:
  runsPerMonth: 30
`;

async function ledger(text: string, command: string, request: SimulateRequest = {}): Promise<AssumptionRow[]> {
  const { scenario } = parseScenarioText(text, 'ledger.yaml');
  const { json } = await simulate(scenario, { identity: { file: 'ledger.yaml', sha256: 'ab'.repeat(32) }, ...request });
  return assumptionsLedger({ scenario, rawDocument: parse(text), result: json, command });
}

function row(rows: AssumptionRow[], name: string): AssumptionRow {
  const found = rows.find((r) => r.name === name);
  expect(found, `${name} in ${rows.map((r) => r.name).join(', ')}`).toBeDefined();
  return found as AssumptionRow;
}

describe('assumptionsLedger', () => {
  it('marks fields given in the file "scenario file", with their values and units', async () => {
    const rows = await ledger(TEXT, 'dmap simulate ledger.yaml');
    expect(row(rows, 'lambda.memoryMb')).toEqual({ name: 'lambda.memoryMb', value: '512 MB', source: 'scenario file', confidence: 'yours' });
    expect(row(rows, 'maxConcurrency')).toMatchObject({ value: '5', source: 'scenario file' });
    expect(row(rows, 'lambda.invocationOverheadMs')).toMatchObject({ value: 'lognormal (p50 120 ms, p99 900 ms)', source: 'scenario file' });
    expect(row(rows, 'lambda.perItemDurationMs')).toMatchObject({ value: 'constant 20 ms', source: 'scenario file' });
    expect(row(rows, 'childWorkflow.retry[0].errorEquals')).toMatchObject({ value: 'States.ALL', source: 'scenario file' });
    expect(row(rows, 'childWorkflow.retry[0].maxAttempts')).toMatchObject({ value: '2', source: 'scenario file' });
    expect(row(rows, 'description')).toMatchObject({ value: 'what the ledger shows', source: 'scenario file' });
  });

  it('marks omitted fields "default", with the value used and the reason', async () => {
    const rows = await ledger(TEXT, 'dmap simulate ledger.yaml');
    const timeout = row(rows, 'lambda.timeoutSeconds');
    expect(timeout).toMatchObject({ value: '3 s', source: 'default' });
    expect(timeout.note).toContain('AWS default 3');
    expect(row(rows, 'lambda.initDurationMs')).toMatchObject({ value: 'lognormal (p50 300 ms, p99 1000 ms)', source: 'default' });
    expect(row(rows, 'childWorkflow.retry[0].intervalSeconds')).toMatchObject({ value: '1 s', source: 'default' });
    expect(row(rows, 'childWorkflow.retry[0].intervalSeconds').note).toContain('ASL default 1');
    expect(row(rows, 'itemBatcher.maxInputBytesPerBatch')).toMatchObject({ value: '262,144 bytes', source: 'default' });
    expect(row(rows, 'executionType')).toMatchObject({ value: 'STANDARD', source: 'default' });
    // Absent optional fields say so, with what absence means.
    const tolerance = row(rows, 'toleratedFailurePercentage');
    expect(tolerance).toMatchObject({ value: 'not set', source: 'default' });
    expect(tolerance.note).toContain('no failure is tolerated');
    expect(row(rows, 'resultWriter').note).toContain('Absent: results return inline');
  });

  it('credits the values of a retry preset to the file, naming the preset', async () => {
    const rows = await ledger(TEXT.replace(/ {2}retry:\n(.*\n){2}/, '  retry: console-default\n'), 'dmap simulate ledger.yaml');
    expect(row(rows, 'childWorkflow.retry[0].jitterStrategy')).toEqual({
      name: 'childWorkflow.retry[0].jitterStrategy',
      value: 'FULL',
      source: 'scenario file',
      note: 'from the preset "console-default"',
      confidence: 'yours',
    });
  });

  it('lists every field once, in a stable order', async () => {
    const rows = await ledger(TEXT, 'dmap simulate ledger.yaml');
    const names = rows.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(await ledger(TEXT, 'dmap simulate ledger.yaml')).toEqual(rows);
    for (const r of rows) expect(r.value, r.name).not.toBe('');
  });

  it('adds the run: seed, runs, prices, tool, file and the rerun command', async () => {
    const command = 'dmap simulate ledger.yaml --runs 3';
    const rows = await ledger(TEXT, command, { runs: 3 });
    expect(row(rows, 'seed')).toMatchObject({ value: '3', source: 'scenario file' });
    expect(row(rows, 'runs')).toMatchObject({ value: '3', source: 'command line' });
    expect(row(rows, 'price catalogue').value).toMatch(/^aws-list-prices \S+, prices as of \d{4}-\d{2}-\d{2}$/);
    expect(row(rows, 'region')).toMatchObject({ value: 'us-east-1', source: 'default' });
    expect(row(rows, 'pricing.runsPerMonth')).toMatchObject({ value: '30', source: 'scenario file' });
    expect(row(rows, 'pricing.freeTier')).toMatchObject({ value: 'not subtracted', source: 'default' });
    expect(row(rows, 'pricing.discountPercent')).toMatchObject({ value: '0 %', source: 'default' });
    expect(row(rows, 'pricing.priceOverrides')).toMatchObject({ value: 'none', source: 'default' });
    expect(row(rows, 'tool').value).toMatch(/^dmap-planner \d+\.\d+\.\d+/);
    expect(row(rows, 'scenario file')).toMatchObject({ value: 'ledger.yaml' });
    expect(row(rows, 'scenario file SHA-256').value).toBe('ab'.repeat(32));
    expect(row(rows, 'rerun command').value).toBe(command);
    expect(rows.at(-1)?.name).toBe('rerun command');
  });

  it('says when the command line set the seed or the pricing', async () => {
    const command = 'dmap simulate ledger.yaml --seed 9 --free-tier --discount=10';
    const { scenario } = parseScenarioText(TEXT, 'ledger.yaml');
    const priced = { ...scenario, pricing: { ...scenario.pricing, freeTier: true, discountPercent: 10 } };
    const { json } = await simulate(priced, { seed: 9 });
    const rows = assumptionsLedger({ scenario, rawDocument: parse(TEXT), result: json, command });
    expect(row(rows, 'seed')).toMatchObject({ value: '9', source: 'command line' });
    expect(row(rows, 'pricing.freeTier')).toMatchObject({ value: 'subtracted', source: 'command line', note: '--free-tier on the command line' });
    expect(row(rows, 'pricing.discountPercent')).toMatchObject({ value: '10 %', source: 'command line' });
    expect(row(rows, 'pricing.runsPerMonth')).toMatchObject({ source: 'scenario file' });
  });
});
