import { describe, expect, it } from 'vitest';
import { describeMapRunSchema, listExecutionsSchema } from '../../src/aws-records/index.js';
import { actualRunOf, backtest, percentileRank, verdictOf } from '../../src/backtest/index.js';
import { simulate } from '../../src/simulate.js';
import { validateScenario, type Scenario } from '../../src/scenario/index.js';
import { simulatedRecords } from './simulated-records.js';

function scenarioOf(input: Record<string, unknown>): Scenario {
  const validation = validateScenario({ name: 'backtest', ...input });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

const WORKLOAD = scenarioOf({
  itemReader: { source: 's3ListObjectsV2', objectCount: 20_000 },
  itemBatcher: { maxItemsPerBatch: 100 },
  maxConcurrency: 100,
  executionType: 'EXPRESS',
  resultWriter: {},
  lambda: { memoryMb: 1024, timeoutSeconds: 60, invocationOverheadMs: { type: 'lognormal', p50: 80, p99: 400 }, perItemDurationMs: { type: 'lognormal', p50: 30, p99: 120 } },
});

describe('percentile ranks and verdicts', () => {
  it('counts ties half and says where a value falls', () => {
    expect(percentileRank([1, 2, 3, 4], 2.5)).toBe(0.5);
    expect(percentileRank([1, 2, 2, 4], 2)).toBe(0.5);
    expect(percentileRank([5, 5, 5], 5)).toBe(0.5);
    expect(verdictOf(0.5, 'lower-is-better')).toBe('inside P10–P90');
    expect(verdictOf(0.995, 'lower-is-better')).toBe('worse than P99');
    expect(verdictOf(0.05, 'lower-is-better')).toBe('better than P10');
    expect(verdictOf(0.95, 'neutral')).toBe('above P90');
  });
});

describe('a back-test of runs the model itself produced', () => {
  it('puts about 80 % of them inside P10–P90 of the prediction, for wall time, first child start and child span', async () => {
    const { run } = await simulate(WORKLOAD, { runs: 200, seed: 1 });
    const inside: Record<string, number> = {};
    const actuals = 30;
    for (let seed = 1000; seed < 1000 + actuals; seed++) {
      const records = simulatedRecords(WORKLOAD, seed);
      const actual = actualRunOf(describeMapRunSchema.parse(records.describe), listExecutionsSchema.parse(records.executions));
      expect(actual.wallTimeSeconds).toBeCloseTo(records.run.wallTimeMs / 1000, 2);
      const result = backtest(actual, run.records);
      expect(result.status.verdict).toBe('as most runs predicted');
      for (const figure of result.figures) {
        if (figure.verdict === 'inside P10–P90') inside[figure.id] = (inside[figure.id] ?? 0) + 1;
      }
    }
    for (const id of ['wallTimeSeconds', 'firstChildStartSeconds', 'meanChildSeconds']) {
      expect(inside[id] ?? 0, id).toBeGreaterThanOrEqual(0.6 * actuals);
      expect(inside[id] ?? 0, id).toBeLessThanOrEqual(actuals);
    }
  }, 60_000);

  it('calls a run twice as slow worse than P99, and a failure the model never predicts a surprise', async () => {
    const { run } = await simulate(WORKLOAD, { runs: 100, seed: 1 });
    const records = simulatedRecords(WORKLOAD, 7);
    const describe = describeMapRunSchema.parse(records.describe);
    const slow = { ...describe, stopDate: describe.startDate + 2 * ((describe.stopDate as number) - describe.startDate), status: 'FAILED' as const };
    const result = backtest(actualRunOf(slow, undefined, { costUsd: 10 }), run.records);
    expect(result.figures.find((f) => f.id === 'wallTimeSeconds')?.verdict).toBe('worse than P99');
    expect(result.figures.find((f) => f.id === 'costUsd')?.verdict).toBe('worse than P99');
    expect(result.status.verdict).toMatch(/^a surprise: it failed where 100 % of predicted runs succeed/);
    expect(result.notCompared.join(' ')).toMatch(/--executions/);
    expect(result.notCompared.join(' ')).toMatch(/--throttles/);
  });
});
