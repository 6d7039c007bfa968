/**
 * The corrections of issue 13, each against an analytic expectation: Map Run start and
 * close overhead, the per-Map-Run dispatch rate, per-item times summed over a batch, the
 * list-first default and several readers, StopExecution pacing on failure, multipart
 * result files, the Express memory estimate, and the critical path adding up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUND_CAUSES, dominantCause, simulateMapRun } from '../../src/model/index.js';
import { expressMemoryEstimateMb } from '../../src/model/express-memory.js';
import { multipartRequests } from '../../src/model/result-writer.js';
import { frictionless, scenario } from './scenario-builder.js';

const sumOf = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describe('Map Run start and close overhead', () => {
  it('N items of constant time t in batches of b with invocation overhead o: each batch takes exactly o + b·t, and the run start + that + close', () => {
    const [n, b, t, o, start, close] = [1000, 100, 7, 300, 250, 4000];
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: n },
        itemBatcher: { maxItemsPerBatch: b },
        mapRunOverhead: { startMs: start, closeMs: close },
        lambda: { invocationOverheadMs: o, perItemDurationMs: t },
      }),
    );
    expect(r.lambda.totalDurationMs).toBe((n / b) * (o + b * t));
    expect(r.childrenCompleteMs).toBe(start + o + b * t);
    expect(r.wallTimeMs).toBe(start + o + b * t + close);
    expect(r.boundBy.overhead).toBe(start + close);
  });
});

describe('dispatch rate per Map Run', () => {
  it('starts a burst at once, then one child every 1/rate s: the last of N starts at (N − burst) / rate', () => {
    const [children, burst, perSecond] = [500, 100, 50];
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: children },
        childStarts: { dispatchBurst: burst, dispatchPerSecond: perSecond },
        lambda: { perItemDurationMs: 10 },
      }),
    );
    expect(r.wallTimeMs).toBeCloseTo(((children - burst) / perSecond) * 1000 + 10, 6);
    expect(r.boundBy.dispatch).toBeCloseTo(((children - burst) / perSecond) * 1000, 6);
    expect(dominantCause(r.boundBy).cause).toBe('dispatch');
  });

  it('applies before the account StartExecution bucket, which only adds its own wait', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 301 },
        childStarts: { dispatchBurst: 1, dispatchPerSecond: 100, bucketSize: 1, refillPerSecond: 10 },
        lambda: { perItemDurationMs: 0 },
      }),
    );
    // The slower of the two paces sets the start of the last child: 300 / 10 per s.
    expect(r.wallTimeMs).toBeCloseTo(30_000, 6);
  });
});

describe('per-item times summed over a batch', () => {
  it('a batch of b items with a single-item lognormal takes b·μ on average with spread √b·σ, not b·σ', () => {
    const b = 400;
    const runs = Array.from({ length: 300 }, (_, replication) =>
      simulateMapRun(
        frictionless({
          itemReader: { source: 'inline', itemCount: b },
          itemBatcher: { maxItemsPerBatch: b },
          lambda: { perItemDurationMs: { type: 'lognormal', mean: 50, sd: 50 } },
        }),
        { replication },
      ).lambda.totalDurationMs,
    );
    const average = runs.reduce((a, v) => a + v, 0) / runs.length;
    const sd = Math.sqrt(runs.reduce((a, v) => a + (v - average) ** 2, 0) / (runs.length - 1));
    expect(average / (b * 50)).toBeCloseTo(1, 1);
    expect(sd / (Math.sqrt(b) * 50)).toBeGreaterThan(0.8);
    expect(sd / (Math.sqrt(b) * 50)).toBeLessThan(1.2);
  });

  it('batchDurationFactor multiplies the whole batch: a constant 1.5 makes it exactly 1.5 × b·t', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 100 },
        itemBatcher: { maxItemsPerBatch: 100 },
        lambda: { perItemDurationMs: 20, batchDurationFactor: 1.5 },
      }),
    );
    expect(r.lambda.totalDurationMs).toBe(1.5 * 100 * 20);
  });
});

describe('item reading', () => {
  const listing = (extra: Record<string, unknown>) =>
    scenario({
      itemReader: { source: 's3ListObjectsV2', objectCount: 10_000, pageLatencyMs: 100, ...extra },
      itemBatcher: { maxItemsPerBatch: 1000 },
      mapRunOverhead: { startMs: 0, closeMs: 0 },
      childStarts: { dispatchBurst: 1_000_000, dispatchPerSecond: 1_000_000, startLatencyMs: 0 },
      childWorkflow: { transitionLatencyMs: 0, outputBytes: 0 },
      lambda: { perItemDurationMs: 1, initDurationMs: 0 },
    });

  it('lists every page before the first child by default: 10 pages of 100 ms, then 10 children of 1 s', () => {
    const r = simulateMapRun(listing({}));
    expect(r.itemReader.readCompleteMs).toBe(1000);
    expect(r.wallTimeMs).toBe(1000 + 1000);
    expect(r.boundBy.reading).toBe(1000);
    expect(r.boundBy.work).toBe(1000);
    // Streaming instead: the first page's batch starts at 100 ms and the last at 1,000 ms.
    expect(simulateMapRun(listing({ listBeforeProcessing: false })).wallTimeMs).toBe(2000);
    expect(simulateMapRun(listing({ listBeforeProcessing: false, objectCount: 1000 })).wallTimeMs).toBe(100 + 1000);
  });

  it('with k readers, P pages of latency L take ⌈P / k⌉ · L', () => {
    for (const readers of [1, 2, 3, 10, 20]) {
      const r = simulateMapRun(listing({ readers }));
      expect(r.itemReader.readCompleteMs).toBe(Math.ceil(10 / readers) * 100);
      expect(r.itemReader.listRequests).toBe(10);
      expect(r.itemCounts.succeeded).toBe(10_000);
    }
  });
});

describe('a failing Map Run stops its Standard children at the StopExecution rate', () => {
  it('3,000 running children: 1,000 stopped at once, the rest at 200 a second (us-east-1): the last 10 s after the failure', () => {
    const r = simulateMapRun(failingStandard());
    expect(r.status).toBe('FAILED');
    expect(r.executionCounts.aborted).toBe(3000);
    expect(r.boundBy.stopping).toBeCloseTo(((3000 - 1000) / 200) * 1000, 6);
  });
});

/** 3,001 Standard children; one fails at 1 s, the others would run 10 minutes. */
function failingStandard() {
  return frictionless({
    itemReader: { source: 'inline', itemCount: 3001 },
    maxConcurrency: 3001,
    executionType: 'STANDARD',
    childWorkflow: {
      states: {
        Work: { type: 'Choice', choices: [{ probability: 1 / 3001, next: 'Boom' }], default: 'Long' },
        Boom: { type: 'Wait', seconds: 1, next: 'Fail' },
        Fail: { type: 'Fail', error: 'Broken' },
        Long: { type: 'Wait', seconds: 600, end: true },
      },
    },
    lambda: { perItemDurationMs: 1, accountConcurrency: 10_000 },
  });
}

describe('result files and Express memory', () => {
  it('uploads a file up to one part in one PUT, a larger one as create + parts + complete', () => {
    const part = 8 * 1024 * 1024;
    expect(multipartRequests(1, part)).toBe(1);
    expect(multipartRequests(part, part)).toBe(1);
    expect(multipartRequests(part + 1, part)).toBe(2 + 2);
    expect(multipartRequests(10 * part, part)).toBe(2 + 10);
  });

  it('estimates Express memory as AWS publishes: 50 MB + definition + data × Parallel/Map states, in 64 MB steps', () => {
    expect(expressMemoryEstimateMb(2_000, 256 * 1024, 0)).toBe(64);
    expect(expressMemoryEstimateMb(20_000, 256 * 1024, 10)).toBe(64);
    // 50 + 0.02 + 0.262144 × 60 = 65.75 MB: the next 64 MB step.
    expect(expressMemoryEstimateMb(20_000, 262_144, 60)).toBe(128);
  });
});

describe('what bounds the run', () => {
  it('adds up to the wall time, whatever the scenario', () => {
    fc.assert(
      fc.property(
        fc.record({
          items: fc.integer({ min: 0, max: 400 }),
          batch: fc.integer({ min: 1, max: 50 }),
          maxConcurrency: fc.integer({ min: 1, max: 40 }),
          express: fc.boolean(),
          accountConcurrency: fc.integer({ min: 1, max: 30 }),
          failure: fc.constantFrom(0, 0.05),
          listFirst: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        ({ items, batch, maxConcurrency, express, accountConcurrency, failure, listFirst, seed }) => {
          const r = simulateMapRun(
            scenario({
              itemReader: { source: 's3ListObjectsV2', objectCount: items, pageSize: 50, listBeforeProcessing: listFirst },
              itemBatcher: { maxItemsPerBatch: batch },
              maxConcurrency,
              executionType: express ? 'EXPRESS' : 'STANDARD',
              toleratedFailurePercentage: 10,
              resultWriter: {},
              childWorkflow: { retry: 'console-default' },
              lambda: { accountConcurrency, perItemDurationMs: { type: 'lognormal', p50: 20, p99: 80 }, errors: failure > 0 ? [{ error: 'Boom', probability: failure }] : [] },
            }),
            { seed },
          );
          expect(sumOf(r.boundBy)).toBeCloseTo(r.wallTimeMs, 3);
          for (const cause of BOUND_CAUSES) expect(r.boundBy[cause]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names MaxConcurrency when children wait for slots: 10 waves of one-second children through 10 slots', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 100 },
        maxConcurrency: 10,
        lambda: { perItemDurationMs: 1000 },
      }),
    );
    expect(r.wallTimeMs).toBe(10_000);
    expect(r.boundBy.maxConcurrency).toBe(9000);
    expect(r.boundBy.work).toBe(1000);
  });
});
