/**
 * Amazon States Language Retry and Catch for the Task state of a child execution: which
 * errors are retried, how long each retry waits, and where an unretried error ends up.
 *
 * The simulator holds up to 10,000 child executions at once in slot arrays, and every
 * failed attempt asks the policy for a delay, so the hot path (`nextRetryDelayMs`,
 * `outcomeFor`) allocates nothing: per-execution state is one Int32Array row per slot,
 * and the retrier that matches an error name is looked up once and cached.
 *
 * Matching rules, verified against AWS's error-handling page
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html :
 * - retriers (and catchers) are scanned in order and the first whose ErrorEquals holds
 *   the error applies; each retrier counts its own attempts within one execution;
 * - `States.ALL` matches any error name;
 * - `States.TaskFailed` "acts as a wildcard that matches any known error name except for
 *   States.Timeout" when used in a Retry or Catch.
 */
import type { Rng } from '../random/rng.js';

/**
 * The longest wait before a retry: 10^18 ms, some 30 million years, as good as never. Only
 * a BackoffRate raised to thousands of retries gets there; without a cap it would be
 * Infinity, and the simulated clock with it.
 */
export const MAX_RETRY_WAIT_MS = 1e18;

/** One element of a Task state's `Retry` array (ASL field names in camelCase). */
export interface Retrier {
  errorEquals: string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds?: number;
  jitterStrategy: 'FULL' | 'NONE';
}

/**
 * One element of a Task state's `Catch` array. Instead of `Next`, the outcome of the
 * fallback state: a Pass/Succeed state ends the child execution in success, a Fail
 * state in failure. That is all the Map Run's failure accounting needs to know.
 */
export interface Catcher {
  errorEquals: string[];
  outcome: 'SUCCEEDED' | 'FAILED';
}

export const STATES_ALL = 'States.ALL';
export const STATES_TASK_FAILED = 'States.TaskFailed';
export const STATES_TIMEOUT = 'States.Timeout';

/** Whether an ErrorEquals list covers `error` (see the module header for the rules). */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  for (const name of errorEquals) {
    if (name === error || name === STATES_ALL) return true;
    if (name === STATES_TASK_FAILED && error !== STATES_TIMEOUT) return true;
  }
  return false;
}

/** Index of the first entry whose ErrorEquals covers `error`, or -1. */
function firstMatch(entries: readonly { errorEquals: readonly string[] }[], error: string): number {
  for (let i = 0; i < entries.length; i++) {
    if (errorMatches((entries[i] as { errorEquals: readonly string[] }).errorEquals, error)) return i;
  }
  return -1;
}

/**
 * A Retry array, compiled. Attempt counters live outside the policy, in an Int32Array
 * of `slots × retrierCount` made by `createCounters`, so one policy serves every
 * execution of a Map Run and a slot is recycled with `resetCounters`.
 */
export class RetryPolicy {
  readonly retrierCount: number;
  private readonly retriers: readonly Retrier[];
  // Parameters unpacked into typed arrays so the hot path reads no objects.
  private readonly intervalMs: Float64Array;
  private readonly backoffRate: Float64Array;
  private readonly maxDelayMs: Float64Array;
  private readonly maxAttempts: Int32Array;
  private readonly fullJitter: Uint8Array;
  /** Error name → index of the retrier that handles it, or -1. Error names are few. */
  private readonly retrierByError = new Map<string, number>();

  constructor(retriers: readonly Retrier[]) {
    const count = retriers.length;
    this.retrierCount = count;
    this.retriers = retriers.map((r) => ({ ...r, errorEquals: [...r.errorEquals] }));
    this.intervalMs = new Float64Array(count);
    this.backoffRate = new Float64Array(count);
    this.maxDelayMs = new Float64Array(count);
    this.maxAttempts = new Int32Array(count);
    this.fullJitter = new Uint8Array(count);
    retriers.forEach((r, i) => {
      checkRetrier(r, i);
      this.intervalMs[i] = r.intervalSeconds * 1000;
      this.backoffRate[i] = r.backoffRate;
      this.maxDelayMs[i] = r.maxDelaySeconds === undefined ? Infinity : r.maxDelaySeconds * 1000;
      this.maxAttempts[i] = r.maxAttempts;
      this.fullJitter[i] = r.jitterStrategy === 'FULL' ? 1 : 0;
    });
  }

  /** Zeroed attempt counters for `slots` executions (row `slot`, one column per retrier). */
  createCounters(slots: number): Int32Array {
    return new Int32Array(slots * this.retrierCount);
  }

  /** Forget the attempts of the execution that held `slot`, for the next one to use it. */
  resetCounters(counters: Int32Array, slot: number): void {
    const start = slot * this.retrierCount;
    counters.fill(0, start, start + this.retrierCount);
  }

  /**
   * The wait before retrying after `error`, in ms, counting the attempt against the
   * retrier that handles it; -1 when the error is not retried (no retrier matches, or
   * the first one that matches has used its MaxAttempts: later retriers are not tried).
   * Draws one number from `rng` only for a FULL-jitter retrier.
   */
  nextRetryDelayMs(error: string, counters: Int32Array, slot: number, rng: Rng): number {
    return this.nextRetryDelayMsAt(error, counters, slot * this.retrierCount, rng);
  }

  /** As nextRetryDelayMs, with the execution's counters starting at `base` of `counters`. */
  nextRetryDelayMsAt(error: string, counters: Int32Array, base: number, rng: Rng): number {
    let index = this.retrierByError.get(error);
    if (index === undefined) {
      index = firstMatch(this.retriers, error);
      this.retrierByError.set(error, index);
    }
    if (index < 0) return -1;
    const at = base + index;
    const retriesDone = counters[at] as number;
    if (retriesDone >= (this.maxAttempts[index] as number)) return -1;
    counters[at] = retriesDone + 1;
    // Retry k (1-based) waits IntervalSeconds × BackoffRate^(k−1), capped by MaxDelaySeconds.
    // BackoffRate^k overflows to Infinity after enough retries: MAX_RETRY_WAIT_MS keeps it a time.
    const backoffMs = Math.min(
      (this.intervalMs[index] as number) * (this.backoffRate[index] as number) ** retriesDone,
      this.maxDelayMs[index] as number,
      MAX_RETRY_WAIT_MS,
    );
    return this.fullJitter[index] === 1 ? backoffMs * rng() : backoffMs;
  }
}

/** A Catch array, compiled: what becomes of a child execution whose error is not retried. */
export class CatchPolicy {
  private readonly catchers: readonly Catcher[];
  /** Error name → index of the catcher that handles it, or -1. */
  private readonly catcherByError = new Map<string, number>();

  constructor(catchers: readonly { errorEquals: readonly string[]; outcome?: Catcher['outcome'] }[]) {
    this.catchers = catchers.map((c) => ({ outcome: 'FAILED', ...c, errorEquals: [...c.errorEquals] }));
  }

  /** The outcome of the first catcher that matches; undefined: not caught, the child fails with `error`. */
  outcomeFor(error: string): 'SUCCEEDED' | 'FAILED' | undefined {
    const index = this.indexFor(error);
    return index < 0 ? undefined : (this.catchers[index] as Catcher).outcome;
  }

  /** Index of the first catcher that matches `error`, or -1. */
  indexFor(error: string): number {
    let index = this.catcherByError.get(error);
    if (index === undefined) {
      index = firstMatch(this.catchers, error);
      this.catcherByError.set(error, index);
    }
    return index;
  }
}

/**
 * The schema enforces the ASL ranges for scenario files; this guards callers that build
 * retriers in code from values that would make the delays meaningless (NaN, negative).
 */
function checkRetrier(r: Retrier, index: number): void {
  const fail = (problem: string): never => {
    throw new RangeError(`RetryPolicy: retrier ${index}: ${problem}`);
  };
  if (r.errorEquals.length === 0) fail('errorEquals must not be empty');
  if (!Number.isInteger(r.maxAttempts) || r.maxAttempts < 0 || r.maxAttempts > 0x7fffffff) {
    fail(`maxAttempts must be a non-negative integer, got ${r.maxAttempts}`);
  }
  if (!(Number.isFinite(r.intervalSeconds) && r.intervalSeconds >= 0)) {
    fail(`intervalSeconds must be finite and non-negative, got ${r.intervalSeconds}`);
  }
  if (!(Number.isFinite(r.backoffRate) && r.backoffRate >= 1)) {
    fail(`backoffRate must be finite and at least 1, got ${r.backoffRate}`);
  }
  if (r.maxDelaySeconds !== undefined && !(r.maxDelaySeconds > 0)) {
    fail(`maxDelaySeconds must be positive, got ${r.maxDelaySeconds}`);
  }
}

/** Preset names a scenario may give instead of a Retry array. */
export const RETRY_PRESET_NAMES = ['none', 'aws-best-practice', 'console-default', 'cdk-default', 'noaa-demo-2022'] as const;
export type RetryPresetName = (typeof RETRY_PRESET_NAMES)[number];

const lambdaRetrier = (errorEquals: string[], intervalSeconds: number, maxAttempts: number, jitter: 'FULL' | 'NONE'): Retrier => ({
  errorEquals,
  intervalSeconds,
  maxAttempts,
  backoffRate: 2,
  jitterStrategy: jitter,
});

/**
 * Retry arrays people actually deploy on a Lambda Invoke task
 * (../shared/reference/distributed-map.md §9). Frozen because they are shared: take a
 * copy to change one. None of them retries `Lambda.Unknown` (function error, timeout or
 * out of memory), and only the console defaults retry throttling
 * (`Lambda.TooManyRequestsException`).
 */
export const RETRY_PRESETS: Record<RetryPresetName, Retrier[]> = deepFreeze({
  none: [],
  // AWS best practice [H]: https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
  'aws-best-practice': [
    lambdaRetrier(
      ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
      2,
      6,
      'NONE',
    ),
  ],
  // Console / Workflow Studio default for a new Lambda Invoke state [M]: seen in many
  // public state machine definitions, not documented by AWS.
  'console-default': [
    lambdaRetrier(
      ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
      1,
      3,
      'FULL',
    ),
  ],
  // CDK LambdaInvoke, retryOnServiceExceptions: true (the default) [H]:
  // https://github.com/aws/aws-cdk/pull/26474 and CDK test snapshots.
  'cdk-default': [
    lambdaRetrier(
      ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
      2,
      6,
      'NONE',
    ),
  ],
  // The older console default, as in AWS's 2022 NOAA Distributed Map sample [M].
  'noaa-demo-2022': [
    lambdaRetrier(
      ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
      2,
      6,
      'NONE',
    ),
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
