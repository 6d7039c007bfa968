/**
 * How a scenario's replications are run and summarised, whatever runs them: a fixed
 * number, or as many as it takes for the 95 % interval of the P90 wall time to be within
 * ±P % (doubling the runs, up to a maximum). Replication 0 is also kept in full, for the
 * detailed view of one run. Pure: the replications themselves come from a
 * `ReplicationSource` (worker threads in Node, Web Workers in `dmap studio`'s page), and
 * since each depends only on (seed, index), the result does not depend on which.
 */
import {
  runReplication,
  summarizeReplications,
  type ReplicationContext,
  type ReplicationDetail,
  type ReplicationRecord,
  type SimulationSummary,
} from '../montecarlo/index.js';

export interface RunOptions {
  /** Replications to run (at least 1), or the starting count with `precisionPercent`. */
  runs: number;
  /** Keep adding runs until the P90 wall time's 95 % interval is within ± this percent. */
  precisionPercent?: number;
  /** Upper bound on runs with `precisionPercent`. */
  maxRuns?: number;
  workers: number;
  onProgress?: (done: number, total: number) => void;
  /** Run even when the work estimate is far beyond what a user could want (work-guard.ts). */
  force?: boolean;
}

export interface PrecisionOutcome {
  targetPercent: number;
  /** Half-width of the P90 wall time's 95 % interval, as a percent of the P90. */
  achievedPercent: number;
  met: boolean;
  maxRuns: number;
}

export interface SimulationRun {
  first: ReplicationDetail;
  records: ReplicationRecord[];
  summary: SimulationSummary;
  precision?: PrecisionOutcome;
}

/** What runs replications [from, to) and returns their records in index order (ReplicationPool is one). */
export interface ReplicationSource {
  run(from: number, to: number, doneBefore?: number): Promise<ReplicationRecord[]>;
}

export const DEFAULT_MAX_RUNS = 10_000;
const PRECISION_START_RUNS = 100;

/**
 * The replications of one scenario on an existing pool (a sweep reuses one pool for
 * all its points). `onTarget` learns the run count as --precision raises it.
 */
export async function runOnPool(
  pool: ReplicationSource,
  context: ReplicationContext,
  options: RunOptions,
  onTarget: (target: number) => void = () => undefined,
): Promise<SimulationRun> {
  const counts = runCounts(options);
  let target = counts.first;
  onTarget(target);
  const first = runReplication(context, 0);
  const maxRuns = counts.most;
  const records: ReplicationRecord[] = [first.record];
  for (;;) {
    records.push(...(await pool.run(records.length, target, records.length)));
    const summary = summarizeReplications(records);
    if (options.precisionPercent === undefined) return { first, records, summary };
    const achievedPercent = relativeHalfWidthPercent(summary);
    const met = achievedPercent <= options.precisionPercent;
    if (met || target >= maxRuns) {
      return { first, records, summary, precision: { targetPercent: options.precisionPercent, achievedPercent, met, maxRuns } };
    }
    target = Math.min(maxRuns, target * 2);
    onTarget(target);
  }
}

/** The first run count, and the most --precision may reach (without it, the run count itself). */
export function runCounts(options: RunOptions): { first: number; most: number } {
  if (options.precisionPercent === undefined) return { first: options.runs, most: options.runs };
  const first = Math.max(options.runs, PRECISION_START_RUNS);
  return { first, most: Math.max(first, options.maxRuns ?? DEFAULT_MAX_RUNS) };
}

function relativeHalfWidthPercent(summary: SimulationSummary): number {
  const { p90, ci95 } = summary.wallTimeSeconds;
  if (p90 === 0) return 0;
  return ((ci95.p90[1] - ci95.p90[0]) / 2 / p90) * 100;
}
