import { describe, expect, it } from 'vitest';
import { Acquire, LambdaCapacity } from '../../src/model/lambda-capacity.js';

/** Acquires environments at `nowMs` until one is throttled; returns how many were granted. */
function acquireAll(capacity: LambdaCapacity, nowMs: number): number {
  let granted = 0;
  while (capacity.acquire(nowMs) !== Acquire.Throttled) {
    granted++;
    if (granted > 1_000_000) throw new Error('runaway acquire');
  }
  return granted;
}

const current = (concurrencyLimit = 1_000_000) => new LambdaCapacity({ concurrencyLimit, scaling: 'current', region: 'us-east-1' });
const legacy = (region: string, concurrencyLimit = 1_000_000) => new LambdaCapacity({ concurrencyLimit, scaling: 'legacy', region });

describe('LambdaCapacity, current scaling rule (1,000 per 10 s, refilled continuously)', () => {
  it('creates 1,000 environments at once from zero, each a cold start, then throttles', () => {
    const capacity = current();
    for (let i = 0; i < 1000; i++) expect(capacity.acquire(0)).toBe(Acquire.Cold);
    expect(capacity.acquire(0)).toBe(Acquire.Throttled);
    expect(capacity.totalEnvironments).toBe(1000);
    expect(capacity.busyEnvironments).toBe(1000);
  });

  it('adds 100 environments per second after the first 1,000', () => {
    const capacity = current();
    expect(acquireAll(capacity, 0)).toBe(1000);
    expect(acquireAll(capacity, 1000)).toBe(100);
    expect(acquireAll(capacity, 1500)).toBe(50);
    expect(capacity.totalEnvironments).toBe(1150);
  });

  it('needs at least 20 s to reach 3,000 concurrent environments, however often it is asked', () => {
    const capacity = current();
    let reachedAtMs = -1;
    for (let t = 0; t <= 25_000 && reachedAtMs < 0; t++) {
      acquireAll(capacity, t);
      if (capacity.busyEnvironments >= 3000) reachedAtMs = t;
    }
    expect(reachedAtMs).toBeGreaterThanOrEqual(20_000);
  });

  it('reaches 3,000 concurrent environments at 20 s (asked at 0, 10 and 20 s), not at 19.999 s', () => {
    const capacity = current();
    expect(acquireAll(capacity, 0)).toBe(1000);
    expect(acquireAll(capacity, 10_000)).toBe(1000);
    expect(acquireAll(capacity, 19_999)).toBe(999);
    expect(acquireAll(capacity, 20_000)).toBe(1);
    expect(capacity.busyEnvironments).toBe(3000);
  });

  it('reaches 3,000 concurrent environments at exactly 20 s when asked every millisecond (continuous refill)', () => {
    // 1,000 at t = 0 plus 0.1 per ms: the 3,000th environment is due at 20,000 ms.
    const capacity = current();
    let reachedAtMs = -1;
    for (let t = 0; t <= 25_000 && reachedAtMs < 0; t++) {
      acquireAll(capacity, t);
      if (capacity.busyEnvironments >= 3000) reachedAtMs = t;
    }
    expect(reachedAtMs).toBe(20_000);
  });

  it('does not accumulate unused allowance: after a long idle spell, 1,000 at most at once', () => {
    const capacity = current();
    expect(acquireAll(capacity, 0)).toBe(1000);
    expect(acquireAll(capacity, 600_000)).toBe(1000);
  });

  it('reuses a released environment warm, without a cold start or scaling allowance', () => {
    const capacity = current();
    expect(acquireAll(capacity, 0)).toBe(1000);
    capacity.release();
    expect(capacity.busyEnvironments).toBe(999);
    // The scaling allowance is used up, yet the warm environment serves the request.
    expect(capacity.acquire(0)).toBe(Acquire.Warm);
    expect(capacity.totalEnvironments).toBe(1000);
    expect(capacity.busyEnvironments).toBe(1000);
  });

  it('throttles at the concurrency limit even when scaling would allow more', () => {
    const capacity = current(10);
    for (let i = 0; i < 10; i++) expect(capacity.acquire(0)).toBe(Acquire.Cold);
    expect(capacity.acquire(0)).toBe(Acquire.Throttled);
    expect(capacity.acquire(60_000)).toBe(Acquire.Throttled);
    capacity.release();
    expect(capacity.acquire(60_000)).toBe(Acquire.Warm);
    expect(capacity.totalEnvironments).toBe(10);
  });
});

describe('LambdaCapacity, legacy scaling rule (Region burst, then +500 per full minute)', () => {
  it('bursts to 3,000 at once in us-east-1', () => {
    const capacity = legacy('us-east-1');
    expect(acquireAll(capacity, 0)).toBe(3000);
    expect(capacity.totalEnvironments).toBe(3000);
  });

  it('bursts to 1,000 in eu-central-1', () => {
    expect(acquireAll(legacy('eu-central-1'), 0)).toBe(1000);
  });

  it('bursts to 500 in eu-west-3, then adds 500 only once a full minute has passed', () => {
    const capacity = legacy('eu-west-3');
    expect(acquireAll(capacity, 0)).toBe(500);
    expect(acquireAll(capacity, 59_999)).toBe(0);
    expect(acquireAll(capacity, 60_000)).toBe(500);
    expect(acquireAll(capacity, 119_999)).toBe(0);
    expect(acquireAll(capacity, 120_000)).toBe(500);
    expect(capacity.totalEnvironments).toBe(1500);
  });

  it('stops at the concurrency limit within the burst', () => {
    const capacity = legacy('us-east-1', 1000);
    expect(acquireAll(capacity, 0)).toBe(1000);
  });
});
