/**
 * ItemBatcher: groups items into batches bounded by MaxItemsPerBatch and by
 * MaxInputBytesPerBatch. A batch closes when it holds MaxItemsPerBatch items, when the
 * next item would push it over the byte limit (that item opens the next batch), or when
 * the reader is done. An item larger than the byte limit on its own travels alone; the
 * simulator does not fail it (see docs/model.md).
 *
 * Batches form lazily, when a child execution can start, so nothing is kept per item.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { ItemSupply } from './item-supply.js';

export class ItemBatcher {
  private openItems = 0;
  private openBytes = 0;
  /** Size of an item already taken from the supply that did not fit the last batch; -1 when none. */
  private carriedBytes = -1;

  /**
   * @param maxItems MaxItemsPerBatch (Infinity when unset)
   * @param maxBytes MaxInputBytesPerBatch; Infinity when it cannot bind (no sizes are drawn then)
   * @param drawItemBytes draws the size of the next item
   */
  constructor(
    private readonly maxItems: number,
    private readonly maxBytes: number,
    private readonly drawItemBytes: () => number,
  ) {}

  /** Items held in a batch that has not closed yet. */
  get pendingItems(): number {
    return this.openItems + (this.carriedBytes >= 0 ? 1 : 0);
  }

  /** Closes and returns the next batch's item count, or 0 when no batch can close yet. */
  nextBatch(supply: ItemSupply): number {
    if (this.maxBytes === Infinity) return this.nextBatchByCount(supply);
    for (;;) {
      if (this.openItems >= this.maxItems) return this.close();
      let itemBytes: number;
      if (this.carriedBytes >= 0) {
        itemBytes = this.carriedBytes;
        this.carriedBytes = -1;
      } else if (supply.available > 0) {
        supply.available--;
        itemBytes = this.drawItemBytes();
      } else {
        return supply.exhausted && this.openItems > 0 ? this.close() : 0;
      }
      if (this.openItems > 0 && this.openBytes + itemBytes > this.maxBytes) {
        this.carriedBytes = itemBytes;
        return this.close();
      }
      this.openItems++;
      this.openBytes += itemBytes;
    }
  }

  /** Without a byte limit that can bind, items move in bulk: no draw, no loop per item. */
  private nextBatchByCount(supply: ItemSupply): number {
    const take = Math.min(supply.available, this.maxItems - this.openItems);
    supply.available -= take;
    this.openItems += take;
    if (this.openItems >= this.maxItems) return this.close();
    return supply.exhausted && supply.available === 0 && this.openItems > 0 ? this.close() : 0;
  }

  private close(): number {
    const items = this.openItems;
    this.openItems = 0;
    this.openBytes = 0;
    return items;
  }
}
