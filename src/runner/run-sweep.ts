/**
 * Runs every point of a sweep with the same seed, so all points share common random
 * numbers: each component draws the same stream at every point, and differences come
 * from the configuration, not from noise. One worker pool serves all points.
 *
 * With a goal and racing on (the default with a goal), points run in rounds (a short
 * screen, then rounds of RACE_ROUND_RUNS replications) and leave the race as soon as they are clearly out
 * (src/planner/racing.ts); without, every point runs every replication (the full grid).
 * Each replication depends only on (seed, index) and the race's decisions only on the
 * replications' figures, so the result is the same whatever the number of workers. The
 * rounds and the figures are sweep-records.ts's, which the in-browser planner shares.
 */
import type { SimulationSummary } from '../montecarlo/index.js';
import type { SweepPoint } from '../planner/sweep-points.js';
import { ReplicationPool } from './replication-pool.js';
import { runOnPool, usefulWorkers } from './run-simulation.js';
import { sweepFromRecords, type SweepGoalOptions, type SweepRun, type SweepRunOptions } from './sweep-records.js';
import { checkWork } from './work-guard.js';

export { sweepFromRecords } from './sweep-records.js';
export type { SweepGoalOptions, SweepRun, SweepRunOptions } from './sweep-records.js';

export async function runSweep(points: readonly SweepPoint[], options: SweepGoalOptions): Promise<SweepRun> {
  checkWork(points.map((point) => ({ scenario: point.scenario, runs: options.runs })), options.force);
  const first = points[0];
  if (!first) return sweepFromRecords(points, options, async () => []);
  const contextOf = (point: SweepPoint) => ({ scenario: point.scenario, seed: options.seed, catalogue: options.catalogue });
  let done = 0;
  const pool = new ReplicationPool(contextOf(first), {
    workers: usefulWorkers(options.workers, options.runs),
    ...(options.onProgress ? { onProgress: (inRange: number) => options.onProgress?.(done + inRange, points.length * options.runs) } : {}),
  });
  let current = first;
  try {
    return await sweepFromRecords(points, options, async (point, from, to) => {
      if (point !== current) pool.setContext(contextOf(point));
      current = point;
      const records = await pool.run(from, to);
      done += to - from;
      return records;
    });
  } finally {
    await pool.close();
  }
}

/** Every point's full summary, for analyses that need more than a sweep table's figures. */
export async function runSweepSummaries(points: readonly SweepPoint[], options: SweepRunOptions): Promise<Array<{ point: SweepPoint; summary: SimulationSummary }>> {
  checkWork(points.map((point) => ({ scenario: point.scenario, runs: options.runs })), options.force);
  const total = points.length * options.runs;
  const contextOf = (point: SweepPoint) => ({ scenario: point.scenario, seed: options.seed, catalogue: options.catalogue });
  const first = points[0];
  if (!first) return [];
  let doneBefore = 0;
  const pool = new ReplicationPool(contextOf(first), {
    workers: usefulWorkers(options.workers, options.runs - 1),
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(doneBefore + done, total) } : {}),
  });
  const results: Array<{ point: SweepPoint; summary: SimulationSummary }> = [];
  try {
    for (const point of points) {
      if (point !== first) pool.setContext(contextOf(point));
      const run = await runOnPool(pool, contextOf(point), { runs: options.runs, workers: options.workers });
      results.push({ point, summary: run.summary });
      doneBefore += options.runs;
    }
  } finally {
    await pool.close();
  }
  return results;
}
