/**
 * Runs every point of a sweep with the same seed, so all points share common random
 * numbers: each component draws the same stream at every point, and differences come
 * from the configuration, not from noise. One worker pool serves all points.
 */
import type { SweepPoint } from '../planner/sweep-points.js';
import { pointResult, type PointResult } from '../planner/point-result.js';
import type { SimulationSummary } from '../montecarlo/index.js';
import type { PriceCatalogue } from '../pricing/index.js';
import { ReplicationPool } from './replication-pool.js';
import { runOnPool, usefulWorkers } from './run-simulation.js';
import { checkWork } from './work-guard.js';

export interface SweepRunOptions {
  seed: number;
  runs: number;
  workers: number;
  catalogue: PriceCatalogue;
  onProgress?: (done: number, total: number) => void;
  /** Run even when the work estimate is far beyond what a user could want (work-guard.ts). */
  force?: boolean;
}

export async function runSweep(points: readonly SweepPoint[], options: SweepRunOptions): Promise<PointResult[]> {
  return (await runSweepSummaries(points, options)).map(({ point, summary }) => pointResult(point.index, point.settings, summary));
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
