/**
 * The sensitivity benchmark of issue 13: the flagship scenario over 12 assumptions × 2
 * ends × 200 runs (plus the baseline's 200), through the built CLI as a user would run
 * it, end to end (process start, worker threads, every replication, the JSON).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FLAGSHIP = 'scenarios/reinvent-500k.yaml';
const ASSUMPTIONS = 12;
const RUNS = 200;

export async function benchSensitivity(): Promise<void> {
  const { parseScenarioText } = await import('../dist/scenario/index.js');
  const { assumptionsFor } = await import('../dist/analysis/assumption-ranges.js');
  const { scenario } = parseScenarioText(readFileSync(FLAGSHIP, 'utf8'), FLAGSHIP);
  const { applicable } = assumptionsFor(scenario);
  const ids = applicable.slice(0, ASSUMPTIONS).map((a: { id: string }) => a.id);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['dist/cli/main.js', 'sensitivity', FLAGSHIP, '--runs', String(RUNS), '--only', ids.join(','), '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`sensitivity failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { assumptions: Array<{ low: { sameAsBaseline: boolean }; high: { sameAsBaseline: boolean } }>; flips: unknown[] };
  const simulated = result.assumptions.flatMap((a) => [a.low, a.high]).filter((end) => !end.sameAsBaseline).length;
  console.log(`Sensitivity (${FLAGSHIP}, ${ids.length} assumptions × 2 ends × ${RUNS} runs; ${simulated} ends simulated, the others are the baseline's)`);
  console.log(`  ${seconds.toFixed(1)} s end to end  (target < 15 s); ${result.flips.length} flip${result.flips.length === 1 ? '' : 's'}`);
  if (applicable.length > ASSUMPTIONS) console.log(`  (${applicable.length} apply to the flagship; the first ${ASSUMPTIONS} in registry order were run)`);
}
