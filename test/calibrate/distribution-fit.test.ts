import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../src/calibrate/fit/distribution-fit.js';
import { ksPValue, ksStatistic } from '../../src/calibrate/fit/ks-test.js';
import { Reservoir } from '../../src/calibrate/fit/reservoir.js';
import { RunningStats } from '../../src/calibrate/fit/running-stats.js';
import { compileSampler, createRng, quantileOf, type DistributionSpec } from '../../src/random/index.js';

function sample(spec: DistributionSpec, n: number, seed = 'fit-test'): Float64Array {
  const draw = compileSampler(spec);
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => draw(rng)).sort();
}

describe('fitting a distribution', () => {
  it('picks the lognormal for lognormal data and recovers its median', () => {
    const fit = fitDistribution(sample({ type: 'lognormal', p50: 300, p99: 1000 }, 5000));
    expect(fit.chosen).toBe('lognormal');
    expect(quantileOf(fit.spec, 0.5) / 300).toBeCloseTo(1, 1);
    // The normal is not offered: this lognormal is not 3 sd clear of 0.
    expect(fit.quality).toMatch(/^KS 0\.\d+ \(p [\d.]+\), AIC [\d,.]+ vs exponential [\d,.]+ \(rejected\)$/);
  });

  it('picks the normal for normal data well clear of 0, and the exponential for exponential data', () => {
    expect(fitDistribution(sample({ type: 'normal', mean: 1000, sd: 50 }, 5000)).chosen).toBe('normal');
    expect(fitDistribution(sample({ type: 'exponential', mean: 40 }, 5000)).chosen).toBe('exponential');
  });

  it('falls back to an empirical percentile table when every family is rejected', () => {
    const a = sample({ type: 'normal', mean: 100, sd: 5 }, 3000, 'a');
    const b = sample({ type: 'normal', mean: 400, sd: 5 }, 3000, 'b');
    const fit = fitDistribution(Float64Array.from([...a, ...b]).sort());
    expect(fit.chosen).toBe('empirical');
    const table = (fit.spec as { percentiles: Array<{ p: number; value: number }> }).percentiles;
    expect(table.map((point) => point.p)).toEqual([0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100]);
    expect(fit.method).toMatch(/^empirical percentiles: the Kolmogorov–Smirnov test rejected lognormal, (normal, )?exponential at 1 %/);
  });

  it('calls equal values a constant', () => {
    expect(fitDistribution(Float64Array.from([5, 5, 5, 5, 5])).spec).toEqual({ type: 'constant', value: 5 });
  });
});

describe('the Kolmogorov–Smirnov test', () => {
  it('measures the largest gap to the CDF and gives the textbook p-values', () => {
    // At 0.2 the sample has 2/3 of its values, the uniform CDF 0.2.
    expect(ksStatistic([0.1, 0.2, 0.9], (x) => x)).toBeCloseTo(2 / 3 - 0.2, 12);
    // Critical values of the Kolmogorov distribution: λ = 1.36 at 5 %, 1.63 at 1 %.
    expect(ksPValue(1.36 / Math.sqrt(10_000), 10_000)).toBeCloseTo(0.05, 2);
    expect(ksPValue(1.63 / Math.sqrt(10_000), 10_000)).toBeCloseTo(0.01, 2);
  });
});

describe('constant memory over a stream', () => {
  it('keeps running statistics exact and merges them', () => {
    const all = new RunningStats();
    const a = new RunningStats();
    const b = new RunningStats();
    [1, 2, 3, 4, 10].forEach((x, i) => {
      all.add(x);
      (i < 2 ? a : b).add(x);
    });
    a.merge(b);
    expect(a.mean).toBeCloseTo(all.mean, 12);
    expect(a.variance).toBeCloseTo(12.5, 12);
    expect([a.min, a.max, a.count]).toEqual([1, 10, 5]);
  });

  it('keeps a bounded, seeded, uniform sample', () => {
    const take = () => {
      const reservoir = new Reservoir('test', 1000);
      for (let i = 0; i < 100_000; i++) reservoir.add(i);
      return reservoir;
    };
    const first = take();
    const sorted = first.sorted();
    expect(sorted.length).toBe(1000);
    expect(first.complete).toBe(false);
    expect(Array.from(take().sorted())).toEqual(Array.from(sorted));
    // Uniform over the stream: its median near the stream's.
    expect(Math.abs((sorted[500] as number) - 50_000)).toBeLessThan(5000);
  });
});
