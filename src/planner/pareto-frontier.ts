/**
 * The Pareto frontier of P90 wall time against P90 cost: the points no other point
 * beats on one without losing on the other. Ties on both keep the lower index.
 */
import type { PointResult } from './point-result.js';

export function paretoFrontier(points: readonly PointResult[]): PointResult[] {
  return points
    .filter((p) => !points.some((q) => q !== p && dominates(q, p)))
    .filter((p, _, kept) => !kept.some((q) => q.index < p.index && sameFigures(q, p)))
    .sort((a, b) => a.wallTimeSeconds.p90 - b.wallTimeSeconds.p90 || a.costUsd.p90 - b.costUsd.p90 || a.index - b.index);
}

/** q is at least as good on both axes and better on one. */
export function dominates(q: PointResult, p: PointResult): boolean {
  const time = q.wallTimeSeconds.p90 <= p.wallTimeSeconds.p90;
  const cost = q.costUsd.p90 <= p.costUsd.p90;
  return time && cost && (q.wallTimeSeconds.p90 < p.wallTimeSeconds.p90 || q.costUsd.p90 < p.costUsd.p90);
}

function sameFigures(q: PointResult, p: PointResult): boolean {
  return q.wallTimeSeconds.p90 === p.wallTimeSeconds.p90 && q.costUsd.p90 === p.costUsd.p90;
}
