/**
 * ItemReader: delivers items into the supply. Inline items are all there at once; an
 * S3 ListObjectsV2 reader fetches pages one after another, each page's items becoming
 * available (and batchable) as soon as the page arrives.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { SimulationKernel } from '../core/index.js';
import type { Scenario } from '../scenario/index.js';
import type { ItemSupply } from './item-supply.js';

export interface ItemReaderStats {
  /** ListObjectsV2 calls made (S3 LIST requests). */
  listRequests: number;
  /** When the last item became available, in ms from the start of the Map Run. */
  readCompleteMs: number;
}

export class ItemReader {
  readonly stats: ItemReaderStats = { listRequests: 0, readCompleteMs: 0 };
  private remaining: number;
  private readonly onPage = () => this.receivePage();

  /**
   * @param onItems called whenever new items (or the end of the input) arrive
   */
  constructor(
    private readonly config: Scenario['itemReader'],
    private readonly kernel: SimulationKernel,
    private readonly supply: ItemSupply,
    private readonly drawPageLatencyMs: () => number,
    private readonly onItems: () => void,
  ) {
    this.remaining = config.source === 'inline' ? config.itemCount : config.objectCount;
  }

  get totalItems(): number {
    return this.config.source === 'inline' ? this.config.itemCount : this.config.objectCount;
  }

  start(): void {
    if (this.config.source === 'inline') {
      this.supply.available += this.remaining;
      this.remaining = 0;
      this.finish();
      return;
    }
    this.requestPage();
  }

  private requestPage(): void {
    this.stats.listRequests++;
    this.kernel.schedule(this.drawPageLatencyMs(), this.onPage);
  }

  private receivePage(): void {
    const pageSize = this.config.source === 's3ListObjectsV2' ? this.config.pageSize : Infinity;
    const items = Math.min(pageSize, this.remaining);
    this.remaining -= items;
    this.supply.available += items;
    // An empty prefix still costs one LIST call; a full last page needs no extra call,
    // because S3 reports IsTruncated=false with it.
    if (this.remaining > 0) this.requestPage();
    else this.finish();
    this.onItems();
  }

  private finish(): void {
    this.supply.exhausted = true;
    this.stats.readCompleteMs = this.kernel.nowMs;
  }
}
