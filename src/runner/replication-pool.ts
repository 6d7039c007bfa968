/**
 * Runs replications on `workers` threads: this thread plus `workers − 1` worker threads,
 * each taking ranges of replications as it frees up. Each replication depends only on
 * (seed, index) and records are stored by index, so the results are the same whatever
 * the number of workers.
 *
 * Why this thread works too: it is already warm (modules loaded, code compiled), and a
 * new thread costs a module load and a JIT warm-up; on a two-core machine, one extra
 * thread and this one keep both cores busy. Each worker thread holds two ranges, so it
 * never waits for this thread to hand it the next one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../montecarlo/replication.js';

export interface PoolOptions {
  workers: number;
  /** Called as ranges finish, with the count done so far. */
  onProgress?: (done: number) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

const RANGES_IN_FLIGHT_PER_THREAD = 2;

export class ReplicationPool {
  private readonly threads: Worker[] = [];

  constructor(
    private context: ReplicationContext,
    private readonly options: PoolOptions,
  ) {
    for (let i = 1; i < options.workers; i++) {
      const thread = new Worker(new URL('./replication-worker.js', import.meta.url));
      thread.postMessage({ context });
      this.threads.push(thread);
    }
  }

  /**
   * Switches every worker to another scenario (a sweep's next point). Messages to a
   * thread arrive in order, so ranges sent after this use the new context.
   */
  setContext(context: ReplicationContext): void {
    this.context = context;
    for (const thread of this.threads) thread.postMessage({ context });
  }

  /** Runs replications [from, to) and returns their records in index order. */
  async run(from: number, to: number, doneBefore = 0): Promise<ReplicationRecord[]> {
    const records: ReplicationRecord[] = new Array(to - from);
    const workers = this.threads.length + 1;
    let next = from;
    let done = 0;
    // Guided self-scheduling: each range is a share of what is left, so ranges shrink
    // towards the end and no worker is left with a long range while the others idle.
    const takeRange = (): [number, number] | undefined => {
      if (next >= to) return undefined;
      const size = Math.min(100, Math.max(2, Math.ceil((to - next) / (2 * workers))));
      const range: [number, number] = [next, Math.min(to, next + size)];
      next = range[1];
      return range;
    };
    const finished = (count: number) => {
      done += count;
      this.options.onProgress?.(doneBefore + done);
    };

    const threadsDone = this.threads.map(
      (thread) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          const send = () => {
            while (inFlight < RANGES_IN_FLIGHT_PER_THREAD) {
              const range = takeRange();
              if (!range) break;
              thread.postMessage({ from: range[0], to: range[1] });
              inFlight++;
            }
            if (inFlight === 0) {
              cleanup();
              resolve();
            }
          };
          const onMessage = (message: { from: number; records: ReplicationRecord[] }) => {
            message.records.forEach((record, k) => (records[message.from - from + k] = record));
            inFlight--;
            finished(message.records.length);
            send();
          };
          const onError = (error: Error) => {
            cleanup();
            reject(error);
          };
          const cleanup = () => {
            thread.off('message', onMessage);
            thread.off('error', onError);
          };
          thread.on('message', onMessage);
          thread.on('error', onError);
          send();
        }),
    );

    // This thread takes ranges too, yielding between them so the threads' results are
    // received (and their next ranges sent) promptly.
    for (let range = takeRange(); range; range = takeRange()) {
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
