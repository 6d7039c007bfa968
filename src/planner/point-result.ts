/**
 * What a sweep keeps of each point's Monte Carlo run: the figures the table, the
 * frontier and the recommendation need, and the flags a reviewer must see.
 */
import type { SimulationSummary } from '../montecarlo/index.js';
import type { VariationValue } from './variation.js';

export interface PointResult {
  index: number;
  settings: Record<string, VariationValue>;
  wallTimeSeconds: { p50: number; p90: number; ci95p90: [number, number] };
  costUsd: { p50: number; p90: number };
  throttles: { p50: number; p90: number };
  failureProbability: number;
  timedOutItemsMean: number;
  flags: string[];
}

export function pointResult(index: number, settings: Record<string, VariationValue>, summary: SimulationSummary): PointResult {
  const throttles = summary.counters.throttles;
  const flags: string[] = [];
  if (throttles.p90 > 0) flags.push('throttles');
  if (summary.failure.probability > 0) {
    const cause = Object.entries(summary.failuresByError)
      .filter(([name]) => name !== 'Lambda.TooManyRequestsException')
      .sort(([, a], [, b]) => b - a)[0]?.[0];
    flags.push(`fails in ${(summary.failure.probability * 100).toFixed(0)} % of runs${cause ? ` (${cause})` : ''}`);
  }
  if (summary.counters.timedOutItems.mean > 0) flags.push('children time out');
  return {
    index,
    settings,
    wallTimeSeconds: { p50: summary.wallTimeSeconds.p50, p90: summary.wallTimeSeconds.p90, ci95p90: summary.wallTimeSeconds.ci95.p90 },
    costUsd: { p50: summary.costUsd.p50, p90: summary.costUsd.p90 },
    throttles: { p50: throttles.p50, p90: throttles.p90 },
    failureProbability: summary.failure.probability,
    timedOutItemsMean: summary.counters.timedOutItems.mean,
    flags,
  };
}

/** A point the recommendation may pick: it neither fails its tolerance nor times out children. */
export function isSafe(point: PointResult): boolean {
  return point.failureProbability === 0 && point.timedOutItemsMean === 0;
}
