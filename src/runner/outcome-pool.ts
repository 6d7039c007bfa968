/**
 * Runs replications of many scenarios at once, keeping only each one's outcome (failed,
 * wall time, cost): what a sensitivity analysis needs of its dozens of variants. Every
 * context goes to every worker thread once; then all (scenario, replication) pairs of
 * a run form one index space, handed out in takes from a shared counter as the
 * ReplicationPool does, so no thread waits at a scenario's boundary. Each thread writes
 * its outcomes into a shared Float64Array at their index, so the results do not depend on
 * the number of threads or on which thread ran what.
 */
import { Worker } from 'node:worker_threads';
import { replicationOutcome, type ReplicationContext, type ReplicationOutcome } from '../montecarlo/replication.js';
import { takeNext, type PoolOptions } from './replication-pool.js';
import type { OutcomeWorkerReply, OutcomeWorkerRequest } from './outcome-worker.js';
import { converse } from './worker-conversation.js';

/** Replications [from, to) of contexts[context]. */
export interface OutcomeJob {
  context: number;
  from: number;
  to: number;
}

/** Numbers per outcome in the shared array: failed (0 or 1), wall time in ms, cost in USD. */
export const OUTCOME_WIDTH = 3;

export class OutcomePool {
  private readonly threads: Worker[] = [];

  constructor(
    private readonly contexts: readonly ReplicationContext[],
    private readonly options: PoolOptions,
  ) {
    for (let i = 1; i < options.workers; i++) {
      const thread = new Worker(new URL('./outcome-worker.js', import.meta.url));
      thread.postMessage({ contexts } satisfies OutcomeWorkerRequest);
      this.threads.push(thread);
    }
  }

  /** Runs every job and returns each one's outcomes in replication order. */
  async run(jobs: readonly OutcomeJob[]): Promise<ReplicationOutcome[][]> {
    const layout = jobLayout(jobs);
    const total = layout.offsets[jobs.length] as number;
    const results = new Float64Array(new SharedArrayBuffer(Math.max(1, total * OUTCOME_WIDTH) * Float64Array.BYTES_PER_ELEMENT));
    const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    let done = 0;
    const finished = (count: number) => {
      done += count;
      this.options.onProgress?.(done);
    };

    const request = { counter, results, jobs: layout.jobs, offsets: layout.offsets, total } satisfies OutcomeWorkerRequest;
    const threadsDone = this.threads.map((thread) =>
      converse<OutcomeWorkerReply>(thread, request, (reply) => {
        if ('finished' in reply) return true;
        finished(reply.done);
        return false;
      }),
    );

    for (let range = takeNext(counter, total); range; range = takeNext(counter, total)) {
      runTake(this.contexts, layout.jobs, layout.offsets, range, results);
      finished(range[1] - range[0]);
      if (this.threads.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(threadsDone);
    return jobs.map((_, j) => {
      const outcomes: ReplicationOutcome[] = [];
      for (let k = layout.offsets[j] as number; k < (layout.offsets[j + 1] as number); k++) outcomes.push(readOutcome(results, k));
      return outcomes;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}

/** Jobs as [context, from, to] triples and the index where each job's outcomes start (one more entry: the total). */
export function jobLayout(jobs: readonly OutcomeJob[]): { jobs: Int32Array; offsets: Int32Array } {
  const triples = new Int32Array(jobs.length * 3);
  const offsets = new Int32Array(jobs.length + 1);
  jobs.forEach((job, j) => {
    triples.set([job.context, job.from, job.to], j * 3);
    offsets[j + 1] = (offsets[j] as number) + Math.max(0, job.to - job.from);
  });
  return { jobs: triples, offsets };
}

/** Runs the outcomes of indexes [range[0], range[1]) and writes them at their index. */
export function runTake(contexts: readonly ReplicationContext[], jobs: Int32Array, offsets: Int32Array, range: [number, number], results: Float64Array): void {
  for (let k = range[0]; k < range[1]; k++) {
    const j = jobAt(offsets, k);
    const context = contexts[jobs[j * 3] as number] as ReplicationContext;
    const outcome = replicationOutcome(context, (jobs[j * 3 + 1] as number) + k - (offsets[j] as number));
    results[k * OUTCOME_WIDTH] = outcome.failed ? 1 : 0;
    results[k * OUTCOME_WIDTH + 1] = outcome.wallTimeMs;
    results[k * OUTCOME_WIDTH + 2] = outcome.costUsd;
  }
}

/** The job holding index k: the last offset ≤ k. */
function jobAt(offsets: Int32Array, k: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) <= k) lo = mid;
    else hi = mid;
  }
  return lo;
}

function readOutcome(results: Float64Array, k: number): ReplicationOutcome {
  return { failed: results[k * OUTCOME_WIDTH] === 1, wallTimeMs: results[k * OUTCOME_WIDTH + 1] as number, costUsd: results[k * OUTCOME_WIDTH + 2] as number };
}
