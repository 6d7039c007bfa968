/**
 * What the recommendation and the race compare points on, replication by replication:
 * the wall time, the cost of the run plus the redrive of the work it left undone (priced
 * as src/analysis/failure-economics.ts prices it), whether the run failed or timed
 * children out, and whether it met the goal. Replication r of every point is the same
 * replication (common random numbers), so these vectors pair up. Pure.
 */
import { failureEconomics } from '../analysis/failure-economics.js';
import { proportionInterval, type ReplicationRecord } from '../montecarlo/index.js';

/** A goal as a per-run test: finish within the deadline, or cost (with redrive) within the budget. */
export interface GoalTest {
  kind: 'deadline' | 'budget';
  /** Seconds for a deadline, USD per run for a budget. */
  limit: number;
  /** The probability of meeting it a configuration must reach (`--confidence`, 0–1). */
  confidence: number;
}

export interface PointEvidence {
  index: number;
  wallSeconds: number[];
  /** Run cost plus the priced redrive of its failed, timed-out, aborted and pending items. */
  costUsd: number[];
  /** Per run: the goal was met (a failed run never meets a deadline). Empty without a goal. */
  met: boolean[];
  /** Runs that ended FAILED, and runs in which children timed out. */
  failedRuns: number;
  timedOutRuns: number;
}

export function pointEvidence(index: number, records: readonly ReplicationRecord[], totalItems: number, goal?: GoalTest): PointEvidence {
  const perItemUsd = records.length > 0 ? failureEconomics(records, totalItems).redriveUsdPerItem : 0;
  const costUsd = records.map((r) => r.costUsd + (r.counters.failedItems + r.counters.timedOutItems + r.counters.abortedItems + r.counters.pendingItems) * perItemUsd);
  const wallSeconds = records.map((r) => r.wallTimeMs / 1000);
  const met =
    goal === undefined
      ? []
      : goal.kind === 'deadline'
        ? records.map((r, i) => !r.failed && (wallSeconds[i] as number) <= goal.limit)
        : costUsd.map((c) => c <= goal.limit);
  return {
    index,
    wallSeconds,
    costUsd,
    met,
    failedRuns: records.filter((r) => r.failed).length,
    timedOutRuns: records.filter((r) => r.counters.timedOutItems > 0).length,
  };
}

/** The point may be recommended: no run failed its tolerance or timed children out. */
export function isSafeEvidence(e: PointEvidence): boolean {
  return e.failedRuns === 0 && e.timedOutRuns === 0;
}

export interface GoalProbability {
  runs: number;
  runsMet: number;
  probability: number;
  /** 95 % Wilson interval. */
  ci95: [number, number];
}

export function goalProbability(e: PointEvidence): GoalProbability {
  const runsMet = e.met.filter(Boolean).length;
  const runs = e.met.length;
  return { runs, runsMet, probability: runs === 0 ? 0 : runsMet / runs, ci95: proportionInterval(runsMet, runs) };
}

export function meanOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
