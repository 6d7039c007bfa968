/**
 * ItemReader: delivers items into the supply, request by request.
 * - inline items are all there at the start;
 * - S3 ListObjectsV2 fetches pages of keys, one after another per reader (`readers`);
 * - an S3 file (CSV, JSON, JSONL, Parquet, manifest) is read in ranged GETs one after
 *   another, each taking a time to first byte plus its bytes over the read throughput.
 * Each request's items become available when it returns, unless the reader must hold
 * them until the end (a JSON file is one array; `listBeforeProcessing`).
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { SimulationKernel } from '../core/index.js';
import type { Scenario } from '../scenario/index.js';
import type { ItemSupply } from './item-supply.js';
import type { Draw } from './random-sources.js';

export interface ItemReaderStats {
  /** ListObjectsV2 calls (S3 LIST requests). */
  listRequests: number;
  /** GetObject calls on the source file (S3 GET requests). */
  getRequests: number;
  /** When the last item became available, or when reading stopped, in ms from the start of the Map Run. */
  readCompleteMs: number;
  /** False when a failing Map Run stopped the reader before its last item. */
  complete: boolean;
}

interface ReadPlan {
  totalItems: number;
  requests: number;
  /** Items read once request `index` (0-based) has returned, counting all before it. */
  itemsReadAfter: (index: number) => number;
  /** Time one request takes; `index` is the request's position, for size-dependent times. */
  requestMs: (index: number) => number;
  countsAs: 'list' | 'get';
  holdUntilEnd: boolean;
  /** Requests made before the first item request (a manifest read). */
  preludeRequests: number;
  /** Requests in flight at once. */
  readers: number;
}

export class ItemReader {
  readonly stats: ItemReaderStats = { listRequests: 0, getRequests: 0, readCompleteMs: 0, complete: false };
  readonly totalItems: number;
  private readonly plan: ReadPlan;
  private nextRequest = 0;
  private responses = 0;
  private delivered = 0;
  private held = 0;
  private stopped = false;
  private readonly onResponse = (index: number) => this.receive(index);

  /** @param onItems called whenever items (or the end of the input) arrive */
  constructor(
    config: Scenario['itemReader'],
    meanItemBytes: number,
    private readonly kernel: SimulationKernel,
    private readonly supply: ItemSupply,
    drawRequestLatencyMs: Draw,
    private readonly onItems: () => void,
  ) {
    this.plan = readPlan(config, meanItemBytes, drawRequestLatencyMs);
    this.totalItems = this.plan.totalItems;
  }

  start(): void {
    const plan = this.plan;
    if (plan.requests === 0) {
      this.supply.available += this.totalItems;
      this.delivered = this.totalItems;
      this.finish();
      return;
    }
    // A prelude (the manifest GET) is read before the first item request.
    this.stats.getRequests += plan.preludeRequests;
    let preludeMs = 0;
    for (let i = 0; i < plan.preludeRequests; i++) preludeMs += plan.requestMs(-1);
    const readers = Math.min(plan.readers, plan.requests);
    for (let i = 0; i < readers; i++) this.request(preludeMs);
  }

  /** Items not yet handed to the supply (unread, or read and held back). */
  get undeliveredItems(): number {
    return this.totalItems - this.delivered + this.held;
  }

  /** Stops reading: a failed Map Run reads no further. */
  stop(): void {
    if (this.stopped || this.stats.complete) return;
    this.stopped = true;
    this.stats.readCompleteMs = this.kernel.nowMs;
  }

  private request(afterMs = 0): void {
    const index = this.nextRequest++;
    if (this.plan.countsAs === 'list') this.stats.listRequests++;
    else this.stats.getRequests++;
    this.kernel.schedule(afterMs + this.plan.requestMs(index), this.onResponse, index);
  }

  private receive(index: number): void {
    if (this.stopped) return;
    const plan = this.plan;
    const items = this.itemsReadBy(index) - (index === 0 ? 0 : this.itemsReadBy(index - 1));
    this.responses++;
    this.delivered += items;
    if (plan.holdUntilEnd) this.held += items;
    else this.supply.available += items;
    if (this.nextRequest < plan.requests) this.request();
    if (this.responses === plan.requests) {
      this.supply.available += this.held;
      this.held = 0;
      this.finish();
    }
    this.onItems();
  }

  /** Items in requests 0..index together; the last request holds the rest. */
  private itemsReadBy(index: number): number {
    const { requests, totalItems } = this.plan;
    return index + 1 >= requests ? totalItems : Math.min(totalItems, this.plan.itemsReadAfter(index));
  }

  private finish(): void {
    this.supply.exhausted = true;
    this.stats.readCompleteMs = this.kernel.nowMs;
    this.stats.complete = true;
  }
}

function readPlan(config: Scenario['itemReader'], meanItemBytes: number, drawLatencyMs: Draw): ReadPlan {
  switch (config.source) {
    case 'inline':
      return {
        totalItems: config.itemCount,
        requests: 0,
        itemsReadAfter: () => config.itemCount,
        requestMs: () => 0,
        countsAs: 'get',
        holdUntilEnd: false,
        preludeRequests: 0,
        readers: 1,
      };
    case 's3ListObjectsV2': {
      const totalItems = Math.min(config.objectCount, config.maxItems ?? Infinity);
      return {
        totalItems,
        // An empty prefix still costs one LIST call; reading stops at MaxItems.
        requests: Math.max(1, Math.ceil(totalItems / config.pageSize)),
        // Every page holds pageSize keys; the last one the rest.
        itemsReadAfter: (index) => (index + 1) * config.pageSize,
        requestMs: drawLatencyMs,
        countsAs: 'list',
        holdUntilEnd: config.listBeforeProcessing,
        preludeRequests: 0,
        readers: config.readers,
      };
    }
    case 's3Object': {
      const totalItems = Math.min(config.itemCount, config.maxItems ?? Infinity);
      const fileBytes = totalItems * meanItemBytes;
      const requests = Math.max(1, Math.ceil(fileBytes / config.getRequestBytes));
      const bytesPerSecond = config.readThroughputBytesPerSecond;
      return {
        totalItems,
        requests,
        // Each ranged GET carries getRequestBytes of records; the last one the rest.
        itemsReadAfter: (index) => Math.floor(((index + 1) * config.getRequestBytes) / meanItemBytes),
        requestMs: (index) => {
          const bytes = index < 0 ? 0 : Math.min(config.getRequestBytes, fileBytes - index * config.getRequestBytes);
          return drawLatencyMs() + (Math.max(0, bytes) / bytesPerSecond) * 1000;
        },
        countsAs: 'get',
        holdUntilEnd: config.inputType === 'JSON',
        preludeRequests: config.inputType === 'MANIFEST' ? 1 : 0,
        readers: 1,
      };
    }
  }
}
