import { describe, expect, it } from 'vitest';
import { byRobustness, isTie } from '../../src/planner/tie-rule.js';

describe('tie rule', () => {
  it('is a tie when the interval includes zero, or the difference is under 1 % of the better figure', () => {
    expect(isTie({ n: 20, mean: 0.1, ci95: [-0.05, 0.25] }, 1)).toBe(true);
    expect(isTie({ n: 20, mean: 0.005, ci95: [0.004, 0.006] }, 1)).toBe(true);
    expect(isTie({ n: 20, mean: 0.02, ci95: [0.015, 0.025] }, 1)).toBe(false);
    expect(isTie({ n: 1, mean: 5, ci95: null }, 1)).toBe(true);
  });

  it('ranks the surer configuration first, then the one with more headroom, then sweep order', () => {
    const a = { index: 0, goalLowerBound: 0.9, p90WallSeconds: 50, expectedCostUsd: 1 };
    const b = { index: 1, goalLowerBound: 0.96, p90WallSeconds: 80, expectedCostUsd: 2 };
    const c = { index: 2, goalLowerBound: 0.96, p90WallSeconds: 70, expectedCostUsd: 3 };
    const d = { index: 3, goalLowerBound: 0.96, p90WallSeconds: 70, expectedCostUsd: 3 };
    expect([a, b, c, d].sort(byRobustness('deadline')).map((x) => x.index)).toEqual([2, 3, 1, 0]);
    expect([a, b, c, d].sort(byRobustness('budget')).map((x) => x.index)).toEqual([1, 2, 3, 0]);
  });
});
