/**
 * The distribution of one item's time, from invocations of b items each. What a REPORT
 * line shows is a whole batch: the overhead plus the sum of b item times. The sum's mean
 * and variance give one item's (batch-regression.ts); its shape is what the family fitted
 * to the batch durations says, carried down to one item the way the simulator carries
 * one item up to a batch (it sums b draws, or draws the sum from a lognormal of the same
 * mean and variance above 16 items):
 *
 * - the batches are lognormal (or exponential): one item is the lognormal of that mean and sd;
 * - normal: the normal of that mean and sd (when it sits 3 sd clear of 0; else lognormal);
 * - no family fits: the batches' percentile table, each point's distance from the batch
 *   mean shrunk by one item's sd over the batch's (a batch's shape, scaled to one item);
 * - batches of one item with no overhead to take off: the family fitted to them as is.
 *
 * Pure.
 */
import type { DistributionSpec } from '../../random/index.js';
import { lognormalWithMoments, roundSpec } from '../fitted-field.js';
import type { OverheadSeparation } from './batch-regression.js';
import type { DistributionFit } from './distribution-fit.js';
import { empiricalTable } from './distribution-fit.js';

export interface PerItemFit {
  spec: DistributionSpec;
  /** How the shape was carried from the batch to one item, in words. */
  how: string;
}

export function perItemDistribution(
  separation: OverheadSeparation,
  batch: { batchSize: number; meanMs: number; sdMs: number; fit: DistributionFit | undefined; sorted: Float64Array },
): PerItemFit {
  const mean = separation.perItemMeanMs;
  const sd = Math.sqrt(separation.perItemVarianceMs2);
  const fit = batch.fit;
  if (!(sd > 0) || fit?.chosen === 'constant') {
    return { spec: roundSpec({ type: 'constant', value: mean }), how: 'every batch took the same time per item: a constant' };
  }
  if (batch.batchSize === 1 && separation.overheadMeanMs === 0 && fit && fit.chosen !== 'empirical') {
    return { spec: fit.spec, how: `single items observed directly: the ${fit.chosen} fitted to them` };
  }
  const family = fit?.chosen ?? 'lognormal';
  if (family === 'normal' && mean >= 3 * sd) {
    return { spec: roundSpec({ type: 'normal', mean, sd }), how: `normal with the mean and sd of one item, as the batch durations are normal` };
  }
  if (family === 'empirical') {
    const table = empiricalTable(batch.sorted);
    const shrink = batch.sdMs > 0 ? sd / batch.sdMs : 0;
    const percentiles = (table as { percentiles: Array<{ p: number; value: number }> }).percentiles.map((point) => ({
      p: point.p,
      value: Math.max(0, mean + (point.value - batch.meanMs) * shrink),
    }));
    return {
      spec: roundSpec({ type: 'empirical', percentiles }),
      how: `the batch durations' percentiles (no family fits them), each one's distance from the mean scaled by ${shrinkText(shrink)} to one item`,
    };
  }
  return {
    spec: lognormalWithMoments(mean, sd),
    how: `lognormal with the mean and sd of one item${family === 'lognormal' ? ', as the batch durations are lognormal' : ` (the batch durations fit ${family}; a sum of items is drawn as a lognormal)`}`,
  };
}

function shrinkText(shrink: number): string {
  return `${Number(shrink.toPrecision(3))}`;
}
