/**
 * 1,000 replications of the flagship scenario (simulated and priced) on 1 and 2
 * workers, measured two ways:
 * - steady state: pools already warm (modules loaded, code optimised), timing a second
 *   batch of 1,000 on the same pool, which is the throughput the workers add;
 * - end to end: the CLI from a cold start, as a user runs it, fixed costs included
 *   (process start, module load, JIT warm-up of every thread, summary, JSON).
 * Runs the built code in dist/, where the worker script lives.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const FLAGSHIP = 'scenarios/reinvent-500k.yaml';
const RUNS = 1000;

export async function benchMonteCarlo(): Promise<void> {
  const { ReplicationPool } = await import('../dist/runner/replication-pool.js');
  const { parseScenarioText } = await import('../dist/scenario/index.js');
  const { defaultCatalogue } = await import('../dist/pricing/load-catalogue.js');
  const { scenario } = parseScenarioText(readFileSync(FLAGSHIP, 'utf8'), FLAGSHIP);
  const context = { scenario, seed: 1, catalogue: defaultCatalogue() };
  const steady: Record<number, number> = {};
  for (const workers of [1, 2]) {
    const pool = new ReplicationPool(context, { workers });
    await pool.run(0, 300); // warm-up: load and optimise on every thread
    const start = process.hrtime.bigint();
    await pool.run(0, RUNS);
    steady[workers] = Number(process.hrtime.bigint() - start) / 1e9;
    await pool.close();
  }
  const cold: Record<number, number> = {};
  for (const workers of [1, 2]) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['dist/cli/main.js', 'simulate', FLAGSHIP, '--runs', String(RUNS), '--workers', String(workers), '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    cold[workers] = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const ratio = (r: Record<number, number>) => ((r[1] as number) / (r[2] as number)).toFixed(2);
  console.log(`Monte Carlo (${FLAGSHIP}), ${RUNS.toLocaleString('en-US')} replications simulated and priced, ${availableParallelism()} cores`);
  console.log(`  steady state  1 worker ${steady[1]?.toFixed(2)} s, 2 workers ${steady[2]?.toFixed(2)} s: speed-up ${ratio(steady)}×  (target ≥ 1.7×)`);
  console.log(`  end to end    1 worker ${cold[1]?.toFixed(2)} s, 2 workers ${cold[2]?.toFixed(2)} s: speed-up ${ratio(cold)}×  (target < 10 s)`);
}
