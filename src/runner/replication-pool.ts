/**
 * Runs replications on worker threads, handing out small ranges to whichever worker is
 * free. Each replication depends only on (seed, index), and records are stored by
 * index, so the results are the same whatever the number of workers. One worker means
 * no thread at all: everything runs in this thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runReplication, type ReplicationContext, type ReplicationRecord } from '../montecarlo/index.js';

export interface PoolOptions {
  workers: number;
  /** Called after each finished range with the count done so far. */
  onProgress?: (done: number) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export class ReplicationPool {
  private readonly workers: Worker[] = [];

  constructor(
    private context: ReplicationContext,
    private readonly options: PoolOptions,
  ) {
    if (options.workers > 1) {
      for (let i = 0; i < options.workers; i++) {
        const worker = new Worker(new URL('./replication-worker.js', import.meta.url));
        worker.postMessage({ context });
        this.workers.push(worker);
      }
    }
  }

  /**
   * Switches every worker to another scenario (a sweep's next point). Messages to a
   * worker arrive in order, so ranges sent after this use the new context.
   */
  setContext(context: ReplicationContext): void {
    this.context = context;
    for (const worker of this.workers) worker.postMessage({ context });
  }

  /** Runs replications [from, to) and returns their records in index order. */
  async run(from: number, to: number, doneBefore = 0): Promise<ReplicationRecord[]> {
    const records: ReplicationRecord[] = new Array(to - from);
    if (this.workers.length === 0) {
      for (let i = from; i < to; i++) {
        records[i - from] = runReplication(this.context, i).record;
        if ((i - from) % 25 === 24) this.options.onProgress?.(doneBefore + i - from + 1);
      }
      this.options.onProgress?.(doneBefore + to - from);
      return records;
    }
    // Guided self-scheduling: each range is a share of what is left, so ranges shrink
    // towards the end and no worker is left running a long range while the others idle.
    const rangeSize = () => Math.max(2, Math.ceil((to - next) / (2 * this.workers.length)));
    let next = from;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const onError = (error: Error) => {
              cleanup();
              reject(error);
            };
            const onMessage = (message: { from: number; records: ReplicationRecord[] }) => {
              message.records.forEach((record, k) => (records[message.from - from + k] = record));
              done += message.records.length;
              this.options.onProgress?.(doneBefore + done);
              dispatch();
            };
            const cleanup = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
            };
            const dispatch = () => {
              if (next >= to) {
                cleanup();
                resolve();
                return;
              }
              const end = Math.min(to, next + rangeSize());
              worker.postMessage({ from: next, to: end });
              next = end;
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            dispatch();
          }),
      ),
    );
    return records;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
