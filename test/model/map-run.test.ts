import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMapRun } from '../../src/model/index.js';
import { frictionless, scenario } from './scenario-builder.js';

describe('simulateMapRun', () => {
  it('matches ceil(N / C) × d for constant durations, no overheads and instant listing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 100_000 }),
        (children, concurrency, durationMs) => {
          const result = simulateMapRun(
            frictionless({
              itemReader: { source: 'inline', itemCount: children },
              maxConcurrency: concurrency,
              lambda: { accountConcurrency: 10_000, perItemDurationMs: durationMs },
            }),
          );
          expect(result.wallTimeMs).toBe(Math.ceil(children / concurrency) * durationMs);
          expect(result.executionCounts.succeeded).toBe(children);
          expect(result.peakRunningChildren).toBe(Math.min(children, concurrency));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('lets the Lambda concurrency limit bind when it is below MaxConcurrency', () => {
    const result = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3000 },
        maxConcurrency: 3000,
        toleratedFailurePercentage: 100,
        lambda: { accountConcurrency: 1000, perItemDurationMs: 1000 },
      }),
    );
    // No retrier: the 2,000 invocations beyond Lambda's 1,000 are throttled and fail.
    expect(result.peakRunningChildren).toBe(3000);
    expect(result.peakConcurrentInvocations).toBe(1000);
    expect(result.attempts.throttled).toBe(2000);
    expect(result.itemCounts).toMatchObject({ succeeded: 1000, failed: 2000 });
    expect(result.wallTimeMs).toBe(1000);
  });

  it('treats MaxConcurrency 0 as 10,000', () => {
    const result = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 25_000 },
        toleratedFailurePercentage: 100,
        lambda: { accountConcurrency: 100_000, perItemDurationMs: 10 },
      }),
    );
    expect(result.effectiveMaxConcurrency).toBe(10_000);
    expect(result.peakRunningChildren).toBe(10_000);
  });

  it('batches items and charges the per-item time for every item in the batch', () => {
    const result = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1001 },
        itemBatcher: { maxItemsPerBatch: 100 },
        maxConcurrency: 100,
        lambda: { invocationOverheadMs: 500, perItemDurationMs: 10 },
      }),
    );
    expect(result.executionCounts.total).toBe(11);
    expect(result.itemCounts.succeeded).toBe(1001);
    // Ten full batches of 1,500 ms run side by side; the batch of 1 takes 510 ms.
    expect(result.wallTimeMs).toBe(1500);
    expect(result.lambda.totalDurationMs).toBe(10 * 1500 + 510);
  });

  it('reads an S3 listing page by page and starts children while it reads', () => {
    const result = simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 2500, pageLatencyMs: 100 },
        itemBatcher: { maxItemsPerBatch: 500 },
        maxConcurrency: 10,
        lambda: { perItemDurationMs: 1 },
      }),
    );
    expect(result.itemReader.listRequests).toBe(3);
    expect(result.itemReader.readCompleteMs).toBe(300);
    // Pages land at 100, 200 and 300 ms; the last page's 500 items end 500 ms later.
    expect(result.wallTimeMs).toBe(800);
    expect(result.executionCounts.total).toBe(5);
  });

  it('makes one LIST call for an empty prefix and ends when it returns', () => {
    const result = simulateMapRun(
      frictionless({ itemReader: { source: 's3ListObjectsV2', objectCount: 0, pageLatencyMs: 80 }, lambda: { perItemDurationMs: 1 } }),
    );
    expect(result.itemReader.listRequests).toBe(1);
    expect(result.wallTimeMs).toBe(80);
    expect(result.executionCounts.total).toBe(0);
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const s = scenario({
      itemReader: { source: 's3ListObjectsV2', objectCount: 20_000 },
      itemBatcher: { maxItemsPerBatch: 100 },
      maxConcurrency: 50,
      lambda: { invocationOverheadMs: { type: 'exponential', mean: 200 }, perItemDurationMs: { type: 'lognormal', p50: 20, p99: 80 } },
    });
    expect(simulateMapRun(s, { seed: 3 })).toEqual(simulateMapRun(s, { seed: 3 }));
    expect(simulateMapRun(s, { seed: 3 }).wallTimeMs).not.toBe(simulateMapRun(s, { seed: 4 }).wallTimeMs);
  });

  it('keeps the Lambda draws unchanged when only the listing latency changes', () => {
    const base = {
      itemReader: { source: 'inline' as const, itemCount: 500 },
      maxConcurrency: 500,
      lambda: { perItemDurationMs: { type: 'uniform' as const, min: 100, max: 200 } },
    };
    const a = simulateMapRun(scenario(base), { seed: 9 });
    const b = simulateMapRun(scenario({ ...base, itemReader: { source: 's3ListObjectsV2', objectCount: 500, pageLatencyMs: { type: 'uniform', min: 1, max: 50 } } }), { seed: 9 });
    // Same invocation durations in the same order: total compute is identical.
    expect(b.lambda.totalDurationMs).toBe(a.lambda.totalDurationMs);
  });

  it('never finishes before the lower bound of the work', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 1000 }),
        (items, batch, concurrency, lambdaConcurrency, seed) => {
          const result = simulateMapRun(
            frictionless({
              itemReader: { source: 's3ListObjectsV2', objectCount: items, pageLatencyMs: { type: 'uniform', min: 10, max: 30 } },
              itemBatcher: { maxItemsPerBatch: batch },
              maxConcurrency: concurrency,
              // Throttled invocations wait and try again until they get through.
              childWorkflow: { retry: [{ errorEquals: ['Lambda.TooManyRequestsException'], intervalSeconds: 1, backoffRate: 1, maxAttempts: 100_000 }] },
              lambda: { accountConcurrency: lambdaConcurrency, perItemDurationMs: { type: 'uniform', min: 5, max: 10 } },
            }),
            { seed },
          );
          const pages = Math.ceil(items / 1000);
          const parallel = Math.min(concurrency, lambdaConcurrency);
          // Listing alone takes at least 10 ms a page; compute spread over the allowed parallelism.
          expect(result.wallTimeMs).toBeGreaterThanOrEqual(pages * 10);
          expect(result.wallTimeMs).toBeGreaterThanOrEqual((items * 5) / parallel - 1e-9);
          expect(result.itemCounts.succeeded).toBe(items);
          expect(result.executionCounts.total).toBe(Math.ceil(items / batch));
        },
      ),
      { numRuns: 40 },
    );
  });
});
