/**
 * A worker thread of the fuzzing campaign (test/fuzz/fuzz-pool.ts): writes each input it
 * is sent to a file and runs the built CLI's own `runCli` on it in this thread, with
 * stdout and stderr captured, exactly as `dmap` does after parsing argv. Plain
 * JavaScript importing dist/, so it runs the code users run and needs no TypeScript
 * loader in the thread; the pool can terminate it when an input hangs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { runCli } from '../../dist/cli/program.js';
import { loadScenarioFile } from '../../dist/scenario/load-scenario.js';
import { estimateWork } from '../../dist/model/work-estimate.js';
import { MAX_EVENTS } from '../../dist/runner/work-guard.js';

/** Output kept per command: enough to classify, small enough to post back quickly. */
const MAX_CAPTURE_CHARS = 4_000_000;
const dir = mkdtempSync(join(tmpdir(), 'dmap-fuzz-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function run(args) {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (text) => {
      if (stdout.length < MAX_CAPTURE_CHARS) stdout += text;
    },
    err: (text) => {
      if (stderr.length < MAX_CAPTURE_CHARS) stderr += text;
    },
  };
  const started = performance.now();
  let code;
  try {
    code = await runCli(args, io);
  } catch (error) {
    // runCli maps every error to an exit code; one escaping it is a crash of the CLI.
    code = 'threw';
    stderr += `escaped runCli: ${error?.stack ?? String(error)}`;
  }
  return { args, code, stdout, stderr, ms: Math.round(performance.now() - started) };
}

/** The flags that vary per input, so every output format is exercised. */
const SIMULATE_FLAGS = [['--json'], [], ['--json', '--free-tier'], ['--deadline', '1s']];
const PRICE_FLAGS = [[], ['--json'], ['--csv'], ['--free-tier', '--json']];

async function handle({ id, kind, bytes, ext, variant, runs, budgetEvents }) {
  const file = join(dir, `input-${id}${ext}`);
  writeFileSync(file, bytes);
  try {
    if (kind === 'usage') return { runs: [await run(['price', file, ...PRICE_FLAGS[variant % PRICE_FLAGS.length]])] };
    if (kind === 'definition') return { runs: [await run(['import', file])] };
    const validate = await run(['validate', file]);
    const simulateArgs = ['simulate', file, '--runs', String(runs), '--workers', '1', ...SIMULATE_FLAGS[variant % SIMULATE_FLAGS.length]];
    if (validate.code !== 0) return { runs: [validate, await run(simulateArgs)] };
    const eventsPerRun = estimateWork((await loadScenarioFile(file)).scenario).eventsPerRun;
    // Valid but larger than the campaign can afford: validated only (the guard refuses past MAX_EVENTS, which is cheap to check).
    if (eventsPerRun * runs > budgetEvents && eventsPerRun * runs <= MAX_EVENTS) return { runs: [validate], eventsPerRun, large: true };
    return { runs: [validate, await run(simulateArgs)], eventsPerRun };
  } finally {
    rmSync(file, { force: true });
  }
}

parentPort.on('message', async (message) => {
  try {
    parentPort.postMessage({ id: message.id, ...(await handle(message)) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, runs: [], workerError: error?.stack ?? String(error) });
  }
});
