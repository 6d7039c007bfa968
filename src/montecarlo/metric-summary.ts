/**
 * What a set of replications says about one metric: its moments, extremes and
 * percentiles (simple-statistics; percentiles by linear interpolation between order
 * statistics, R's type 7), with 95 % confidence intervals:
 * - for the mean, mean ± t(0.975, n−1) × s/√n;
 * - for a percentile p, distribution-free, between the order statistics whose ranks
 *   bracket n·p by 1.96 binomial standard deviations (the normal approximation to the
 *   binomial count of samples below the true percentile).
 * An interval never leaves the quantity's domain: with few runs and a wide spread,
 * mean − t·s/√n of a wall time can be negative, and is then 0 (`NON_NEGATIVE`).
 * Pure.
 */
import { max, mean, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile975 } from './t-quantile.js';

export const REPORTED_PERCENTILES = [50, 90, 95, 99] as const;
const Z_975 = 1.959963984540054;

export interface MetricSummary {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  ci95: {
    mean: [number, number];
    p50: [number, number];
    p90: [number, number];
    p95: [number, number];
    p99: [number, number];
  };
}

/** The values a quantity can take, as [lowest, highest]. */
export type Domain = readonly [number, number];
export const UNBOUNDED: Domain = [-Infinity, Infinity];
/** Times, costs, counts. */
export const NON_NEGATIVE: Domain = [0, Infinity];
/** Credits (a free-tier or discount line): never above 0. */
export const NON_POSITIVE: Domain = [-Infinity, 0];

/** Summarises `values`, keeping every interval inside `domain`. */
export function summarizeMetric(values: readonly number[], domain: Domain = UNBOUNDED): MetricSummary {
  if (values.length === 0) throw new RangeError('cannot summarise an empty sample');
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const n = list.length;
  const average = mean(list);
  const sd = n > 1 ? sampleStandardDeviation(list) : 0;
  const halfWidth = n > 1 ? tQuantile975(n - 1) * (sd / Math.sqrt(n)) : 0;
  const percentile = (p: number) => quantileSorted(list, p / 100);
  return {
    n,
    mean: average,
    sd,
    min: min(list),
    max: max(list),
    p50: percentile(50),
    p90: percentile(90),
    p95: percentile(95),
    p99: percentile(99),
    ci95: {
      mean: [Math.max(domain[0], average - halfWidth), Math.min(domain[1], average + halfWidth)],
      p50: percentileInterval(list, 0.5),
      p90: percentileInterval(list, 0.9),
      p95: percentileInterval(list, 0.95),
      p99: percentileInterval(list, 0.99),
    },
  };
}

/** Distribution-free 95 % interval for the p-quantile from sorted values. */
export function percentileInterval(sorted: readonly number[], p: number): [number, number] {
  const n = sorted.length;
  const spread = Z_975 * Math.sqrt(n * p * (1 - p));
  // 1-based ranks of the order statistics bounding the interval.
  const lowerRank = Math.max(1, Math.floor(n * p - spread));
  const upperRank = Math.min(n, Math.ceil(n * p + spread));
  return [sorted[lowerRank - 1] as number, sorted[upperRank - 1] as number];
}

/** Wilson score interval for a proportion, at 95 %. */
export function proportionInterval(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  // At the ends the Wilson bounds are exactly 0 and 1; computing them leaves float dust.
  const p = successes / n;
  const z2 = Z_975 * Z_975;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}
