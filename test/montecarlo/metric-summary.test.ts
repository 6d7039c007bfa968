import { describe, expect, it } from 'vitest';
import { createRng, compileSampler, quantileOf, type DistributionSpec } from '../../src/random/index.js';
import { percentileInterval, proportionInterval, summarizeMetric } from '../../src/montecarlo/index.js';
import { tQuantile975 } from '../../src/montecarlo/t-quantile.js';

describe('summarizeMetric', () => {
  it('gives moments, extremes and type-7 percentiles of a hand-checkable sample', () => {
    const s = summarizeMetric([5, 1, 4, 2, 3, 6, 7, 8, 9, 10]);
    expect(s).toMatchObject({ n: 10, mean: 5.5, min: 1, max: 10, p50: 5.5, p90: 9.1 });
    expect(s.sd).toBeCloseTo(3.0276503540974917, 12);
    // t(0.975, 9) = 2.262157163: 5.5 ± 2.262157163 × 3.02765 / √10
    expect(s.ci95.mean[0]).toBeCloseTo(5.5 - 2.262157163 * (3.0276503540974917 / Math.sqrt(10)), 9);
  });

  it('is symmetric in its inputs: the order of the sample does not matter', () => {
    const values = [3.2, 1.5, 9.9, 4.4, 0.1, 7.7];
    expect(summarizeMetric(values)).toEqual(summarizeMetric([...values].reverse()));
  });

  it('estimates the percentiles of a known distribution', () => {
    const spec: DistributionSpec = { type: 'lognormal', p50: 100, p99: 400 };
    const draw = compileSampler(spec);
    const rng = createRng('summary');
    const s = summarizeMetric(Array.from({ length: 100_000 }, () => draw(rng)));
    for (const [p, key] of [[0.5, 'p50'], [0.9, 'p90'], [0.99, 'p99']] as const) {
      expect(s[key] / quantileOf(spec, p)).toBeGreaterThan(0.98);
      expect(s[key] / quantileOf(spec, p)).toBeLessThan(1.02);
      const [lo, hi] = s.ci95[key];
      expect(lo).toBeLessThanOrEqual(s[key]);
      expect(hi).toBeGreaterThanOrEqual(s[key]);
    }
  });
});

describe('percentileInterval', () => {
  it('brackets n·p by 1.96 binomial standard deviations of rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    // n p = 90, spread 1.96 × 3 = 5.88: ranks floor(84.12) = 84 and ceil(95.88) = 96.
    expect(percentileInterval(sorted, 0.9)).toEqual([84, 96]);
  });

  it('covers the true percentile about 95 % of the time', () => {
    const spec: DistributionSpec = { type: 'exponential', mean: 1 };
    const draw = compileSampler(spec);
    const truth = quantileOf(spec, 0.9);
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const rng = createRng(`coverage-${t}`);
      const sorted = Array.from({ length: 200 }, () => draw(rng)).sort((a, b) => a - b);
      const [lo, hi] = percentileInterval(sorted, 0.9);
      if (lo <= truth && truth <= hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.975);
  });
});

describe('proportionInterval (Wilson)', () => {
  it('stays inside [0, 1] and is not degenerate at 0 or n', () => {
    expect(proportionInterval(0, 100)[0]).toBe(0);
    expect(proportionInterval(0, 100)[1]).toBeGreaterThan(0.03);
    expect(proportionInterval(100, 100)[1]).toBe(1);
    const [lo, hi] = proportionInterval(50, 100);
    expect(lo).toBeCloseTo(0.4038, 3);
    expect(hi).toBeCloseTo(0.5962, 3);
  });
});

describe('tQuantile975', () => {
  it('matches the t table and tends to the normal quantile', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
  });
});
