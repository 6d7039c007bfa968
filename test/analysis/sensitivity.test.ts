/**
 * The sensitivity analysis: its statistics, ranking and flips on outcomes made by hand,
 * then on real simulations (in this thread): a slower listing makes a listing-bound Map
 * Run slower, an assumption that cannot matter gives exactly the baseline's figures
 * (common random numbers), and a range that crosses the function timeout is a flip.
 */
import { describe, expect, it } from 'vitest';
import { factor, values, type AssumptionRange } from '../../src/analysis/assumption-ranges.js';
import type { AssumptionVariants } from '../../src/analysis/assumption-variants.js';
import { analyseSensitivity, outcomeStats } from '../../src/analysis/sensitivity.js';
import type { ReplicationOutcome } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { runSensitivity } from '../../src/runner/run-sensitivity.js';
import { validateScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.js';

const catalogue = defaultCatalogue();

/** n outcomes with wall times start, start + step, ... seconds. */
function outcomes(n: number, start: number, step: number, options: { costUsd?: number; failed?: (i: number) => boolean } = {}): ReplicationOutcome[] {
  return Array.from({ length: n }, (_, i) => ({ wallTimeMs: (start + i * step) * 1000, costUsd: options.costUsd ?? 1, failed: options.failed?.(i) ?? false }));
}

function variantsOf(range: AssumptionRange, same: { low?: boolean; high?: boolean } = {}): AssumptionVariants {
  const end = (name: 'low' | 'high') => ({ assumption: range, end: name, setting: range[name], value: range[name], scenario: {} as Scenario, sameAsBaseline: same[name] ?? false });
  return { assumption: range, baselineValue: 1, low: end('low'), high: end('high') };
}

const latency = factor('itemReader.pageLatencyMs', 0.5, 2, { confidence: 'L', label: 'Page latency', words: ['listing 2× faster', 'listing 2× slower'], why: 'A test.' });
const cost = factor('lambda.perItemDurationMs', 0.75, 1.25, { confidence: 'user', label: 'Time per item', why: 'A test.' });
const flag = values('itemReader.listBeforeProcessing', false, true, { confidence: 'L', label: 'List first', why: 'A test.' });

function scenario(input: Omit<ScenarioInput, 'name'>): { scenario: Scenario; document: unknown } {
  const document = { name: 'test', ...input };
  const validation = validateScenario(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return { scenario: validation.scenario, document };
}

describe('outcomeStats', () => {
  it('gives P90s, the failure share with its Wilson interval and deadline misses', () => {
    const stats = outcomeStats(outcomes(10, 1, 1, { failed: (i) => i === 0 }), 8.5);
    expect(stats.wallTimeSeconds.p90).toBeCloseTo(9.1, 9);
    expect(stats.failure.runsFailed).toBe(1);
    expect(stats.failure.probability).toBe(0.1);
    expect(stats.failure.ci95[0]).toBeGreaterThan(0);
    expect(stats.failure.ci95[1]).toBeLessThan(0.5);
    // The failed run and the two past 8.5 s.
    expect(stats.deadline).toMatchObject({ runsMissed: 3, missProbability: 0.3, metAtP90: false });
  });
});

describe('analyseSensitivity', () => {
  const baseline = outcomes(100, 100, 0.1);

  it('measures each end against the baseline and ranks by the largest swing', () => {
    const analysis = analyseSensitivity({
      baseline,
      assumptions: [
        { variants: variantsOf(cost), low: outcomes(100, 99, 0.1, { costUsd: 0.8 }), high: outcomes(100, 101, 0.1, { costUsd: 1.3 }) },
        { variants: variantsOf(latency), low: outcomes(100, 60, 0.1), high: outcomes(100, 180, 0.1) },
      ],
      rankBy: 'time',
    });
    expect(analysis.assumptions.map((a) => a.assumption.id)).toEqual(['itemReader.pageLatencyMs', 'lambda.perItemDurationMs']);
    const top = analysis.assumptions[0];
    expect(top?.low.change.wallTimeSecondsP90).toBeCloseTo(-40, 9);
    expect(top?.high.change.wallTimeSecondsP90).toBeCloseTo(80, 9);
    expect(top?.swing.wallTimeSeconds).toBeCloseTo(80, 9);
    expect(top?.low.words).toBe('listing 2× faster');
    expect(top?.low.settingText).toBe('×0.5');
    expect(analysis.assumptions[1]?.low.words).toBe('Time per item ×0.75');

    const byCost = analyseSensitivity({
      baseline,
      assumptions: [
        { variants: variantsOf(latency), low: outcomes(100, 60, 0.1), high: outcomes(100, 180, 0.1) },
        { variants: variantsOf(cost), low: outcomes(100, 99, 0.1, { costUsd: 0.8 }), high: outcomes(100, 101, 0.1, { costUsd: 1.3 }) },
      ],
      rankBy: 'cost',
    });
    expect(byCost.assumptions.map((a) => a.assumption.id)).toEqual(['lambda.perItemDurationMs', 'itemReader.pageLatencyMs']);
    expect(byCost.assumptions[0]?.swing.costUsd).toBeCloseTo(0.3, 9);
  });

  it('finds a flip where most runs fail at one end but not at baseline, and a flip back', () => {
    const analysis = analyseSensitivity({
      baseline,
      assumptions: [
        { variants: variantsOf(latency), low: outcomes(100, 50, 0.1, { failed: (i) => i < 97 }), high: outcomes(100, 120, 0.1, { failed: (i) => i < 49 }) },
      ],
      rankBy: 'time',
    });
    expect(analysis.flips).toHaveLength(1);
    expect(analysis.flips[0]).toMatchObject({ kind: 'failure', baseline: 0, value: 0.97 });
    expect(analysis.flips[0]?.end.end).toBe('low');

    const failing = outcomes(100, 100, 0.1, { failed: () => true });
    const back = analyseSensitivity({ baseline: failing, assumptions: [{ variants: variantsOf(latency), low: outcomes(100, 100, 0.1), high: failing }], rankBy: 'failure' });
    expect(back.flips.map((f) => [f.kind, f.end.end, f.value])).toEqual([['failure', 'low', 0]]);
  });

  it('finds deadline flips on the P90 wall time, after the failure flips', () => {
    const analysis = analyseSensitivity({
      baseline,
      assumptions: [
        { variants: variantsOf(latency), low: outcomes(100, 60, 0.1), high: outcomes(100, 180, 0.1, { failed: () => true }) },
        { variants: variantsOf(cost), low: outcomes(100, 99, 0.1), high: outcomes(100, 101, 0.1) },
      ],
      rankBy: 'time',
      deadlineSeconds: 110,
    });
    // Baseline P90 109.x s: met. The slow listing misses it (and fails); nothing else crosses.
    expect(analysis.baseline.deadline?.metAtP90).toBe(true);
    expect(analysis.flips.map((f) => `${f.kind} ${f.assumption.id} ${f.end.end}`)).toEqual(['failure itemReader.pageLatencyMs high', 'deadline itemReader.pageLatencyMs high']);
    expect(analysis.assumptions[0]?.high.stats.deadline?.missProbability).toBe(1);
  });

  it('gives an end equal to the baseline the baseline\'s figures and no swing', () => {
    const analysis = analyseSensitivity({ baseline, assumptions: [{ variants: variantsOf(flag, { low: true }), low: baseline, high: outcomes(100, 90, 0.1) }], rankBy: 'time' });
    const [result] = analysis.assumptions;
    expect(result?.low.sameAsBaseline).toBe(true);
    expect(result?.low.stats).toEqual(analysis.baseline);
    expect(result?.low.change).toEqual({ wallTimeSecondsP90: 0, costUsdP90: 0, failureProbability: 0 });
    expect(result?.low.settingText).toBe('false');
  });

  it('refuses ends with a different run count from the baseline', () => {
    expect(() => analyseSensitivity({ baseline, assumptions: [{ variants: variantsOf(latency), low: outcomes(50, 1, 1), high: outcomes(100, 1, 1) }], rankBy: 'time' })).toThrow(RangeError);
  });
});

describe('sensitivity of real simulations', () => {
  const listingBound = scenario({
    itemReader: { source: 's3ListObjectsV2', objectCount: 20_000, listBeforeProcessing: false },
    itemBatcher: { maxItemsPerBatch: 500 },
    maxConcurrency: 100,
    executionType: 'EXPRESS',
    lambda: { perItemDurationMs: 1, initDurationMs: 0 },
  });

  it('makes a listing-bound Map Run slower when pages take longer, and faster when they are quicker', async () => {
    const { analysis } = await runSensitivity({ ...listingBound, seed: 3, catalogue, runs: 12, workers: 1, rankBy: 'time', only: ['itemReader.pageLatencyMs'] });
    const [pages] = analysis.assumptions;
    expect(pages?.high.stats.wallTimeSeconds.p90).toBeGreaterThan(analysis.baseline.wallTimeSeconds.p90 + 1);
    expect(pages?.low.stats.wallTimeSeconds.p90).toBeLessThan(analysis.baseline.wallTimeSeconds.p90 - 0.5);
  });

  it('gives exactly the baseline\'s figures for an assumption that cannot matter (common random numbers)', async () => {
    // Nothing fails, so the failure detection lag never acts: every draw of every end is the baseline's.
    const { analysis } = await runSensitivity({ ...listingBound, seed: 5, catalogue, runs: 10, workers: 1, rankBy: 'time', only: ['failureDetectionLagMs'] });
    const [lag] = analysis.assumptions;
    expect(lag?.low.sameAsBaseline).toBe(false);
    expect(lag?.low.stats).toEqual(analysis.baseline);
    expect(lag?.high.stats).toEqual(analysis.baseline);
    expect(lag?.swing).toEqual({ wallTimeSeconds: 0, costUsd: 0, failureProbability: 0 });
  });

  it('uses the baseline outcomes it is given rather than running them again', async () => {
    const first = await runSensitivity({ ...listingBound, seed: 5, catalogue, runs: 6, workers: 1, rankBy: 'time', only: ['itemReader.listBeforeProcessing'] });
    const given = Array.from({ length: 6 }, (_, i) => ({ failed: false, wallTimeMs: 1000 + i, costUsd: 0.5 }));
    const second = await runSensitivity({ ...listingBound, seed: 5, catalogue, runs: 6, workers: 1, rankBy: 'time', only: ['itemReader.listBeforeProcessing'], baselineOutcomes: given });
    expect(second.replications).toBe(first.replications - 6);
    expect(second.analysis.baseline.wallTimeSeconds.p50).toBeCloseTo(1.0025, 9);
  });

  it('reports a flip when the slower end pushes every invocation past the function timeout', async () => {
    // Batches of 10 items at 90 ms: 900 ms, inside the 1 s timeout; 25 % slower is 1.125 s.
    const nearTimeout = scenario({
      itemReader: { source: 'inline', itemCount: 100 },
      itemBatcher: { maxItemsPerBatch: 10 },
      maxConcurrency: 10,
      lambda: { perItemDurationMs: 90, initDurationMs: 0, timeoutSeconds: 1 },
    });
    const { analysis } = await runSensitivity({ ...nearTimeout, seed: 1, catalogue, runs: 8, workers: 1, rankBy: 'failure', only: ['lambda.perItemDurationMs', 'childStarts.startLatencyMs'] });
    expect(analysis.baseline.failure.probability).toBe(0);
    expect(analysis.assumptions[0]?.assumption.id).toBe('lambda.perItemDurationMs');
    expect(analysis.flips).toHaveLength(1);
    expect(analysis.flips[0]).toMatchObject({ kind: 'failure', baseline: 0, value: 1 });
    expect(analysis.flips[0]?.end.end).toBe('high');
    expect(analysis.flips[0]?.assumption.id).toBe('lambda.perItemDurationMs');
  });
});
