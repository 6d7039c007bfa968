import { describe, expect, it } from 'vitest';
import { summarizeMetric } from '../../src/montecarlo/metric-summary.js';
import { scaleMetric } from '../../src/montecarlo/scale-metric.js';

describe('scaleMetric', () => {
  it('gives the summary of k × X: a month of 30 runs like each run', () => {
    const runs = [0.61, 0.62, 0.63, 0.64, 0.7];
    const scaled = scaleMetric(summarizeMetric(runs), 30);
    const direct = summarizeMetric(runs.map((v) => v * 30));
    for (const key of ['mean', 'sd', 'min', 'max', 'p50', 'p90', 'p95', 'p99'] as const) expect(scaled[key], key).toBeCloseTo(direct[key], 10);
    expect(scaled.ci95.p90[1]).toBeCloseTo(direct.ci95.p90[1], 10);
    expect(scaled.n).toBe(5);
  });

  it('refuses a factor that is not above 0', () => {
    expect(() => scaleMetric(summarizeMetric([1]), 0)).toThrow(RangeError);
  });
});
