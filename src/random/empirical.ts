/**
 * Distributions given by data: a bag of observed values resampled uniformly (a bootstrap
 * of e.g. REPORT-line durations), or a percentile table read as a piecewise-linear
 * inverse distribution function.
 */
import { invalidSpec, isFiniteNumber, type DistributionModel } from './distribution-model.js';

export function empiricalSamplesModel(samples: readonly number[]): DistributionModel {
  if (!Array.isArray(samples) || samples.length === 0 || !samples.every(isFiniteNumber)) {
    throw invalidSpec('empirical', 'samples must be a non-empty array of finite numbers');
  }
  // A private copy: later edits to the spec cannot change a compiled sampler.
  const values = Float64Array.from(samples);
  const count = values.length;
  const lastIndex = count - 1;
  let sum = 0;
  let min = Infinity;
  for (const value of values) {
    sum += value;
    if (value < min) min = value;
  }
  let squares = 0;
  for (const value of values) squares += (value - sum / count) ** 2;
  let sorted: Float64Array | undefined; // only reports need it; sorting is done on demand
  return {
    // min() guards the index against an rng that returns values a hair below 1.
    sample: (rng) => values[Math.min(lastIndex, Math.floor(rng() * count))] as number,
    mean: sum / count,
    variance: squares / count,
    min,
    quantile: (p) => {
      sorted ??= values.slice().sort();
      return type7Quantile(sorted, p);
    },
  };
}

/** Linear interpolation between order statistics (R type 7, numpy's default). */
function type7Quantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (position - below) * (upper - lower);
}

export function empiricalPercentilesModel(
  points: ReadonlyArray<{ readonly p: number; readonly value: number }>,
): DistributionModel {
  const problem = percentileTableProblem(points);
  if (problem !== undefined) throw invalidSpec('empirical', `percentile table ${problem}`);
  const probabilities = Float64Array.from(points, (point) => point.p / 100);
  const values = Float64Array.from(points, (point) => point.value);
  const segments = values.length - 1;
  const slopes = new Float64Array(segments);
  let mean = 0;
  let meanSquare = 0;
  for (let i = 0; i < segments; i++) {
    const dp = (probabilities[i + 1] as number) - (probabilities[i] as number);
    const v0 = values[i] as number;
    const v1 = values[i + 1] as number;
    slopes[i] = (v1 - v0) / dp;
    // Within a segment the value is uniform between its ends.
    mean += (dp * (v0 + v1)) / 2;
    meanSquare += (dp * (v0 * v0 + v0 * v1 + v1 * v1)) / 3;
  }
  const inverseCdf = (u: number): number => {
    // Binary search for the segment with probabilities[lo] <= u < probabilities[lo + 1].
    let lo = 0;
    let hi = segments;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((probabilities[mid] as number) <= u) lo = mid;
      else hi = mid;
    }
    return (values[lo] as number) + (u - (probabilities[lo] as number)) * (slopes[lo] as number);
  };
  return { sample: (rng) => inverseCdf(rng()), mean, variance: Math.max(0, meanSquare - mean * mean), min: values[0] as number, quantile: inverseCdf };
}

function percentileTableProblem(points: ReadonlyArray<{ readonly p: number; readonly value: number }>): string | undefined {
  if (!Array.isArray(points) || points.length < 2) return 'needs at least two points';
  if (!points.every((point) => isFiniteNumber(point?.p) && isFiniteNumber(point?.value))) {
    return 'needs finite p and value in every point';
  }
  if (points[0]?.p !== 0 || points[points.length - 1]?.p !== 100) return 'must start at p 0 and end at p 100';
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1] as { p: number; value: number };
    const point = points[i] as { p: number; value: number };
    if (!(point.p > previous.p)) return `must have strictly increasing p (row ${i})`;
    if (point.value < previous.value) return `must have non-decreasing values (row ${i})`;
  }
  return undefined;
}
