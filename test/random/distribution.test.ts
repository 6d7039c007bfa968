import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  compileDistribution,
  compileSampler,
  deriveStream,
  describeDistribution,
  meanOf,
  minOf,
  quantileOf,
  standardNormal,
  type DistributionSpec,
  type Rng,
} from '../../src/random/index.js';
import { summarizeDraws, type DrawSummary } from './draw-summary.js';

const DRAWS = 200_000;
/** Every statistical check allows 5 standard errors: a false alarm about once in 1.7 million. */
const STANDARD_ERRORS = 5;

/** 1001 distinct values, skewed (100 + k^2/1000 for k = 0..1000), in scrambled order. */
const OBSERVED = Array.from({ length: 1001 }, (_, i) => {
  const k = (i * 7919) % 1001; // 7919 is coprime to 1001, so k runs over 0..1000 once
  return 100 + (k * k) / 1000;
});

const PERCENTILE_TABLE: DistributionSpec = {
  type: 'empirical',
  percentiles: [
    { p: 0, value: 10 },
    { p: 50, value: 100 },
    { p: 99, value: 800 },
    { p: 100, value: 900 },
  ],
};

interface StatisticalCase {
  readonly name: string;
  readonly spec: DistributionSpec;
  /**
   * Extra width, in probability, for discrete distributions: a sample quantile of draws
   * from `samples` sits on an observed value, type-7 interpolates between two of them.
   */
  readonly discreteSlack?: number;
}

const STATISTICAL_CASES: readonly StatisticalCase[] = [
  { name: 'constant', spec: { type: 'constant', value: 16000 } },
  { name: 'uniform', spec: { type: 'uniform', min: 10, max: 20 } },
  { name: 'normal, rejection, nearly untruncated (100, 20)', spec: { type: 'normal', mean: 100, sd: 20 } },
  { name: 'normal, rejection, half-normal (0, 10)', spec: { type: 'normal', mean: 0, sd: 10 } },
  { name: 'normal, rejection at 26 % acceptance (-13, 20)', spec: { type: 'normal', mean: -13, sd: 20 } },
  { name: 'normal, inverse CDF at 24 % acceptance (-14, 20)', spec: { type: 'normal', mean: -14, sd: 20 } },
  { name: 'normal, inverse CDF (-50, 20)', spec: { type: 'normal', mean: -50, sd: 20 } },
  { name: 'normal, inverse CDF deep in the tail (-500, 20)', spec: { type: 'normal', mean: -500, sd: 20 } },
  { name: 'normal, beyond double range (-1000, 1)', spec: { type: 'normal', mean: -1000, sd: 1 } },
  { name: 'lognormal from mean and sd', spec: { type: 'lognormal', mean: 100, sd: 50 } },
  { name: 'lognormal from p50 and p99', spec: { type: 'lognormal', p50: 120, p99: 900 } },
  { name: 'exponential', spec: { type: 'exponential', mean: 250 } },
  { name: 'triangular', spec: { type: 'triangular', min: 10, mode: 20, max: 50 } },
  { name: 'triangular, mode at min', spec: { type: 'triangular', min: 0, mode: 0, max: 10 } },
  { name: 'triangular, mode at max', spec: { type: 'triangular', min: 5, mode: 10, max: 10 } },
  { name: 'empirical samples', spec: { type: 'empirical', samples: OBSERVED }, discreteSlack: 1 / OBSERVED.length },
  { name: 'empirical percentiles', spec: PERCENTILE_TABLE },
];

const summaries = new Map<string, DrawSummary>();
const summaryOf = (c: StatisticalCase): DrawSummary => {
  let summary = summaries.get(c.name);
  if (summary === undefined) {
    summary = summarizeDraws(c.spec, DRAWS, c.name);
    summaries.set(c.name, summary);
  }
  return summary;
};

describe.each(STATISTICAL_CASES)('$name: 200,000 draws', (c) => {
  it('have a mean within 5 standard errors of meanOf', () => {
    const draws = summaryOf(c);
    // Standard error of the mean from the sample sd; the floor covers sd 0 (constant).
    const tolerance = (STANDARD_ERRORS * draws.sd) / Math.sqrt(draws.count) + 1e-12 * Math.abs(draws.mean);
    expect(Math.abs(draws.mean - meanOf(c.spec))).toBeLessThanOrEqual(tolerance);
  });

  it.each([0.5, 0.9, 0.99])('have a p%s within 5 standard errors of quantileOf', (p) => {
    const draws = summaryOf(c);
    // The sample p-quantile has probability content p +- sqrt(p(1-p)/n), so it must lie
    // between the exact quantiles at p -+ 5 of those. For these specs that band is
    // about +-0.5 % of the quantile at p50 and +-1 % to +-4 % at p99.
    const delta = STANDARD_ERRORS * Math.sqrt((p * (1 - p)) / draws.count) + (c.discreteSlack ?? 0);
    const exact = quantileOf(c.spec, p);
    const roundoff = 1e-12 * Math.abs(exact);
    expect(draws.quantile(p)).toBeGreaterThanOrEqual(quantileOf(c.spec, p - delta) - roundoff);
    expect(draws.quantile(p)).toBeLessThanOrEqual(quantileOf(c.spec, p + delta) + roundoff);
  });

  it('never fall below minOf', () => {
    expect(summaryOf(c).min).toBeGreaterThanOrEqual(minOf(c.spec));
  });
});

describe('normal truncated at 0', () => {
  const normals = STATISTICAL_CASES.filter((c) => c.spec.type === 'normal');

  it.each(normals)('$name never draws a negative value', (c) => {
    expect(summaryOf(c).min).toBeGreaterThanOrEqual(0);
  });

  it('is conditioned, not clamped: no pile of exact zeros', () => {
    const halfNormal = normals.find((c) => c.name.includes('half-normal')) as StatisticalCase;
    // Clamping would turn half of all draws into exactly 0.
    expect(summaryOf(halfNormal).zeroCount).toBeLessThan(10);
  });

  it.each([
    // [mean, sd, mean + sd phi(alpha) / (1 - Phi(alpha))] from mpmath at 50 digits
    [100, 20, 100.00002973439882],
    [0, 10, 7.978845608028654],
    [-13, 20, 12.051559525835458],
    [-14, 20, 11.80998678916333],
    [-50, 20, 6.454895953278145],
    [-500, 20, 0.7974602411512517],
    [-1000, 1, 0.00099999800001],
  ])('mean %s, sd %s has the closed-form mean %s', (mean, sd, expected) => {
    expect(meanOf({ type: 'normal', mean, sd })).toBeCloseTo(expected, 12);
    expect(Math.abs(meanOf({ type: 'normal', mean, sd }) / expected - 1)).toBeLessThan(1e-9);
  });

  it.each([
    // [mean, sd, p50, p99] of the conditional distribution, from mpmath at 50 digits
    [100, 20, 100.00000718528935, 146.52695963187549],
    [-50, 20, 4.729993822742876, 26.75395129954167],
    [-1000, 1, 0.0006931462471894646, 0.004605154977126746],
  ])('mean %s, sd %s has the exact quantiles p50 %s and p99 %s', (mean, sd, p50, p99) => {
    // 1e-9, not 1e-15: at mean -1000 the result is mean + sd z, with z ~ 1000, rounded.
    expect(Math.abs(quantileOf({ type: 'normal', mean, sd }, 0.5) / p50 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(quantileOf({ type: 'normal', mean, sd }, 0.99) / p99 - 1)).toBeLessThan(1e-9);
  });

  it('uses one uniform per draw when inverting the distribution function', () => {
    const { rng, calls } = countingRng();
    const sample = compileSampler({ type: 'normal', mean: -50, sd: 20 });
    for (let i = 0; i < 100; i++) sample(rng);
    expect(calls()).toBe(100);
  });

  it('treats sd 0 as a constant, and rejects a negative constant', () => {
    expect(compileSampler({ type: 'normal', mean: 5, sd: 0 })(deriveStream(1, 0, 'x'))).toBe(5);
    expect(() => compileSampler({ type: 'normal', mean: -5, sd: 0 })).toThrow(Error);
    expect(() => compileSampler({ type: 'normal', mean: 5, sd: -1 })).toThrow(Error);
  });
});

describe('lognormal', () => {
  it('from p50 and p99 reproduces those percentiles', () => {
    const spec: DistributionSpec = { type: 'lognormal', p50: 120, p99: 900 };
    expect(quantileOf(spec, 0.5)).toBeCloseTo(120, 9);
    expect(quantileOf(spec, 0.99)).toBeCloseTo(900, 9);
    const draws = summaryOf(STATISTICAL_CASES.find((c) => c.name === 'lognormal from p50 and p99') as StatisticalCase);
    // 5 standard errors of the sample quantile, relative: 1.2 % at p50 and 3.6 % at p99.
    expect(Math.abs(draws.quantile(0.5) / 120 - 1)).toBeLessThan(0.015);
    expect(Math.abs(draws.quantile(0.99) / 900 - 1)).toBeLessThan(0.04);
  });

  it('from mean and sd reproduces that sd', () => {
    const draws = summaryOf(STATISTICAL_CASES.find((c) => c.name === 'lognormal from mean and sd') as StatisticalCase);
    // The sample sd of this lognormal (kurtosis 8) has a standard error of 0.3 %.
    expect(Math.abs(draws.sd / 50 - 1)).toBeLessThan(0.02);
  });

  it('uses exactly two uniforms per draw (Box–Muller without caching)', () => {
    const { rng, calls } = countingRng();
    const sample = compileSampler({ type: 'lognormal', mean: 100, sd: 50 });
    for (let i = 0; i < 100; i++) sample(rng);
    expect(calls()).toBe(200);
    standardNormal(rng);
    expect(calls()).toBe(202);
  });
});

describe('exact figures', () => {
  it('minOf is the lower end of the support', () => {
    expect(minOf({ type: 'constant', value: 7 })).toBe(7);
    expect(minOf({ type: 'uniform', min: 10, max: 20 })).toBe(10);
    expect(minOf({ type: 'normal', mean: 100, sd: 20 })).toBe(0);
    expect(minOf({ type: 'lognormal', mean: 100, sd: 20 })).toBe(0);
    expect(minOf({ type: 'lognormal', p50: 100, p99: 200 })).toBe(0);
    expect(minOf({ type: 'exponential', mean: 3 })).toBe(0);
    expect(minOf({ type: 'triangular', min: 2, mode: 3, max: 9 })).toBe(2);
    expect(minOf({ type: 'empirical', samples: [5, 3, 8] })).toBe(3);
    expect(minOf(PERCENTILE_TABLE)).toBe(10);
  });

  it('closed-form means and quantiles', () => {
    expect(meanOf({ type: 'uniform', min: 10, max: 20 })).toBe(15);
    expect(quantileOf({ type: 'uniform', min: 10, max: 20 }, 0.25)).toBe(12.5);
    expect(meanOf({ type: 'exponential', mean: 3 })).toBe(3);
    expect(quantileOf({ type: 'exponential', mean: 3 }, 0.5)).toBeCloseTo(3 * Math.LN2, 14);
    expect(meanOf({ type: 'triangular', min: 10, mode: 20, max: 60 })).toBe(30);
    // P(X <= mode) = (mode - min) / (max - min) = 0.2
    expect(quantileOf({ type: 'triangular', min: 10, mode: 20, max: 60 }, 0.2)).toBeCloseTo(20, 12);
    expect(meanOf({ type: 'lognormal', mean: 100, sd: 50 })).toBe(100);
    // median of a lognormal = mean / sqrt(1 + cv^2)
    expect(quantileOf({ type: 'lognormal', mean: 100, sd: 50 }, 0.5)).toBeCloseTo(100 / Math.sqrt(1.25), 10);
  });

  it('percentile tables interpolate linearly and average segment by segment', () => {
    expect(quantileOf(PERCENTILE_TABLE, 0.25)).toBeCloseTo(55, 12);
    expect(quantileOf(PERCENTILE_TABLE, 0.5)).toBeCloseTo(100, 12);
    expect(quantileOf(PERCENTILE_TABLE, 0.995)).toBeCloseTo(850, 9);
    // 0.50 * (10 + 100)/2 + 0.49 * (100 + 800)/2 + 0.01 * (800 + 900)/2
    expect(meanOf(PERCENTILE_TABLE)).toBeCloseTo(256.5, 12);
  });

  it('samples use their mean and the type-7 sample quantile', () => {
    const samples = [3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20];
    const spec: DistributionSpec = { type: 'empirical', samples: [...samples].reverse() };
    expect(meanOf(spec)).toBeCloseTo(115 / 11, 12);
    for (const p of [0.01, 0.1, 0.25, 0.5, 0.77, 0.99]) {
      expect(quantileOf(spec, p)).toBeCloseTo(quantileSorted(samples, p), 12);
    }
  });

  it('quantileOf accepts only p strictly between 0 and 1', () => {
    const spec: DistributionSpec = { type: 'uniform', min: 0, max: 1 };
    expect(() => quantileOf(spec, 0)).toThrow(RangeError);
    expect(() => quantileOf(spec, 1)).toThrow(RangeError);
    expect(() => quantileOf(spec, Number.NaN)).toThrow(RangeError);
    expect(() => compileDistribution(spec).quantile(1.5)).toThrow(RangeError);
  });
});

describe('misuse is loud', () => {
  const table = (...rows: Array<[number, number]>): DistributionSpec => ({
    type: 'empirical',
    percentiles: rows.map(([p, value]) => ({ p, value })),
  });

  it.each([
    ['a single point', table([0, 1])],
    ['no p 0', table([1, 1], [100, 2])],
    ['no p 100', table([0, 1], [99, 2])],
    ['a repeated p', table([0, 1], [50, 2], [50, 3], [100, 4])],
    ['p going down', table([0, 1], [60, 2], [40, 3], [100, 4])],
    ['values going down', table([0, 5], [50, 4], [100, 6])],
    ['a NaN value', table([0, 1], [50, Number.NaN], [100, 6])],
  ])('percentile table with %s throws', (_problem, spec) => {
    expect(() => compileSampler(spec)).toThrow(/percentile table/);
    expect(() => meanOf(spec)).toThrow(Error);
  });

  it.each<[string, DistributionSpec]>([
    ['empty samples', { type: 'empirical', samples: [] }],
    ['uniform with max < min', { type: 'uniform', min: 2, max: 1 }],
    ['triangular with mode outside', { type: 'triangular', min: 0, mode: 11, max: 10 }],
    ['lognormal with p99 < p50', { type: 'lognormal', p50: 100, p99: 50 }],
    ['lognormal with mean 0', { type: 'lognormal', mean: 0, sd: 1 }],
    ['exponential with negative mean', { type: 'exponential', mean: -1 }],
    ['constant NaN', { type: 'constant', value: Number.NaN }],
  ])('%s throws', (_problem, spec) => {
    expect(() => compileSampler(spec)).toThrow(Error);
  });

  it('a compiled sampler does not see later edits to its spec', () => {
    const samples = [1, 1, 1];
    const sample = compileSampler({ type: 'empirical', samples });
    samples[0] = samples[1] = samples[2] = 99;
    expect(sample(deriveStream(1, 0, 'x'))).toBe(1);
  });
});

describe('bounded specs (property)', () => {
  const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  const boundedSpec: fc.Arbitrary<{ spec: DistributionSpec; max: number }> = fc.oneof(
    finite(-1e6, 1e6).map((value) => ({ spec: { type: 'constant', value } as DistributionSpec, max: value })),
    fc.tuple(finite(-1e6, 1e6), finite(0, 1e6)).map(([min, width]) => {
      const max = min + width;
      return { spec: { type: 'uniform', min, max } as DistributionSpec, max };
    }),
    fc.tuple(finite(-1e6, 1e6), finite(-1e6, 1e6), finite(-1e6, 1e6)).map((values) => {
      const [min, mode, max] = values.sort((a, b) => a - b) as [number, number, number];
      return { spec: { type: 'triangular', min, mode, max } as DistributionSpec, max };
    }),
  );

  it('every draw lies in [minOf, max]', () => {
    fc.assert(
      fc.property(boundedSpec, fc.integer(), ({ spec, max }, seed) => {
        const sample = compileSampler(spec);
        const rng = deriveStream(seed, 0, 'property');
        const min = minOf(spec);
        for (let i = 0; i < 200; i++) {
          const x = sample(rng);
          if (!(x >= min && x <= max)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('the same seed gives the same draws', () => {
    fc.assert(
      fc.property(boundedSpec, fc.string(), ({ spec }, seed) => {
        const first = compileSampler(spec);
        const second = compileSampler(spec);
        const a = deriveStream(seed, 2, 'determinism');
        const b = deriveStream(seed, 2, 'determinism');
        for (let i = 0; i < 50; i++) if (!Object.is(first(a), second(b))) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('describeDistribution', () => {
  it.each<[DistributionSpec, string]>([
    [{ type: 'lognormal', p50: 120, p99: 900 }, 'lognormal (p50 120 ms, p99 900 ms)'],
    [{ type: 'constant', value: 16000 }, 'constant 16000 ms'],
    [{ type: 'uniform', min: 10, max: 20 }, 'uniform 10–20 ms'],
    [{ type: 'normal', mean: 100, sd: 20 }, 'normal (mean 100 ms, sd 20 ms, truncated at 0)'],
    [{ type: 'lognormal', mean: 100.25, sd: 1 / 3 }, 'lognormal (mean 100.25 ms, sd 0.333333 ms)'],
    [{ type: 'exponential', mean: 250 }, 'exponential (mean 250 ms)'],
    [{ type: 'triangular', min: 10, mode: 20, max: 50 }, 'triangular 10–50 ms (mode 20 ms)'],
    [{ type: 'empirical', samples: [30, 10, 20] }, 'empirical (3 samples, 10–30 ms)'],
    [PERCENTILE_TABLE, 'empirical (p0 10 ms, p50 100 ms, p99 800 ms, p100 900 ms)'],
  ])('%j', (spec, text) => {
    expect(describeDistribution(spec, 'ms')).toBe(text);
  });

  it('omits an empty unit', () => {
    expect(describeDistribution({ type: 'uniform', min: 1, max: 2 }, '')).toBe('uniform 1–2');
  });
});

function countingRng(): { rng: Rng; calls: () => number } {
  const inner = deriveStream(1, 0, 'counting');
  let calls = 0;
  return {
    rng: () => {
      calls++;
      return inner();
    },
    calls: () => calls,
  };
}
