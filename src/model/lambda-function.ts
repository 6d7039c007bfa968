/**
 * The Lambda function the child executions invoke. This first model caps concurrent
 * invocations at the function's available concurrency and makes an invocation beyond
 * it wait for a free slot, first come first served. (Lambda really rejects it with a
 * 429 that Step Functions may retry; the throttling model replaces this queue.)
 *
 * Duration of one invocation = overhead + per-item time × items in the batch, with one
 * per-item draw per invocation (items of one batch share the same conditions).
 */
import type { SimulationKernel } from '../core/index.js';
import { NumberQueue } from './number-queue.js';
import type { Draw } from './random-sources.js';

export interface LambdaStats {
  invocations: number;
  peakConcurrentInvocations: number;
  /** Sum of invocation durations, in ms; the basis of billed duration. */
  totalDurationMs: number;
}

export class LambdaFunction {
  readonly stats: LambdaStats = { invocations: 0, peakConcurrentInvocations: 0, totalDurationMs: 0 };
  private running = 0;
  private readonly waiting = new NumberQueue();
  private readonly onDone = (batchItems: number) => this.complete(batchItems);

  constructor(
    private readonly kernel: SimulationKernel,
    private readonly concurrencyLimit: number,
    private readonly drawOverheadMs: Draw,
    private readonly drawPerItemMs: Draw,
    /** Called when an invocation returns, with the items of its batch. */
    private readonly onReturn: (batchItems: number) => void,
  ) {}

  get runningInvocations(): number {
    return this.running;
  }

  invoke(batchItems: number): void {
    if (this.running < this.concurrencyLimit) this.begin(batchItems);
    else this.waiting.push(batchItems);
  }

  private begin(batchItems: number): void {
    this.running++;
    if (this.running > this.stats.peakConcurrentInvocations) this.stats.peakConcurrentInvocations = this.running;
    this.stats.invocations++;
    const durationMs = this.drawOverheadMs() + this.drawPerItemMs() * batchItems;
    this.stats.totalDurationMs += durationMs;
    this.kernel.schedule(durationMs, this.onDone, batchItems);
  }

  private complete(batchItems: number): void {
    this.running--;
    if (this.waiting.length > 0) this.begin(this.waiting.shift());
    this.onReturn(batchItems);
  }
}
