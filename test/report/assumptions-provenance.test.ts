/**
 * The assumptions ledger shows where fitted fields came from: a scenario's `provenance`
 * (written by dmap calibrate) marks their rows `fitted`, with the entry as the note, and
 * the block itself gets no rows of its own.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const TEXT = `
name: fitted
itemReader: { source: inline, itemCount: 20 }
childWorkflow:
  states:
    Work: { type: Task, resource: "arn:aws:states:::lambda:invoke", function: score-items, end: true }
functions:
  score-items:
    perItemDurationMs: { type: lognormal, p50: 61.8, p99: 140 }
provenance:
  functions.score-items.perItemDurationMs:
    source: logs-250.txt
    observations: 1
    method: one invocation at batch 250
    quality: too few to test a family
    note: overhead not separated
`;

describe('assumptionsLedger with provenance', () => {
  it('marks fitted fields and says where they came from', async () => {
    const { scenario } = parseScenarioText(TEXT, 'fitted.yaml');
    const { json } = await simulate(scenario, { runs: 1 });
    const rows = assumptionsLedger({ scenario, rawDocument: parse(TEXT), result: json, command: 'dmap simulate fitted.yaml' });
    const row = rows.find((r) => r.name === 'functions["score-items"].perItemDurationMs');
    expect(row).toEqual({
      name: 'functions["score-items"].perItemDurationMs',
      value: 'lognormal (p50 61.8 ms, p99 140 ms)',
      source: 'fitted',
      note: 'from logs-250.txt (1 observation): one invocation at batch 250; too few to test a family; overhead not separated',
      confidence: 'fitted',
    });
    expect(rows.some((r) => r.name.startsWith('provenance'))).toBe(false);
  });
});
