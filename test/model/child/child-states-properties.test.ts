/**
 * Properties of the child interpreter over random long-form children: acyclic state
 * machines of every state type (Pass, Wait, Choice, Fail, Succeed, Lambda and service
 * Tasks with Retry and Catch, Parallel branches, inline Maps), Standard or Express, with
 * quotas that throttle and errors that fail. Whatever the shape, items and executions are
 * conserved, every number is finite, reserved concurrency and quota places are never
 * exceeded, and the same seed gives the same run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMapRun, type MapRunResult } from '../../../src/model/index.js';
import { validateScenario, type Scenario } from '../../../src/scenario/index.js';

const NUM_RUNS = 150;

type StateDoc = Record<string, unknown>;

/** A leaf state (no branches) that goes on to `next`, or ends its branch. */
const leafState = (next: string | undefined): fc.Arbitrary<StateDoc> => {
  const flow = next === undefined ? { end: true } : { next };
  const retry = fc.constantFrom('none', [{ errorEquals: ['States.ALL'], intervalSeconds: 1, maxAttempts: 2, backoffRate: 2, jitterStrategy: 'FULL' }]);
  return fc.oneof(
    fc.constant({ type: 'Pass', ...flow }),
    fc.integer({ min: 0, max: 3 }).map((seconds) => ({ type: 'Wait', seconds, ...flow })),
    fc.record({ fn: fc.constantFrom('fast', 'slow'), retry }).map(({ fn, retry: r }) => ({ type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: fn, retry: r, ...flow })),
    fc.record({ quota: fc.boolean(), retry, fail: fc.double({ min: 0, max: 0.3, noNaN: true }) }).map(({ quota, retry: r, fail }) => ({
      type: 'Task',
      resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem',
      durationMs: { type: 'uniform', min: 5, max: 50 },
      errors: [{ error: 'DynamoDb.InternalServerErrorException', probability: fail }],
      ...(quota ? { quota: 'table' } : {}),
      retry: r,
      ...flow,
    })),
    fc.constant({ type: 'Task', resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', durationMs: { type: 'uniform', min: 100, max: 20_000 }, heartbeatSeconds: 10, ...flow }),
  );
};

/** A chain of `n` leaf states named `${prefix}0..n-1`, each going to the next. */
const chain = (prefix: string, n: number): fc.Arbitrary<Record<string, StateDoc>> =>
  fc.tuple(...Array.from({ length: n }, (_, i) => leafState(i + 1 < n ? `${prefix}${i + 1}` : undefined))).map((states) =>
    Object.fromEntries(states.map((state, i) => [`${prefix}${i}`, state])),
  );

/** A top-level state at position `i` of `n`: a leaf, a Choice, a Parallel or an inline Map, only ever pointing forward. */
const topState = (i: number, n: number): fc.Arbitrary<StateDoc> => {
  const next = i + 1 < n ? `S${i + 1}` : undefined;
  const flow = next === undefined ? { end: true } : { next };
  const options: fc.Arbitrary<StateDoc>[] = [
    leafState(next),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([a, b]) =>
      fc.tuple(chain('A', a), chain('B', b), fc.constantFrom(['States.ALL'], ['Nothing.Matches'])).map(([left, right, errorEquals]) => ({
        type: 'Parallel',
        branches: [{ states: left }, { states: right }],
        catch: next === undefined ? [] : [{ errorEquals, next }],
        ...flow,
      })),
    ),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 50 })).chain(([length, maxConcurrency]) =>
      chain('M', length).map((states) => ({ type: 'Map', maxConcurrency, itemProcessor: { states }, ...flow })),
    ),
  ];
  if (next !== undefined) {
    options.push(
      fc.double({ min: 0, max: 1, noNaN: true }).map((p) => ({ type: 'Choice', choices: [{ next, probability: p }], default: 'Broken' })),
    );
  }
  return fc.oneof(...options);
};

const longFormScenario: fc.Arbitrary<Scenario> = fc
  .record({
    n: fc.integer({ min: 1, max: 5 }),
    items: fc.integer({ min: 1, max: 400 }),
    batch: fc.integer({ min: 1, max: 30 }),
    maxConcurrency: fc.integer({ min: 1, max: 60 }),
    express: fc.boolean(),
    rate: fc.integer({ min: 5, max: 500 }),
    tolerated: fc.constantFrom(0, 10, 100),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((p) =>
    fc.tuple(...Array.from({ length: p.n }, (_, i) => topState(i, p.n))).map((states) => {
      const stateMap: Record<string, StateDoc> = Object.fromEntries(states.map((s, i) => [`S${i}`, s]));
      stateMap['Broken'] = { type: 'Fail', error: 'Custom.Broken' };
      // Express children cannot wait for callbacks: swap those tasks for plain calls.
      const document = JSON.parse(
        JSON.stringify({
          name: 'random-child',
          seed: p.seed,
          itemReader: { source: 'inline', itemCount: p.items },
          itemBatcher: { maxItemsPerBatch: p.batch },
          maxConcurrency: p.maxConcurrency,
          executionType: p.express ? 'EXPRESS' : 'STANDARD',
          toleratedFailurePercentage: p.tolerated,
          resultWriter: {},
          lambdaAccountConcurrency: 200,
          functions: {
            fast: { timeoutSeconds: 30, perItemDurationMs: { type: 'uniform', min: 1, max: 20 }, errors: [{ error: 'App.Error', probability: 0.05 }] },
            slow: { timeoutSeconds: 5, reservedConcurrency: 5, perItemDurationMs: { type: 'uniform', min: 10, max: 400 } },
          },
          serviceQuotas: { table: { ratePerSecond: p.rate, concurrency: 20 } },
          childWorkflow: { states: stateMap },
        }).replaceAll(p.express ? 'sqs:sendMessage.waitForTaskToken' : '\u0000', 'sqs:sendMessage'),
      );
      const validation = validateScenario(document);
      if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
      return validation.scenario;
    }),
  );

function nonFiniteNumbers(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}

const describeRun = (s: Scenario, r: MapRunResult) => JSON.stringify({ child: s.childWorkflow.states, status: r.status, items: r.itemCounts, executions: r.executionCounts });

describe('long-form children over random state machines', () => {
  it('conserve items and executions, hold only finite numbers, and repeat exactly', () => {
    fc.assert(
      fc.property(longFormScenario, (s) => {
        const r = simulateMapRun(s);
        const items = r.itemCounts;
        expect(items.succeeded + items.failed + items.timedOut + items.aborted + items.pending, describeRun(s, r)).toBe(items.total);
        const executions = r.executionCounts;
        const ended = executions.succeeded + executions.failed + executions.timedOut + executions.aborted;
        expect(ended, describeRun(s, r)).toBeLessThanOrEqual(executions.total);
        if (r.status === 'SUCCEEDED') expect(ended, describeRun(s, r)).toBe(executions.total);
        expect(nonFiniteNumbers(r), describeRun(s, r)).toEqual([]);
        expect(r.functions?.['slow']?.peakConcurrentInvocations ?? 0).toBeLessThanOrEqual(5);
        expect(r.serviceQuotas?.['table']?.peakInFlight ?? 0).toBeLessThanOrEqual(20);
        expect(simulateMapRun(s)).toEqual(r);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
