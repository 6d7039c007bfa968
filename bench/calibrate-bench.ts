/**
 * `dmap calibrate` on a big log: 1,000,000 Lambda invocations written as a CloudWatch
 * Logs text export (each a timestamp and a REPORT line, a fifth of them cold starts with
 * Init Duration, every tenth with START and END lines around it to skip), calibrated in a
 * child process (bench/calibrate-run.ts) so its time and peak memory are its own.
 * Targets: under 10 s and under 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, standardNormal } from '../src/random/index.js';

const INVOCATIONS = 1_000_000;
const BATCH = 250;

async function writeLog(file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const rng = createRng('calibrate-bench');
  const epoch = Date.UTC(2025, 2, 1, 10);
  let chunk: string[] = [];
  for (let i = 0; i < INVOCATIONS; i++) {
    const id = `5e1f0c2a-7b3d-4e9f-8a6b-${i.toString(16).padStart(12, '0')}`;
    const at = new Date(epoch + i * 7).toISOString();
    const duration = 16_000 * Math.exp(0.03 * standardNormal(rng));
    const cold = rng() < 0.2;
    const init = cold ? 300 * Math.exp(0.5 * standardNormal(rng)) : 0;
    if (i % 10 === 0) chunk.push(`${at}\tSTART RequestId: ${id} Version: $LATEST`, `${at}\tEND RequestId: ${id}`);
    chunk.push(
      `${at}\tREPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration + init)} ms\tMemory Size: 1024 MB\tMax Memory Used: 96 MB${cold ? `\tInit Duration: ${init.toFixed(2)} ms` : ''}\t`,
    );
    if (chunk.length >= 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  out.end(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

export async function benchCalibrate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dmap-calibrate-bench-'));
  try {
    const log = join(dir, 'report-lines.txt');
    await writeLog(log);
    const megabytes = Math.round(statSync(log).size / 1e6);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/calibrate-run.ts', `${log}:${BATCH}`], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`calibrate run failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { code: number; seconds: number; maxRssMb: number; err: string };
    if (result.code !== 0) throw new Error(`dmap calibrate exited ${result.code}: ${result.err}`);
    console.log(`dmap calibrate on ${INVOCATIONS.toLocaleString('en-US')} REPORT lines (${megabytes} MB text export), one run in its own process`);
    console.log(`  ${result.seconds.toFixed(2)} s, peak RSS ${result.maxRssMb} MB  (targets: < 10 s, < 300 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
