/**
 * Replications of the flagship scenario (simulated and priced) on 1 and 2 workers,
 * measured two ways:
 * - steady state: the pool's throughput once every thread's code is loaded and optimised
 *   (each pool first runs 1,000 replications), timing 1,000 replications five times,
 *   alternating 1 and 2 workers so both see the same machine; this is the parallel
 *   speed-up of the replication engine;
 * - end to end: the CLI from a cold start, as a user runs it, fixed costs included
 *   (process start, module load, each thread's own JIT warm-up, summary, JSON), for
 *   1,000 and 10,000 replications. Fixed costs weigh less as runs grow.
 * Runs the built code in dist/, where the worker script lives.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { median } from 'simple-statistics';

const FLAGSHIP = 'scenarios/reinvent-500k.yaml';
const RUNS = 1000;
const TRIALS = 5;

export async function benchMonteCarlo(): Promise<void> {
  const { ReplicationPool } = await import('../dist/runner/replication-pool.js');
  const { parseScenarioText } = await import('../dist/scenario/index.js');
  const { defaultCatalogue } = await import('../dist/pricing/load-catalogue.js');
  const { scenario } = parseScenarioText(readFileSync(FLAGSHIP, 'utf8'), FLAGSHIP);
  const context = { scenario, seed: 1, catalogue: defaultCatalogue() };
  const pools = { 1: new ReplicationPool(context, { workers: 1 }), 2: new ReplicationPool(context, { workers: 2 }) };
  for (const pool of Object.values(pools)) await pool.run(0, RUNS);
  const ratios: number[] = [];
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let trial = 0; trial < TRIALS; trial++) {
    for (const workers of [1, 2] as const) {
      const start = process.hrtime.bigint();
      await pools[workers].run(0, RUNS);
      seconds[workers].push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    ratios.push((seconds[1].at(-1) as number) / (seconds[2].at(-1) as number));
  }
  for (const pool of Object.values(pools)) await pool.close();

  console.log(`Monte Carlo (${FLAGSHIP}), replications simulated and priced, ${availableParallelism()} cores`);
  console.log(
    `  steady state, ${RUNS.toLocaleString('en-US')} runs   1 worker ${median(seconds[1]).toFixed(2)} s, 2 workers ${median(seconds[2]).toFixed(2)} s (medians of ${TRIALS}): ` +
      `speed-up ${median(ratios).toFixed(2)}× (range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})  (target ≥ 1.7×)`,
  );
  for (const runs of [RUNS, 10 * RUNS]) {
    const cold = [1, 2].map((workers) => endToEndSeconds(runs, workers)) as [number, number];
    console.log(
      `  end to end, ${runs.toLocaleString('en-US')} runs${runs === RUNS ? ' ' : ''}   1 worker ${cold[0].toFixed(2)} s, 2 workers ${cold[1].toFixed(2)} s: ` +
        `speed-up ${(cold[0] / cold[1]).toFixed(2)}×${runs === RUNS ? '  (target < 10 s)' : ''}`,
    );
  }
}

function endToEndSeconds(runs: number, workers: number): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['dist/cli/main.js', 'simulate', FLAGSHIP, '--runs', String(runs), '--workers', String(workers), '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(process.hrtime.bigint() - start) / 1e9;
}
