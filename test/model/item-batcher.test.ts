import { describe, expect, it } from 'vitest';
import { ItemBatcher } from '../../src/model/item-batcher.js';
import type { ItemSupply } from '../../src/model/item-supply.js';

function drain(batcher: ItemBatcher, supply: ItemSupply): number[] {
  const batches: number[] = [];
  for (let n = batcher.nextBatch(supply); n > 0; n = batcher.nextBatch(supply)) batches.push(n);
  return batches;
}

describe('ItemBatcher', () => {
  it('batches by item count, with a short last batch once the reader is done', () => {
    const supply = { available: 1003, exhausted: true };
    const batches = drain(new ItemBatcher(250, Infinity, () => 0), supply);
    expect(batches).toEqual([250, 250, 250, 250, 3]);
    expect(supply.available).toBe(0);
  });

  it('waits for more items while the reader is still reading', () => {
    const batcher = new ItemBatcher(4, Infinity, () => 0);
    const supply = { available: 6, exhausted: false };
    expect(drain(batcher, supply)).toEqual([4]);
    expect(batcher.pendingItems).toBe(2);
    supply.available += 1;
    expect(drain(batcher, supply)).toEqual([]);
    supply.exhausted = true;
    expect(drain(batcher, supply)).toEqual([3]);
  });

  it('closes a batch before the item that would exceed MaxInputBytesPerBatch', () => {
    const sizes = [100, 100, 100, 50, 300, 10];
    let i = 0;
    const batcher = new ItemBatcher(Infinity, 250, () => sizes[i++] as number);
    const supply = { available: sizes.length, exhausted: true };
    // 100+100 | 100+50 | 300 alone (over the limit by itself) | 10
    expect(drain(batcher, supply)).toEqual([2, 2, 1, 1]);
  });

  it('applies whichever limit is reached first', () => {
    const batcher = new ItemBatcher(3, 1000, () => 400);
    expect(drain(batcher, { available: 7, exhausted: true })).toEqual([2, 2, 2, 1]);
    const byCount = new ItemBatcher(3, 1000, () => 10);
    expect(drain(byCount, { available: 7, exhausted: true })).toEqual([3, 3, 1]);
  });

  it('makes no batch from an empty, finished input', () => {
    expect(drain(new ItemBatcher(10, Infinity, () => 0), { available: 0, exhausted: true })).toEqual([]);
  });
});
