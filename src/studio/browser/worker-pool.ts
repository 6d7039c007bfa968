/// <reference lib="dom" />
/**
 * Replications on Web Workers, for the page: the counterpart of the CLI's ReplicationPool.
 * A page has no SharedArrayBuffer (that needs cross-origin isolation, which a file opened
 * from disk cannot have), so this thread hands out ranges of a few replications to
 * whichever worker is free, and stores the records by index as they come back: the
 * result is the same whatever the number of workers or the order they finish in.
 * `cancel()` abandons the run in progress (the settings changed): its promise rejects
 * with a CancelledRun, and records still on their way are dropped.
 */
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../../montecarlo/replication.js';
import type { StudioPool } from '../run-state.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

export class CancelledRun extends Error {
  constructor() {
    super('cancelled: the settings changed');
    this.name = 'CancelledRun';
  }
}

/** Most replications one worker takes at a time, as the CLI's threads do (REPLICATIONS_PER_TAKE). */
const MOST_PER_TAKE = 4;
/**
 * Takes a worker holds at once: the next is already queued when one finishes, so the
 * worker does not sit idle while its records cross to this thread and the next range
 * crosses back (that wait was 10-30 % of a worker's time with one take at a time).
 */
const TAKES_IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  /** The context this worker last received. */
  contextId: number;
  /** Takes sent to it and not answered yet. */
  inFlight: number;
}

interface Job {
  id: number;
  from: number;
  to: number;
  next: number;
  take: number;
  remaining: number;
  records: ReplicationRecord[];
  resolve: (records: ReplicationRecord[]) => void;
  reject: (error: Error) => void;
}

export class WebWorkerPool implements StudioPool {
  private readonly slots: Slot[] = [];
  private readonly url: string;
  private context: { id: number; value: ReplicationContext } | undefined;
  private job: Job | undefined;
  private jobs = 0;
  private contexts = 0;
  /** How long the last completed run took, in ms, and the workers' time simulating in it, summed (the benchmark reads them). */
  lastRunMs = 0;
  lastComputeMs = 0;
  private computeMs = 0;
  private runStartedAt = 0;
  /** Replications finished in the current run, for progress. */
  onProgress: ((done: number, total: number) => void) | undefined;

  constructor(workerSource: string, readonly size: number) {
    this.url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(this.url, { name: `dmap-studio-${i + 1}` });
      const slot: Slot = { worker, contextId: -1, inFlight: 0 };
      worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.received(slot, event.data));
      worker.addEventListener('error', (event) => this.failed(slot, event.message || 'a worker stopped with an error'));
      this.slots.push(slot);
    }
  }

  setContext(context: ReplicationContext): void {
    this.context = { id: ++this.contexts, value: context };
  }

  run(from: number, to: number): Promise<ReplicationRecord[]> {
    this.cancel();
    if (to <= from) return Promise.resolve([]);
    return new Promise<ReplicationRecord[]>((resolve, reject) => {
      const count = to - from;
      const take = Math.max(1, Math.min(MOST_PER_TAKE, Math.ceil(count / (this.size * 8))));
      this.runStartedAt = performance.now();
      this.computeMs = 0;
      this.job = { id: ++this.jobs, from, to, next: from, take, remaining: count, records: new Array(count), resolve, reject };
      for (let take = 0; take < TAKES_IN_FLIGHT; take++) for (const slot of this.slots) this.dispatch(slot);
    });
  }

  /** Abandons the run in progress, if any. */
  cancel(): void {
    const job = this.job;
    if (!job) return;
    this.job = undefined;
    job.reject(new CancelledRun());
  }

  close(): void {
    this.cancel();
    for (const slot of this.slots) slot.worker.terminate();
    URL.revokeObjectURL(this.url);
  }

  private dispatch(slot: Slot): void {
    const job = this.job;
    const context = this.context;
    if (slot.inFlight >= TAKES_IN_FLIGHT || !job || !context || job.next >= job.to) return;
    if (slot.contextId !== context.id) {
      slot.worker.postMessage({ type: 'context', contextId: context.id, context: context.value } satisfies ToWorker);
      slot.contextId = context.id;
    }
    const from = job.next;
    const to = Math.min(job.to, from + job.take);
    job.next = to;
    slot.inFlight++;
    slot.worker.postMessage({ type: 'run', jobId: job.id, contextId: context.id, from, to } satisfies ToWorker);
  }

  private received(slot: Slot, message: FromWorker): void {
    slot.inFlight--;
    const job = this.job;
    if (job && message.jobId === job.id) {
      if (message.type === 'failed') {
        this.job = undefined;
        job.reject(new Error(`a replication failed in a worker: ${message.message}`));
        return;
      }
      message.records.forEach((record, k) => (job.records[message.from - job.from + k] = record));
      job.remaining -= message.records.length;
      this.computeMs += message.computeMs;
      this.onProgress?.(job.to - job.from - job.remaining, job.to - job.from);
      if (job.remaining === 0) {
        this.job = undefined;
        this.lastRunMs = performance.now() - this.runStartedAt;
        this.lastComputeMs = this.computeMs;
        job.resolve(job.records);
        return;
      }
    }
    this.dispatch(slot);
  }

  private failed(slot: Slot, message: string): void {
    slot.inFlight = 0;
    const job = this.job;
    this.job = undefined;
    job?.reject(new Error(`a worker failed: ${message}`));
  }
}

/**
 * The same on the page's own thread, for a browser that will not start a worker from a
 * Blob URL: slower and less smooth (it yields between takes so the page still answers),
 * the same figures.
 */
export class InThreadPool implements StudioPool {
  readonly size = 1;
  lastRunMs = 0;
  lastComputeMs = 0;
  onProgress: ((done: number, total: number) => void) | undefined;
  private context: ReplicationContext | undefined;
  private runs = 0;
  private reject: ((error: Error) => void) | undefined;

  setContext(context: ReplicationContext): void {
    this.context = context;
  }

  async run(from: number, to: number): Promise<ReplicationRecord[]> {
    this.cancel();
    const id = ++this.runs;
    const context = this.context as ReplicationContext;
    const started = performance.now();
    const cancelled = new Promise<never>((_, reject) => (this.reject = reject));
    const records: ReplicationRecord[] = [];
    for (let i = from; i < to; i++) {
      records.push(replicationRecord(context, i));
      if ((i - from) % MOST_PER_TAKE === MOST_PER_TAKE - 1) {
        await Promise.race([new Promise((resolve) => setTimeout(resolve, 0)), cancelled]);
        if (id !== this.runs) throw new CancelledRun();
        this.onProgress?.(i + 1 - from, to - from);
      }
    }
    this.reject = undefined;
    this.lastRunMs = performance.now() - started;
    this.lastComputeMs = this.lastRunMs;
    return records;
  }

  cancel(): void {
    this.runs++;
    const reject = this.reject;
    this.reject = undefined;
    reject?.(new CancelledRun());
  }
}

/** Web Workers, or this thread when the browser will not start them. */
export function startPool(workerSource: string, size: number): WebWorkerPool | InThreadPool {
  try {
    return new WebWorkerPool(workerSource, size);
  } catch {
    return new InThreadPool();
  }
}
