/**
 * What a sweep keeps of each point's Monte Carlo run: the figures the table, the
 * frontier, the charts and the recommendation need, what failure costs, and the flags a
 * reviewer must see, with the cause of a failure in words.
 */
import type { FailureEconomics } from '../analysis/failure-economics.js';
import type { SimulationSummary } from '../montecarlo/index.js';
import type { GoalProbability } from './point-evidence.js';
import type { VariationValue } from './variation.js';

export interface PointResult {
  index: number;
  settings: Record<string, VariationValue>;
  /** Replications behind the figures: fewer than the sweep's runs when a race dropped the point early. */
  runs?: number;
  wallTimeSeconds: { p10?: number; p50: number; p90: number; ci95p90: [number, number] };
  costUsd: { p10?: number; p50: number; p90: number };
  throttles: { p50: number; p90: number };
  failureProbability: number;
  timedOutItemsMean: number;
  flags: string[];
  /** Why the point fails or times children out, in words (absent when it does neither). */
  failureCause?: string;
  /** With a goal: the probability of meeting it (deadline: a run that fails or ends after it misses). */
  goal?: GoalProbability;
  /** What failure costs over the point's runs (src/analysis/failure-economics.ts). */
  failureEconomics?: FailureEconomics;
  /** When a race stopped running the point: after how many runs, and why. */
  race?: { droppedAfterRuns: number; kind: 'fails' | 'misses' | 'duplicate' | 'beaten' | 'tie'; by?: number; reason: string };
}

export interface PointExtras {
  failureCause?: string;
  goal?: GoalProbability;
  failureEconomics?: FailureEconomics;
  race?: PointResult['race'];
  /** P10 wall time and cost, for the frontier chart's whiskers. */
  p10?: { wallTimeSeconds: number; costUsd: number };
}

export function pointResult(index: number, settings: Record<string, VariationValue>, summary: SimulationSummary, extras: PointExtras = {}): PointResult {
  const throttles = summary.counters.throttles;
  const flags: string[] = [];
  if (throttles.p90 > 0) flags.push('throttles');
  if (summary.failure.probability > 0) {
    const cause =
      extras.failureCause ??
      Object.entries(summary.failuresByError)
        .filter(([name]) => name !== 'Lambda.TooManyRequestsException')
        .sort(([, a], [, b]) => b - a)[0]?.[0];
    flags.push(`fails in ${(summary.failure.probability * 100).toFixed(0)} % of runs${cause ? `: ${cause}` : ''}`);
  }
  if (summary.counters.timedOutItems.mean > 0) flags.push(summary.failure.probability > 0 || !extras.failureCause ? 'children time out' : `children time out: ${extras.failureCause}`);
  return {
    index,
    settings,
    runs: summary.runs,
    wallTimeSeconds: { ...(extras.p10 ? { p10: extras.p10.wallTimeSeconds } : {}), p50: summary.wallTimeSeconds.p50, p90: summary.wallTimeSeconds.p90, ci95p90: summary.wallTimeSeconds.ci95.p90 },
    costUsd: { ...(extras.p10 ? { p10: extras.p10.costUsd } : {}), p50: summary.costUsd.p50, p90: summary.costUsd.p90 },
    throttles: { p50: throttles.p50, p90: throttles.p90 },
    failureProbability: summary.failure.probability,
    timedOutItemsMean: summary.counters.timedOutItems.mean,
    flags,
    ...(extras.failureCause !== undefined ? { failureCause: extras.failureCause } : {}),
    ...(extras.goal ? { goal: extras.goal } : {}),
    ...(extras.failureEconomics ? { failureEconomics: extras.failureEconomics } : {}),
    ...(extras.race ? { race: extras.race } : {}),
  };
}

/** A point the recommendation may pick: it neither fails its tolerance nor times out children. */
export function isSafe(point: PointResult): boolean {
  return point.failureProbability === 0 && point.timedOutItemsMean === 0;
}
