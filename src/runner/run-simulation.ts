/**
 * Runs a scenario's replications on worker threads: a fixed number, or as many as it
 * takes for the 95 % interval of the P90 wall time to be within ±P % (replication-runs.ts,
 * which the in-browser planner shares). Replication 0 is also kept in full, for the
 * detailed view of one run.
 */
import type { ReplicationContext } from '../montecarlo/index.js';
import { ReplicationPool } from './replication-pool.js';
import { runCounts, runOnPool, type RunOptions, type SimulationRun } from './replication-runs.js';
import { checkWork } from './work-guard.js';

export { DEFAULT_MAX_RUNS, runOnPool } from './replication-runs.js';
export type { PrecisionOutcome, ReplicationSource, RunOptions, SimulationRun } from './replication-runs.js';

export async function runSimulation(context: ReplicationContext, options: RunOptions): Promise<SimulationRun> {
  // With --precision, the runs it starts with: more come only as the interval asks for them, with progress shown.
  checkWork([{ scenario: context.scenario, runs: runCounts(options).first }], options.force);
  // Workers load while this thread runs replication 0, the one kept in full.
  const pool = new ReplicationPool(context, {
    workers: usefulWorkers(options.workers, runCounts(options).most - 1),
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(done, target) } : {}),
  });
  let target = options.runs;
  try {
    return await runOnPool(pool, context, options, (t) => (target = t));
  } finally {
    await pool.close();
  }
}

/**
 * Threads worth starting for `replications` on the pool (replication 0 runs apart): more
 * threads than replications would only add start-up time and memory.
 */
export function usefulWorkers(workers: number, replications: number): number {
  return Math.max(1, Math.min(workers, replications));
}
