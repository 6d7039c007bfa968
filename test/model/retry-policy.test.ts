import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CatchPolicy, errorMatches, RETRY_PRESETS, RetryPolicy, type Retrier } from '../../src/model/retry-policy.js';
import { createRng, type Rng } from '../../src/random/index.js';

const noRandom: Rng = () => {
  throw new Error('this retrier must not draw a random number');
};

function retrier(overrides: Partial<Retrier> = {}): Retrier {
  return { errorEquals: ['E'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2, jitterStrategy: 'NONE', ...overrides };
}

/** Every delay one execution (slot 0) would see for `error` until it is no longer retried. */
function delaysUntilExhausted(policy: RetryPolicy, error: string, rng: Rng = noRandom): number[] {
  const counters = policy.createCounters(1);
  const delaysMs: number[] = [];
  for (let d = policy.nextRetryDelayMs(error, counters, 0, rng); d >= 0; d = policy.nextRetryDelayMs(error, counters, 0, rng)) {
    delaysMs.push(d);
    if (delaysMs.length > 1000) throw new Error('runaway retries');
  }
  return delaysMs;
}

describe('errorMatches', () => {
  it('matches error names exactly and case-sensitively', () => {
    expect(errorMatches(['Lambda.ServiceException'], 'Lambda.ServiceException')).toBe(true);
    expect(errorMatches(['Lambda.ServiceException'], 'lambda.serviceexception')).toBe(false);
    expect(errorMatches(['Lambda.ServiceException'], 'Lambda.Unknown')).toBe(false);
    expect(errorMatches(['A', 'B'], 'B')).toBe(true);
  });

  it('States.ALL matches every error, States.Timeout included', () => {
    for (const error of ['Lambda.Unknown', 'States.Timeout', 'States.TaskFailed', 'Custom']) {
      expect(errorMatches(['States.ALL'], error), error).toBe(true);
    }
  });

  it('States.TaskFailed matches every error except States.Timeout', () => {
    for (const error of ['Lambda.Unknown', 'Lambda.TooManyRequestsException', 'States.TaskFailed', 'States.HeartbeatTimeout']) {
      expect(errorMatches(['States.TaskFailed'], error), error).toBe(true);
    }
    expect(errorMatches(['States.TaskFailed'], 'States.Timeout')).toBe(false);
    expect(errorMatches(['States.TaskFailed', 'States.Timeout'], 'States.Timeout')).toBe(true);
  });
});

describe('RetryPolicy delays', () => {
  it('waits 2, 4, 8, 16, 32, 64 s for 2 s / ×2 / 6 attempts, then stops', () => {
    const policy = new RetryPolicy([retrier({ intervalSeconds: 2, backoffRate: 2, maxAttempts: 6 })]);
    expect(delaysUntilExhausted(policy, 'E')).toEqual([2000, 4000, 8000, 16000, 32000, 64000]);
  });

  it('keeps returning -1 once exhausted', () => {
    const policy = new RetryPolicy([retrier({ maxAttempts: 1 })]);
    const counters = policy.createCounters(1);
    expect(policy.nextRetryDelayMs('E', counters, 0, noRandom)).toBe(1000);
    expect(policy.nextRetryDelayMs('E', counters, 0, noRandom)).toBe(-1);
    expect(policy.nextRetryDelayMs('E', counters, 0, noRandom)).toBe(-1);
  });

  it('handles a fractional BackoffRate (AWS example: 3 s × 1.5 waits 3 then 4.5 s)', () => {
    const policy = new RetryPolicy([retrier({ intervalSeconds: 3, backoffRate: 1.5, maxAttempts: 2 })]);
    expect(delaysUntilExhausted(policy, 'E')).toEqual([3000, 4500]);
  });

  it('caps each wait at MaxDelaySeconds', () => {
    const policy = new RetryPolicy([retrier({ intervalSeconds: 2, maxAttempts: 6, maxDelaySeconds: 10 })]);
    expect(delaysUntilExhausted(policy, 'E')).toEqual([2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it('never retries with MaxAttempts 0', () => {
    const policy = new RetryPolicy([retrier({ maxAttempts: 0 })]);
    expect(delaysUntilExhausted(policy, 'E')).toEqual([]);
  });

  it('does not retry an error no retrier matches, nor with no retriers at all', () => {
    expect(delaysUntilExhausted(new RetryPolicy([retrier()]), 'Other')).toEqual([]);
    const none = new RetryPolicy(RETRY_PRESETS.none);
    expect(none.retrierCount).toBe(0);
    expect(none.createCounters(5)).toHaveLength(0);
    expect(delaysUntilExhausted(none, 'E')).toEqual([]);
  });
});

describe('RetryPolicy retrier selection and counters', () => {
  it('applies only the first matching retrier, even once it is exhausted', () => {
    const policy = new RetryPolicy([
      retrier({ errorEquals: ['States.Timeout'], maxAttempts: 0 }),
      retrier({ errorEquals: ['Lambda.Unknown'], maxAttempts: 2 }),
      retrier({ errorEquals: ['States.ALL'], intervalSeconds: 7, maxAttempts: 5 }),
    ]);
    expect(delaysUntilExhausted(policy, 'States.Timeout')).toEqual([]);
    expect(delaysUntilExhausted(policy, 'Lambda.Unknown')).toEqual([1000, 2000]);
    expect(delaysUntilExhausted(policy, 'Anything.Else')).toEqual([7000, 14000, 28000, 56000, 112000]);
  });

  it('counts each retrier separately within one execution (the AWS ErrorA/B/C example)', () => {
    // https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html, "Complex retry scenarios"
    const policy = new RetryPolicy([
      retrier({ errorEquals: ['ErrorA', 'ErrorB'], intervalSeconds: 1, backoffRate: 2, maxAttempts: 2 }),
      retrier({ errorEquals: ['ErrorC'], intervalSeconds: 5 }),
    ]);
    const counters = policy.createCounters(1);
    const waits = ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB', 'ErrorB'].map((e) => policy.nextRetryDelayMs(e, counters, 0, noRandom));
    // ErrorA and ErrorB share the first retrier: its two retries are spent on A then B.
    expect(waits).toEqual([1000, 2000, 5000, -1, -1]);
  });

  it('keeps separate counters per slot, and resetCounters clears one slot only', () => {
    const policy = new RetryPolicy([retrier({ errorEquals: ['A'], maxAttempts: 2 }), retrier({ errorEquals: ['B'], maxAttempts: 2 })]);
    const counters = policy.createCounters(3);
    expect(counters).toHaveLength(6);
    expect(policy.nextRetryDelayMs('A', counters, 1, noRandom)).toBe(1000);
    expect(policy.nextRetryDelayMs('A', counters, 1, noRandom)).toBe(2000);
    expect(policy.nextRetryDelayMs('A', counters, 1, noRandom)).toBe(-1);
    expect(policy.nextRetryDelayMs('B', counters, 1, noRandom)).toBe(1000);
    expect(policy.nextRetryDelayMs('A', counters, 0, noRandom)).toBe(1000);
    expect(policy.nextRetryDelayMs('A', counters, 2, noRandom)).toBe(1000);
    expect([...counters]).toEqual([1, 0, 2, 1, 1, 0]);

    policy.resetCounters(counters, 1);
    expect([...counters]).toEqual([1, 0, 0, 0, 1, 0]);
    expect(policy.nextRetryDelayMs('A', counters, 1, noRandom)).toBe(1000);
  });

  it('gives the same answer for an error name before and after it is cached', () => {
    const policy = new RetryPolicy([retrier({ errorEquals: ['States.TaskFailed'] }), retrier({ errorEquals: ['States.ALL'], intervalSeconds: 9 })]);
    const counters = policy.createCounters(2);
    expect(policy.nextRetryDelayMs('States.Timeout', counters, 0, noRandom)).toBe(9000);
    expect(policy.nextRetryDelayMs('States.Timeout', counters, 1, noRandom)).toBe(9000);
    expect(policy.nextRetryDelayMs('Lambda.Unknown', counters, 0, noRandom)).toBe(1000);
  });

  it('is not changed by later edits to the retriers it was built from', () => {
    const retriers = [retrier({ errorEquals: ['A'] })];
    const policy = new RetryPolicy(retriers);
    (retriers[0] as Retrier).errorEquals.push('B');
    (retriers[0] as Retrier).intervalSeconds = 50;
    expect(delaysUntilExhausted(policy, 'B')).toEqual([]);
    expect(delaysUntilExhausted(policy, 'A')).toEqual([1000, 2000, 4000]);
  });

  it('rejects retriers that would make delays meaningless', () => {
    expect(() => new RetryPolicy([retrier({ maxAttempts: -1 })])).toThrow(RangeError);
    expect(() => new RetryPolicy([retrier({ maxAttempts: 1.5 })])).toThrow(/maxAttempts/);
    expect(() => new RetryPolicy([retrier({ backoffRate: 0.5 })])).toThrow(/backoffRate/);
    expect(() => new RetryPolicy([retrier({ intervalSeconds: Number.NaN })])).toThrow(/intervalSeconds/);
    expect(() => new RetryPolicy([retrier({ errorEquals: [] })])).toThrow(/errorEquals/);
  });
});

describe('RetryPolicy jitter', () => {
  it('NONE draws no random number', () => {
    let draws = 0;
    const counting: Rng = () => {
      draws++;
      return 0.5;
    };
    const policy = new RetryPolicy([retrier({ maxAttempts: 4, jitterStrategy: 'NONE' })]);
    expect(delaysUntilExhausted(policy, 'E', counting)).toEqual([1000, 2000, 4000, 8000]);
    expect(draws).toBe(0);
  });

  it('FULL draws exactly one number per retry and scales the backoff by it', () => {
    let draws = 0;
    const counting: Rng = () => {
      draws++;
      return 0.25;
    };
    const policy = new RetryPolicy([retrier({ intervalSeconds: 2, maxAttempts: 3, jitterStrategy: 'FULL' })]);
    expect(delaysUntilExhausted(policy, 'E', counting)).toEqual([500, 1000, 2000]);
    expect(draws).toBe(3);
  });

  it('FULL keeps every delay within [0, computed backoff]', () => {
    const retrierArb = fc.record({
      intervalSeconds: fc.integer({ min: 1, max: 3600 }),
      maxAttempts: fc.integer({ min: 0, max: 12 }),
      backoffRate: fc.double({ min: 1, max: 10, noNaN: true }),
      maxDelaySeconds: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(retrierArb, fc.string(), (r, seed) => {
        const full = new RetryPolicy([retrier({ ...r, jitterStrategy: 'FULL' })]);
        const exact = new RetryPolicy([retrier({ ...r, jitterStrategy: 'NONE' })]);
        const jittered = delaysUntilExhausted(full, 'E', createRng(seed));
        const backoffs = delaysUntilExhausted(exact, 'E');
        expect(jittered).toHaveLength(r.maxAttempts);
        jittered.forEach((delayMs, k) => {
          const backoffMs = Math.min(r.intervalSeconds * 1000 * r.backoffRate ** k, (r.maxDelaySeconds ?? Infinity) * 1000);
          expect(backoffs[k]).toBeCloseTo(backoffMs, 6);
          expect(delayMs).toBeGreaterThanOrEqual(0);
          expect(delayMs).toBeLessThanOrEqual(backoffs[k] as number);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('FULL delays average about half the backoff', () => {
    const policy = new RetryPolicy([retrier({ intervalSeconds: 4, maxAttempts: 1, jitterStrategy: 'FULL' })]);
    const rng = createRng('full-jitter-mean');
    const n = 20_000;
    const counters = policy.createCounters(n);
    let sumMs = 0;
    for (let slot = 0; slot < n; slot++) sumMs += policy.nextRetryDelayMs('E', counters, slot, rng);
    // Uniform[0, 4000] ms: mean 2000, sd 1155; the mean of 20,000 has sd about 8 ms.
    expect(Math.abs(sumMs / n - 2000)).toBeLessThan(40);
  });
});

describe('CatchPolicy', () => {
  it('returns the outcome of the first matching catcher', () => {
    const policy = new CatchPolicy([
      { errorEquals: ['States.Timeout'], outcome: 'SUCCEEDED' },
      { errorEquals: ['States.TaskFailed'], outcome: 'FAILED' },
    ]);
    expect(policy.outcomeFor('States.Timeout')).toBe('SUCCEEDED');
    expect(policy.outcomeFor('Lambda.Unknown')).toBe('FAILED');
    expect(policy.outcomeFor('Lambda.Unknown')).toBe('FAILED');
  });

  it('leaves an error uncaught when no catcher matches', () => {
    const policy = new CatchPolicy([{ errorEquals: ['States.TaskFailed'], outcome: 'SUCCEEDED' }]);
    expect(policy.outcomeFor('States.Timeout')).toBeUndefined();
    expect(new CatchPolicy([]).outcomeFor('Lambda.Unknown')).toBeUndefined();
  });

  it('States.ALL as the last catcher catches whatever the others do not', () => {
    const policy = new CatchPolicy([
      { errorEquals: ['Lambda.Unknown'], outcome: 'FAILED' },
      { errorEquals: ['States.ALL'], outcome: 'SUCCEEDED' },
    ]);
    expect(policy.outcomeFor('Lambda.Unknown')).toBe('FAILED');
    expect(policy.outcomeFor('States.Timeout')).toBe('SUCCEEDED');
  });
});

describe('RETRY_PRESETS', () => {
  it('give the documented schedules', () => {
    const best = new RetryPolicy(RETRY_PRESETS['aws-best-practice']);
    expect(delaysUntilExhausted(best, 'Lambda.ServiceException')).toEqual([2000, 4000, 8000, 16000, 32000, 64000]);
    expect(delaysUntilExhausted(best, 'Lambda.TooManyRequestsException')).toEqual([]);
    expect(delaysUntilExhausted(best, 'Lambda.Unknown')).toEqual([]);

    const cdk = new RetryPolicy(RETRY_PRESETS['cdk-default']);
    expect(delaysUntilExhausted(cdk, 'Lambda.ClientExecutionTimeoutException')).toHaveLength(6);
    expect(delaysUntilExhausted(cdk, 'Lambda.TooManyRequestsException')).toEqual([]);

    const noaa = new RetryPolicy(RETRY_PRESETS['noaa-demo-2022']);
    expect(delaysUntilExhausted(noaa, 'Lambda.TooManyRequestsException')).toEqual([2000, 4000, 8000, 16000, 32000, 64000]);

    const workflowStudio = new RetryPolicy(RETRY_PRESETS['console-default']);
    expect(delaysUntilExhausted(workflowStudio, 'Lambda.TooManyRequestsException', () => 0.5)).toEqual([500, 1000, 2000]);
    expect(delaysUntilExhausted(workflowStudio, 'Lambda.ClientExecutionTimeoutException')).toEqual([]);
  });

  it('are frozen, so no caller can change them for everyone', () => {
    expect(() => RETRY_PRESETS['aws-best-practice'].push(retrier())).toThrow(TypeError);
    expect(() => {
      (RETRY_PRESETS['aws-best-practice'][0] as Retrier).maxAttempts = 99;
    }).toThrow(TypeError);
  });
});
