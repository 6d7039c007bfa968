/**
 * scaleDistribution stretches a distribution by a factor: for every type the mean and
 * every quantile scale by exactly that factor, and probabilities stay put.
 */
import { describe, expect, it } from 'vitest';
import { compileDistribution, meanOf, scaleDistribution, type DistributionSpec } from '../../src/random/index.js';
import { isDistributionSpec } from '../../src/random/scale-distribution.js';

const SPECS: Array<[string, DistributionSpec]> = [
  ['constant', { type: 'constant', value: 120 }],
  ['uniform', { type: 'uniform', min: 10, max: 90 }],
  ['normal (truncated at 0)', { type: 'normal', mean: 30, sd: 25 }],
  ['lognormal by moments', { type: 'lognormal', mean: 62, sd: 10 }],
  ['lognormal by percentiles', { type: 'lognormal', p50: 100, p99: 300 }],
  ['exponential', { type: 'exponential', mean: 45 }],
  ['triangular', { type: 'triangular', min: 20, mode: 40, max: 120 }],
  ['empirical samples', { type: 'empirical', samples: [5, 8, 13, 21, 34, 55] }],
  ['empirical percentiles', { type: 'empirical', percentiles: [{ p: 0, value: 10 }, { p: 50, value: 40 }, { p: 90, value: 70 }, { p: 100, value: 200 }] }],
];

const FACTORS = [0.25, 0.5, 0.75, 1.25, 2, 3];

describe('scaleDistribution', () => {
  it.each(SPECS)('scales the mean of a %s distribution by the factor exactly', (_name, spec) => {
    for (const factor of FACTORS) {
      const scaled = scaleDistribution(spec, factor);
      expect(scaled.type).toBe(spec.type);
      expect(meanOf(scaled) / meanOf(spec)).toBeCloseTo(factor, 12);
    }
  });

  it.each(SPECS)('scales every quantile of a %s distribution by the factor', (_name, spec) => {
    const original = compileDistribution(spec);
    const scaled = compileDistribution(scaleDistribution(spec, 2));
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(scaled.quantile(p)).toBeCloseTo(2 * original.quantile(p), 9);
  });

  it('leaves the percentile points where they are and changes only their values', () => {
    const spec: DistributionSpec = { type: 'empirical', percentiles: [{ p: 0, value: 10 }, { p: 100, value: 20 }] };
    expect(scaleDistribution(spec, 3)).toEqual({ type: 'empirical', percentiles: [{ p: 0, value: 30 }, { p: 100, value: 60 }] });
    expect(spec).toEqual({ type: 'empirical', percentiles: [{ p: 0, value: 10 }, { p: 100, value: 20 }] });
  });

  it('scales a lognormal given by percentiles as percentiles, and one given by moments as moments', () => {
    expect(scaleDistribution({ type: 'lognormal', p50: 100, p99: 300 }, 0.5)).toEqual({ type: 'lognormal', p50: 50, p99: 150 });
    expect(scaleDistribution({ type: 'lognormal', mean: 62, sd: 10 }, 2)).toEqual({ type: 'lognormal', mean: 124, sd: 20 });
  });

  it('refuses a factor that is not a positive finite number', () => {
    for (const factor of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => scaleDistribution({ type: 'constant', value: 1 }, factor)).toThrow(RangeError);
  });

  it('tells a distribution from other values', () => {
    expect(isDistributionSpec({ type: 'constant', value: 1 })).toBe(true);
    expect(isDistributionSpec(5)).toBe(false);
    expect(isDistributionSpec({ type: 'gamma' })).toBe(false);
    expect(isDistributionSpec(null)).toBe(false);
  });
});
