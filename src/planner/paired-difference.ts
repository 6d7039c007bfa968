/**
 * The difference between two configurations on the same replications. Every point of a
 * sweep runs replication r with the same seed (common random numbers), so the r-th
 * figures of two points differ only by their configuration; the differences d_r = a_r − b_r
 * are then a sample of one quantity, and their mean has the paired Student's t 95 %
 * interval mean ± t(n−1) × sd / √n. Pairing removes the noise the two share, which is
 * why a few dozen runs separate configurations that unpaired intervals cannot. Racing
 * gives points different run counts: the pair is over the replications both have (the
 * first min(n_a, n_b), since every point runs 0, 1, 2, ...). Pure.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile975 } from '../montecarlo/t-quantile.js';

export interface PairedDifference {
  /** Replications both points ran. */
  n: number;
  /** Mean of a_r − b_r. */
  mean: number;
  /** Paired t 95 % interval of the mean; null with fewer than two pairs. */
  ci95: [number, number] | null;
}

export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  const n = Math.min(a.length, b.length);
  if (n === 0) return { n, mean: 0, ci95: null };
  const d: number[] = new Array(n);
  for (let r = 0; r < n; r++) d[r] = (a[r] as number) - (b[r] as number);
  const m = mean(d);
  if (n < 2) return { n, mean: m, ci95: null };
  const half = (tQuantile975(n - 1) * sampleStandardDeviation(d)) / Math.sqrt(n);
  return { n, mean: m, ci95: [m - half, m + half] };
}
