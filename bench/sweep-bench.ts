/**
 * The 100-point sweep of issue 7 on the flagship: 5 batch sizes × 5 concurrencies × 2
 * memory sizes × 2 execution types, 100 replications each (10,000 runs), through the
 * built CLI as a user would run it.
 */
import { spawnSync } from 'node:child_process';

const ARGS = [
  'dist/cli/main.js',
  'sweep',
  'scenarios/reinvent-500k.yaml',
  '--vary',
  'itemBatcher.maxItemsPerBatch=50,100,250,500,1000',
  '--vary',
  'maxConcurrency=500,1000,2000,3000,5000',
  '--vary',
  'lambda.memoryMb=1024,2048',
  '--vary',
  'executionType=STANDARD,EXPRESS',
  '--runs',
  '100',
  '--json',
];

export function benchSweep(): void {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ARGS, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`sweep failed: ${run.stderr}`);
  const sweep = JSON.parse(run.stdout) as { points: unknown[]; frontier: number[]; recommendation: { reason: string } };
  console.log(`Sweep (flagship, ${sweep.points.length} points × 100 runs = ${(sweep.points.length * 100).toLocaleString('en-US')} replications)`);
  console.log(`  ${seconds.toFixed(1)} s end to end  (target < 60 s); frontier of ${sweep.frontier.length} points`);
  console.log(`  ${sweep.recommendation.reason}`);
}
