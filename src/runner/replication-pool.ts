/**
 * Runs replications on `workers` threads: this thread plus `workers − 1` worker threads.
 * Every thread takes the next few replications from a shared counter (Atomics.add on a
 * SharedArrayBuffer) until none are left, so no thread waits for another to hand it
 * work and the threads finish within a few replications of each other. Each replication
 * depends only on (seed, index) and records are stored by index, so the results are the
 * same whatever the number of workers.
 *
 * Why this thread works too: it is already warm (modules loaded, code compiled), and a
 * new thread costs a module load and a JIT warm-up; on a two-core machine, one extra
 * thread and this one keep both cores busy.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../montecarlo/replication.js';
import type { WorkerReply, WorkerRequest } from './replication-worker.js';
import { converse } from './worker-conversation.js';

export interface PoolOptions {
  workers: number;
  /** Called as replications finish, with the count done so far. */
  onProgress?: (done: number) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Replications a thread takes at a time: about 5 ms of flagship work, so the threads end
 * within milliseconds of each other, yet few enough messages that sending records back
 * costs little.
 */
export const REPLICATIONS_PER_TAKE = 4;

/** Hands out [start, end) ranges of at most REPLICATIONS_PER_TAKE from a counter shared by all threads. */
export function takeNext(counter: Int32Array, to: number): [number, number] | undefined {
  const start = Atomics.add(counter, 0, REPLICATIONS_PER_TAKE);
  return start < to ? [start, Math.min(to, start + REPLICATIONS_PER_TAKE)] : undefined;
}

export class ReplicationPool {
  private readonly threads: Worker[] = [];

  constructor(
    private context: ReplicationContext,
    private readonly options: PoolOptions,
  ) {
    for (let i = 1; i < options.workers; i++) {
      const thread = new Worker(new URL('./replication-worker.js', import.meta.url));
      thread.postMessage({ context } satisfies WorkerRequest);
      this.threads.push(thread);
    }
  }

  /**
   * Switches every worker to another scenario (a sweep's next point). Messages to a
   * thread arrive in order, so a run started after this uses the new context.
   */
  setContext(context: ReplicationContext): void {
    this.context = context;
    for (const thread of this.threads) thread.postMessage({ context } satisfies WorkerRequest);
  }

  /** Runs replications [from, to) and returns their records in index order. */
  async run(from: number, to: number, doneBefore = 0): Promise<ReplicationRecord[]> {
    const records: ReplicationRecord[] = new Array(to - from);
    const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    counter[0] = from;
    let done = 0;
    const finished = (count: number) => {
      done += count;
      this.options.onProgress?.(doneBefore + done);
    };

    const threadsDone = this.threads.map((thread) =>
      converse<WorkerReply>(thread, { counter, to } satisfies WorkerRequest, (reply) => {
        if ('done' in reply) return true;
        reply.records.forEach((record, k) => (records[reply.from - from + k] = record));
        finished(reply.records.length);
        return false;
      }),
    );

    // This thread takes its share too, yielding between takes so the workers' records
    // are received (and progress shown) as they come.
    for (let range = takeNext(counter, to); range; range = takeNext(counter, to)) {
      for (let i = range[0]; i < range[1]; i++) records[i - from] = replicationRecord(this.context, i);
      finished(range[1] - range[0]);
      if (this.threads.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(threadsDone);
    return records;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
