import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/planner/paired-difference.js';

describe('pairedDifference', () => {
  it('is the mean of the run-by-run differences with a paired t interval', () => {
    // Differences 1, 2, 3: mean 2, sd 1, t(2) = 4.303 → half-width 4.303 / √3 = 2.484.
    const d = pairedDifference([11, 22, 33], [10, 20, 30]);
    expect(d.n).toBe(3);
    expect(d.mean).toBe(2);
    expect(d.ci95?.[0]).toBeCloseTo(2 - 2.4842, 3);
    expect(d.ci95?.[1]).toBeCloseTo(2 + 2.4842, 3);
  });

  it('removes the noise two points share: large swings common to both leave a tight interval', () => {
    const shared = [100, 900, 300, 700, 500, 200, 800];
    const d = pairedDifference(shared.map((x) => x + 5), shared);
    expect(d.mean).toBeCloseTo(5, 9);
    expect((d.ci95 as [number, number])[1] - (d.ci95 as [number, number])[0]).toBeLessThan(1e-9);
  });

  it('pairs over the replications both ran, and gives no interval below two', () => {
    expect(pairedDifference([1, 2, 3, 4], [0, 0]).n).toBe(2);
    expect(pairedDifference([5], [3])).toEqual({ n: 1, mean: 2, ci95: null });
    expect(pairedDifference([], [])).toEqual({ n: 0, mean: 0, ci95: null });
  });
});
