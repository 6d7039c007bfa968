import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/core/event-queue.js';
import { giveBack, grownArray, pooledByteCount, takeArray } from '../../src/core/typed-array-pool.js';
import { replicationRecord } from '../../src/montecarlo/replication.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { parseScenarioText } from '../../src/scenario/index.js';

describe('typed-array pool', () => {
  it('hands a given-back array out again, zeroed', () => {
    const first = takeArray(Float64Array, 1234);
    first.fill(7);
    giveBack(first);
    const again = takeArray(Float64Array, 1234);
    expect(again).toBe(first);
    expect(again.every((v) => v === 0)).toBe(true);
  });

  it('keys arrays by type and length', () => {
    const ints = takeArray(Int32Array, 999);
    giveBack(ints);
    expect(takeArray(Float64Array, 999)).toBeInstanceOf(Float64Array);
    expect(takeArray(Int32Array, 998)).not.toBe(ints);
    expect(takeArray(Int32Array, 999)).toBe(ints);
  });

  it('grows by copying into a larger array and giving the old one back', () => {
    const small = takeArray(Int32Array, 321);
    small.set([1, 2, 3]);
    const big = grownArray(small, 642);
    expect(big.length).toBe(642);
    expect([...big.subarray(0, 4)]).toEqual([1, 2, 3, 0]);
    expect(takeArray(Int32Array, 321)).toBe(small);
  });

  it('does not keep more than its byte budget', () => {
    const before = pooledByteCount();
    const huge = Array.from({ length: 3 }, () => new Float64Array(4 * 2 ** 20)); // 32 MiB each
    giveBack(...huge);
    expect(pooledByteCount() - before).toBeLessThanOrEqual(64 * 2 ** 20);
    expect(pooledByteCount() - before).toBeGreaterThan(0);
    while (pooledByteCount() > before) takeArray(Float64Array, 4 * 2 ** 20);
  });

  it('leaves a recycled event queue empty and usable', () => {
    const queue = new EventQueue();
    const handler = () => undefined;
    for (let i = 0; i < 3000; i++) queue.push(i, handler, i);
    queue.recycle();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBe(false);
    for (let i = 0; i < 2000; i++) queue.push(2000 - i, handler, i);
    const popped: number[] = [];
    while (queue.pop()) popped.push(queue.poppedPayload);
    expect(popped).toEqual(Array.from({ length: 2000 }, (_, i) => 1999 - i));
  });

  it('gives the same replication whatever ran before it on the thread', () => {
    const text = readFileSync('scenarios/reinvent-500k.yaml', 'utf8').replace(/maxItemsPerBatch: \d+/, 'maxItemsPerBatch: 1000');
    const { scenario } = parseScenarioText(text, 'reinvent-500k.yaml');
    const context = { scenario, seed: 3, catalogue: defaultCatalogue() };
    const alone = JSON.stringify(replicationRecord(context, 7));
    // Other replications leave their (dirty) arrays in the pool; the same one must not change.
    for (let i = 0; i < 3; i++) replicationRecord({ ...context, seed: 100 + i }, i);
    expect(JSON.stringify(replicationRecord(context, 7))).toBe(alone);
  });
});
