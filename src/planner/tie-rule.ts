/**
 * When two configurations are the same within the noise, and which one wins then.
 *
 * A difference is within the noise when the paired 95 % interval of it includes zero, or
 * when it is under 1 % of the better figure: with common random numbers even a
 * hundredth of a cent can be "significant", and no one should trade headroom on a
 * deadline for it. Within the noise the answer is a tie, said as such, and the more robust
 * configuration wins: the one more surely meeting the goal (the higher lower bound of
 * its probability), then the one with more headroom (the lower P90 wall time for a
 * deadline, the lower expected cost for a budget), then the first in sweep order. Pure.
 */
import type { PairedDifference } from './paired-difference.js';

/** Differences under this share of the better figure are ties whatever their interval. */
export const MATERIAL_SHARE = 0.01;

export function isTie(difference: PairedDifference, betterFigure: number): boolean {
  if (difference.ci95 === null) return true;
  const [low, high] = difference.ci95;
  return (low <= 0 && high >= 0) || Math.abs(difference.mean) < MATERIAL_SHARE * Math.abs(betterFigure);
}

export interface RobustnessFigures {
  index: number;
  /** Lower bound of the 95 % interval of P(meeting the goal). */
  goalLowerBound: number;
  p90WallSeconds: number;
  expectedCostUsd: number;
}

/** Sorts the more robust first. */
export function byRobustness(kind: 'deadline' | 'budget'): (a: RobustnessFigures, b: RobustnessFigures) => number {
  return (a, b) =>
    b.goalLowerBound - a.goalLowerBound ||
    (kind === 'deadline' ? a.p90WallSeconds - b.p90WallSeconds || a.expectedCostUsd - b.expectedCostUsd : a.expectedCostUsd - b.expectedCostUsd || a.p90WallSeconds - b.p90WallSeconds) ||
    a.index - b.index;
}

export function tieRuleText(kind: 'deadline' | 'budget'): string {
  const headroom = kind === 'deadline' ? 'the lower P90 wall time, then the lower expected cost' : 'the lower expected cost, then the lower P90 wall time';
  return (
    'a difference is a tie when its paired 95 % interval includes zero or it is under 1 % of the better figure; ' +
    `a tie goes to the more robust configuration: the higher lower bound of P(meeting the goal), then ${headroom}, then the first in sweep order`
  );
}
