/**
 * 1,000 replications of the flagship scenario (simulated and priced), with 1 and with 2
 * worker threads. Runs the built code in dist/, where the worker script lives.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const FLAGSHIP = 'scenarios/reinvent-500k.yaml';
const RUNS = 1000;

export async function benchMonteCarlo(): Promise<void> {
  const { runSimulation } = await import('../dist/runner/run-simulation.js');
  const { parseScenarioText } = await import('../dist/scenario/index.js');
  const { defaultCatalogue } = await import('../dist/pricing/load-catalogue.js');
  const { scenario } = parseScenarioText(readFileSync(FLAGSHIP, 'utf8'), FLAGSHIP);
  const context = { scenario, seed: 1, catalogue: defaultCatalogue() };
  await runSimulation(context, { runs: 50, workers: 1 }); // warm-up
  const seconds: Record<number, number> = {};
  const p90: Record<number, number> = {};
  for (const workers of [1, 2]) {
    const start = process.hrtime.bigint();
    const run = await runSimulation(context, { runs: RUNS, workers });
    seconds[workers] = Number(process.hrtime.bigint() - start) / 1e9;
    p90[workers] = run.summary.wallTimeSeconds.p90;
  }
  const s1 = seconds[1] as number;
  const s2 = seconds[2] as number;
  console.log(`Monte Carlo (${FLAGSHIP}), ${RUNS.toLocaleString('en-US')} replications simulated and priced, ${availableParallelism()} cores`);
  console.log(`  1 worker   ${s1.toFixed(2)} s`);
  console.log(`  2 workers  ${s2.toFixed(2)} s  (target < 10 s)`);
  console.log(`  speed-up   ${(s1 / s2).toFixed(2)}×  (target ≥ 1.7×); same P90 both ways: ${p90[1] === p90[2]}`);
}
