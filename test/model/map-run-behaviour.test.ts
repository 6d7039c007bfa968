/**
 * Whole-run behaviours of the Map Run model, one per test, with hand-computed numbers.
 * Every scenario starts frictionless (no start latency or rate limit, no transition
 * latency, no cold start, Lambda timeout 900 s, outputs of 0 bytes, detection lag 0) and
 * switches on only what the test is about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateMapRun, type MapRunResult } from '../../src/model/index.js';
import { RESULT_FILE_MAX_BYTES } from '../../src/aws/quotas.js';
import { frictionless } from './scenario-builder.js';

const TOO_MANY = 'Lambda.TooManyRequestsException';

/** Retries throttling every second, as often as needed. */
const retryThrottles = (maxAttempts = 1000) => [{ errorEquals: [TOO_MANY], intervalSeconds: 1, backoffRate: 1, maxAttempts }];

function itemSum(r: MapRunResult): number {
  const c = r.itemCounts;
  return c.succeeded + c.failed + c.timedOut + c.aborted + c.pending;
}

describe('throttling (MaxConcurrency above the Lambda concurrency)', () => {
  it('retries each throttled attempt per the retrier until every item succeeds', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3000 },
        maxConcurrency: 3000,
        childWorkflow: { retry: retryThrottles() },
        lambda: { accountConcurrency: 1000, perItemDurationMs: 1000 },
      }),
    );
    // 1,000 run in each second; the rest are throttled and retried 1 s later.
    // t = 0: 3,000 attempts, 2,000 throttled; t = 1 s: 2,000 attempts, 1,000 throttled; t = 2 s: 1,000 attempts.
    expect(r.status).toBe('SUCCEEDED');
    expect(r.itemCounts.succeeded).toBe(3000);
    expect(r.attempts.total).toBe(6000);
    expect(r.attempts.throttled).toBe(3000);
    expect(r.attempts.retries).toBe(3000);
    expect(r.attempts.failuresByError[TOO_MANY]).toBe(r.attempts.throttled);
    expect(r.usage.lambda?.throttledAttempts).toBe(3000);
    expect(r.usage.lambda?.requests).toBe(3000);
    expect(r.peakConcurrentInvocations).toBe(1000);
    expect(r.peakRunningChildren).toBe(3000);
    expect(r.wallTimeMs).toBe(3000);
  });

  it('fails throttled children when no retrier matches TooManyRequests', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3000 },
        maxConcurrency: 3000,
        toleratedFailurePercentage: 100,
        // AWS's best-practice retrier does not list Lambda.TooManyRequestsException.
        childWorkflow: { retry: 'aws-best-practice' },
        lambda: { accountConcurrency: 1000, perItemDurationMs: 1000 },
      }),
    );
    expect(r.attempts.throttled).toBe(2000);
    expect(r.attempts.retries).toBe(0);
    expect(r.attempts.failuresByError).toEqual({ [TOO_MANY]: 2000 });
    expect(r.itemCounts).toMatchObject({ succeeded: 1000, failed: 2000 });
    expect(r.wallTimeMs).toBe(1000);
  });
});

describe('Lambda scaling in a Map Run', () => {
  it('reaches 3,000 concurrent invocations from zero only at 20 s under the current rule', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3000 },
        maxConcurrency: 3000,
        childWorkflow: { retry: retryThrottles() },
        lambda: { accountConcurrency: 5000, perItemDurationMs: 60_000 },
      }),
    );
    // 1,000 at t = 0, then 100 more at each 1 s retry: 1,000 + 100 k at k s.
    const invocations = r.timeSeries.runningInvocations;
    expect(r.timeSeries.bucketMs).toBe(1000);
    for (let k = 0; k <= 20; k++) expect(invocations[k], `second ${k}`).toBe(1000 + 100 * k);
    expect(r.peakConcurrentInvocations).toBe(3000);
    expect(r.usage.lambda?.coldStarts).toBe(3000);
    // Throttled: 2,000 at t = 0, then 2,000 − 100 k at k s, until k = 20.
    expect(r.attempts.throttled).toBe(21_000);
    // The last 100 invocations start at 20 s and run 60 s.
    expect(r.wallTimeMs).toBe(80_000);
  });

  it('bursts to 3,000 at once under the legacy rule in us-east-1', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3000 },
        maxConcurrency: 3000,
        lambda: { accountConcurrency: 5000, scaling: 'legacy', perItemDurationMs: 60_000 },
      }),
    );
    expect(r.attempts.throttled).toBe(0);
    expect(r.peakConcurrentInvocations).toBe(3000);
    expect(r.wallTimeMs).toBe(60_000);
  });
});

describe('retries', () => {
  it('waits IntervalSeconds × BackoffRate^(k−1) before retry k with JitterStrategy NONE', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1 },
        toleratedFailurePercentage: 100,
        childWorkflow: { retry: [{ errorEquals: ['MyError'], intervalSeconds: 2, backoffRate: 2, maxAttempts: 3 }] },
        lambda: { perItemDurationMs: 100, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );
    // Four attempts of 100 ms each, separated by 2, 4 and 8 s.
    expect(r.wallTimeMs).toBe(4 * 100 + 2000 + 4000 + 8000);
    expect(r.attempts).toMatchObject({ total: 4, retries: 3, failuresByError: { MyError: 4 } });
    // A function error fails after running: billed.
    expect(r.usage.lambda?.requests).toBe(4);
    expect(r.usage.lambda?.billedDurationMs).toBe(400);
    expect(r.itemCounts.failed).toBe(1);
  });

  it('caps each wait at MaxDelaySeconds', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1 },
        toleratedFailurePercentage: 100,
        childWorkflow: { retry: [{ errorEquals: ['Lambda.ServiceException'], intervalSeconds: 2, backoffRate: 2, maxAttempts: 4, maxDelaySeconds: 5 }] },
        lambda: { perItemDurationMs: 100, errors: [{ error: 'Lambda.ServiceException', probability: 1 }] },
      }),
    );
    // Waits 2, 4, 5, 5 s; a service error fails at once.
    expect(r.wallTimeMs).toBe(16_000);
  });

  it('fails a Lambda service error at once and unbilled', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1 },
        toleratedFailurePercentage: 100,
        childWorkflow: { retry: [{ errorEquals: ['Lambda.ServiceException'], intervalSeconds: 2, backoffRate: 2, maxAttempts: 3 }] },
        lambda: { perItemDurationMs: 100, errors: [{ error: 'Lambda.ServiceException', probability: 1 }] },
      }),
    );
    expect(r.wallTimeMs).toBe(2000 + 4000 + 8000);
    expect(r.attempts).toMatchObject({ total: 4, retries: 3, failuresByError: { 'Lambda.ServiceException': 4 } });
    expect(r.usage.lambda?.requests).toBe(0);
    expect(r.usage.lambda?.billedDurationMs).toBe(0);
  });

  it('keeps the total FULL-jitter wait within [0, sum of the backoffs]', () => {
    const waits: number[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const r = simulateMapRun(
          frictionless({
            itemReader: { source: 'inline', itemCount: 1 },
            toleratedFailurePercentage: 100,
            childWorkflow: { retry: [{ errorEquals: ['Lambda.ServiceException'], intervalSeconds: 1, backoffRate: 2, maxAttempts: 3, jitterStrategy: 'FULL' }] },
            lambda: { perItemDurationMs: 100, errors: [{ error: 'Lambda.ServiceException', probability: 1 }] },
          }),
          { seed },
        );
        // Service errors take no time: the wall time is the sum of the three waits.
        expect(r.attempts.total).toBe(4);
        expect(r.wallTimeMs).toBeGreaterThanOrEqual(0);
        expect(r.wallTimeMs).toBeLessThanOrEqual(1000 + 2000 + 4000);
        waits.push(r.wallTimeMs);
      }),
      { numRuns: 100 },
    );
    // Jitter does draw: the waits are not all the same.
    expect(new Set(waits).size).toBeGreaterThan(1);
  });
});

describe('cold starts', () => {
  const wave = (items: number) =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: items },
        maxConcurrency: 400,
        lambda: { initDurationMs: 500, perItemDurationMs: 1000 },
      }),
    );

  it('makes every first invocation of a wave a cold start, billing INIT and adding it to the wall time', () => {
    const r = wave(400);
    expect(r.usage.lambda?.coldStarts).toBe(400);
    expect(r.usage.lambda?.initBilledDurationMs).toBe(500 * 400);
    expect(r.usage.lambda?.billedDurationMs).toBe(1500 * 400);
    expect(r.peakEnvironments).toBe(400);
    expect(r.wallTimeMs).toBe(1500);
  });

  it('reuses the warm environments in a second wave', () => {
    const r = wave(800);
    expect(r.usage.lambda?.coldStarts).toBe(400);
    expect(r.usage.lambda?.initBilledDurationMs).toBe(500 * 400);
    expect(r.usage.lambda?.billedDurationMs).toBe(1500 * 400 + 1000 * 400);
    expect(r.peakEnvironments).toBe(400);
    expect(r.wallTimeMs).toBe(1500 + 1000);
  });

  it('leaves no warm environment behind a Lambda service error: every environment pays its INIT once', () => {
    // A service error means the function never ran, so no environment was initialised.
    // Whatever the error draws, each environment in the pool must have been a cold start.
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 200 },
        maxConcurrency: 200,
        childWorkflow: { retry: [{ errorEquals: ['Lambda.ServiceException'], intervalSeconds: 1, backoffRate: 1, maxAttempts: 50 }] },
        lambda: { initDurationMs: 500, perItemDurationMs: 1000, errors: [{ error: 'Lambda.ServiceException', probability: 0.5 }] },
      }),
      { seed: 7 },
    );
    expect(r.itemCounts.succeeded).toBe(200);
    expect(r.usage.lambda?.coldStarts).toBe(r.peakEnvironments);
    expect(r.usage.lambda?.initBilledDurationMs).toBe(500 * r.peakEnvironments);
  });
});

describe('timeouts', () => {
  it('fails an invocation longer than the function timeout with Lambda.Unknown at the timeout, billed for the timeout', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 3 },
        toleratedFailurePercentage: 100,
        lambda: { timeoutSeconds: 2, perItemDurationMs: 5000 },
      }),
    );
    expect(r.attempts.failuresByError).toEqual({ 'Lambda.Unknown': 3 });
    expect(r.itemCounts.failed).toBe(3);
    expect(r.usage.lambda?.billedDurationMs).toBe(3 * 2000);
    expect(r.lambda.totalDurationMs).toBe(3 * 2000);
    expect(r.wallTimeMs).toBe(2000);
  });

  it('raises States.Timeout at the task timeout while the environment stays busy until the invocation ends', () => {
    // One Lambda environment allowed. Child 1's task times out at 1 s but its invocation
    // runs to 3 s; child 2 starts at 1 s and is throttled at 1 s and 2 s, gets the
    // environment at 3 s and times out in turn at 4 s.
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 2 },
        maxConcurrency: 1,
        toleratedFailurePercentage: 100,
        childWorkflow: { taskTimeoutSeconds: 1, retry: retryThrottles(10) },
        lambda: { accountConcurrency: 1, perItemDurationMs: 3000 },
      }),
    );
    expect(r.attempts.failuresByError).toEqual({ [TOO_MANY]: 2, 'States.Timeout': 2 });
    expect(r.attempts.throttled).toBe(2);
    expect(r.itemCounts.failed).toBe(2);
    expect(r.executionCounts.timedOut).toBe(0); // the task timed out; the execution failed
    expect(r.usage.lambda?.billedDurationMs).toBe(2 * 3000);
    expect(r.wallTimeMs).toBe(4000);
  });

  it('ends an Express child at the 5-minute limit as timed out, against the tolerance', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1 },
        executionType: 'EXPRESS',
        lambda: { perItemDurationMs: 400_000 },
      }),
    );
    expect(r.executionCounts.timedOut).toBe(1);
    expect(r.itemCounts.timedOut).toBe(1);
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.ExceedToleratedFailureThreshold');
    expect(r.wallTimeMs).toBe(300_000);
    expect(r.usage.stepFunctions.expressBilledDurationMs).toBe(300_000);
    // The invocation runs on after the child ended, and is billed in full.
    expect(r.usage.lambda?.billedDurationMs).toBe(400_000);
  });

  it('lets a Standard child with the same work succeed', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 1 },
        executionType: 'STANDARD',
        lambda: { perItemDurationMs: 400_000 },
      }),
    );
    expect(r.status).toBe('SUCCEEDED');
    expect(r.executionCounts.succeeded).toBe(1);
    expect(r.executionCounts.timedOut).toBe(0);
    expect(r.wallTimeMs).toBe(400_000);
  });
});

describe('catch', () => {
  const withCatch = (catchers: { errorEquals: string[]; outcome: 'SUCCEEDED' | 'FAILED' }[]) =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 4 },
        toleratedFailurePercentage: 100,
        childWorkflow: { catch: catchers },
        lambda: { perItemDurationMs: 100, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );

  it('ends a child succeeded when its unretried error is caught with outcome SUCCEEDED', () => {
    const r = withCatch([{ errorEquals: ['MyError'], outcome: 'SUCCEEDED' }]);
    expect(r.attempts.caught).toBe(4);
    expect(r.executionCounts).toMatchObject({ succeeded: 4, failed: 0 });
    expect(r.itemCounts).toMatchObject({ succeeded: 4, failed: 0 });
  });

  it('ends a child failed when its error is caught with outcome FAILED', () => {
    const r = withCatch([{ errorEquals: ['States.ALL'], outcome: 'FAILED' }]);
    expect(r.attempts.caught).toBe(4);
    expect(r.executionCounts).toMatchObject({ succeeded: 0, failed: 4 });
  });

  it('fails a child whose error no catcher matches', () => {
    const r = withCatch([{ errorEquals: ['OtherError'], outcome: 'SUCCEEDED' }]);
    expect(r.attempts.caught).toBe(0);
    expect(r.executionCounts).toMatchObject({ succeeded: 0, failed: 4 });
  });
});

describe('poison items', () => {
  it('fails every attempt of a poison batch, even with a States.ALL retrier', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 5 },
        toleratedFailurePercentage: 100,
        childWorkflow: { retry: [{ errorEquals: ['States.ALL'], intervalSeconds: 1, backoffRate: 1, maxAttempts: 2 }] },
        lambda: { perItemDurationMs: 100, poisonItems: { probability: 1 } },
      }),
    );
    // 1 + MaxAttempts attempts per child.
    expect(r.attempts.total).toBe(5 * 3);
    expect(r.attempts.retries).toBe(5 * 2);
    expect(r.attempts.failuresByError).toEqual({ ItemProcessingError: 15 });
    expect(r.itemCounts.failed).toBe(5);
    expect(r.wallTimeMs).toBe(3 * 100 + 2 * 1000);
  });
});

describe('tolerated failures', () => {
  /** Items that all fail at once with a function error: one child per item, in sequence. */
  const allFailing = (itemCount: number, tolerance: { toleratedFailureCount?: number; toleratedFailurePercentage?: number }) =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount },
        maxConcurrency: 1,
        ...tolerance,
        lambda: { perItemDurationMs: 100, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );

  it('fails the Map Run past 0 % with items still pending while the listing is read', () => {
    // Pages of 1,000 keys every second; one batch of 1,000 per page, one child at a time.
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 5000, pageLatencyMs: 1000 },
        itemBatcher: { maxItemsPerBatch: 1000 },
        maxConcurrency: 1,
        lambda: { invocationOverheadMs: 10, perItemDurationMs: 0, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.ExceedToleratedFailureThreshold');
    expect(r.wallTimeMs).toBe(1010);
    expect(r.itemCounts).toMatchObject({ total: 5000, failed: 1000, pending: 4000, succeeded: 0, aborted: 0 });
    expect(itemSum(r)).toBe(r.itemCounts.total);
    // One child started; the 4,000 items never started make 4 pending children, counted in the total as AWS does.
    expect(r.executionCounts).toMatchObject({ total: 5, pending: 4, failed: 1 });
    // The second page was being listed when the run failed; no more after it.
    expect(r.itemReader.listRequests).toBe(2);
  });

  it('tolerates ToleratedFailureCount failed items when only the count is set', () => {
    const r = allFailing(3, { toleratedFailureCount: 3 });
    expect(r.itemCounts.failed).toBe(3);
    expect(r.status).toBe('SUCCEEDED');
  });

  it('fails the Map Run at ToleratedFailureCount + 1 failed items', () => {
    const r = allFailing(4, { toleratedFailureCount: 3 });
    expect(r.status).toBe('FAILED');
    expect(r.error).toBe('States.ExceedToleratedFailureThreshold');
  });

  it('fails the Map Run when the count is exceeded even though the percentage is not', () => {
    const r = allFailing(4, { toleratedFailureCount: 3, toleratedFailurePercentage: 100 });
    expect(r.status).toBe('FAILED');
  });

  it('never fails the Map Run at ToleratedFailurePercentage 100', () => {
    const r = allFailing(50, { toleratedFailurePercentage: 100 });
    expect(r.itemCounts.failed).toBe(50);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.error).toBeUndefined();
  });

  /** Ten items failing one after another, 100 ms each, the first at 100 ms. */
  const failingInSequence = (lagMs: number) =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        maxConcurrency: 1,
        failureDetectionLagMs: lagMs,
        lambda: { perItemDurationMs: 100, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );

  it('keeps starting children for the detection lag after the threshold is crossed', () => {
    const lagged = failingInSequence(250);
    // Crossed at 100 ms, enforced at 350 ms: children started at 0, 100, 200, 300 ms;
    // the one started at 300 ms is aborted.
    expect(lagged.status).toBe('FAILED');
    expect(lagged.wallTimeMs).toBe(350);
    // Four started; the six never started are pending, and in the total.
    expect(lagged.executionCounts).toMatchObject({ total: 10, pending: 6, failed: 3, aborted: 1 });
    const started = (r: ReturnType<typeof failingInSequence>) => r.executionCounts.total - r.executionCounts.pending;
    expect(started(lagged)).toBeGreaterThan(started(failingInSequence(0)));
  });

  it('starts no child after the threshold is crossed when the detection lag is 0', () => {
    const r = failingInSequence(0);
    // Child 1 fails at 100 ms and the Map Run fails at that instant: no other child starts.
    expect(r.wallTimeMs).toBe(100);
    expect(r.executionCounts).toMatchObject({ total: 10, pending: 9, failed: 1, aborted: 0 });
    expect(r.usage.stepFunctions.parentTransitions).toBe(1 + 1);
  });

  it('counts every item of an inline input once: succeeded + failed + timedOut + aborted + pending = total', () => {
    const r = failingInSequence(250);
    // 3 failed, 1 aborted, the 6 never started are pending.
    expect(r.itemCounts).toMatchObject({ total: 10, failed: 3, aborted: 1, pending: 6 });
    expect(itemSum(r)).toBe(r.itemCounts.total);
  });

  // Three pages of 500 keys at 100, 200, 300 ms: a batch of 1,000 closes at 200 ms and
  // hits the 1 s function timeout at 1,200 ms; the last 500 form a batch at 300 ms that
  // runs exactly 1 s, to 1,300 ms.
  const failingWhileOneRuns = (executionType: 'STANDARD' | 'EXPRESS') =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 1500, pageSize: 500, pageLatencyMs: 100 },
        itemBatcher: { maxItemsPerBatch: 1000 },
        executionType,
        lambda: { timeoutSeconds: 1, perItemDurationMs: 2 },
      }),
    );

  it('aborts running Standard children when the Map Run fails', () => {
    const r = failingWhileOneRuns('STANDARD');
    expect(r.status).toBe('FAILED');
    expect(r.executionCounts).toMatchObject({ total: 2, failed: 1, aborted: 1, succeeded: 0 });
    expect(r.itemCounts).toMatchObject({ failed: 1000, aborted: 500, pending: 0 });
    expect(r.wallTimeMs).toBe(1200);
  });

  it('lets running Express children finish when the Map Run fails', () => {
    const r = failingWhileOneRuns('EXPRESS');
    expect(r.status).toBe('FAILED');
    expect(r.executionCounts).toMatchObject({ total: 2, failed: 1, aborted: 0, succeeded: 1 });
    expect(r.itemCounts).toMatchObject({ failed: 1000, succeeded: 500, aborted: 0, pending: 0 });
    expect(r.wallTimeMs).toBe(1300);
  });
});

describe('state transitions', () => {
  it('counts Standard child transitions: states before, the task, states after, and one per retry', () => {
    // 10 of the 20 children are throttled at t = 0 and retried once at 1 s.
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 20 },
        childWorkflow: { statesBeforeTask: 2, statesAfterTask: 3, retry: retryThrottles(5) },
        lambda: { accountConcurrency: 10, perItemDurationMs: 500 },
      }),
    );
    expect(r.attempts.retries).toBe(10);
    expect(r.usage.stepFunctions.childTransitions).toBe(20 * (2 + 1 + 3) + 10);
    expect(r.usage.stepFunctions.parentTransitions).toBe(1 + 20);
    expect(r.usage.stepFunctions.expressRequests).toBe(0);
  });

  it('counts one transition for the fallback state of a caught error', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        childWorkflow: {
          statesBeforeTask: 1,
          statesAfterTask: 2,
          retry: [{ errorEquals: ['MyError'], intervalSeconds: 1, maxAttempts: 2 }],
          catch: [{ errorEquals: ['MyError'], outcome: 'SUCCEEDED' }],
        },
        lambda: { perItemDurationMs: 100, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );
    // Per child: 1 state + the task, 2 retries, the fallback state; the states after the task are skipped.
    expect(r.attempts).toMatchObject({ retries: 20, caught: 10 });
    expect(r.usage.stepFunctions.childTransitions).toBe(10 * (1 + 1 + 2 + 1));
    expect(r.executionCounts.succeeded).toBe(10);
  });

  it('counts no child transitions for Express children, but one request each', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 20 },
        executionType: 'EXPRESS',
        childWorkflow: { statesBeforeTask: 2, statesAfterTask: 3 },
        lambda: { perItemDurationMs: 500 },
      }),
    );
    expect(r.usage.stepFunctions.childTransitions).toBe(0);
    expect(r.usage.stepFunctions.expressRequests).toBe(20);
    expect(r.usage.stepFunctions.parentTransitions).toBe(1 + 20);
  });

  it('delays Standard children by the state-transition token bucket, and not Express ones', () => {
    const run = (executionType: 'STANDARD' | 'EXPRESS') =>
      simulateMapRun(
        frictionless({
          itemReader: { source: 'inline', itemCount: 100 },
          executionType,
          stateTransitions: { bucketSize: 10, refillPerSecond: 10 },
          lambda: { perItemDurationMs: 0 },
        }),
      );
    const standard = run('STANDARD');
    // 100 transitions (one task state each): 10 from the bucket, 90 at 10 per s.
    expect(standard.usage.stepFunctions.childTransitions).toBe(100);
    expect(standard.wallTimeMs).toBeCloseTo(((100 - 10) / 10) * 1000, 6);
    expect(run('EXPRESS').wallTimeMs).toBe(0);
  });
});

describe('child start rate', () => {
  it('starts the last of N instant children at (N − bucketSize) / refillPerSecond', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 30 },
        childStarts: { bucketSize: 10, refillPerSecond: 5 },
        lambda: { perItemDurationMs: 0 },
      }),
    );
    expect(r.wallTimeMs).toBeCloseTo(((30 - 10) / 5) * 1000, 6);
    expect(r.executionCounts.succeeded).toBe(30);
  });
});

describe('S3 ListObjectsV2 reader', () => {
  const listing = (listBeforeProcessing: boolean) =>
    simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 2500, pageLatencyMs: 100, listBeforeProcessing },
        itemBatcher: { maxItemsPerBatch: 500 },
        maxConcurrency: 1,
        lambda: { perItemDurationMs: 1 },
      }),
    );

  it('starts children as pages arrive by default', () => {
    // Pages at 100, 200, 300 ms; five batches of 500 ms one after another from 100 ms.
    const r = listing(false);
    expect(r.itemReader.readCompleteMs).toBe(300);
    expect(r.wallTimeMs).toBe(100 + 5 * 500);
  });

  it('delays the first child until every page is read with listBeforeProcessing', () => {
    const r = listing(true);
    expect(r.itemReader.readCompleteMs).toBe(300);
    expect(r.wallTimeMs).toBe(300 + 5 * 500);
  });

  it('fills every page with pageSize keys, the last page with the rest', () => {
    // ListObjectsV2 returns 1,000 keys, then 500: the batch of 1,000 starts at 100 ms and
    // runs 1 s; the batch of 500 starts at 200 ms and runs 0.5 s.
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 1500, pageLatencyMs: 100 },
        itemBatcher: { maxItemsPerBatch: 1000 },
        lambda: { perItemDurationMs: 1 },
      }),
    );
    expect(r.itemReader.listRequests).toBe(2);
    expect(r.executionCounts.total).toBe(2);
    expect(r.wallTimeMs).toBe(1100);
  });

  it('caps items and LIST calls at MaxItems', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 10_000, maxItems: 2500, pageLatencyMs: 100 },
        lambda: { perItemDurationMs: 1 },
      }),
    );
    expect(r.itemCounts.total).toBe(2500);
    expect(r.itemCounts.succeeded).toBe(2500);
    expect(r.itemReader.listRequests).toBe(3);
    expect(r.usage.s3.listRequests).toBe(3);
  });
});

describe('S3 file reader', () => {
  // 1,000 records of 1,000 bytes: a 1 MB file.
  const file = (inputType: 'CSV' | 'JSON' | 'MANIFEST', getRequestBytes: number) =>
    simulateMapRun(
      frictionless({
        itemReader: {
          source: 's3Object',
          inputType,
          itemCount: 1000,
          itemSizeBytes: 1000,
          firstByteLatencyMs: 10,
          readThroughputBytesPerSecond: 10_000_000,
          getRequestBytes,
        },
        maxConcurrency: 1,
        lambda: { perItemDurationMs: 1 },
      }),
    );

  it('holds every item of a JSON file until the whole file is read', () => {
    // 10 GETs of 100 kB, 10 ms to first byte + 10 ms of transfer each.
    const r = file('JSON', 100_000);
    expect(r.itemReader.getRequests).toBe(10);
    expect(r.itemReader.readCompleteMs).toBeCloseTo(200, 9);
    expect(r.wallTimeMs).toBeCloseTo(200 + 1000, 9);
  });

  it('streams a CSV file: children start after the first GET', () => {
    const r = file('CSV', 100_000);
    expect(r.itemReader.readCompleteMs).toBeCloseTo(200, 9);
    expect(r.wallTimeMs).toBeCloseTo(20 + 1000, 9);
  });

  it('makes ceil(file bytes / getRequestBytes) GETs', () => {
    const r = file('CSV', 300_000);
    expect(r.itemReader.getRequests).toBe(4);
    expect(r.usage.s3.getRequests).toBe(4);
    // 3 GETs of 300 kB (10 + 30 ms) and one of 100 kB (10 + 10 ms).
    expect(r.itemReader.readCompleteMs).toBeCloseTo(3 * 40 + 20, 9);
  });

  it('adds one GET for the manifest', () => {
    const r = file('MANIFEST', 300_000);
    expect(r.itemReader.getRequests).toBe(5);
    expect(r.usage.s3.getRequests).toBe(5);
    expect(r.itemReader.readCompleteMs).toBeCloseTo(10 + 3 * 40 + 20, 9);
  });
});

describe('ResultWriter', () => {
  it('writes one file per status present plus the manifest, after the last child', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        childWorkflow: { outputBytes: 100 },
        resultWriter: { putLatencyMs: 0, writeThroughputBytesPerSecond: 1_000_000 },
        lambda: { perItemDurationMs: 100 },
      }),
    );
    // Records of 200 (item) + 100 (output) + 700 (metadata) bytes: 10 kB at 1 MB/s.
    expect(r.resultWriter).toBeDefined();
    expect(r.resultWriter?.bytes).toBe(10 * 1000);
    expect(r.resultWriter?.writeMs).toBeCloseTo(10, 9);
    expect(r.usage.s3.putRequests).toBe(1 + 1); // SUCCEEDED_0.json, manifest.json
    expect(r.childrenCompleteMs).toBe(100);
    expect(r.wallTimeMs).toBeCloseTo(110, 9);
    expect(r.wallTimeMs).toBeGreaterThan(r.childrenCompleteMs);
  });

  it('reports every item and every execution as written once the results are written', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        resultWriter: { putLatencyMs: 0 },
        lambda: { perItemDurationMs: 100 },
      }),
    );
    expect(r.executionCounts.resultsWritten).toBe(10);
    expect(r.itemCounts.resultsWritten).toBe(10);
  });

  it('writes FAILED and PENDING files for a failed Map Run', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 's3ListObjectsV2', objectCount: 5000, pageLatencyMs: 1000 },
        itemBatcher: { maxItemsPerBatch: 1000 },
        maxConcurrency: 1,
        resultWriter: { putLatencyMs: 0 },
        lambda: { perItemDurationMs: 0, invocationOverheadMs: 10, errors: [{ error: 'MyError', probability: 1 }] },
      }),
    );
    expect(r.status).toBe('FAILED');
    expect(r.usage.s3.putRequests).toBe(1 + 1 + 1); // FAILED_0.json, PENDING_0.json, manifest.json
  });

  it('rolls a status over into another file past 5 GB', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 60 },
        childWorkflow: { outputBytes: 100_000_000 },
        resultWriter: { putLatencyMs: 0, writeThroughputBytesPerSecond: 1_000_000_000 },
        lambda: { perItemDurationMs: 100 },
      }),
    );
    const bytes = 60 * (200 + 100_000_000 + 700); // 6,000,054,000 bytes of SUCCEEDED records
    expect(r.resultWriter?.bytes).toBe(bytes);
    expect(r.resultWriter?.files).toBe(2);
    // Two multipart uploads (create, parts of 8 MiB, complete) and the manifest.
    const parts = (fileBytes: number) => 2 + Math.ceil(fileBytes / (8 * 1024 * 1024));
    const puts = parts(RESULT_FILE_MAX_BYTES) + parts(bytes - RESULT_FILE_MAX_BYTES) + 1;
    expect(r.usage.s3.putRequests).toBe(puts);
    expect(r.resultWriter?.putRequests).toBe(puts);
    expect(r.resultWriter?.writeMs).toBeCloseTo((bytes / 1e9) * 1000, 6);
    expect(r.wallTimeMs).toBeCloseTo(r.childrenCompleteMs + (bytes / 1e9) * 1000, 6);
  });

  it('fails with States.DataLimitExceeded when inline outputs pass 256 KiB without a ResultWriter', () => {
    const run = (outputBytes: number) =>
      simulateMapRun(
        frictionless({
          itemReader: { source: 'inline', itemCount: 2 },
          childWorkflow: { outputBytes },
          lambda: { perItemDurationMs: 100 },
        }),
      );
    const over = run(140_000);
    expect(over.inlineResultBytes).toBe(280_000);
    expect(over.status).toBe('FAILED');
    expect(over.error).toBe('States.DataLimitExceeded');
    const under = run(100_000);
    expect(under.status).toBe('SUCCEEDED');
    expect(under.error).toBeUndefined();
  });
});

describe('billing', () => {
  it('rounds each Lambda invocation up to 1 ms and derives GB-seconds from memory', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        lambda: { memoryMb: 2048, perItemDurationMs: 1.2 },
      }),
    );
    expect(r.usage.lambda?.requests).toBe(10);
    expect(r.usage.lambda?.billedDurationMs).toBe(20);
    expect(r.usage.lambda?.gbSeconds).toBeCloseTo((20 / 1000) * (2048 / 1024), 12);
  });

  it('rounds each Express child up to 100 ms and bills its memory in GB', () => {
    const r = simulateMapRun(
      frictionless({
        itemReader: { source: 'inline', itemCount: 10 },
        executionType: 'EXPRESS',
        childWorkflow: { expressBilledMemoryMb: 128 },
        lambda: { perItemDurationMs: 1.2 },
      }),
    );
    expect(r.usage.stepFunctions.expressRequests).toBe(10);
    expect(r.usage.stepFunctions.expressBilledDurationMs).toBe(10 * 100);
    expect(r.usage.stepFunctions.expressBilledMemoryMb).toBe(128);
    expect(r.usage.stepFunctions.expressGbSeconds).toBeCloseTo((1000 / 1000) * (128 / 1024), 12);
  });
});
