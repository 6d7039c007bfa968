/**
 * Sweeps of the flagship through the built CLI as a user would run them:
 * - the 25-point sweep of issue 15 (5 batch sizes × 5 concurrencies) with `--deadline 2m`,
 *   racing, and its report (target < 10 s on 2 cores);
 * - the 100-point sweep of issue 7: 5 batch sizes × 5 concurrencies × 2 memory sizes × 2
 *   execution types, 100 replications each (10,000 runs), full grid (target < 60 s).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const GRID_25 = ['--vary', 'itemBatcher.maxItemsPerBatch=50,100,250,500,1000', '--vary', 'maxConcurrency=500,1000,2000,3000,5000'];

const ARGS_100 = [
  'dist/cli/main.js',
  'sweep',
  'scenarios/reinvent-500k.yaml',
  ...GRID_25,
  '--vary',
  'lambda.memoryMb=1024,2048',
  '--vary',
  'executionType=STANDARD,EXPRESS',
  '--runs',
  '100',
  '--json',
];

interface SweepOutput {
  points: unknown[];
  frontier: number[];
  race: { replications: number; fullGridReplications: number };
  recommendation: { reason: string };
}

function run(args: string[]): { seconds: number; sweep: SweepOutput } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.status !== 0) throw new Error(`sweep failed: ${child.stderr}`);
  return { seconds, sweep: JSON.parse(child.stdout) as SweepOutput };
}

export function benchSweep(): void {
  const directory = mkdtempSync(join(tmpdir(), 'dmap-sweep-bench-'));
  try {
    const load = loadavg()[0]?.toFixed(2);
    const raced = run(['dist/cli/main.js', 'sweep', 'scenarios/reinvent-500k.yaml', ...GRID_25, '--runs', '100', '--deadline', '2m', '--json', '--report', join(directory, 'report')]);
    const files = readdirSync(join(directory, 'report'), { recursive: true }).length;
    console.log(`Sweep with racing and report (flagship, 25 points, --deadline 2m; load average ${load} before)`);
    console.log(
      `  ${raced.seconds.toFixed(1)} s end to end  (target < 10 s); ${raced.sweep.race.replications.toLocaleString('en-US')} of ${raced.sweep.race.fullGridReplications.toLocaleString('en-US')} replications; report of ${files} entries`,
    );
    console.log(`  ${raced.sweep.recommendation.reason}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const grid = run(ARGS_100);
  console.log(`Sweep (flagship, ${grid.sweep.points.length} points × 100 runs = ${(grid.sweep.points.length * 100).toLocaleString('en-US')} replications, full grid)`);
  console.log(`  ${grid.seconds.toFixed(1)} s end to end  (target < 60 s); frontier of ${grid.sweep.frontier.length} points`);
  console.log(`  ${grid.sweep.recommendation.reason}`);
}
