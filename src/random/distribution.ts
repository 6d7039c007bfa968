/**
 * From a DistributionSpec to a sampler and its exact figures. Everything that depends
 * only on the spec (mu and sigma, tail masses, tables) is computed once by
 * `compileDistribution`; the other functions are conveniences over it.
 */
import {
  constantModel,
  exponentialModel,
  triangularModel,
  uniformModel,
} from './basic-distributions.js';
import type { DistributionModel, Sampler } from './distribution-model.js';
import type { DistributionSpec } from './distribution-spec.js';
import { empiricalPercentilesModel, empiricalSamplesModel } from './empirical.js';
import { lognormalFromMoments, lognormalFromPercentiles } from './lognormal.js';
import { truncatedNormalModel } from './truncated-normal.js';

export type { DistributionModel, Sampler } from './distribution-model.js';
export { describeDistribution } from './describe-distribution.js';

/** Validates the parameters the math needs and precomputes everything; throws on misuse. */
export function compileDistribution(spec: DistributionSpec): DistributionModel {
  const model = modelOf(spec);
  const quantile = model.quantile;
  return {
    ...model,
    quantile: (p: number) => {
      if (!(p > 0 && p < 1)) throw new RangeError(`quantile: p must be in (0, 1), got ${p}`);
      return quantile(p);
    },
  };
}

/** A sampler for the hot loop: one closure, no allocation per draw. */
export function compileSampler(spec: DistributionSpec): Sampler {
  return modelOf(spec).sample;
}

export function meanOf(spec: DistributionSpec): number {
  return modelOf(spec).mean;
}

/** The smallest value a draw can take; a lower bound for simulated times. */
export function minOf(spec: DistributionSpec): number {
  return modelOf(spec).min;
}

/** The largest value a draw can take: Infinity for unbounded distributions. */
export function maxOf(spec: DistributionSpec): number {
  switch (spec.type) {
    case 'constant':
      return spec.value;
    case 'uniform':
    case 'triangular':
      return spec.max;
    case 'empirical':
      return 'samples' in spec ? Math.max(...spec.samples) : (spec.percentiles.at(-1)?.value ?? Infinity);
    default:
      return Infinity;
  }
}

/** Exact quantile for p in (0, 1); type-7 sample quantile for `samples`. Compile once if calling often. */
export function quantileOf(spec: DistributionSpec, p: number): number {
  return compileDistribution(spec).quantile(p);
}

function modelOf(spec: DistributionSpec): DistributionModel {
  switch (spec.type) {
    case 'constant':
      return constantModel(spec.value);
    case 'uniform':
      return uniformModel(spec.min, spec.max);
    case 'normal':
      return truncatedNormalModel(spec.mean, spec.sd);
    case 'lognormal':
      return 'p50' in spec ? lognormalFromPercentiles(spec.p50, spec.p99) : lognormalFromMoments(spec.mean, spec.sd);
    case 'exponential':
      return exponentialModel(spec.mean);
    case 'triangular':
      return triangularModel(spec.min, spec.mode, spec.max);
    case 'empirical':
      return 'samples' in spec ? empiricalSamplesModel(spec.samples) : empiricalPercentilesModel(spec.percentiles);
    default:
      throw new Error(`unknown distribution type ${JSON.stringify((spec as { type?: unknown }).type)}`);
  }
}
