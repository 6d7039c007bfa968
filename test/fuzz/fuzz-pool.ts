/**
 * Runs fuzz inputs through the CLI on a few worker threads (fuzz-worker.mjs), one input
 * at a time per thread, each with a time limit and a heap limit. A thread that does not
 * answer in time is terminated (the input is a hang) and one that runs out of heap dies
 * (the input is a memory blow-up); either way a fresh thread takes its place, so one bad
 * input costs its own time only. Results come back in input order.
 */
import { Worker } from 'node:worker_threads';

export type InputKind = 'scenario' | 'usage' | 'definition';

export interface FuzzInput {
  kind: InputKind;
  /** The file's bytes, exactly as written (invalid UTF-8 and binary included). */
  bytes: Uint8Array;
  /** Its extension, which decides how the CLI reads it: .yaml, .json, .tf, ... */
  ext: string;
  /** Where it came from, for the reproducer: the generator and the file it mutated. */
  origin: string;
}

export interface CommandRun {
  args: string[];
  code: number | 'threw';
  stdout: string;
  stderr: string;
  ms: number;
}

export interface InputResult {
  input: FuzzInput;
  runs: CommandRun[];
  /** For a valid scenario: the work estimate's events per run. */
  eventsPerRun?: number;
  /** A valid scenario above the campaign's event budget: validated, not simulated. */
  large?: boolean;
  /** Why the thread gave no answer: it timed out, ran out of memory, or failed itself. */
  lost?: 'timeout' | 'memory' | 'worker';
  detail?: string;
  ms: number;
}

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  heapMb: number;
  /** Replications per simulated scenario. */
  runs: number;
  /** Events a simulated scenario may take (estimate × runs); above it, validated only. */
  budgetEvents: number;
  onResult?: (result: InputResult, index: number) => void;
}

const WORKER = new URL('./fuzz-worker.mjs', import.meta.url);

export async function runInputs(inputs: readonly FuzzInput[], options: PoolOptions): Promise<InputResult[]> {
  const results: InputResult[] = new Array(inputs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < inputs.length) {
        const index = next++;
        const input = inputs[index] as FuzzInput;
        worker ??= new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: options.heapMb }, stdout: true, stderr: true });
        const result = await runOne(worker, input, index, options);
        if (result.lost) {
          await worker.terminate();
          worker = undefined;
        }
        results[index] = result;
        options.onResult?.(result, index);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.threads, inputs.length)) }, lane));
  return results;
}

function runOne(worker: Worker, input: FuzzInput, index: number, options: PoolOptions): Promise<InputResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (result: Omit<InputResult, 'input' | 'ms'>) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ input, ms: Math.round(performance.now() - started), ...result });
    };
    const onMessage = (message: { id: number; runs: CommandRun[]; eventsPerRun?: number; large?: boolean; workerError?: string }) => {
      if (message.id !== index) return;
      done({
        runs: message.runs,
        ...(message.eventsPerRun !== undefined ? { eventsPerRun: message.eventsPerRun } : {}),
        ...(message.large ? { large: true } : {}),
        ...(message.workerError ? { lost: 'worker' as const, detail: message.workerError } : {}),
      });
    };
    const onError = (error: Error & { code?: string }) =>
      done({ runs: [], lost: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'worker', detail: error.stack ?? String(error) });
    const onExit = (code: number) => done({ runs: [], lost: 'worker', detail: `the thread exited with ${code}` });
    const timer = setTimeout(() => done({ runs: [], lost: 'timeout', detail: `no answer within ${options.timeoutMs} ms` }), options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id: index, kind: input.kind, bytes: input.bytes, ext: input.ext, variant: index, runs: options.runs, budgetEvents: options.budgetEvents });
  });
}
