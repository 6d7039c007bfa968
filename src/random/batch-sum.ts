/**
 * The total of n independent draws of one distribution: the time a batch of n items
 * takes when each item's time is drawn from the single-item distribution the user
 * measured. Up to EXACT_SUM_MAX_TERMS the draws are summed; above, the total is drawn
 * from a lognormal with the sum's exact mean n·μ and variance n·σ² (Fenton–Wilkinson
 * moment matching, https://doi.org/10.1109/TCOM.1960.1097606), floored at n·min. Its
 * skew, 3·cv/√n + cv³/n^1.5, tends to the sum's as n grows (central limit), and one
 * draw per batch keeps a batch of 1,000 items as cheap as a batch of one.
 */
import type { DistributionModel } from './distribution-model.js';
import { normalQuantile } from './normal-quantile.js';
import type { Rng } from './rng.js';
import { standardNormal } from './standard-normal.js';

/** Batches up to this size are summed draw by draw: exact for any distribution. */
export const EXACT_SUM_MAX_TERMS = 16;

/** Draws the total of `n` items (n ≥ 0); allocates nothing. */
export type BatchSumSampler = (rng: Rng, n: number) => number;

export function batchSumSampler(model: DistributionModel): BatchSumSampler {
  const { sample, mean, variance, min } = model;
  if (variance === 0) return (_rng, n) => n * mean;
  return (rng, n) => {
    if (n <= EXACT_SUM_MAX_TERMS) {
      let total = 0;
      for (let i = 0; i < n; i++) total += sample(rng);
      return total;
    }
    const { mu, sigma } = sumLogParameters(mean, variance, n);
    return Math.max(n * min, Math.exp(mu + sigma * standardNormal(rng)));
  };
}

/**
 * Quantile p of the total of n items, for bounds and warnings: exact for n = 1, the
 * moment-matched lognormal above EXACT_SUM_MAX_TERMS, and the same lognormal (a close
 * approximation) in between, where the exact quantile has no closed form.
 */
export function batchSumQuantile(model: DistributionModel, n: number, p: number): number {
  if (n <= 0) return 0;
  if (n === 1) return model.quantile(p);
  if (model.variance === 0) return n * model.mean;
  const { mu, sigma } = sumLogParameters(model.mean, model.variance, n);
  return Math.max(n * model.min, Math.exp(mu + sigma * normalQuantile(p)));
}

function sumLogParameters(mean: number, variance: number, n: number): { mu: number; sigma: number } {
  const sumMean = n * mean;
  const logVariance = Math.log1p((n * variance) / (sumMean * sumMean));
  return { mu: Math.log(sumMean) - logVariance / 2, sigma: Math.sqrt(logVariance) };
}
