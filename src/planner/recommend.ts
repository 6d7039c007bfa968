/**
 * The recommendation, by a named strategy with a documented tie-break:
 * - deadline: the cheapest point whose P90 wall time meets the deadline (tie: faster);
 * - budget: the fastest point whose P90 cost fits the budget (tie: cheaper);
 * - balanced: on the frontier, the least of P90 time and P90 cost each scaled to 0–1
 *   over the frontier and weighted equally (tie: cheaper).
 * Points that fail their tolerance or time out children are never recommended; when
 * nothing qualifies, the answer says so and names the nearest point instead.
 */
import { formatDuration } from '../report/format-duration.js';
import { formatUsd } from '../report/format-money.js';
import { paretoFrontier } from './pareto-frontier.js';
import { isSafe, type PointResult } from './point-result.js';

export type Strategy = 'deadline' | 'budget' | 'balanced';

export interface Recommendation {
  strategy: Strategy;
  /** The recommended point, or null when none meets the goal. */
  pointIndex: number | null;
  /** When no point meets the goal: the point that comes closest (fastest, or cheapest). */
  closestIndex?: number;
  reason: string;
}

export interface Goal {
  deadlineSeconds?: number;
  budgetUsd?: number;
}

export function recommend(points: readonly PointResult[], goal: Goal, describe: (p: PointResult) => string): Recommendation {
  const safe = points.filter(isSafe);
  const excluded = points.length - safe.length;
  const note =
    excluded === 0 ? '' : excluded === 1 ? ' (1 configuration that fails or times out was left out)' : ` (${excluded} configurations that fail or time out were left out)`;
  if (safe.length === 0) {
    return { strategy: strategyOf(goal), pointIndex: null, reason: `Every configuration fails its tolerance or times out children; none can be recommended.` };
  }
  if (goal.deadlineSeconds !== undefined) {
    const deadline = goal.deadlineSeconds;
    const meeting = safe.filter((p) => p.wallTimeSeconds.p90 <= deadline);
    if (meeting.length === 0) {
      const fastest = [...safe].sort(byTime)[0] as PointResult;
      return {
        strategy: 'deadline',
        pointIndex: null,
        closestIndex: fastest.index,
        reason: `No configuration finishes within ${formatDuration(deadline * 1000)} at P90${note}. The fastest is ${describe(fastest)}: P90 ${formatDuration(fastest.wallTimeSeconds.p90 * 1000)}, ${formatDuration((fastest.wallTimeSeconds.p90 - deadline) * 1000)} over, at ${formatUsd(fastest.costUsd.p90)} per run.`,
      };
    }
    const pick = [...meeting].sort(byCost)[0] as PointResult;
    return {
      strategy: 'deadline',
      pointIndex: pick.index,
      reason: `${describe(pick)} is the cheapest configuration that finishes within ${formatDuration(deadline * 1000)} at P90: P90 ${formatDuration(pick.wallTimeSeconds.p90 * 1000)} for ${formatUsd(pick.costUsd.p90)} per run (P90)${note}.`,
    };
  }
  if (goal.budgetUsd !== undefined) {
    const budget = goal.budgetUsd;
    const within = safe.filter((p) => p.costUsd.p90 <= budget);
    if (within.length === 0) {
      const cheapest = [...safe].sort(byCost)[0] as PointResult;
      return {
        strategy: 'budget',
        pointIndex: null,
        closestIndex: cheapest.index,
        reason: `No configuration costs ${formatUsd(budget)} or less per run at P90${note}. The cheapest is ${describe(cheapest)} at ${formatUsd(cheapest.costUsd.p90)} (P90 ${formatDuration(cheapest.wallTimeSeconds.p90 * 1000)}).`,
      };
    }
    const pick = [...within].sort(byTime)[0] as PointResult;
    return {
      strategy: 'budget',
      pointIndex: pick.index,
      reason: `${describe(pick)} is the fastest configuration within ${formatUsd(budget)} per run at P90: P90 ${formatDuration(pick.wallTimeSeconds.p90 * 1000)} for ${formatUsd(pick.costUsd.p90)}${note}.`,
    };
  }
  const frontier = paretoFrontier(safe);
  const [tMin, tMax] = range(frontier.map((p) => p.wallTimeSeconds.p90));
  const [cMin, cMax] = range(frontier.map((p) => p.costUsd.p90));
  const score = (p: PointResult) => 0.5 * scale(p.wallTimeSeconds.p90, tMin, tMax) + 0.5 * scale(p.costUsd.p90, cMin, cMax);
  const pick = [...frontier].sort((a, b) => score(a) - score(b) || a.costUsd.p90 - b.costUsd.p90 || a.index - b.index)[0] as PointResult;
  return {
    strategy: 'balanced',
    pointIndex: pick.index,
    reason: `${describe(pick)} balances time and cost best among the ${frontier.length} configurations on the Pareto frontier: P90 ${formatDuration(pick.wallTimeSeconds.p90 * 1000)} for ${formatUsd(pick.costUsd.p90)} per run, against ${formatDuration(tMin * 1000)}–${formatDuration(tMax * 1000)} and ${formatUsd(cMin)}–${formatUsd(cMax)} on the frontier (time and cost weighted equally)${note}.`,
  };
}

function strategyOf(goal: Goal): Strategy {
  return goal.deadlineSeconds !== undefined ? 'deadline' : goal.budgetUsd !== undefined ? 'budget' : 'balanced';
}

const byTime = (a: PointResult, b: PointResult) => a.wallTimeSeconds.p90 - b.wallTimeSeconds.p90 || a.costUsd.p90 - b.costUsd.p90 || a.index - b.index;
const byCost = (a: PointResult, b: PointResult) => a.costUsd.p90 - b.costUsd.p90 || a.wallTimeSeconds.p90 - b.wallTimeSeconds.p90 || a.index - b.index;

function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function scale(value: number, min: number, max: number): number {
  return max > min ? (value - min) / (max - min) : 0;
}
