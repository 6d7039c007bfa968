/**
 * The round trip: simulate a scenario whose truth is known, write what AWS would have
 * recorded of it (REPORT lines, ListExecutions, DescribeMapRun), calibrate from those
 * records as a user would (`dmap calibrate`, in process), and compare the fitted values
 * with the truth: the per-item median within 5 %, the INIT median within 10 %.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import { meanOf, quantileOf, type DistributionSpec } from '../../src/random/index.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';
import { describeMapRunJson, filterLogEventsJson, listExecutionsJson, logExport, simulateRecords } from './simulated-records.js';

const TRUTH = { perItemP50: 60, initP50: 400, overheadMs: 300, dispatchPerSecond: 51, pageLatencyMeanMs: 104 };

const scenarioText = (batch: number, overheadMs: number) => `
name: round-trip
itemReader: { source: s3ListObjectsV2, objectCount: 200000 }
itemBatcher: { maxItemsPerBatch: ${batch} }
maxConcurrency: 1000
resultWriter: {}
lambda:
  memoryMb: 1024
  timeoutSeconds: 900
  invocationOverheadMs: ${overheadMs}
  perItemDurationMs: { type: lognormal, p50: ${TRUTH.perItemP50}, p99: 140 }
  initDurationMs: { type: lognormal, p50: ${TRUTH.initP50}, p99: 1200 }
`;

let dir: string;

async function dmap(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface FittedJson {
  field: string;
  value: unknown;
  observations: number;
  source: string;
}

async function calibrated(...args: string[]): Promise<Map<string, FittedJson>> {
  const run = await dmap('calibrate', ...args, '--json');
  expect(run.code, run.err).toBe(0);
  const json = JSON.parse(run.out) as { fitted: FittedJson[] };
  return new Map(json.fitted.map((f) => [f.field, f]));
}

const median = (spec: unknown) => quantileOf(spec as DistributionSpec, 0.5);
const within = (value: number, truth: number) => Math.abs(value / truth - 1);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-calibrate-'));
  for (const [tag, batch, overhead] of [
    ['one', 100, 0],
    ['b100', 100, TRUTH.overheadMs],
    ['b250', 250, TRUTH.overheadMs],
  ] as const) {
    const text = scenarioText(batch, overhead);
    writeFileSync(join(dir, `${tag}.yaml`), text);
    const run = simulateRecords(parseScenarioText(text, `${tag}.yaml`).scenario);
    writeFileSync(join(dir, `${tag}-logs.txt`), logExport(run.invocations));
    writeFileSync(join(dir, `${tag}-events.json`), filterLogEventsJson(run.invocations));
    writeFileSync(join(dir, `${tag}-executions.json`), listExecutionsJson(run.children));
    writeFileSync(join(dir, `${tag}-map-run.json`), describeMapRunJson(run));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibrating from a simulated Map Run', () => {
  it('recovers the per-item median within 5 % and the INIT median within 10 % from REPORT lines and ListExecutions', async () => {
    const fitted = await calibrated(join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'), join(dir, 'one-map-run.json'), '--scenario', join(dir, 'one.yaml'));
    const perItem = fitted.get('lambda.perItemDurationMs');
    const init = fitted.get('lambda.initDurationMs');
    expect(perItem?.observations).toBe(2000);
    expect(within(median(perItem?.value), TRUTH.perItemP50)).toBeLessThan(0.05);
    expect(within(median(init?.value), TRUTH.initP50)).toBeLessThan(0.1);
    expect(fitted.get('lambda.memoryMb')?.value).toBe(1024);
    // The Map Run itself: the dispatch pace and the listing, against the defaults the simulation used.
    expect(within(fitted.get('childStarts.dispatchPerSecond')?.value as number, TRUTH.dispatchPerSecond)).toBeLessThan(0.05);
    expect(within(meanOf(fitted.get('itemReader.pageLatencyMs')?.value as DistributionSpec), TRUTH.pageLatencyMeanMs)).toBeLessThan(0.1);
  });

  it('reads the same invocations from filter-log-events JSON to the same fit', async () => {
    const fromText = await calibrated(join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'));
    const fromJson = await calibrated(join(dir, 'one-events.json'), join(dir, 'one-executions.json'));
    expect(fromJson.get('lambda.perItemDurationMs')?.value).toEqual(fromText.get('lambda.perItemDurationMs')?.value);
    expect(fromJson.get('lambda.initDurationMs')?.value).toEqual(fromText.get('lambda.initDurationMs')?.value);
  });

  it('separates the invocation overhead from the items with two batch sizes', async () => {
    const fitted = await calibrated(`${join(dir, 'b100-logs.txt')}:100`, `${join(dir, 'b250-logs.txt')}:250`);
    expect(within(median(fitted.get('lambda.perItemDurationMs')?.value), TRUTH.perItemP50)).toBeLessThan(0.05);
    expect(within(fitted.get('lambda.invocationOverheadMs')?.value as number, TRUTH.overheadMs)).toBeLessThan(0.15);
    expect(within(median(fitted.get('lambda.initDurationMs')?.value), TRUTH.initP50)).toBeLessThan(0.1);
  });

  it('writes a valid patched scenario whose fitted fields the assumptions ledger shows with their provenance', async () => {
    const out = join(dir, 'calibrated.yaml');
    const run = await dmap('calibrate', join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'), join(dir, 'one-map-run.json'), '--scenario', join(dir, 'one.yaml'), '--out', out);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Wrote .*calibrated\.yaml: .*one\.yaml with \d+ fitted fields/);
    const text = readFileSync(out, 'utf8');
    expect(text.replace(/\n *# {3}/g, ' ')).toMatch(/# fitted by dmap calibrate: lognormal \(p50 [\d.]+ ms, p99 [\d.]+ ms\), from .*one-logs\.txt \(2,000 observations\)/);
    const { scenario } = parseScenarioText(text, out);
    expect(scenario.provenance?.['lambda.perItemDurationMs']).toMatchObject({ observations: 2000, source: join(dir, 'one-logs.txt') });
    const { json } = await simulate(scenario, { runs: 1 });
    const rows = assumptionsLedger({ scenario, rawDocument: parse(text), result: json, command: `dmap simulate ${out}` });
    const perItem = rows.find((r) => r.name === 'lambda.perItemDurationMs');
    expect(perItem).toMatchObject({ source: 'fitted' });
    expect(perItem?.note).toMatch(/^from .*one-logs\.txt \(2,000 observations\): 2,000 invocations at batch 100: .*KS [\d.]+ \(p [\d.]+\)/);
    expect(rows.find((r) => r.name === 'lambda.timeoutSeconds')).toMatchObject({ source: 'scenario file' });
    expect(rows.some((r) => r.name.startsWith('provenance'))).toBe(false);
  });

  it('back-tests the same run against the calibrated scenario: its wall time lands between P10 and P90', async () => {
    const out = join(dir, 'calibrated-for-backtest.yaml');
    const calibration = await dmap('calibrate', join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'), join(dir, 'one-map-run.json'), '--scenario', join(dir, 'one.yaml'), '--out', out);
    expect(calibration.code, calibration.err).toBe(0);
    const run = await dmap('backtest', out, '--map-run', join(dir, 'one-map-run.json'), '--executions', join(dir, 'one-executions.json'), '--runs', '100', '--workers', '1', '--json');
    expect(run.code, run.err).toBe(0);
    const backtest = JSON.parse(run.out) as { figures: Array<{ id: string; verdict: string; percentileRank: number }>; status: { verdict: string } };
    const wall = backtest.figures.find((f) => f.id === 'wallTimeSeconds');
    expect(wall?.verdict, JSON.stringify(wall)).toBe('inside P10–P90');
    expect(backtest.status.verdict).toBe('as most runs predicted');
  });

  it('gives byte-identical output for the same input', async () => {
    const args = [join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'), join(dir, 'one-map-run.json'), '--scenario', join(dir, 'one.yaml')];
    const first = await dmap('calibrate', ...args, '--out', join(dir, 'first.yaml'));
    const second = await dmap('calibrate', ...args, '--out', join(dir, 'second.yaml'));
    expect(readFileSync(join(dir, 'second.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'first.yaml'), 'utf8'));
    expect(second.out.replaceAll('second.yaml', 'first.yaml')).toBe(first.out);
    const json = [await dmap('calibrate', ...args, '--json'), await dmap('calibrate', ...args, '--json')];
    expect(json[1]?.out).toBe(json[0]?.out);
  });

  it('calibrating its own output again changes nothing', async () => {
    const sources = [join(dir, 'one-logs.txt'), join(dir, 'one-executions.json'), join(dir, 'one-map-run.json')];
    await dmap('calibrate', ...sources, '--scenario', join(dir, 'one.yaml'), '--out', join(dir, 'again-1.yaml'));
    await dmap('calibrate', ...sources, '--scenario', join(dir, 'again-1.yaml'), '--out', join(dir, 'again-2.yaml'));
    expect(readFileSync(join(dir, 'again-2.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'again-1.yaml'), 'utf8'));
  });
});
