/**
 * Properties of the Map Run model over random valid scenarios: small runs (at most 5,000
 * items) that cover every item source, batching, concurrency limits, both execution
 * types, retries (presets and custom), catchers, injected errors, poison items, both
 * tolerances, ResultWriter present or not, function timeouts that sometimes bite and
 * Express children long enough to hit the 5-minute limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMapRun, type MapRunResult } from '../../src/model/index.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/index.js';
import { scenario } from './scenario-builder.js';

interface Uniform {
  type: 'uniform';
  min: number;
  max: number;
}

/** A uniform distribution on [min, max] with integer ends in [lo, hi]; its minimum is known. */
const uniform = (lo: number, hi: number): fc.Arbitrary<Uniform> =>
  fc
    .tuple(fc.integer({ min: lo, max: hi - 1 }), fc.integer({ min: 1, max: hi - lo }))
    .map(([min, span]) => ({ type: 'uniform' as const, min, max: Math.min(hi, min + span) }));

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const ERROR_NAMES = [
  'MyError',
  'ItemProcessingError',
  'Lambda.ServiceException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
  'States.Timeout',
  'States.TaskFailed',
];

const errorEquals = fc.subarray(ERROR_NAMES, { minLength: 1 });

const retrier = fc.record(
  {
    errorEquals,
    intervalSeconds: fc.integer({ min: 1, max: 5 }),
    maxAttempts: fc.integer({ min: 0, max: 5 }),
    backoffRate: fc.double({ min: 1, max: 3, noNaN: true }),
    maxDelaySeconds: fc.integer({ min: 1, max: 20 }),
    jitterStrategy: fc.constantFrom('FULL' as const, 'NONE' as const),
  },
  { requiredKeys: ['errorEquals'] },
);

/** ASL: States.ALL alone, in the last entry only. */
const withOptionalStatesAll = <T extends { errorEquals: string[] }>(entries: fc.Arbitrary<T[]>, last: fc.Arbitrary<T>) =>
  fc.tuple(entries, fc.option(last, { nil: undefined })).map(([list, tail]) => (tail ? [...list, { ...tail, errorEquals: ['States.ALL'] }] : list));

const retry = fc.oneof(
  fc.constantFrom('none' as const, 'aws-best-practice' as const, 'console-default' as const, 'cdk-default' as const, 'noaa-demo-2022' as const),
  withOptionalStatesAll(fc.array(retrier, { maxLength: 2 }), retrier),
);

const catcher = fc.record({ errorEquals, outcome: fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const) });
const catchers = withOptionalStatesAll(fc.array(catcher, { maxLength: 2 }), catcher);

const itemSizeBytes = uniform(50, 2000);

const itemReader = fc.oneof(
  fc.record({ source: fc.constant('inline' as const), itemCount: fc.integer({ min: 0, max: 5000 }), itemSizeBytes }),
  fc.record(
    {
      source: fc.constant('s3ListObjectsV2' as const),
      objectCount: fc.integer({ min: 0, max: 5000 }),
      maxItems: fc.integer({ min: 1, max: 5000 }),
      pageSize: fc.oneof(fc.constant(1000), fc.integer({ min: 1, max: 1000 })),
      pageLatencyMs: uniform(1, 200),
      itemSizeBytes,
      listBeforeProcessing: fc.boolean(),
    },
    { requiredKeys: ['source', 'objectCount', 'pageSize', 'pageLatencyMs', 'itemSizeBytes', 'listBeforeProcessing'] },
  ),
  fc.record(
    {
      source: fc.constant('s3Object' as const),
      inputType: fc.constantFrom('CSV' as const, 'JSON' as const, 'JSONL' as const, 'PARQUET' as const, 'MANIFEST' as const),
      itemCount: fc.integer({ min: 0, max: 5000 }),
      maxItems: fc.integer({ min: 1, max: 5000 }),
      itemSizeBytes,
      firstByteLatencyMs: uniform(1, 100),
      readThroughputBytesPerSecond: fc.integer({ min: 100_000, max: 100_000_000 }),
      getRequestBytes: fc.integer({ min: 1000, max: 10_000_000 }),
    },
    { requiredKeys: ['source', 'inputType', 'itemCount', 'itemSizeBytes', 'firstByteLatencyMs', 'readThroughputBytesPerSecond', 'getRequestBytes'] },
  ),
);

const lambda = fc
  .record(
    {
      accountConcurrency: fc.integer({ min: 1, max: 3000 }),
      reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      memoryMb: fc.integer({ min: 128, max: 10_240 }),
      scaling: fc.constantFrom('current' as const, 'legacy' as const),
      // Short timeouts bite on long batches; 900 s lets Express children reach 5 minutes.
      timeoutSeconds: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(900)),
      initDurationMs: uniform(0, 1000),
      invocationOverheadMs: uniform(0, 500),
      // Sometimes minutes per item, so that Express children pass their 5-minute limit.
      perItemDurationMs: fc.oneof({ arbitrary: uniform(0, 2000), weight: 4 }, { arbitrary: uniform(0, 400_000), weight: 1 }),
      myError: fc.double({ min: 0, max: 0.05, noNaN: true }),
      serviceError: fc.double({ min: 0, max: 0.05, noNaN: true }),
      poison: fc.double({ min: 0, max: 0.01, noNaN: true }),
    },
    { requiredKeys: ['accountConcurrency', 'memoryMb', 'scaling', 'timeoutSeconds', 'initDurationMs', 'invocationOverheadMs', 'perItemDurationMs'] },
  )
  .map(({ accountConcurrency, reservedShare, myError, serviceError, poison, ...rest }) => ({
    ...rest,
    accountConcurrency,
    // Reserved concurrency must leave 100 unreserved; 0 (always throttled) is avoided.
    ...(reservedShare !== undefined && accountConcurrency > 100
      ? { reservedConcurrency: Math.max(1, Math.floor(reservedShare * (accountConcurrency - 100))) }
      : {}),
    errors: [
      ...(myError !== undefined ? [{ error: 'MyError', probability: myError }] : []),
      ...(serviceError !== undefined ? [{ error: 'Lambda.ServiceException', probability: serviceError }] : []),
    ],
    ...(poison !== undefined ? { poisonItems: { probability: poison } } : {}),
  }));

const scenarioInput: fc.Arbitrary<Omit<ScenarioInput, 'name'>> = fc
  .record(
    {
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      region: fc.constantFrom('us-east-1', 'eu-west-3', 'eu-central-1'),
      itemReader,
      itemBatcher: fc.record({ maxItemsPerBatch: fc.integer({ min: 1, max: 500 }), maxInputBytesPerBatch: fc.integer({ min: 1000, max: 262_144 }) }, { requiredKeys: [] }),
      maxConcurrency: fc.integer({ min: 1, max: 2000 }),
      toleratedFailurePercentage: fc.oneof(fc.constant(0), fc.constant(100), fc.double({ min: 0, max: 100, noNaN: true })),
      toleratedFailureCount: fc.integer({ min: 0, max: 100 }),
      failureDetectionLagMs: fc.oneof(fc.constant(0), uniform(0, 2000)),
      executionType: fc.constantFrom('STANDARD' as const, 'EXPRESS' as const),
      childStarts: fc.record(
        { bucketSize: fc.integer({ min: 1, max: 2000 }), refillPerSecond: fc.integer({ min: 1, max: 2000 }), startLatencyMs: uniform(0, 250) },
        { requiredKeys: ['startLatencyMs'] },
      ),
      childWorkflow: fc.record(
        {
          statesBeforeTask: fc.integer({ min: 0, max: 3 }),
          statesAfterTask: fc.integer({ min: 0, max: 3 }),
          transitionLatencyMs: uniform(0, 50),
          retry,
          catch: catchers,
          taskTimeoutSeconds: fc.integer({ min: 1, max: 600 }),
          outputBytes: uniform(0, 2000),
          expressBilledMemoryMb: fc.constantFrom(64, 128, 256),
        },
        { requiredKeys: ['statesBeforeTask', 'statesAfterTask', 'transitionLatencyMs', 'retry', 'catch', 'outputBytes'] },
      ),
      stateTransitions: fc.record({ bucketSize: fc.integer({ min: 1, max: 5000 }), refillPerSecond: fc.integer({ min: 1, max: 5000 }) }),
      lambda,
      resultWriter: fc.record({ putLatencyMs: uniform(1, 200), writeThroughputBytesPerSecond: fc.integer({ min: 1_000_000, max: 1_000_000_000 }) }),
    },
    {
      requiredKeys: [
        'seed',
        'region',
        'itemReader',
        'maxConcurrency',
        'toleratedFailurePercentage',
        'failureDetectionLagMs',
        'executionType',
        'childStarts',
        'childWorkflow',
        'lambda',
      ],
    },
  )
  .map((input) => input as Omit<ScenarioInput, 'name'>);

const validScenario: fc.Arbitrary<Scenario> = scenarioInput.map((input) => scenario(input));

const NUM_RUNS = 100;

function minOf(distribution: unknown): number {
  const d = distribution as { type: string; value?: number; min?: number };
  if (d.type === 'constant') return d.value as number;
  if (d.type === 'uniform') return d.min as number;
  throw new Error(`no known minimum for ${d.type}`);
}

function meanOf(distribution: unknown): number {
  const d = distribution as { type: string; value?: number; min?: number; max?: number };
  if (d.type === 'constant') return d.value as number;
  if (d.type === 'uniform') return ((d.min as number) + (d.max as number)) / 2;
  throw new Error(`no known mean for ${d.type}`);
}

/** Shortest time the ItemReader can take to read everything it reads. */
function readLowerBoundMs(s: Scenario): number {
  const reader = s.itemReader;
  switch (reader.source) {
    case 'inline':
      return 0;
    case 's3ListObjectsV2': {
      const items = Math.min(reader.objectCount, reader.maxItems ?? Infinity);
      return Math.max(1, Math.ceil(items / reader.pageSize)) * minOf(reader.pageLatencyMs);
    }
    case 's3Object': {
      const items = Math.min(reader.itemCount, reader.maxItems ?? Infinity);
      const fileBytes = items * meanOf(reader.itemSizeBytes);
      const requests = Math.max(1, Math.ceil(fileBytes / reader.getRequestBytes)) + (reader.inputType === 'MANIFEST' ? 1 : 0);
      return requests * minOf(reader.firstByteLatencyMs) + (fileBytes / reader.readThroughputBytesPerSecond) * 1000;
    }
  }
}

/** Paths of every number in `value` that is NaN or infinite. */
function nonFiniteNumbers(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

const describeRun = (s: Scenario, r: MapRunResult) =>
  JSON.stringify({ scenario: s, status: r.status, error: r.error, items: r.itemCounts, executions: r.executionCounts });

describe('Map Run properties over random valid scenarios', () => {
  it('conserves items: succeeded + failed + timedOut + aborted + pending = total', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = simulateMapRun(s);
        const c = r.itemCounts;
        expect(c.succeeded + c.failed + c.timedOut + c.aborted + c.pending, describeRun(s, r)).toBe(c.total);
        if (r.status === 'SUCCEEDED') expect(c.pending).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('conserves executions: every child started ends in exactly one status', () => {
    // executionCounts.total counts the children that actually started: a failed Map Run
    // takes the ones still waiting for a start token back out (map-run.ts, failMapRun).
    // executionCounts.pending is then an estimate, not a count: items pending ÷ the
    // expected items per batch, for batches that were never formed. So pending sits
    // outside total and only the ended children can be checked against it; when the
    // Map Run succeeds nothing is pending and the sum is exact.
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = simulateMapRun(s);
        const c = r.executionCounts;
        const ended = c.succeeded + c.failed + c.timedOut + c.aborted;
        expect(ended, describeRun(s, r)).toBeLessThanOrEqual(c.total);
        if (r.status === 'SUCCEEDED') {
          expect(c.pending).toBe(0);
          expect(ended, describeRun(s, r)).toBe(c.total);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never ends before the lower bound of its work', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = simulateMapRun(s);
        const context = describeRun(s, r);
        expect(r.wallTimeMs, context).toBeGreaterThanOrEqual(r.childrenCompleteMs);
        expect(r.childrenCompleteMs).toBeGreaterThanOrEqual(0);
        // Unless the tolerance stopped the reader, every item was read first.
        if (r.error !== 'States.ExceedToleratedFailureThreshold') {
          expect(r.itemReader.readCompleteMs, context).toBeGreaterThanOrEqual(readLowerBoundMs(s) - 1e-6);
          expect(r.wallTimeMs, context).toBeGreaterThanOrEqual(r.itemReader.readCompleteMs);
        }
        // An item succeeds only through an invocation that ran to the end (unless a catcher
        // turned a failure into success): at least one invocation's minimal time, and the
        // succeeded items' minimal work spread over the allowed parallelism.
        if (r.itemCounts.succeeded > 0 && r.attempts.caught === 0) {
          const lambda = s.lambda as NonNullable<typeof s.lambda>; // every scenario here is short-form
          const overheadMin = minOf(lambda.invocationOverheadMs);
          const perItemMin = minOf(lambda.perItemDurationMs);
          const parallel = Math.min(r.effectiveMaxConcurrency, r.lambdaConcurrencyLimit);
          expect(r.wallTimeMs, context).toBeGreaterThanOrEqual(overheadMin + perItemMin - 1e-6);
          expect(r.wallTimeMs, context).toBeGreaterThanOrEqual((r.itemCounts.succeeded * perItemMin) / parallel - 1e-6);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a deep-equal result for the same seed', () => {
    fc.assert(
      fc.property(validScenario, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        expect(simulateMapRun(s, { seed })).toEqual(simulateMapRun(s, { seed }));
      }),
      { numRuns: 50 },
    );
  });

  it('holds no NaN or infinite number anywhere in the result', () => {
    fc.assert(
      fc.property(validScenario, (s) => {
        const r = simulateMapRun(s);
        expect(nonFiniteNumbers(r), describeRun(s, r)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
