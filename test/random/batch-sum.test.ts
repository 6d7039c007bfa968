import { mean, standardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { batchSumQuantile, batchSumSampler, compileDistribution, createRng, EXACT_SUM_MAX_TERMS, type DistributionSpec } from '../../src/random/index.js';

const SPECS: DistributionSpec[] = [
  { type: 'lognormal', p50: 60, p99: 240 },
  { type: 'lognormal', mean: 62, sd: 10 },
  { type: 'uniform', min: 20, max: 120 },
  { type: 'exponential', mean: 30 },
  { type: 'triangular', min: 20, mode: 40, max: 120 },
  { type: 'normal', mean: 5, sd: 10 },
  { type: 'empirical', samples: [10, 12, 15, 40, 90] },
  { type: 'empirical', percentiles: [{ p: 0, value: 10 }, { p: 50, value: 30 }, { p: 90, value: 80 }, { p: 100, value: 200 }] },
];

describe('variance of every distribution', () => {
  it.each(SPECS.map((spec) => [spec.type, spec] as const))('%s: the exact variance matches 200,000 draws within 2 %', (_, spec) => {
    const model = compileDistribution(spec);
    const rng = createRng('variance');
    const draws = Array.from({ length: 200_000 }, () => model.sample(rng));
    expect(Math.abs(standardDeviation(draws) ** 2 / model.variance - 1)).toBeLessThan(0.02);
  });

  it('is 0 for a constant', () => {
    expect(compileDistribution({ type: 'constant', value: 7 }).variance).toBe(0);
  });
});

describe('batchSumSampler: the total of n single-item draws', () => {
  it('sums the draws one by one up to EXACT_SUM_MAX_TERMS, exactly', () => {
    const model = compileDistribution({ type: 'lognormal', p50: 60, p99: 240 });
    const sum = batchSumSampler(model);
    for (const n of [0, 1, 2, 7, EXACT_SUM_MAX_TERMS]) {
      const a = createRng(`exact-${n}`);
      const b = createRng(`exact-${n}`);
      let expected = 0;
      for (let i = 0; i < n; i++) expected += model.sample(b);
      expect(sum(a, n)).toBe(expected);
    }
  });

  it('is exactly n × the value for a constant item', () => {
    const sum = batchSumSampler(compileDistribution({ type: 'constant', value: 62 }));
    expect(sum(createRng('c'), 250)).toBe(250 * 62);
  });

  it.each([17, 100, 250, 1000])('a single-item lognormal summed over %i items has mean n·μ and standard deviation √n·σ', (n) => {
    const spec: DistributionSpec = { type: 'lognormal', p50: 60, p99: 240 };
    const model = compileDistribution(spec);
    const sum = batchSumSampler(model);
    const rng = createRng(`sum-${n}`);
    const totals = Array.from({ length: 50_000 }, () => sum(rng, n));
    expect(mean(totals) / (n * model.mean)).toBeCloseTo(1, 2);
    expect(Math.abs(standardDeviation(totals) / Math.sqrt(n * model.variance) - 1)).toBeLessThan(0.03);
  });

  it('agrees with summing draw by draw just above the exact limit (quantiles within 2 %)', () => {
    const model = compileDistribution({ type: 'exponential', mean: 30 });
    const sum = batchSumSampler(model);
    const n = 40;
    const rng = createRng('compare');
    const matched = Array.from({ length: 40_000 }, () => sum(rng, n)).sort((x, y) => x - y);
    const exact = Array.from({ length: 40_000 }, () => {
      let total = 0;
      for (let i = 0; i < n; i++) total += model.sample(rng);
      return total;
    }).sort((x, y) => x - y);
    for (const p of [0.1, 0.5, 0.9, 0.99]) {
      const i = Math.floor(p * matched.length);
      expect(Math.abs((matched[i] as number) / (exact[i] as number) - 1)).toBeLessThan(0.02);
    }
  });

  it('never goes below n × the smallest item', () => {
    const model = compileDistribution({ type: 'uniform', min: 20, max: 21 });
    const sum = batchSumSampler(model);
    const rng = createRng('floor');
    for (let i = 0; i < 10_000; i++) expect(sum(rng, 500)).toBeGreaterThanOrEqual(500 * 20);
  });
});

describe('batchSumQuantile', () => {
  it('is the item quantile for one item, n × the value for a constant, and grows like √n around n·μ', () => {
    const model = compileDistribution({ type: 'lognormal', p50: 60, p99: 240 });
    expect(batchSumQuantile(model, 1, 0.9)).toBe(model.quantile(0.9));
    expect(batchSumQuantile(compileDistribution({ type: 'constant', value: 3 }), 10, 0.99)).toBe(30);
    const p99 = batchSumQuantile(model, 250, 0.99);
    expect(p99).toBeGreaterThan(250 * model.mean);
    expect(p99).toBeLessThan(250 * model.mean + 3 * Math.sqrt(250 * model.variance));
  });
});
