import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFrontier } from '../../src/planner/pareto-frontier.js';
import type { PointResult } from '../../src/planner/point-result.js';

export function point(index: number, p90Seconds: number, p90Usd: number, extra: Partial<PointResult> = {}): PointResult {
  return {
    index,
    settings: { x: index },
    wallTimeSeconds: { p50: p90Seconds, p90: p90Seconds, ci95p90: [p90Seconds, p90Seconds] },
    costUsd: { p50: p90Usd, p90: p90Usd },
    throttles: { p50: 0, p90: 0 },
    failureProbability: 0,
    timedOutItemsMean: 0,
    flags: [],
    ...extra,
  };
}

describe('paretoFrontier', () => {
  it('keeps exactly the points nothing beats on both axes', () => {
    const points = [point(0, 10, 5), point(1, 20, 3), point(2, 15, 6), point(3, 30, 1), point(4, 25, 3)];
    expect(paretoFrontier(points).map((p) => p.index)).toEqual([0, 1, 3]);
  });

  it('never contains a dominated point and leaves out no undominated one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 40 }), (pairs) => {
        const points = pairs.map(([t, c], i) => point(i, t, c));
        const frontier = paretoFrontier(points);
        for (const p of frontier) expect(points.some((q) => dominates(q, p))).toBe(false);
        for (const p of points) {
          const undominated = !points.some((q) => dominates(q, p));
          const twinOnFrontier = frontier.some((f) => f.wallTimeSeconds.p90 === p.wallTimeSeconds.p90 && f.costUsd.p90 === p.costUsd.p90);
          if (undominated) expect(twinOnFrontier).toBe(true);
        }
        // Fastest first, so cost falls along the frontier.
        for (let i = 1; i < frontier.length; i++) {
          expect(frontier[i]!.wallTimeSeconds.p90).toBeGreaterThan(frontier[i - 1]!.wallTimeSeconds.p90);
          expect(frontier[i]!.costUsd.p90).toBeLessThan(frontier[i - 1]!.costUsd.p90);
        }
      }),
    );
  });
});
