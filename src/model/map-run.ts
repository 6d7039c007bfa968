/**
 * A Distributed Map run: the ItemReader fills the supply, the ItemBatcher closes
 * batches, each batch starts one child execution while fewer than MaxConcurrency run,
 * and each child invokes the Lambda function once. The run ends when the last child
 * returns.
 */
import { SimulationKernel } from '../core/index.js';
import { MAP_RUN_MAX_PARALLEL_CHILDREN, type Scenario } from '../scenario/scenario-schema.js';
import { ItemBatcher } from './item-batcher.js';
import { ItemReader } from './item-reader.js';
import type { ItemSupply } from './item-supply.js';
import { LambdaFunction } from './lambda-function.js';
import type { MapRunCounts, MapRunResult } from './map-run-result.js';
import { drawFrom, type StreamKey } from './random-sources.js';

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

class MapRun {
  private readonly kernel = new SimulationKernel();
  private readonly supply: ItemSupply = { available: 0, exhausted: false };
  private readonly reader: ItemReader;
  private readonly batcher: ItemBatcher;
  private readonly lambda: LambdaFunction;
  private readonly maxConcurrency: number;
  private runningChildren = 0;
  private peakRunningChildren = 0;
  private childrenStarted = 0;
  private itemsSucceeded = 0;

  constructor(scenario: Scenario, key: StreamKey) {
    const reader = scenario.itemReader;
    this.maxConcurrency = effectiveMaxConcurrency(scenario.maxConcurrency);
    const pageLatency = reader.source === 's3ListObjectsV2' ? reader.pageLatencyMs : ({ type: 'constant', value: 0 } as const);
    this.reader = new ItemReader(reader, this.kernel, this.supply, drawFrom(pageLatency, key, 'itemReader.pageLatency'), () =>
      this.startChildren(),
    );
    const batcher = scenario.itemBatcher;
    this.batcher = batcher
      ? new ItemBatcher(
          batcher.maxItemsPerBatch ?? Infinity,
          batcher.maxInputBytesPerBatch,
          drawFrom(reader.itemSizeBytes, key, 'itemReader.itemSize'),
        )
      : new ItemBatcher(1, Infinity, () => 0);
    this.lambda = new LambdaFunction(
      this.kernel,
      scenario.lambda.accountConcurrency,
      drawFrom(scenario.lambda.invocationOverheadMs, key, 'lambda.invocationOverhead'),
      drawFrom(scenario.lambda.perItemDurationMs, key, 'lambda.perItemDuration'),
      (items) => this.childSucceeded(items),
    );
  }

  run(): MapRunResult {
    this.reader.start();
    this.startChildren();
    this.kernel.run();
    return this.result();
  }

  private startChildren(): void {
    while (this.runningChildren < this.maxConcurrency) {
      const items = this.batcher.nextBatch(this.supply);
      if (items === 0) return;
      this.runningChildren++;
      this.childrenStarted++;
      if (this.runningChildren > this.peakRunningChildren) this.peakRunningChildren = this.runningChildren;
      this.lambda.invoke(items);
    }
  }

  private childSucceeded(items: number): void {
    this.runningChildren--;
    this.itemsSucceeded += items;
    this.startChildren();
  }

  private result(): MapRunResult {
    const totalItems = this.reader.totalItems;
    return {
      status: 'SUCCEEDED',
      wallTimeMs: this.kernel.nowMs,
      itemCounts: counts(totalItems, this.itemsSucceeded),
      executionCounts: counts(this.childrenStarted, this.childrenStarted),
      effectiveMaxConcurrency: this.maxConcurrency,
      peakRunningChildren: this.peakRunningChildren,
      peakConcurrentInvocations: this.lambda.stats.peakConcurrentInvocations,
      itemReader: { ...this.reader.stats },
      lambda: { invocations: this.lambda.stats.invocations, totalDurationMs: this.lambda.stats.totalDurationMs },
      eventCount: this.kernel.eventCount,
    };
  }
}

function counts(total: number, succeeded: number): MapRunCounts {
  return { pending: total - succeeded, running: 0, succeeded, failed: 0, timedOut: 0, aborted: 0, total, resultsWritten: 0 };
}
