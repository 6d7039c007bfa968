/**
 * A Distributed Map run, end to end. The ItemReader fills the supply; the ItemBatcher
 * closes batches; each batch becomes a child execution once a MaxConcurrency slot is
 * free and the start-rate bucket allows; the child runs its states (the child
 * interpreter, src/model/child/: Lambda and other tasks, Retry and Catch, Parallel,
 * inline Map, the Express limit) and ends. Failed and timed-out items count against the
 * tolerated-failure threshold; past it, after a detection lag, the Map Run fails: no new
 * children, Standard children aborted, Express children drained. Finally ResultWriter
 * writes the results.
 *
 * Children live in slot arrays that grow with concurrency and events carry a slot number
 * with a generation, so nothing is kept per item or per finished child: memory does not
 * grow with the item count.
 */
import { MAP_RUN_MAX_PARALLEL_CHILDREN, MAX_PAYLOAD_BYTES, startExecutionQuota, stateTransitionQuota, stopExecutionQuota } from '../aws/quotas.js';
import { SimulationKernel } from '../core/index.js';
import { maxOf, meanOf } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { accountConcurrencyOf } from '../scenario/scenario-schema.js';
import { ChildInterpreter, ChildStatus, type ChildInterpreterHooks } from './child/child-interpreter.js';
import { NO_THREAD, type ChildThreads } from './child/child-threads.js';
import { ItemBatcher } from './item-batcher.js';
import type { AccountEnvironments } from './lambda-capacity.js';
import { ItemReader } from './item-reader.js';
import type { ItemSupply } from './item-supply.js';
import type { MapRunCounts, MapRunError, MapRunResult } from './map-run-result.js';
import { drawFrom, type Draw, type StreamKey } from './random-sources.js';
import { RESULT_RECORD_METADATA_BYTES, writeResults, type ResultBytes } from './result-writer.js';
import { ErrorTally } from './error-tally.js';
import type { ChildExecutionRecord, MapRunObserver } from './map-run-observer.js';
import { CriticalPath } from './critical-path.js';
import { expressBilledMemoryMbOf } from './express-memory.js';
import { TimeSeriesRecorder } from './time-series.js';
import { TokenBucket } from './token-bucket.js';

export interface SimulateOptions {
  /** Seed of the random streams; the scenario's own seed when absent. */
  seed?: number | string;
  /** Index of this replication among several; 0 for a single run. */
  replication?: number;
  /** Sees every invocation and child as it happens (map-run-observer.ts). */
  observer?: MapRunObserver;
}

/** MaxConcurrency as Step Functions applies it: 0 means no user limit, and 10,000 is the hard cap. */
export function effectiveMaxConcurrency(maxConcurrency: number): number {
  return maxConcurrency === 0 ? MAP_RUN_MAX_PARALLEL_CHILDREN : Math.min(maxConcurrency, MAP_RUN_MAX_PARALLEL_CHILDREN);
}

const CHILD_STATUS_NAMES = {
  [ChildStatus.Succeeded]: 'SUCCEEDED',
  [ChildStatus.Failed]: 'FAILED',
  [ChildStatus.TimedOut]: 'TIMED_OUT',
  [ChildStatus.Aborted]: 'ABORTED',
} as const satisfies Record<ChildStatus, ChildExecutionRecord['status']>;

export function simulateMapRun(scenario: Scenario, options: SimulateOptions = {}): MapRunResult {
  return new MapRun(scenario, { seed: options.seed ?? scenario.seed, replication: options.replication ?? 0 }, options.observer).run();
}

class MapRun implements ChildInterpreterHooks {
  private readonly kernel = new SimulationKernel();
  private readonly supply: ItemSupply = { available: 0, exhausted: false };
  private readonly reader: ItemReader;
  private readonly batcher: ItemBatcher;
  private readonly startBucket: TokenBucket;
  private readonly dispatchBucket: TokenBucket;
  private readonly stopBucket: TokenBucket;
  private readonly series: TimeSeriesRecorder;
  private readonly children: ChildInterpreter;
  private readonly threads: ChildThreads;
  private readonly environments: AccountEnvironments;

  // Configuration, unpacked for the hot path.
  private readonly maxConcurrency: number;
  private readonly express: boolean;
  private readonly meanItemBytes: number;
  private readonly itemsPerBatchEstimate: number;

  // Random draws, one stream per component.
  private readonly drawStartLatencyMs: Draw;
  private readonly drawOutputBytes: Draw;
  private readonly drawDetectionLagMs: Draw;
  private readonly drawCloseOverheadMs: Draw;
  private readonly startOverheadMs: number;

  private readonly errors = new ErrorTally();
  private readonly path: CriticalPath;
  private activeChildren = 0;

  // Counters.
  private readonly executions = emptyCounts();
  private readonly items = emptyCounts();
  private readonly resultBytes: ResultBytes = { succeeded: 0, failed: 0, pending: 0 };
  private inlineResultBytes = 0;
  private failedOrTimedOutItems = 0;
  private peakRunningChildren = 0;
  private firstChildStartMs = Infinity;
  private childLivesMs = 0;
  private childrenEnded = 0;
  private peakInvocations = 0;
  private peakEnvironments = 0;
  private parentTransitions = 1; // the Map state itself
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

  // Event handlers, created once.
  private readonly onOpened = () => this.open();
  private readonly onThresholdDetected = () => this.failMapRun();
  private readonly onStopChild = (payload: number) => this.stopChild(payload);
  private readonly onResultsWritten = () => this.close();
  private readonly onClosed = () => this.end();

  constructor(
    private readonly scenario: Scenario,
    private readonly streamKey: StreamKey,
    private readonly observer: MapRunObserver | undefined,
  ) {
    const key = streamKey;
    const { itemReader, childWorkflow } = scenario;
    this.maxConcurrency = effectiveMaxConcurrency(scenario.maxConcurrency);
    this.express = scenario.executionType === 'EXPRESS';
    this.meanItemBytes = meanOf(itemReader.itemSizeBytes);

    const latencySpec =
      itemReader.source === 's3ListObjectsV2'
        ? itemReader.pageLatencyMs
        : itemReader.source === 's3Object'
          ? itemReader.firstByteLatencyMs
          : ({ type: 'constant', value: 0 } as const);
    this.reader = new ItemReader(itemReader, this.meanItemBytes, this.kernel, this.supply, drawFrom(latencySpec, key, 'itemReader.requestLatency'), () =>
      this.itemsArrived(),
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

    const starts = startExecutionQuota(scenario.region, scenario.executionType);
    this.startBucket = new TokenBucket(scenario.childStarts.bucketSize ?? starts.bucketSize, scenario.childStarts.refillPerSecond ?? starts.refillPerSecond);
    this.dispatchBucket = new TokenBucket(scenario.childStarts.dispatchBurst, scenario.childStarts.dispatchPerSecond);
    const stops = stopExecutionQuota(scenario.region);
    this.stopBucket = new TokenBucket(stops.bucketSize, stops.refillPerSecond);
    const transitions = scenario.stateTransitions ?? stateTransitionQuota(scenario.region);
    const transitionBucket = new TokenBucket(transitions.bucketSize, transitions.refillPerSecond);
    this.series = new TimeSeriesRecorder(scenario.timeSeriesBucketMs);

    this.drawStartLatencyMs = drawFrom(scenario.childStarts.startLatencyMs, key, 'childStarts.startLatency');
    this.drawOutputBytes = drawFrom(childWorkflow.outputBytes, key, 'childWorkflow.outputBytes');
    this.drawDetectionLagMs = drawFrom(scenario.failureDetectionLagMs, key, 'mapRun.failureDetectionLag');
    this.drawCloseOverheadMs = drawFrom(scenario.mapRunOverhead.closeMs, key, 'mapRun.closeOverhead');
    this.startOverheadMs = drawFrom(scenario.mapRunOverhead.startMs, key, 'mapRun.startOverhead')();

    const maxChildren = Math.max(1, Math.min(this.maxConcurrency, this.reader.totalItems));
    this.path = new CriticalPath(maxChildren, this.startOverheadMs);
    this.children = new ChildInterpreter(scenario, this.kernel, this.errors, key, transitionBucket, this, maxChildren, observer);
    this.threads = this.children.threads;
    this.environments = this.children.services.environments;
  }

  run(): MapRunResult {
    this.kernel.schedule(this.startOverheadMs, this.onOpened);
    this.kernel.run();
    const result = this.result();
    // The result holds copies only: the typed arrays can serve the next replication on this thread.
    this.kernel.recycle();
    this.threads.recycle();
    this.path.recycle();
    return result;
  }

  /** After the start overhead: reading begins, and children with it. */
  private open(): void {
    this.reader.start();
    this.startChildren();
  }

  private itemsArrived(): void {
    this.path.itemsArrived(this.kernel.nowMs);
    this.startChildren();
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
    this.activeChildren++;
    if (this.activeChildren > this.peakRunningChildren) this.peakRunningChildren = this.activeChildren;
    this.executions.total++;
    this.parentTransitions++; // Distributed Map charges one transition per child it starts.
    // The Map Run's own dispatch pace first, then the account's StartExecution bucket.
    const dispatchedMs = this.dispatchBucket.reserve(1, now);
    const startMs = this.startBucket.reserve(1, dispatchedMs);
    const latencyMs = this.drawStartLatencyMs();
    const runningInMs = startMs - now + latencyMs;
    if (this.express) this.expressRequests++;
    const root = this.children.startChild(items, startMs, runningInMs);
    this.path.childDispatched(root, dispatchedMs - now, startMs - dispatchedMs + latencyMs);
    this.recordGauges();
  }

  // ---- Ends of children and of the Map Run ----------------------------------------

  /** ChildInterpreterHooks: an attempt was throttled. */
  throttled(nowMs: number): void {
    this.series.throttle(nowMs);
  }

  /** ChildInterpreterHooks: a wait before a retry, for what bounds the run. */
  retryWait(root: number, ms: number, afterThrottle: boolean): void {
    this.path.retryWait(root, ms, afterThrottle);
  }

  /** ChildInterpreterHooks: a cold start, for what bounds the run. */
  coldStart(root: number, ms: number): void {
    this.path.coldStart(root, ms);
  }

  /** ChildInterpreterHooks: a child execution ended. */
  childEnded(slot: number, status: ChildStatus): void {
    const now = this.kernel.nowMs;
    const items = this.threads.items[slot] as number;
    if (this.express) this.expressBilledMs += Math.ceil((now - (this.threads.startMs[slot] as number)) / 100) * 100;
    const outputBytes = this.drawOutputBytes();
    const recordBytes = items * this.meanItemBytes + outputBytes + RESULT_RECORD_METADATA_BYTES;
    this.inlineResultBytes += outputBytes;
    switch (status) {
      case ChildStatus.Succeeded:
        this.executions.succeeded++;
        this.items.succeeded += items;
        this.resultBytes.succeeded += recordBytes;
        break;
      case ChildStatus.Failed:
        this.executions.failed++;
        this.items.failed += items;
        this.resultBytes.failed += recordBytes;
        this.failedOrTimedOutItems += items;
        break;
      case ChildStatus.TimedOut:
        this.executions.timedOut++;
        this.items.timedOut += items;
        this.resultBytes.failed += recordBytes;
        this.failedOrTimedOutItems += items;
        break;
      case ChildStatus.Aborted:
        this.executions.aborted++;
        this.items.aborted += items;
        this.resultBytes.failed += recordBytes;
        break;
    }
    if (status !== ChildStatus.Aborted) this.series.itemsCompleted(now, items);
    const startedMs = this.threads.startMs[slot] as number;
    if (startedMs < this.firstChildStartMs) this.firstChildStartMs = startedMs;
    this.childLivesMs += now - startedMs;
    this.childrenEnded++;
    this.observer?.childEnded?.({ startMs: this.threads.startMs[slot] as number, endMs: now, items, status: CHILD_STATUS_NAMES[status] });
    this.path.childEnded(slot, now);
    this.releaseSlot(slot);
    if (status === ChildStatus.Failed || status === ChildStatus.TimedOut) this.checkThreshold();
    this.startChildren();
  }

  private releaseSlot(slot: number): void {
    this.children.releaseChild(slot);
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
    this.path.thresholdCrossed(this.kernel.nowMs);
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
    this.path.mapRunFailed(now);
    const threads = this.threads;
    for (let slot = 0; slot < threads.capacity; slot++) {
      if (threads.occupied[slot] === 0 || threads.parent[slot] !== NO_THREAD) continue;
      const items = threads.items[slot] as number;
      if ((threads.startMs[slot] as number) > now) {
        // Not started yet: it never will. Its items stay pending.
        this.executions.total--;
        this.parentTransitions--;
        if (this.express) this.expressRequests--;
        this.items.pending += items;
        this.resultBytes.pending += items * this.meanItemBytes + RESULT_RECORD_METADATA_BYTES;
        this.releaseSlot(slot);
      } else if (!this.express) {
        // Standard children are stopped one StopExecution call at a time; until its call,
        // a child runs on and may still end by itself.
        const stopInMs = this.stopBucket.reserve(1, now) - now;
        if (stopInMs === 0) this.stopChild(threads.payloadOf(slot));
        else this.kernel.schedule(stopInMs, this.onStopChild, threads.payloadOf(slot));
      }
    }
    const unstarted = this.supply.available + this.batcher.pendingItems + this.reader.undeliveredItems;
    this.items.pending += unstarted;
    this.resultBytes.pending += unstarted * this.meanItemBytes + Math.ceil(unstarted / this.itemsPerBatchEstimate) * RESULT_RECORD_METADATA_BYTES;
    this.checkDone();
  }

  private stopChild(payload: number): void {
    const slot = this.threads.current(payload);
    if (slot < 0) return; // it ended by itself first
    this.children.abortChild(slot);
    this.childEnded(slot, ChildStatus.Aborted);
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
    this.path.childrenDone(this.kernel.nowMs, this.failed);
    const writer = this.scenario.resultWriter;
    if (writer) {
      this.resultWrite = writeResults(this.resultBytes, writer.writeThroughputBytesPerSecond, writer.partSizeBytes, drawFrom(writer.putLatencyMs, this.streamKey, 'resultWriter.putLatency'));
      this.path.add('resultWriting', this.resultWrite.writeMs);
      this.kernel.schedule(this.resultWrite.writeMs, this.onResultsWritten);
      return;
    }
    if (!this.failed && this.inlineResultBytes > MAX_PAYLOAD_BYTES) {
      this.failed = true;
      this.error = 'States.DataLimitExceeded';
    }
    this.close();
  }

  /** The Map Run's close overhead, after the last child and the results. */
  private close(): void {
    const closeMs = this.drawCloseOverheadMs();
    this.path.add('overhead', closeMs);
    this.kernel.schedule(closeMs, this.onClosed);
  }

  private end(): void {
    this.endMs = this.kernel.nowMs;
    this.kernel.stop();
  }

  // ---- Slots and results ----------------------------------------------------------

  recordGauges(): void {
    const { busy: invocations, total: environments } = this.environments;
    if (invocations > this.peakInvocations) this.peakInvocations = invocations;
    if (environments > this.peakEnvironments) this.peakEnvironments = environments;
    this.series.gauges(this.kernel.nowMs, this.activeChildren, invocations, environments);
  }

  private result(): MapRunResult {
    const scenario = this.scenario;
    const children = this.children;
    const services = children.services;
    const written = this.resultWrite ? this.reader.totalItems : 0;
    const items: MapRunCounts = { ...this.items, total: this.reader.totalItems, resultsWritten: written };
    // Children never started because the Map Run failed are pending, and pending children
    // count in the total, as AWS counts them: "pending: started by a Map Run, but haven't
    // started executing yet"; "total: started by a Map Run"
    // (https://docs.aws.amazon.com/step-functions/latest/apireference/API_MapRunExecutionCounts.html).
    const pendingExecutions = Math.ceil(this.items.pending / this.itemsPerBatchEstimate);
    const executions: MapRunCounts = {
      ...this.executions,
      pending: pendingExecutions,
      total: this.executions.total + pendingExecutions,
      resultsWritten: this.resultWrite ? this.executions.total : 0,
    };
    const lambda = services.lambdaTotals();
    const expressMemoryMb = expressBilledMemoryMbOf(
      scenario,
      Math.min(MAX_PAYLOAD_BYTES, this.itemsPerBatchEstimate * this.meanItemBytes),
      meanOf(scenario.childWorkflow.outputBytes),
    );
    const functions = services.functionUsage();
    const tasks = services.taskUsage();
    const requests = children.requestsByPriceKey.size > 0 ? Object.fromEntries([...children.requestsByPriceKey].sort(([a], [b]) => (a < b ? -1 : 1))) : undefined;
    return {
      status: this.failed ? 'FAILED' : 'SUCCEEDED',
      ...(this.error ? { error: this.error } : {}),
      wallTimeMs: this.endMs,
      childrenCompleteMs: this.childrenCompleteMs,
      boundBy: this.path.bounds(),
      children: {
        firstStartMs: Number.isFinite(this.firstChildStartMs) ? this.firstChildStartMs : 0,
        meanDurationMs: this.childrenEnded > 0 ? this.childLivesMs / this.childrenEnded : 0,
      },
      itemCounts: items,
      executionCounts: executions,
      effectiveMaxConcurrency: this.maxConcurrency,
      lambdaConcurrencyLimit: scenario.lambda?.reservedConcurrency ?? accountConcurrencyOf(scenario),
      peakRunningChildren: this.peakRunningChildren,
      peakConcurrentInvocations: this.peakInvocations,
      peakEnvironments: this.peakEnvironments,
      itemReader: { ...this.reader.stats },
      attempts: { total: children.attempts, throttled: children.throttles, retries: children.retries, caught: children.caught, failuresByError: this.errors.byName() },
      lambda: { invocations: lambda.invocations, totalDurationMs: lambda.totalDurationMs },
      ...(functions ? { functions: functionStats(services.functions) } : {}),
      ...(services.quotas.size > 0 ? { serviceQuotas: quotaStats(services.quotas) } : {}),
      ...(this.resultWrite ? { resultWriter: this.resultWrite } : {}),
      inlineResultBytes: this.inlineResultBytes,
      usage: {
        ...(services.defaultFunction ? { lambda: services.defaultFunction.usage() } : {}),
        ...(functions ? { functions } : {}),
        ...(tasks ? { tasks } : {}),
        ...(requests ? { requestsByPriceKey: requests } : {}),
        derived: {
          cloudwatchLogsBytes: logBytes(scenario, services),
          interRegionBytes: lambda.itemsProcessed * scenario.dataTransfer.interRegionBytesPerItem,
        },
        stepFunctions: {
          parentTransitions: this.parentTransitions,
          childTransitions: children.childTransitions,
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

/** CloudWatch Logs bytes: each function's invocations × its logBytesPerInvocation. */
function logBytes(scenario: Scenario, services: ChildInterpreter['services']): number {
  let bytes = services.defaultFunction ? services.defaultFunction.requests * (scenario.lambda?.logBytesPerInvocation ?? 0) : 0;
  for (const fn of services.functions.values()) bytes += fn.requests * fn.config.logBytesPerInvocation;
  return bytes;
}

function functionStats(functions: ChildInterpreter['services']['functions']): NonNullable<MapRunResult['functions']> {
  return Object.fromEntries(
    [...functions].map(([name, fn]) => [
      name,
      { invocations: fn.requests, throttles: fn.throttles, coldStarts: fn.coldStarts, peakConcurrentInvocations: fn.peakBusy, peakEnvironments: fn.capacity.totalEnvironments, totalDurationMs: fn.durationMs },
    ]),
  );
}

function quotaStats(quotas: ChildInterpreter['services']['quotas']): NonNullable<MapRunResult['serviceQuotas']> {
  return Object.fromEntries([...quotas].map(([name, quota]) => [name, { throttles: quota.throttles, unitsAccepted: quota.unitsAccepted, peakInFlight: quota.peakInFlight }]));
}

function emptyCounts(): MapRunCounts {
  return { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0, resultsWritten: 0 };
}
