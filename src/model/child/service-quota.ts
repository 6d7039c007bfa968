/**
 * The request quota of a resource child tasks call (a DynamoDB table's capacity, a
 * queue's or a model's limit): a rate in units per second with a burst, and/or a number
 * of calls in flight. Unlike Step Functions' own buckets, which delay work, a service
 * rejects a call past its quota with a throttling error, so `tryAcquire` answers yes or
 * no and the task's Retry decides what happens next (as on AWS).
 */
import type { ServiceQuotaConfig } from '../../scenario/service-quota-schema.js';

export class ServiceQuota {
  private tokens: number;
  private lastMs = 0;
  private readonly burst: number;
  private readonly refillPerMs: number;
  private readonly concurrency: number;
  private inFlight = 0;
  throttles = 0;
  peakInFlight = 0;
  unitsAccepted = 0;

  constructor(
    readonly name: string,
    config: ServiceQuotaConfig,
    /** Error code a throttled call fails with. */
    readonly throttleCode: number,
  ) {
    const rate = config.ratePerSecond ?? Infinity;
    this.burst = config.burst ?? rate;
    this.tokens = this.burst;
    this.refillPerMs = rate / 1000;
    this.concurrency = config.concurrency ?? Infinity;
  }

  get limitsConcurrency(): boolean {
    return this.concurrency !== Infinity;
  }

  /** Takes `units` and a place in flight at `nowMs` if the quota allows; false: throttled. */
  tryAcquire(units: number, nowMs: number): boolean {
    if (this.refillPerMs !== Infinity && nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + (nowMs - this.lastMs) * this.refillPerMs);
      this.lastMs = nowMs;
    }
    if (this.inFlight >= this.concurrency || (this.refillPerMs !== Infinity && this.tokens < units)) {
      this.throttles++;
      return false;
    }
    if (this.refillPerMs !== Infinity) this.tokens -= units;
    this.unitsAccepted += units;
    if (this.concurrency !== Infinity && ++this.inFlight > this.peakInFlight) this.peakInFlight = this.inFlight;
    return true;
  }

  /** Ends a call that took a place in flight; only for a quota that limitsConcurrency. */
  release(): void {
    this.inFlight--;
  }
}
