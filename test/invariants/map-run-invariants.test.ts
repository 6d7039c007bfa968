/**
 * Issue 17, scope point 3: invariants over 1,000 random valid scenarios per run, each
 * small (at most 300 items) so the whole file takes seconds. Drawn by fast-check from a
 * fixed seed over the short-form scenario: inline or S3-listed items, batching,
 * MaxConcurrency, both child types, injected errors with Retry, tolerated failures,
 * reserved concurrency, the dispatch pace, a ResultWriter. For each, through the library
 * front door (`simulate`, as the CLI calls it):
 *
 * - counts conserve: items and child executions are each pending, running, succeeded,
 *   failed, timed out or aborted, and nothing else; a run that ends leaves none running,
 *   and none pending unless it failed; a SUCCEEDED run read every item, started one
 *   child per batch, and every item ended succeeded, failed or timed out;
 * - the wall time is never below an analytic lower bound (see `wallTimeAtLeastMs`) and
 *   its split by what bounded it adds up to it;
 * - the cost is the sum of its line items (the month's total; a run's is its share) and
 *   never negative, nor is any line;
 * - the same seed gives byte-identical JSON;
 * and, for all of them at once on the built pool (worker threads run dist/), 1 and 2
 * worker threads give identical summaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSweepSummaries } from '../../dist/runner/run-sweep.js';
import { Money } from '../../src/pricing/decimal.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import type { SimulationJson } from '../../src/report/simulation-json.js';
import { validateScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const SCENARIOS = 1_000;
const SEED = 3;

/** A per-item duration whose least value is known: a constant, uniform or triangular; short enough that a batch of 50 fits Lambda's default 3 s timeout most of the time. */
const duration = fc.oneof(
  fc.integer({ min: 1, max: 60 }),
  fc.record({ min: fc.integer({ min: 1, max: 30 }), span: fc.integer({ min: 1, max: 60 }) }).map(({ min, span }) => ({ type: 'uniform', min, max: min + span })),
  fc.record({ min: fc.integer({ min: 1, max: 30 }), a: fc.integer({ min: 0, max: 30 }), b: fc.integer({ min: 1, max: 60 }) }).map(({ min, a, b }) => ({ type: 'triangular', min, mode: min + a, max: min + a + b })),
);

const scenarioDocument = fc.record(
  {
    name: fc.constant('invariant'),
    seed: fc.nat({ max: 1_000_000 }),
    itemReader: fc.oneof(
      fc.record({ source: fc.constant('inline'), itemCount: fc.integer({ min: 1, max: 300 }) }, { requiredKeys: ['source', 'itemCount'] }),
      fc.record({ source: fc.constant('s3ListObjectsV2'), objectCount: fc.integer({ min: 1, max: 300 }), pageSize: fc.integer({ min: 1, max: 1_000 }), maxItems: fc.integer({ min: 1, max: 300 }) }, { requiredKeys: ['source', 'objectCount'] }),
    ),
    itemBatcher: fc.record({ maxItemsPerBatch: fc.integer({ min: 1, max: 50 }) }),
    maxConcurrency: fc.integer({ min: 0, max: 60 }),
    executionType: fc.constantFrom('STANDARD', 'EXPRESS'),
    toleratedFailurePercentage: fc.integer({ min: 0, max: 100 }),
    childStarts: fc.record({ dispatchPerSecond: fc.integer({ min: 1, max: 200 }), dispatchBurst: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
    childWorkflow: fc.record({ retry: fc.array(fc.record({ errorEquals: fc.constant(['States.ALL']), maxAttempts: fc.integer({ min: 0, max: 3 }), intervalSeconds: fc.integer({ min: 1, max: 2 }) }), { maxLength: 1 }) }),
    lambda: fc.record(
      {
        perItemDurationMs: duration,
        invocationOverheadMs: fc.integer({ min: 0, max: 200 }),
        reservedConcurrency: fc.integer({ min: 1, max: 100 }),
        errors: fc.array(fc.record({ error: fc.constantFrom('Boom', 'Lambda.ServiceException'), probability: fc.integer({ min: 0, max: 50 }).map((permille) => permille / 1000) }), { maxLength: 2 }),
      },
      { requiredKeys: ['perItemDurationMs'] },
    ),
    resultWriter: fc.constant({}),
  },
  { requiredKeys: ['name', 'seed', 'itemReader', 'lambda'] },
);

type ScenarioDocument = typeof documents[number];

/** The least a per-item duration can be, in ms, as the document gives it. */
function leastPerItemMs(spec: unknown): number {
  return typeof spec === 'number' ? spec : (spec as { min: number }).min;
}

/**
 * A lower bound of the wall time, in ms, from two facts of the model that no draw can
 * undo:
 * - dispatch: children start through a token bucket that holds `dispatchBurst` starts
 *   and refills at `dispatchPerSecond`, so the n-th start comes at least
 *   (n − burst) / rate seconds after the first, and the run lasts at least that long;
 * - work: a child succeeds only when its invocation ran its whole batch, each item for
 *   at least the duration's least value (batch sums are floored at n·min,
 *   src/random/batch-sum.ts), and at most MaxConcurrency children run at a time, so the
 *   succeeded items' least total work, spread over MaxConcurrency slots, is a bound.
 * Everything else (listing, start latency, cold starts, overheads, retries, throttles,
 * result writing) only adds to the wall time.
 */
function wallTimeAtLeastMs(document: ScenarioDocument, scenario: Scenario, json: SimulationJson): number {
  const run = json.mapRun;
  const started = run.executionCounts.total - run.executionCounts.pending;
  const dispatchMs = (Math.max(0, started - scenario.childStarts.dispatchBurst) / scenario.childStarts.dispatchPerSecond) * 1000;
  const slots = Math.max(1, run.maxConcurrency === 0 ? 10_000 : run.maxConcurrency);
  const workMs = (run.itemCounts.succeeded * leastPerItemMs(document.lambda.perItemDurationMs)) / slots;
  return Math.max(dispatchMs, workMs);
}

/**
 * Every one counted once; none still running when the run ended; none pending unless it
 * failed. What a failed run never started stays pending: among the items, out of the
 * total (every item read); among the children, beside it (the total counts the children
 * started, src/model/map-run.ts, and the pending ones never were).
 */
function expectCountsConserve(what: string, counts: SimulationJson['mapRun']['itemCounts'], status: string, pendingInTotal: boolean): void {
  const ended = counts.running + counts.succeeded + counts.failed + counts.timedOut + counts.aborted;
  expect(ended + (pendingInTotal ? counts.pending : 0), what).toBe(counts.total);
  expect(counts.running, what).toBe(0);
  if (status === 'SUCCEEDED') expect(counts.pending, what).toBe(0);
}

const documents = fc.sample(scenarioDocument, { seed: SEED, numRuns: SCENARIOS });
const valid = documents.flatMap((document) => {
  const validation = validateScenario(document);
  return validation.ok ? [{ document, scenario: validation.scenario }] : [];
});

describe(`invariants over ${SCENARIOS} random valid scenarios (seed ${SEED})`, () => {
  it('draws valid scenarios only', () => {
    expect(valid.length).toBe(SCENARIOS);
  });

  it('conserve counts, respect the wall-time bound, price to the sum of their lines, and repeat byte for byte', async () => {
    let bounded = 0;
    for (const [i, { document, scenario }] of valid.entries()) {
      const what = `scenario ${i}: ${JSON.stringify(document)}`;
      const { json } = await simulate(document as ScenarioInput, { runs: 2 });
      const run = json.mapRun;

      expectCountsConserve(`${what} items`, run.itemCounts, run.status, true);
      expectCountsConserve(`${what} executions`, run.executionCounts, run.status, true);
      if (run.status === 'SUCCEEDED') {
        const reader = scenario.itemReader;
        const items = reader.source === 's3ListObjectsV2' ? Math.min(reader.objectCount, reader.maxItems ?? Infinity) : reader.itemCount;
        expect(run.itemCounts.total, what).toBe(items);
        expect(run.executionCounts.total, what).toBe(Math.ceil(items / (scenario.itemBatcher?.maxItemsPerBatch ?? 1)));
        expect(run.itemCounts.succeeded + run.itemCounts.failed + run.itemCounts.timedOut, what).toBe(items);
      }

      const atLeastMs = wallTimeAtLeastMs(document, scenario, json);
      // The JSON gives seconds to the millisecond.
      expect(run.wallTimeSeconds * 1000, what).toBeGreaterThanOrEqual(Math.floor(atLeastMs) - 1);
      if (atLeastMs > 0) bounded += 1;
      const split = Object.values(run.boundBySeconds).reduce((sum, s) => sum + s, 0);
      expect(Math.abs(split - run.wallTimeSeconds), what).toBeLessThanOrEqual(0.001 * Object.keys(run.boundBySeconds).length);

      // In the pricing's own decimal arithmetic (60 digits): the month's total is the sum of its lines, a run's share of it is the cost per run.
      const lines = json.cost.lines.map((line) => new Money(line.costUsd ?? 0));
      for (const line of lines) expect(line.isNegative(), what).toBe(false);
      const total = lines.reduce((a, b) => a.plus(b), new Money(0));
      expect(new Money(json.cost.monthlyTotalUsd).equals(total), `${what}: ${json.cost.monthlyTotalUsd} is not the sum of its lines, ${total.toFixed()}`).toBe(true);
      expect(new Money(json.cost.perRunUsd).equals(total.dividedBy(json.cost.runsPerMonth)), what).toBe(true);
      expect(new Money(json.cost.perRunUsd).isNegative(), what).toBe(false);

      const again = await simulate(document as ScenarioInput, { runs: 2 });
      expect(JSON.stringify(again.json), what).toBe(JSON.stringify(json));
    }
    // The bound must bite in many cases, or the test would prove little.
    expect(bounded).toBeGreaterThan(valid.length / 2);
  }, 600_000);

  it('give identical summaries on 1 and 2 worker threads', async () => {
    const points = valid.map(({ scenario }, index) => ({ index, settings: {}, scenario }));
    const options = { seed: SEED, runs: 6, catalogue: defaultCatalogue() };
    const one = await runSweepSummaries(points, { ...options, workers: 1 });
    const two = await runSweepSummaries(points, { ...options, workers: 2 });
    expect(two.length).toBe(valid.length);
    for (let i = 0; i < one.length; i++) expect(JSON.stringify(two[i]?.summary), `scenario ${i}`).toBe(JSON.stringify(one[i]?.summary));
  }, 600_000);
});
