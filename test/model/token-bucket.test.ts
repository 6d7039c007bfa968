import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/model/token-bucket.js';

describe('TokenBucket.reserve', () => {
  it('hands out tokens at once while the bucket holds them', () => {
    const bucket = new TokenBucket(3, 1);
    expect([bucket.reserve(1, 0), bucket.reserve(1, 0), bucket.reserve(1, 0)]).toEqual([0, 0, 0]);
    // A request later on takes what refilled meanwhile: 0.5 token at 500 ms, so it waits 500 ms more.
    expect(bucket.reserve(1, 500)).toBe(1000);
  });

  it('queues requests first come, first served once the bucket is empty (bucket 2, 1 per s)', () => {
    const bucket = new TokenBucket(2, 1);
    expect([0, 0, 0, 0].map((nowMs) => bucket.reserve(1, nowMs))).toEqual([0, 0, 1000, 2000]);
    // A request arriving at 500 ms waits behind the two already queued.
    expect(bucket.reserve(1, 500)).toBe(3000);
  });

  it('never refills past bucketSize, however long the bucket stays idle', () => {
    const bucket = new TokenBucket(2, 1);
    expect(bucket.reserve(2, 0)).toBe(0);
    // 100 s idle would add 100 tokens; only 2 fit.
    expect([bucket.reserve(1, 100_000), bucket.reserve(1, 100_000), bucket.reserve(1, 100_000)]).toEqual([100_000, 100_000, 101_000]);
  });

  it('takes several tokens at once and makes the request wait for all of them', () => {
    const bucket = new TokenBucket(10, 10);
    expect(bucket.reserve(5, 0)).toBe(0);
    // 5 left, 10 asked: the 5 missing come at 10 per s.
    expect(bucket.reserve(10, 0)).toBe(500);
  });

  it('gives the n-th request at time 0 the time max(0, n − bucketSize) / refillPerSecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 200 }), (size, refill, n) => {
        const bucket = new TokenBucket(size, refill);
        let last = 0;
        let previous = 0;
        for (let i = 1; i <= n; i++) {
          last = bucket.reserve(1, 0);
          expect(last).toBeGreaterThanOrEqual(previous); // FIFO: never earlier than the one before
          previous = last;
        }
        expect(last).toBeCloseTo((Math.max(0, n - size) / refill) * 1000, 6);
      }),
      { numRuns: 100 },
    );
  });
});
