/** Seeded randomness: reproducible streams and samplers for the distributions scenarios use. */
export { createRng, deriveStream, type Rng } from './rng.js';
export type { DistributionSpec } from './distribution-spec.js';
export {
  compileDistribution,
  compileSampler,
  describeDistribution,
  maxOf,
  meanOf,
  minOf,
  quantileOf,
  type DistributionModel,
  type Sampler,
} from './distribution.js';
export { scaleDistribution, isDistributionSpec } from './scale-distribution.js';
export { standardNormal } from './standard-normal.js';
export { inverseMillsRatio, logNormalUpperTail, normalCdf, normalPdf, normalUpperTail } from './normal-cdf.js';
export { normalQuantile, normalUpperQuantileOfLog } from './normal-quantile.js';
export { batchSumQuantile, batchSumSampler, EXACT_SUM_MAX_TERMS, type BatchSumSampler } from './batch-sum.js';
