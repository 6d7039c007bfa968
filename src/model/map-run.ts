/**
 * A Distributed Map run, end to end. The ItemReader fills the supply; the ItemBatcher
 * closes batches; each batch becomes a child execution once a MaxConcurrency slot is
 * free and the start-rate bucket allows; the child passes through its states (Standard
 * children draw state-transition tokens), invokes the Lambda function (which may cold
 * start, throttle, fail or time out), retries or catches per its Retry and Catch, and
 * ends. Failed and timed-out items count against the tolerated-failure threshold; past
 * it, after a detection lag, the Map Run fails: no new children, Standard children
 * aborted, Express children drained. Finally ResultWriter writes the results.
 *
 * Children live in slot arrays sized by MaxConcurrency (at most 10,000) and events carry
 * a slot number with a generation, so nothing is kept per item or per finished child:
 * memory does not grow with the item count.
 */
import { EXPRESS_MAX_DURATION_MS, MAP_RUN_MAX_PARALLEL_CHILDREN, MAX_PAYLOAD_BYTES, startExecutionQuota, stateTransitionQuota } from '../aws/quotas.js';
import { SimulationKernel } from '../core/index.js';
import { deriveStream, maxOf, meanOf, type Rng } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { ChildSlots } from './child-slots.js';
import { ItemBatcher } from './item-batcher.js';
import { durationFactor } from './memory-speed.js';
import { ItemReader } from './item-reader.js';
import type { ItemSupply } from './item-supply.js';
import { Acquire, LambdaCapacity } from './lambda-capacity.js';
import type { MapRunCounts, MapRunError, MapRunResult } from './map-run-result.js';
import { drawFrom, type Draw, type StreamKey } from './random-sources.js';
import { RESULT_RECORD_METADATA_BYTES, writeResults, type ResultBytes } from './result-writer.js';
import { ErrorTally } from './error-tally.js';
import { CatchPolicy, RetryPolicy, STATES_TIMEOUT } from './retry-policy.js';
import { TimeSeriesRecorder } from './time-series.js';
import { TokenBucket } from './token-bucket.js';

export interface SimulateOptions {
  /** Seed of the random streams; the scenario's own seed when absent. */
  seed?: number | string;
  /** Index of this replication among several; 0 for a single run. */
  replication?: number;
}

/** MaxConcurrency as Step Functions applies it: 0 means no user limit, and 10,000 is the hard cap. */
export function effectiveMaxConcurrency(maxConcurrency: number): number {
  return maxConcurrency === 0 ? MAP_RUN_MAX_PARALLEL_CHILDREN : Math.min(maxConcurrency, MAP_RUN_MAX_PARALLEL_CHILDREN);
}

export function simulateMapRun(scenario: Scenario, options: SimulateOptions = {}): MapRunResult {
  return new MapRun(scenario, { seed: options.seed ?? scenario.seed, replication: options.replication ?? 0 }).run();
}

const NO_ERROR = -1;

const enum Status {
  Succeeded,
  Failed,
  TimedOut,
  Aborted,
}

const TOO_MANY_REQUESTS = 'Lambda.TooManyRequestsException';
const LAMBDA_UNKNOWN = 'Lambda.Unknown';

class MapRun {
  private readonly kernel = new SimulationKernel();
  private readonly supply: ItemSupply = { available: 0, exhausted: false };
  private readonly reader: ItemReader;
  private readonly batcher: ItemBatcher;
  private readonly capacity: LambdaCapacity;
  private readonly startBucket: TokenBucket;
  private readonly transitionBucket: TokenBucket;
  private readonly retry: RetryPolicy;
  private readonly catchPolicy: CatchPolicy;
  private readonly series: TimeSeriesRecorder;

  // Configuration, unpacked for the hot path.
  private readonly maxConcurrency: number;
  private readonly express: boolean;
  private readonly statesBeforeTask: number;
  private readonly statesAfterTask: number;
  private readonly lambdaTimeoutMs: number;
  private readonly taskTimeoutMs: number;
  private readonly meanItemBytes: number;
  private readonly poisonProbability: number;
  private readonly injectedProbability: Float64Array;
  private readonly injectedCode: Int32Array;
  private readonly injectedIsServiceError: Uint8Array;
  private readonly itemsPerBatchEstimate: number;
  /** Duration multiplier for the memory size (1 at the memory durations were measured at). */
  private readonly speedFactor: number;

  // Random draws, one stream per component.
  private readonly drawStartLatencyMs: Draw;
  private readonly drawTransitionLatencyMs: Draw;
  private readonly drawInitMs: Draw;
  private readonly drawOverheadMs: Draw;
  private readonly drawPerItemMs: Draw;
  private readonly drawOutputBytes: Draw;
  private readonly drawDetectionLagMs: Draw;
  private readonly errorRng: Rng;
  private readonly poisonRng: Rng;
  private readonly retryRng: Rng;

  // Error names interned as small integers so slots can hold them.
  private readonly errors = new ErrorTally();
  private readonly tooManyRequests: number;
  private readonly lambdaUnknown: number;
  private readonly statesTimeout: number;
  private readonly poisonError: number;

  // Child execution slots.
  private readonly slots: ChildSlots;
  private activeChildren = 0;

  // Counters.
  private readonly executions = emptyCounts();
  private readonly items = emptyCounts();
  private readonly resultBytes: ResultBytes = { succeeded: 0, failed: 0, pending: 0 };
  private inlineResultBytes = 0;
  private failedOrTimedOutItems = 0;
  private peakRunningChildren = 0;
  private peakInvocations = 0;
  private peakEnvironments = 0;
  private attempts = 0;
  private throttles = 0;
  private retries = 0;
  private caught = 0;
  private lambdaRequests = 0;
  private itemsProcessed = 0;
  private coldStarts = 0;
  private billedDurationMs = 0;
  private initBilledMs = 0;
  private lambdaDurationMs = 0;
  private parentTransitions = 1; // the Map state itself
  private childTransitions = 0;
  private expressRequests = 0;
  private expressBilledMs = 0;

  // Map Run state.
  private thresholdCrossed = false;
  private failed = false;
  private error: MapRunError | undefined;
  private childrenDone = false;
  private childrenCompleteMs = 0;
  private endMs = 0;
  private resultWrite: MapRunResult['resultWriter'];

  // Event handlers, created once; the payload says which child.
  private readonly onChildStarted = (payload: number) => this.childStarted(payload);
  private readonly onTaskInvoke = (payload: number) => this.invoke(payload);
  private readonly onInvocationEnd = (payload: number) => this.invocationEnded(payload);
  private readonly onOrphanRelease = () => this.releaseEnvironment();
  // Each handler first checks that its child has not ended since (aborted): -1 then.
  private readonly onTaskTimeout = (payload: number) => {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.attemptFailed(slot, this.statesTimeout);
  };
  private readonly onRetry = (payload: number) => {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.enterStates(slot, 1, this.onTaskInvoke);
  };
  private readonly onSucceeded = (payload: number) => {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.finish(slot, Status.Succeeded);
  };
  private readonly onFailed = (payload: number) => {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.finish(slot, Status.Failed);
  };
  private readonly onExpressTimeout = (payload: number) => {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.finish(slot, Status.TimedOut);
  };
  private readonly onThresholdDetected = () => this.failMapRun();
  private readonly onResultsWritten = () => this.end();

  constructor(
    private readonly scenario: Scenario,
    private readonly streamKey: StreamKey,
  ) {
    const key = streamKey;
    const { itemReader, lambda, childWorkflow } = scenario;
    this.maxConcurrency = effectiveMaxConcurrency(scenario.maxConcurrency);
    this.express = scenario.executionType === 'EXPRESS';
    this.statesBeforeTask = childWorkflow.statesBeforeTask;
    this.statesAfterTask = childWorkflow.statesAfterTask;
    this.lambdaTimeoutMs = lambda.timeoutSeconds * 1000;
    this.taskTimeoutMs = childWorkflow.taskTimeoutSeconds === undefined ? Infinity : childWorkflow.taskTimeoutSeconds * 1000;
    this.meanItemBytes = meanOf(itemReader.itemSizeBytes);
    this.speedFactor = durationFactor(lambda.memoryMb, lambda.durationMeasuredAtMemoryMb ?? lambda.memoryMb, lambda.cpuBoundFraction);

    const latencySpec =
      itemReader.source === 's3ListObjectsV2'
        ? itemReader.pageLatencyMs
        : itemReader.source === 's3Object'
          ? itemReader.firstByteLatencyMs
          : ({ type: 'constant', value: 0 } as const);
    this.reader = new ItemReader(itemReader, this.meanItemBytes, this.kernel, this.supply, drawFrom(latencySpec, key, 'itemReader.requestLatency'), () =>
      this.startChildren(),
    );
    const batcher = scenario.itemBatcher;
    const maxItems = batcher?.maxItemsPerBatch ?? (batcher ? Infinity : 1);
    // The byte limit binds only if a full batch of the largest items could exceed it;
    // otherwise batching is by count alone and no item size needs drawing.
    const byteLimitBinds = batcher !== undefined && maxItems * maxOf(itemReader.itemSizeBytes) > batcher.maxInputBytesPerBatch;
    this.batcher = new ItemBatcher(
      maxItems,
      byteLimitBinds ? (batcher?.maxInputBytesPerBatch ?? Infinity) : Infinity,
      drawFrom(itemReader.itemSizeBytes, key, 'itemReader.itemSize'),
    );
    this.itemsPerBatchEstimate = batcher
      ? Math.max(1, Math.min(batcher.maxItemsPerBatch ?? Infinity, Math.floor(batcher.maxInputBytesPerBatch / Math.max(1, this.meanItemBytes))))
      : 1;

    const lambdaLimit = lambda.reservedConcurrency ?? lambda.accountConcurrency;
    this.capacity = new LambdaCapacity({ concurrencyLimit: lambdaLimit, scaling: lambda.scaling, region: scenario.region });
    const starts = startExecutionQuota(scenario.region, scenario.executionType);
    this.startBucket = new TokenBucket(scenario.childStarts.bucketSize ?? starts.bucketSize, scenario.childStarts.refillPerSecond ?? starts.refillPerSecond);
    const transitions = scenario.stateTransitions ?? stateTransitionQuota(scenario.region);
    this.transitionBucket = new TokenBucket(transitions.bucketSize, transitions.refillPerSecond);
    this.retry = new RetryPolicy(childWorkflow.retry);
    this.catchPolicy = new CatchPolicy(childWorkflow.catch);
    this.series = new TimeSeriesRecorder(scenario.timeSeriesBucketMs);

    this.drawStartLatencyMs = drawFrom(scenario.childStarts.startLatencyMs, key, 'childStarts.startLatency');
    this.drawTransitionLatencyMs = drawFrom(childWorkflow.transitionLatencyMs, key, 'childWorkflow.transitionLatency');
    this.drawInitMs = drawFrom(lambda.initDurationMs, key, 'lambda.initDuration');
    this.drawOverheadMs = drawFrom(lambda.invocationOverheadMs, key, 'lambda.invocationOverhead');
    this.drawPerItemMs = drawFrom(lambda.perItemDurationMs, key, 'lambda.perItemDuration');
    this.drawOutputBytes = drawFrom(childWorkflow.outputBytes, key, 'childWorkflow.outputBytes');
    this.drawDetectionLagMs = drawFrom(scenario.failureDetectionLagMs, key, 'mapRun.failureDetectionLag');
    this.errorRng = deriveStream(key.seed, key.replication, 'lambda.errors');
    this.poisonRng = deriveStream(key.seed, key.replication, 'lambda.poisonItems');
    this.retryRng = deriveStream(key.seed, key.replication, 'childWorkflow.retryJitter');

    this.tooManyRequests = this.errors.code(TOO_MANY_REQUESTS);
    this.lambdaUnknown = this.errors.code(LAMBDA_UNKNOWN);
    this.statesTimeout = this.errors.code(STATES_TIMEOUT);
    this.poisonProbability = lambda.poisonItems?.probability ?? 0;
    this.poisonError = this.errors.code(lambda.poisonItems?.error ?? 'ItemProcessingError');
    let cumulative = 0;
    this.injectedProbability = Float64Array.from(lambda.errors, (e) => (cumulative += e.probability));
    this.injectedCode = Int32Array.from(lambda.errors, (e) => this.errors.code(e.error));
    this.injectedIsServiceError = Uint8Array.from(lambda.errors, (e) => (isServiceError(e.error) ? 1 : 0));

    this.slots = new ChildSlots(Math.max(1, Math.min(this.maxConcurrency, this.reader.totalItems)), this.retry);
  }

  run(): MapRunResult {
    this.reader.start();
    this.startChildren();
    this.checkDone();
    this.kernel.run();
    return this.result();
  }

  // ---- Dispatch -------------------------------------------------------------------

  private startChildren(): void {
    if (!this.failed && !this.childrenDone) {
      while (this.activeChildren < this.maxConcurrency) {
        const items = this.batcher.nextBatch(this.supply);
        if (items === 0) break;
        this.dispatch(items);
      }
    }
    this.checkDone();
  }

  private dispatch(items: number): void {
    const now = this.kernel.nowMs;
    const slot = this.slots.acquire();
    this.activeChildren++;
    if (this.activeChildren > this.peakRunningChildren) this.peakRunningChildren = this.activeChildren;
    this.executions.total++;
    this.parentTransitions++; // Distributed Map charges one transition per child it starts.
    this.slots.items[slot] = items;
    this.slots.poison[slot] = this.poisonProbability > 0 && this.poisonRng() < 1 - (1 - this.poisonProbability) ** items ? 1 : 0;
    const startMs = this.startBucket.reserve(1, now);
    this.slots.startMs[slot] = startMs;
    const payload = this.slots.payloadOf(slot);
    const runningInMs = startMs - now + this.drawStartLatencyMs();
    if (this.express) {
      this.expressRequests++;
      // Express children draw no transition tokens, so the states before the task can be
      // timed right away: one event fewer per child.
      this.scheduleForChild(slot, runningInMs + this.transitionDelayMs(this.statesBeforeTask + 1), this.onTaskInvoke);
    } else {
      this.kernel.schedule(runningInMs, this.onChildStarted, payload);
    }
    this.recordGauges();
  }

  private childStarted(payload: number): void {
    const slot = this.slots.current(payload);
    if (slot >= 0) this.enterStates(slot, this.statesBeforeTask + 1, this.onTaskInvoke);
  }

  /** Passes `count` states (Standard: drawing transition tokens), then runs `next`. */
  private enterStates(slot: number, count: number, next: (payload: number) => void): void {
    let delayMs = this.transitionDelayMs(count);
    if (!this.express) {
      this.childTransitions += count;
      delayMs += this.transitionBucket.reserve(count, this.kernel.nowMs) - this.kernel.nowMs;
    }
    this.scheduleForChild(slot, delayMs, next);
  }

  private transitionDelayMs(count: number): number {
    let delayMs = 0;
    for (let i = 0; i < count; i++) delayMs += this.drawTransitionLatencyMs();
    return delayMs;
  }

  /** Schedules a child's next step, unless the Express 5-minute limit ends the child first. */
  private scheduleForChild(slot: number, delayMs: number, next: (payload: number) => void): void {
    const payload = this.slots.payloadOf(slot);
    if (this.express) {
      const deadlineInMs = (this.slots.startMs[slot] as number) + EXPRESS_MAX_DURATION_MS - this.kernel.nowMs;
      if (delayMs > deadlineInMs) {
        this.kernel.schedule(Math.max(0, deadlineInMs), this.onExpressTimeout, payload);
        return;
      }
    }
    this.kernel.schedule(delayMs, next, payload);
  }

  // ---- The Lambda task ------------------------------------------------------------

  private invoke(payload: number): void {
    const slot = this.slots.current(payload);
    if (slot < 0) return;
    const now = this.kernel.nowMs;
    this.attempts++;
    const injected = this.injectedError();
    if (injected >= 0 && this.injectedIsServiceError[injected] === 1) {
      // The Lambda service failed the request: no environment, nothing ran, nothing billed.
      this.attemptFailed(slot, this.injectedCode[injected] as number);
      return;
    }
    const acquired = this.capacity.acquire(now);
    if (acquired === Acquire.Throttled) {
      this.throttles++;
      this.series.throttle(now);
      this.attemptFailed(slot, this.tooManyRequests);
      return;
    }
    let initMs = 0;
    if (acquired === Acquire.Cold) {
      this.coldStarts++;
      initMs = this.drawInitMs();
    }
    this.recordGauges();
    let outcome = NO_ERROR;
    let runMs = (this.drawOverheadMs() + this.drawPerItemMs() * (this.slots.items[slot] as number)) * this.speedFactor;
    if (this.slots.poison[slot] === 1) outcome = this.poisonError;
    else if (injected >= 0) outcome = this.injectedCode[injected] as number;
    if (runMs > this.lambdaTimeoutMs) {
      runMs = this.lambdaTimeoutMs;
      outcome = this.lambdaUnknown;
    }
    const invocationMs = initMs + runMs;
    this.lambdaRequests++;
    this.itemsProcessed += this.slots.items[slot] as number;
    this.lambdaDurationMs += invocationMs;
    this.billedDurationMs += Math.ceil(invocationMs);
    this.initBilledMs += Math.ceil(initMs);

    // The environment stays busy for the whole invocation even if the child stops
    // waiting for it (task timeout, Express limit): then its release is a separate event.
    const childWaitsMs = Math.min(invocationMs, this.taskTimeoutMs);
    const deadlineInMs = this.express ? (this.slots.startMs[slot] as number) + EXPRESS_MAX_DURATION_MS - now : Infinity;
    if (childWaitsMs === invocationMs && invocationMs <= deadlineInMs) {
      this.slots.outcome[slot] = outcome;
      this.kernel.schedule(invocationMs, this.onInvocationEnd, payload);
    } else {
      this.kernel.schedule(invocationMs, this.onOrphanRelease);
      this.scheduleForChild(slot, childWaitsMs, this.onTaskTimeout);
    }
  }

  /** Index of the injected error this attempt fails with, or -1. */
  private injectedError(): number {
    const cumulative = this.injectedProbability;
    if (cumulative.length === 0) return -1;
    const u = this.errorRng();
    for (let i = 0; i < cumulative.length; i++) if (u < (cumulative[i] as number)) return i;
    return -1;
  }

  private invocationEnded(payload: number): void {
    this.releaseEnvironment();
    const slot = this.slots.current(payload);
    if (slot < 0) return;
    const outcome = this.slots.outcome[slot] as number;
    if (outcome !== NO_ERROR) this.attemptFailed(slot, outcome);
    else if (this.statesAfterTask > 0) this.enterStates(slot, this.statesAfterTask, this.onSucceeded);
    else this.finish(slot, Status.Succeeded);
  }

  private releaseEnvironment(): void {
    this.capacity.release();
    this.recordGauges();
  }

  /** Retry, Catch or fail, as the task's Retry and Catch say. */
  private attemptFailed(slot: number, errorCode: number): void {
    this.errors.count(errorCode);
    const error = this.errors.name(errorCode);
    const delayMs = this.retry.nextRetryDelayMs(error, this.slots.retryCounters, slot, this.retryRng);
    if (delayMs >= 0) {
      this.retries++;
      this.scheduleForChild(slot, delayMs, this.onRetry);
      return;
    }
    const caughtAs = this.catchPolicy.outcomeFor(error);
    if (caughtAs === undefined) {
      this.finish(slot, Status.Failed);
      return;
    }
    this.caught++;
    this.enterStates(slot, 1, caughtAs === 'SUCCEEDED' ? this.onSucceeded : this.onFailed);
  }

  // ---- Ends of children and of the Map Run ----------------------------------------

  private finish(slot: number, status: Status): void {
    const now = this.kernel.nowMs;
    const items = this.slots.items[slot] as number;
    if (this.express) this.expressBilledMs += Math.ceil((now - (this.slots.startMs[slot] as number)) / 100) * 100;
    const outputBytes = this.drawOutputBytes();
    const recordBytes = items * this.meanItemBytes + outputBytes + RESULT_RECORD_METADATA_BYTES;
    this.inlineResultBytes += outputBytes;
    switch (status) {
      case Status.Succeeded:
        this.executions.succeeded++;
        this.items.succeeded += items;
        this.resultBytes.succeeded += recordBytes;
        break;
      case Status.Failed:
        this.executions.failed++;
        this.items.failed += items;
        this.resultBytes.failed += recordBytes;
        this.failedOrTimedOutItems += items;
        break;
      case Status.TimedOut:
        this.executions.timedOut++;
        this.items.timedOut += items;
        this.resultBytes.failed += recordBytes;
        this.failedOrTimedOutItems += items;
        break;
      case Status.Aborted:
        this.executions.aborted++;
        this.items.aborted += items;
        this.resultBytes.failed += recordBytes;
        break;
    }
    if (status !== Status.Aborted) this.series.itemsCompleted(now, items);
    this.releaseSlot(slot);
    if (status === Status.Failed || status === Status.TimedOut) this.checkThreshold();
    this.startChildren();
  }

  private releaseSlot(slot: number): void {
    this.slots.release(slot);
    this.activeChildren--;
    this.recordGauges();
  }


  /**
   * ToleratedFailureCount / ToleratedFailurePercentage over items: exceeded when either
   * one that is set is exceeded; with neither set, no failure is tolerated.
   */
  private checkThreshold(): void {
    if (this.thresholdCrossed) return;
    const { toleratedFailureCount, toleratedFailurePercentage } = this.scenario;
    const bad = this.failedOrTimedOutItems;
    const total = this.reader.totalItems;
    const neitherSet = toleratedFailureCount === undefined && toleratedFailurePercentage === undefined;
    const overCount = bad > (toleratedFailureCount ?? (neitherSet ? 0 : Infinity));
    const overPercentage = toleratedFailurePercentage !== undefined && total > 0 && (bad / total) * 100 > toleratedFailurePercentage;
    if (!overCount && !overPercentage) return;
    this.thresholdCrossed = true;
    const lagMs = this.drawDetectionLagMs();
    // With no lag, the Map Run fails before the slot this failure freed is refilled.
    if (lagMs === 0) this.failMapRun();
    else this.kernel.schedule(lagMs, this.onThresholdDetected);
  }

  /** The threshold is enforced: stop starting, abort Standard children, let Express ones finish. */
  private failMapRun(): void {
    if (this.failed || this.childrenDone) return;
    this.failed = true;
    this.error = 'States.ExceedToleratedFailureThreshold';
    this.reader.stop();
    const now = this.kernel.nowMs;
    for (let slot = 0; slot < this.slots.capacity; slot++) {
      if (this.slots.occupied[slot] === 0) continue;
      const items = this.slots.items[slot] as number;
      if ((this.slots.startMs[slot] as number) > now) {
        // Not started yet: it never will. Its items stay pending.
        this.executions.total--;
        this.parentTransitions--;
        if (this.express) this.expressRequests--;
        this.items.pending += items;
        this.resultBytes.pending += items * this.meanItemBytes + RESULT_RECORD_METADATA_BYTES;
        this.releaseSlot(slot);
      } else if (!this.express) {
        this.finish(slot, Status.Aborted);
      }
    }
    const unstarted = this.supply.available + this.batcher.pendingItems + this.reader.undeliveredItems;
    this.items.pending += unstarted;
    this.resultBytes.pending += unstarted * this.meanItemBytes + Math.ceil(unstarted / this.itemsPerBatchEstimate) * RESULT_RECORD_METADATA_BYTES;
    this.checkDone();
  }

  private checkDone(): void {
    if (this.childrenDone || this.activeChildren > 0) return;
    if (!this.failed && !(this.supply.exhausted && this.supply.available === 0 && this.batcher.pendingItems === 0)) return;
    if (this.thresholdCrossed && !this.failed) {
      // Every child ended before the lag ran out: the Map Run fails now, with nothing pending.
      this.failed = true;
      this.error = 'States.ExceedToleratedFailureThreshold';
    }
    this.childrenDone = true;
    this.childrenCompleteMs = this.kernel.nowMs;
    const writer = this.scenario.resultWriter;
    if (writer) {
      this.resultWrite = writeResults(this.resultBytes, writer.writeThroughputBytesPerSecond, drawFrom(writer.putLatencyMs, this.streamKey, 'resultWriter.putLatency'));
      this.kernel.schedule(this.resultWrite.writeMs, this.onResultsWritten);
      return;
    }
    if (!this.failed && this.inlineResultBytes > MAX_PAYLOAD_BYTES) {
      this.failed = true;
      this.error = 'States.DataLimitExceeded';
    }
    this.end();
  }

  private end(): void {
    this.endMs = this.kernel.nowMs;
    this.kernel.stop();
  }

  // ---- Slots and results ----------------------------------------------------------

  private recordGauges(): void {
    const invocations = this.capacity.busyEnvironments;
    const environments = this.capacity.totalEnvironments;
    if (invocations > this.peakInvocations) this.peakInvocations = invocations;
    if (environments > this.peakEnvironments) this.peakEnvironments = environments;
    this.series.gauges(this.kernel.nowMs, this.activeChildren, invocations, environments);
  }

  private result(): MapRunResult {
    const lambda = this.scenario.lambda;
    const written = this.resultWrite ? this.reader.totalItems : 0;
    const items: MapRunCounts = { ...this.items, total: this.reader.totalItems, resultsWritten: written };
    const executions: MapRunCounts = {
      ...this.executions,
      pending: Math.ceil(this.items.pending / this.itemsPerBatchEstimate),
      resultsWritten: this.resultWrite ? this.executions.total : 0,
    };
    const gb = lambda.memoryMb / 1024;
    const expressMemoryMb = this.scenario.childWorkflow.expressBilledMemoryMb;
    return {
      status: this.failed ? 'FAILED' : 'SUCCEEDED',
      ...(this.error ? { error: this.error } : {}),
      wallTimeMs: this.endMs,
      childrenCompleteMs: this.childrenCompleteMs,
      itemCounts: items,
      executionCounts: executions,
      effectiveMaxConcurrency: this.maxConcurrency,
      lambdaConcurrencyLimit: lambda.reservedConcurrency ?? lambda.accountConcurrency,
      peakRunningChildren: this.peakRunningChildren,
      peakConcurrentInvocations: this.peakInvocations,
      peakEnvironments: this.peakEnvironments,
      itemReader: { ...this.reader.stats },
      attempts: { total: this.attempts, throttled: this.throttles, retries: this.retries, caught: this.caught, failuresByError: this.errors.byName() },
      lambda: { invocations: this.lambdaRequests, totalDurationMs: this.lambdaDurationMs },
      ...(this.resultWrite ? { resultWriter: this.resultWrite } : {}),
      inlineResultBytes: this.inlineResultBytes,
      usage: {
        lambda: {
          architecture: lambda.architecture,
          memoryMb: lambda.memoryMb,
          requests: this.lambdaRequests,
          throttledAttempts: this.throttles,
          coldStarts: this.coldStarts,
          billedDurationMs: this.billedDurationMs,
          initBilledDurationMs: this.initBilledMs,
          gbSeconds: (this.billedDurationMs / 1000) * gb,
          ephemeralStorageMb: lambda.ephemeralStorageMb,
          itemsProcessed: this.itemsProcessed,
        },
        derived: {
          cloudwatchLogsBytes: this.lambdaRequests * lambda.logBytesPerInvocation,
          interRegionBytes: this.itemsProcessed * this.scenario.dataTransfer.interRegionBytesPerItem,
        },
        stepFunctions: {
          parentTransitions: this.parentTransitions,
          childTransitions: this.childTransitions,
          expressRequests: this.expressRequests,
          expressBilledDurationMs: this.expressBilledMs,
          expressBilledMemoryMb: this.express ? expressMemoryMb : 0,
          expressGbSeconds: (this.expressBilledMs / 1000) * (expressMemoryMb / 1024),
        },
        s3: {
          listRequests: this.reader.stats.listRequests,
          getRequests: this.reader.stats.getRequests,
          putRequests: this.resultWrite?.putRequests ?? 0,
        },
      },
      timeSeries: this.series.finish(this.endMs),
      eventCount: this.kernel.eventCount,
    };
  }
}

function emptyCounts(): MapRunCounts {
  return { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0 };
}

/** Errors raised by the Lambda service itself (the function never ran); `Lambda.Unknown` is the function's. */
function isServiceError(name: string): boolean {
  return name.startsWith('Lambda.') && name !== LAMBDA_UNKNOWN;
}
