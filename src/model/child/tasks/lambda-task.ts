/**
 * A Lambda function that Task states invoke: its pool of execution environments (cold
 * starts, the scaling ramp, its reserved concurrency or the account's unreserved pool),
 * its durations (overhead plus per-item time, scaled by memory), its timeout, injected
 * errors and poison items, and the usage it bills. One instance per function, shared by
 * every Task state that names it.
 *
 * An invocation that the Lambda service rejects (throttle, service error) fails at once,
 * unbilled; one that ran is billed whole, INIT included, even when the child stopped
 * waiting for it (TimeoutSeconds, the Express limit): the environment then stays busy
 * until the invocation ends, as a separate event.
 */
import { EXPRESS_MAX_DURATION_MS } from '../../../aws/quotas.js';
import { deriveStream, type Rng } from '../../../random/index.js';
import type { LambdaFunctionConfig } from '../../../scenario/lambda-schema.js';
import { Acquire, LambdaCapacity, type AccountEnvironments, type ConcurrencyPool } from '../../lambda-capacity.js';
import { durationFactor } from '../../memory-speed.js';
import { batchDrawFrom, drawFrom, type BatchDraw, type Draw, type StreamKey } from '../../random-sources.js';
import type { LambdaUsage } from '../../usage.js';
import type { CompiledState } from '../child-program.js';
import { InjectedErrors } from './injected-errors.js';
import type { TaskHost, TaskRunner } from './task-runner.js';

const NO_ERROR = -1;
export const TOO_MANY_REQUESTS = 'Lambda.TooManyRequestsException';
export const LAMBDA_UNKNOWN = 'Lambda.Unknown';

/** Errors raised by the Lambda service itself (the function never ran); `Lambda.Unknown` is the function's. */
export function isLambdaServiceError(name: string): boolean {
  return name.startsWith('Lambda.') && name !== LAMBDA_UNKNOWN;
}

export interface LambdaFunctionStats {
  throttles: number;
  peakConcurrentInvocations: number;
  concurrencyLimit: number;
}

export class LambdaFunctionTask implements TaskRunner {
  readonly capacity: LambdaCapacity;
  /** Bit of ChildThreads.poison for this function; 0 when it has no poison items. */
  readonly poisonBit: number;
  readonly poisonProbability: number;
  readonly poisonRng: Rng;
  private readonly lambdaTimeoutMs: number;
  private readonly speedFactor: number;
  private readonly drawInitMs: Draw;
  private readonly drawOverheadMs: Draw;
  private readonly drawItemsMs: BatchDraw;
  /** Undefined when the factor is the constant 1, so the common case draws nothing. */
  private readonly drawBatchFactor: Draw | undefined;
  private readonly injected: InjectedErrors;
  private readonly injectedIsServiceError: Uint8Array;
  private readonly tooManyRequests: number;
  private readonly lambdaUnknown: number;
  private readonly poisonError: number;

  // Usage and statistics.
  requests = 0;
  throttles = 0;
  coldStarts = 0;
  billedDurationMs = 0;
  initBilledMs = 0;
  durationMs = 0;
  itemsProcessed = 0;
  peakBusy = 0;

  readonly onStart = (payload: number) => {
    const thread = this.host.threads.current(payload);
    if (thread >= 0) this.start(thread, this.host.stateOf(thread));
  };
  private readonly onInvocationEnd = (payload: number) => this.invocationEnded(payload);
  private readonly onOrphanRelease = () => this.release();

  constructor(
    private readonly host: TaskHost,
    readonly name: string,
    readonly config: LambdaFunctionConfig,
    /** Prefix of the function's random streams: `lambda` for the short form's function, `functions.<name>` otherwise. */
    streamPrefix: string,
    key: StreamKey,
    pool: ConcurrencyPool,
    account: AccountEnvironments,
    region: string,
    poisonIndex: number,
    private readonly express: boolean,
  ) {
    this.capacity = new LambdaCapacity({ concurrencyLimit: pool.limit, pool, account, scaling: config.scaling, region });
    this.lambdaTimeoutMs = config.timeoutSeconds * 1000;
    this.speedFactor = durationFactor(config.memoryMb, config.durationMeasuredAtMemoryMb ?? config.memoryMb, config.cpuBoundFraction);
    this.drawInitMs = drawFrom(config.initDurationMs, key, `${streamPrefix}.initDuration`);
    this.drawOverheadMs = drawFrom(config.invocationOverheadMs, key, `${streamPrefix}.invocationOverhead`);
    this.drawItemsMs = batchDrawFrom(config.perItemDurationMs, key, `${streamPrefix}.perItemDuration`);
    const factor = config.batchDurationFactor;
    this.drawBatchFactor = factor.type === 'constant' && factor.value === 1 ? undefined : drawFrom(factor, key, `${streamPrefix}.batchDurationFactor`);
    this.injected = new InjectedErrors(config.errors, host.errors, key, `${streamPrefix}.errors`);
    this.poisonRng = deriveStream(key.seed, key.replication, `${streamPrefix}.poisonItems`);
    const errors = host.errors;
    this.tooManyRequests = errors.code(TOO_MANY_REQUESTS);
    this.lambdaUnknown = errors.code(LAMBDA_UNKNOWN);
    this.poisonProbability = config.poisonItems?.probability ?? 0;
    this.poisonBit = this.poisonProbability > 0 ? 1 << poisonIndex : 0;
    this.poisonError = errors.code(config.poisonItems?.error ?? 'ItemProcessingError');
    this.injectedIsServiceError = Uint8Array.from(config.errors, (e) => (isLambdaServiceError(e.error) ? 1 : 0));
  }

  start(thread: number, state: CompiledState): void {
    const host = this.host;
    const threads = host.threads;
    const now = host.kernel.nowMs;
    host.countAttempt();
    const injected = this.injected.draw();
    if (injected >= 0 && this.injectedIsServiceError[injected] === 1) {
      host.attemptFailed(thread, this.injected.codes[injected] as number);
      return;
    }
    const acquired = this.capacity.acquire(now);
    if (acquired === Acquire.Throttled) {
      this.throttles++;
      host.countThrottle(now);
      host.attemptFailed(thread, this.tooManyRequests);
      return;
    }
    let initMs = 0;
    if (acquired === Acquire.Cold) {
      this.coldStarts++;
      initMs = this.drawInitMs();
      host.coldStarted(thread, initMs);
    }
    if (this.capacity.busyEnvironments > this.peakBusy) this.peakBusy = this.capacity.busyEnvironments;
    host.gauges.recordGauges();
    const items = threads.items[thread] as number;
    let outcome = NO_ERROR;
    const itemsMs = this.drawItemsMs(items) * (this.drawBatchFactor ? this.drawBatchFactor() : 1);
    let runMs = (this.drawOverheadMs() + itemsMs) * this.speedFactor;
    if (((threads.poison[thread] as number) & this.poisonBit) !== 0) outcome = this.poisonError;
    else if (injected >= 0) outcome = this.injected.codes[injected] as number;
    if (runMs > this.lambdaTimeoutMs) {
      runMs = this.lambdaTimeoutMs;
      outcome = this.lambdaUnknown;
    }
    const invocationMs = initMs + runMs;
    host.observer?.invocation?.({
      functionName: this.name,
      startMs: now,
      durationMs: runMs,
      initMs,
      items,
      memoryMb: this.config.memoryMb,
      ...(outcome === NO_ERROR ? {} : { error: host.errors.name(outcome) }),
    });
    this.requests++;
    this.itemsProcessed += items;
    this.durationMs += invocationMs;
    this.billedDurationMs += Math.ceil(invocationMs);
    this.initBilledMs += Math.ceil(initMs);
    if (state.billsRequests) host.billRequests(state, items);

    const childWaitsMs = Math.min(invocationMs, state.timeoutMs);
    const deadlineInMs = this.express ? (threads.startMs[thread] as number) + EXPRESS_MAX_DURATION_MS - now : Infinity;
    if (childWaitsMs === invocationMs && invocationMs <= deadlineInMs) {
      threads.outcome[thread] = outcome;
      host.kernel.schedule(invocationMs, this.onInvocationEnd, threads.payloadOf(thread));
    } else {
      host.kernel.schedule(invocationMs, this.onOrphanRelease);
      host.scheduleForThread(thread, childWaitsMs, host.onTaskTimeout);
    }
  }

  private invocationEnded(payload: number): void {
    this.release();
    const thread = this.host.threads.current(payload);
    if (thread < 0) return;
    const outcome = this.host.threads.outcome[thread] as number;
    if (outcome !== NO_ERROR) this.host.attemptFailed(thread, outcome);
    else this.host.attemptSucceeded(thread);
  }

  private release(): void {
    this.capacity.release();
    this.host.gauges.recordGauges();
  }

  usage(): LambdaUsage {
    const gb = this.config.memoryMb / 1024;
    return {
      architecture: this.config.architecture,
      memoryMb: this.config.memoryMb,
      requests: this.requests,
      throttledAttempts: this.throttles,
      coldStarts: this.coldStarts,
      billedDurationMs: this.billedDurationMs,
      initBilledDurationMs: this.initBilledMs,
      gbSeconds: (this.billedDurationMs / 1000) * gb,
      ephemeralStorageMb: this.config.ephemeralStorageMb,
      itemsProcessed: this.itemsProcessed,
    };
  }
}
