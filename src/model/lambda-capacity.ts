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

export interface LambdaCapacityOptions {
  /** Concurrency the function may use: its reserved concurrency, or the account quota. */
  concurrencyLimit: number;
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

  constructor(private readonly options: LambdaCapacityOptions) {
    this.legacyBurst = legacyBurst(options.region);
  }

  get busyEnvironments(): number {
    return this.busy;
  }

  get totalEnvironments(): number {
    return this.environments;
  }

  /** Claims an environment for an invocation starting at `nowMs`. */
  acquire(nowMs: number): Acquire {
    if (this.busy >= this.options.concurrencyLimit) return Acquire.Throttled;
    if (this.busy < this.environments) {
      this.busy++;
      return Acquire.Warm;
    }
    if (!this.mayAddEnvironment(nowMs)) return Acquire.Throttled;
    this.environments++;
    this.busy++;
    return Acquire.Cold;
  }

  release(): void {
    this.busy--;
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
