/**
 * The closed-form distributions: constant, uniform, exponential and triangular, each
 * sampled by one uniform through its inverse distribution function.
 */
import { invalidSpec, isFiniteNumber, type DistributionModel } from './distribution-model.js';

export function constantModel(value: number): DistributionModel {
  if (!isFiniteNumber(value)) throw invalidSpec('constant', `value must be finite, got ${value}`);
  return { sample: () => value, mean: value, variance: 0, min: value, quantile: () => value };
}

export function uniformModel(min: number, max: number): DistributionModel {
  const width = max - min;
  if (!isFiniteNumber(min) || !isFiniteNumber(max) || !isFiniteNumber(width) || width < 0) {
    throw invalidSpec('uniform', `needs finite min <= max, got min ${min}, max ${max}`);
  }
  return {
    // min + width * u can round up past max when width itself was rounded up.
    sample: (rng) => Math.min(max, min + width * rng()),
    mean: min + width / 2,
    variance: (width * width) / 12,
    min,
    quantile: (p) => min + width * p,
  };
}

export function exponentialModel(mean: number): DistributionModel {
  if (!isFiniteNumber(mean) || mean < 0) throw invalidSpec('exponential', `mean must be finite and >= 0, got ${mean}`);
  return {
    // log1p(-u) = ln(1 - u), accurate for small u, and 1 - u > 0 so it is finite.
    sample: (rng) => -mean * Math.log1p(-rng()),
    mean,
    variance: mean * mean,
    min: 0,
    quantile: (p) => -mean * Math.log1p(-p),
  };
}

export function triangularModel(min: number, mode: number, max: number): DistributionModel {
  if (![min, mode, max, max - min].every(isFiniteNumber) || !(min <= mode && mode <= max)) {
    throw invalidSpec('triangular', `needs finite min <= mode <= max, got ${min}, ${mode}, ${max}`);
  }
  const width = max - min;
  if (width === 0) return constantModel(min);
  const modeProbability = (mode - min) / width;
  const leftScale = width * (mode - min);
  const rightScale = width * (max - mode);
  const inverseCdf = (u: number): number =>
    u < modeProbability ? min + Math.sqrt(u * leftScale) : max - Math.sqrt((1 - u) * rightScale);
  return {
    // The clamps only absorb rounding at the edges; the formula itself stays in range.
    sample: (rng) => Math.min(max, Math.max(min, inverseCdf(rng()))),
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
    min,
    quantile: inverseCdf,
  };
}
