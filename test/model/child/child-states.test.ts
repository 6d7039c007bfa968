import { describe, expect, it } from 'vitest';
import { simulateMapRun } from '../../../src/model/index.js';
import { defaultCatalogue } from '../../../src/pricing/load-catalogue.js';
import { priceMapRun } from '../../../src/pricing/price-map-run.js';
import type { MapRunUsage } from '../../../src/model/index.js';
import { validateScenario, type Scenario } from '../../../src/scenario/index.js';

/** A validated scenario with the Map Run's own latencies off, so timings can be worked out by hand. */
function longForm(input: Record<string, unknown>): Scenario {
  const validation = validateScenario({
    name: 'long-form',
    childStarts: { bucketSize: 1_000_000, refillPerSecond: 1_000_000, dispatchBurst: 1_000_000, dispatchPerSecond: 1_000_000, startLatencyMs: 0 },
    mapRunOverhead: { startMs: 0, closeMs: 0 },
    stateTransitions: { bucketSize: 1_000_000, refillPerSecond: 1_000_000 },
    failureDetectionLagMs: 0,
    ...input,
    childWorkflow: { transitionLatencyMs: 0, outputBytes: 0, ...(input['childWorkflow'] as object) },
  });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues, null, 2));
  return validation.scenario;
}

const inline = (itemCount: number) => ({ source: 'inline', itemCount });
const bill = (usage: MapRunUsage) => priceMapRun(usage, 'us-east-1', defaultCatalogue(), { runsPerMonth: 1 }).monthly.lines;

describe('long-form child workflows', () => {
  it('a Pass-only child over 100 inline items has no Lambda usage, cold starts, throttles or cost line', () => {
    const scenario = longForm({ itemReader: inline(100), childWorkflow: { states: { Record: { type: 'Pass', end: true } } } });
    const result = simulateMapRun(scenario);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.itemCounts.succeeded).toBe(100);
    expect(result.usage.lambda).toBeUndefined();
    expect(result.usage.functions).toBeUndefined();
    expect(result.attempts).toMatchObject({ total: 0, throttled: 0 });
    expect(result.peakEnvironments).toBe(0);
    // Map state + one per child started, and one Pass state entered per child.
    expect(result.usage.stepFunctions).toMatchObject({ parentTransitions: 101, childTransitions: 100 });
    const cost = bill(result.usage);
    expect(cost.map((line) => line.service)).not.toContain('AWS Lambda');
    expect(cost.map((line) => line.priceKey)).toEqual(['stepFunctions.standard.transition']);
  });

  it('an inline Map over a batch of 100 runs 100 iterations, 40 at a time, billing each state entered', () => {
    const scenario = longForm({
      itemReader: inline(100),
      itemBatcher: { maxItemsPerBatch: 100 },
      childWorkflow: {
        states: {
          EachItem: { type: 'Map', itemProcessor: { states: { Hold: { type: 'Wait', seconds: 1, end: true } } }, end: true },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.executionCounts.total).toBe(1);
    // ceil(100 / 40) = 3 waves of 1 s.
    expect(result.wallTimeMs).toBe(3000);
    expect(result.usage.stepFunctions.childTransitions).toBe(1 + 100);
  });

  it('an inline Map whose collected output passes 256 KiB fails with States.DataLimitExceeded once its iterations ran', () => {
    const scenario = longForm({
      itemReader: inline(100),
      itemBatcher: { maxItemsPerBatch: 100 },
      toleratedFailurePercentage: 100,
      childWorkflow: {
        states: {
          EachItem: { type: 'Map', outputBytesPerIteration: 3000, itemProcessor: { states: { Hold: { type: 'Wait', seconds: 1, end: true } } }, end: true },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.attempts.failuresByError).toEqual({ 'States.DataLimitExceeded': 1 });
    expect(result.itemCounts.failed).toBe(100);
    expect(result.wallTimeMs).toBe(3000);
  });

  it('an inline Map with maxConcurrency above 40 is valid but warned about, and runs 40 at once', () => {
    const validation = validateScenario({
      name: 'x',
      itemReader: inline(100),
      itemBatcher: { maxItemsPerBatch: 100 },
      childWorkflow: { states: { EachItem: { type: 'Map', maxConcurrency: 100, itemProcessor: { states: { Hold: { type: 'Pass', end: true } } }, end: true } } },
    });
    expect(validation.ok && validation.warnings.map((w) => w.path.join('.'))).toEqual(['childWorkflow.states.EachItem.maxConcurrency']);
  });

  it('a Parallel state ends with its slowest branch', () => {
    const scenario = longForm({
      itemReader: inline(1),
      childWorkflow: {
        states: {
          Both: {
            type: 'Parallel',
            branches: [{ states: { Short: { type: 'Wait', seconds: 1, end: true } } }, { states: { Long: { type: 'Wait', seconds: 3, end: true } } }],
            next: 'Done',
          },
          Done: { type: 'Succeed' },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.wallTimeMs).toBe(3000);
    expect(result.usage.stepFunctions.childTransitions).toBe(4);
  });

  it('a failing branch stops its siblings and fails the Parallel, which its Catch routes on', () => {
    const scenario = longForm({
      itemReader: inline(1),
      toleratedFailurePercentage: 100,
      childWorkflow: {
        states: {
          Both: {
            type: 'Parallel',
            branches: [{ states: { Boom: { type: 'Fail', error: 'Custom.Boom' } } }, { states: { Long: { type: 'Wait', seconds: 30, end: true } } }],
            catch: [{ errorEquals: ['Custom.Boom'], next: 'Recover' }],
            end: true,
          },
          Recover: { type: 'Pass', end: true },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.attempts.caught).toBe(1);
    expect(result.wallTimeMs).toBe(0);
  });

  it('a Choice takes its rules in proportion to their probabilities; no rule and no Default fails with States.NoChoiceMatched', () => {
    const scenario = longForm({
      itemReader: inline(4000),
      toleratedFailurePercentage: 100,
      childWorkflow: {
        states: {
          Route: { type: 'Choice', choices: [{ next: 'Fine', probability: 0.6 }, { next: 'Broken', probability: 0.3 }] },
          Fine: { type: 'Pass', end: true },
          Broken: { type: 'Fail', error: 'Bad.Record' },
        },
      },
    });
    const result = simulateMapRun(scenario);
    // 60 % succeed; 30 % reach Fail and 10 % match no rule: both fail their child.
    expect(result.itemCounts.succeeded / 4000).toBeCloseTo(0.6, 1);
    expect(result.itemCounts.failed / 4000).toBeCloseTo(0.4, 1);
  });

  it('two functions share the account: only the one with reserved concurrency 10 throttles', () => {
    const scenario = longForm({
      itemReader: inline(400),
      maxConcurrency: 200,
      toleratedFailurePercentage: 100,
      functions: {
        resize: { memoryMb: 1024, timeoutSeconds: 60, initDurationMs: 0, perItemDurationMs: 1000 },
        tag: { memoryMb: 128, timeoutSeconds: 60, initDurationMs: 0, reservedConcurrency: 10, perItemDurationMs: 500 },
      },
      childWorkflow: {
        states: {
          Resize: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'resize', next: 'Tag' },
          Tag: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'tag', retry: 'console-default', end: true },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.functions?.['resize']?.throttles).toBe(0);
    expect(result.functions?.['tag']?.throttles).toBeGreaterThan(0);
    expect(result.functions?.['tag']?.peakConcurrentInvocations).toBeLessThanOrEqual(10);
    expect(result.attempts.failuresByError['Lambda.TooManyRequestsException']).toBe(result.functions?.['tag']?.throttles);
    expect(result.usage.functions?.['resize']?.requests).toBe(400);
  });

  it('a DynamoDB BatchWriteItem child against a table of 1,000 writes per second slows down and retries with the DynamoDB throttling error', () => {
    const throttle = 'DynamoDb.ProvisionedThroughputExceededException';
    const scenario = longForm({
      itemReader: inline(20_000),
      itemBatcher: { maxItemsPerBatch: 25 },
      maxConcurrency: 500,
      serviceQuotas: { ordersTable: { ratePerSecond: 1000 } },
      childWorkflow: {
        states: {
          Write: {
            type: 'Task',
            resource: 'arn:aws:states:::aws-sdk:dynamodb:batchWriteItem',
            durationMs: 20,
            quota: 'ordersTable',
            retry: [{ errorEquals: [throttle], intervalSeconds: 1, maxAttempts: 20, backoffRate: 1.5, maxDelaySeconds: 10, jitterStrategy: 'FULL' }],
            end: true,
          },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.status).toBe('SUCCEEDED');
    // 20,000 write units at 1,000 a second, after a 1-second burst: at least 19 s.
    expect(result.wallTimeMs).toBeGreaterThanOrEqual(19_000);
    expect(result.attempts.failuresByError[throttle]).toBeGreaterThan(0);
    expect(result.attempts.retries).toBe(result.attempts.failuresByError[throttle]);
    expect(result.serviceQuotas?.['ordersTable']?.unitsAccepted).toBe(20_000);
    const task = result.usage.tasks?.[0];
    expect(task).toMatchObject({ calls: 800, items: 20_000, units: 20_000 });
    const cost = bill(result.usage);
    expect(cost.find((line) => line.priceKey === 'dynamodb.onDemand.writeRequestUnit')?.quantity).toBe('20000');
  });

  it('the same throttle without a quota would not happen: the run is bounded by the calls alone', () => {
    const scenario = longForm({
      itemReader: inline(20_000),
      itemBatcher: { maxItemsPerBatch: 25 },
      maxConcurrency: 500,
      childWorkflow: { states: { Write: { type: 'Task', resource: 'arn:aws:states:::aws-sdk:dynamodb:batchWriteItem', durationMs: 20, end: true } } },
    });
    const result = simulateMapRun(scenario);
    expect(result.wallTimeMs).toBe(40); // 800 children, 500 at once: two waves of 20 ms.
    expect(result.attempts.throttled).toBe(0);
  });

  it('a nested startExecution.sync:2 waits for the nested execution and bills its transitions', () => {
    const scenario = longForm({
      itemReader: inline(10),
      childWorkflow: {
        states: {
          Nested: {
            type: 'Task',
            resource: 'arn:aws:states:::states:startExecution.sync:2',
            durationMs: 2000,
            execution: { type: 'STANDARD', transitions: 7 },
            end: true,
          },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.wallTimeMs).toBe(2000);
    expect(result.usage.tasks?.[0]?.nestedExecutions).toMatchObject({ type: 'STANDARD', started: 10, transitions: 70 });
    const cost = bill(result.usage);
    // Parent 1 + 10, children 10 (one Task each), nested 70.
    expect(cost.find((line) => line.priceKey === 'stepFunctions.standard.transition')?.quantity).toBe('91');
  });

  it('a callback whose worker sends no heartbeat fails with States.HeartbeatTimeout after HeartbeatSeconds', () => {
    const scenario = longForm({
      itemReader: inline(1),
      toleratedFailurePercentage: 100,
      childWorkflow: {
        states: {
          Approve: {
            type: 'Task',
            resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
            durationMs: 30_000,
            heartbeatSeconds: 10,
            timeoutSeconds: 60,
            end: true,
          },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.attempts.failuresByError).toEqual({ 'States.HeartbeatTimeout': 1 });
    expect(result.wallTimeMs).toBe(10_000);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.itemCounts.failed).toBe(1);
  });

  it('the Express 5-minute limit applies to the whole child, Wait states included', () => {
    const scenario = longForm({
      itemReader: inline(1),
      executionType: 'EXPRESS',
      toleratedFailurePercentage: 100,
      childWorkflow: { states: { First: { type: 'Wait', seconds: 200, next: 'Second' }, Second: { type: 'Wait', seconds: 200, end: true } } },
    });
    const result = simulateMapRun(scenario);
    expect(result.itemCounts.timedOut).toBe(1);
    expect(result.wallTimeMs).toBe(300_000);
  });

  it('the short form and the same child written out in states give the same run', () => {
    const common = {
      itemReader: { source: 'inline', itemCount: 3000 },
      itemBatcher: { maxItemsPerBatch: 10 },
      maxConcurrency: 200,
      toleratedFailurePercentage: 100,
      lambda: { memoryMb: 512, timeoutSeconds: 30, perItemDurationMs: { type: 'lognormal', p50: 80, p99: 400 }, errors: [{ error: 'Lambda.ServiceException', probability: 0.05 }, { error: 'App.Error', probability: 0.05 }] },
    };
    const seed = { seed: 11 };
    const short = validateScenario({ name: 's', ...common, childWorkflow: { statesBeforeTask: 2, statesAfterTask: 1, retry: 'aws-best-practice', catch: [{ errorEquals: ['App.Error'], outcome: 'FAILED' }] } });
    const long = validateScenario({
      name: 's',
      ...common,
      childWorkflow: {
        states: {
          A: { type: 'Pass', next: 'B' },
          B: { type: 'Pass', next: 'Invoke' },
          Invoke: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', retry: 'aws-best-practice', catch: [{ errorEquals: ['App.Error'], next: 'Failed' }], next: 'After' },
          After: { type: 'Pass', end: true },
          Failed: { type: 'Fail' },
        },
      },
    });
    if (!short.ok || !long.ok) throw new Error('invalid');
    const a = simulateMapRun(short.scenario, seed);
    const b = simulateMapRun(long.scenario, seed);
    expect(b.wallTimeMs).toBe(a.wallTimeMs);
    expect(b.usage).toEqual(a.usage);
    expect(b.attempts).toEqual(a.attempts);
    expect(b.itemCounts).toEqual(a.itemCounts);
  });
});

describe('rules AWS enforces on a long-form child', () => {
  const issues = (input: Record<string, unknown>) => {
    const validation = validateScenario({ name: 'x', itemReader: inline(1), ...input });
    return validation.ok ? [] : validation.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('an Express child cannot use .sync or .waitForTaskToken', () => {
    const found = issues({
      executionType: 'EXPRESS',
      childWorkflow: { states: { Run: { type: 'Task', resource: 'arn:aws:states:::ecs:runTask.sync', durationMs: 1000, end: true } } },
    });
    expect(found.join('\n')).toMatch(/childWorkflow\.states\.Run\.resource: .*\.sync.*Express children do not support/);
  });

  it('lists every broken reference and missing fact at once', () => {
    const found = issues({
      childWorkflow: {
        states: {
          Call: { type: 'Task', resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem', quota: 'missing', next: 'Nowhere' },
          Invoke: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'ghost', end: true },
        },
      },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^childWorkflow\.states\.Call\.next: names no state/),
        expect.stringMatching(/^childWorkflow\.states\.Call\.durationMs: is required/),
        expect.stringMatching(/^childWorkflow\.states\.Call\.quota: names no entry of `serviceQuotas`/),
        expect.stringMatching(/^childWorkflow\.states\.Invoke\.function: names no function/),
      ]),
    );
  });

  it('the short form still needs its lambda block; the long form does not', () => {
    expect(issues({})).toEqual(expect.arrayContaining([expect.stringMatching(/^lambda: is required/)]));
    expect(issues({ childWorkflow: { states: { Only: { type: 'Pass', end: true } } } })).toEqual([]);
  });
});

describe('documented account API limits apply without a quota of the task', () => {
  it('ECS RunTask calls share the account\'s 20 per second', () => {
    const scenario = longForm({
      itemReader: inline(200),
      maxConcurrency: 200,
      childWorkflow: {
        states: {
          Run: {
            type: 'Task',
            resource: 'arn:aws:states:::ecs:runTask.sync',
            durationMs: 60_000,
            fargate: { vcpu: 1, memoryGb: 2 },
            retry: [{ errorEquals: ['States.ALL'], intervalSeconds: 1, maxAttempts: 50, backoffRate: 1, jitterStrategy: 'FULL' }],
            end: true,
          },
        },
      },
    });
    const result = simulateMapRun(scenario);
    expect(result.status).toBe('SUCCEEDED');
    const quota = Object.entries(result.serviceQuotas ?? {});
    expect(quota.map(([name]) => name)).toEqual(['ecs:runTask (AWS default, 20 per s)']);
    // 200 starts at 20 a second after a burst of 20: the last one starts after about 9 s.
    expect(result.wallTimeMs).toBeGreaterThan(60_000 + 8_000);
    expect(result.attempts.failuresByError).toHaveProperty(['ECS.AmazonECSException']);
    expect(result.usage.tasks?.[0]?.fargate).toEqual({ architecture: 'x86_64', vcpuSeconds: 200 * 60, gbSeconds: 200 * 120 });
  });
});
