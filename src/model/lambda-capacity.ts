/**
 * How many execution environments a function may have at a given moment, under the
 * current scaling rule or the legacy burst rule, and the pool of environments it has:
 * a free warm one is reused; otherwise a new one is created (a cold start) if the
 * concurrency limit and the scaling allowance permit; otherwise the invocation is
 * throttled (429, `Lambda.TooManyRequestsException`).
 *
 * Environments are kept for the whole run: Lambda reclaims idle ones only after minutes
 * of idleness, longer than the gaps inside a Map Run (see docs/model.md).
 */
import {
  LAMBDA_LEGACY_INCREMENT_PER_MINUTE,
  LAMBDA_SCALING_ENVIRONMENTS,
  LAMBDA_SCALING_WINDOW_MS,
  legacyBurst,
} from '../aws/quotas.js';

const ALLOWANCE_EPSILON = 1e-9;

export const Acquire = { Warm: 0, Cold: 1, Throttled: 2 } as const;
export type Acquire = (typeof Acquire)[keyof typeof Acquire];

/**
 * Concurrency that functions draw on: a function's reserved concurrency (its own pool), or
 * the account's unreserved concurrency (one pool shared by every function without).
 */
export class ConcurrencyPool {
  busy = 0;
  constructor(readonly limit: number) {}
}

/** Busy and existing environments over every function of the account, kept as they change. */
export class AccountEnvironments {
  busy = 0;
  total = 0;
}

export interface LambdaCapacityOptions {
  /** Concurrency the function may use: its reserved concurrency, or the account quota. */
  concurrencyLimit: number;
  /** The pool it draws on; absent: a pool of its own of `concurrencyLimit`. */
  pool?: ConcurrencyPool;
  /** Where the account's totals are kept; absent: this function's own. */
  account?: AccountEnvironments;
  scaling: 'current' | 'legacy';
  region: string;
}

export class LambdaCapacity {
  private busy = 0;
  private environments = 0;
  // Current rule: an allowance of new environments, refilled continuously.
  private allowance = LAMBDA_SCALING_ENVIRONMENTS;
  private allowanceAtMs = 0;
  private readonly refillPerMs = LAMBDA_SCALING_ENVIRONMENTS / LAMBDA_SCALING_WINDOW_MS;
  private readonly legacyBurst: number;
  private readonly pool: ConcurrencyPool;
  private readonly account: AccountEnvironments;

  constructor(private readonly options: LambdaCapacityOptions) {
    this.legacyBurst = legacyBurst(options.region);
    this.pool = options.pool ?? new ConcurrencyPool(options.concurrencyLimit);
    this.account = options.account ?? new AccountEnvironments();
  }

  get busyEnvironments(): number {
    return this.busy;
  }

  get totalEnvironments(): number {
    return this.environments;
  }

  /** Claims an environment for an invocation starting at `nowMs`. */
  acquire(nowMs: number): Acquire {
    const pool = this.pool;
    if (pool.busy >= pool.limit) return Acquire.Throttled;
    const account = this.account;
    if (this.busy < this.environments) {
      this.busy++;
      pool.busy++;
      account.busy++;
      return Acquire.Warm;
    }
    if (!this.mayAddEnvironment(nowMs)) return Acquire.Throttled;
    this.environments++;
    this.busy++;
    pool.busy++;
    account.total++;
    account.busy++;
    return Acquire.Cold;
  }

  release(): void {
    this.busy--;
    this.pool.busy--;
    this.account.busy--;
  }

  private mayAddEnvironment(nowMs: number): boolean {
    if (this.options.scaling === 'legacy') {
      // Initial burst, then +500 each full minute (Regions' burst; account-wide, one function here).
      const ceiling = this.legacyBurst + LAMBDA_LEGACY_INCREMENT_PER_MINUTE * Math.floor(nowMs / 60_000);
      return this.environments < ceiling;
    }
    this.allowance = Math.min(LAMBDA_SCALING_ENVIRONMENTS, this.allowance + (nowMs - this.allowanceAtMs) * this.refillPerMs);
    this.allowanceAtMs = nowMs;
    // The allowance accumulates in steps of 0.1 per ms; allow for float rounding
    // (ten steps of 0.1 sum to 0.9999999999999999, not 1).
    if (this.allowance < 1 - ALLOWANCE_EPSILON) return false;
    this.allowance -= 1;
    return true;
  }
}
