/**
 * A token bucket that hands out tokens first come, first served: `reserve` takes the
 * tokens now and says when they are actually available, letting the balance go
 * negative for the requests queued behind an empty bucket. O(1) per request, no event,
 * no queue: a request that must wait simply waits its turn.
 *
 * Used for Step Functions' throttles (child starts, state transitions), which delay
 * work rather than fail it.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs = 0;
  private readonly refillPerMs: number;

  constructor(
    private readonly bucketSize: number,
    refillPerSecond: number,
  ) {
    this.tokens = bucketSize;
    this.refillPerMs = refillPerSecond / 1000;
  }

  /**
   * Takes `count` tokens at `nowMs` (which never goes backwards) and returns the time at
   * which they are all available: `nowMs` when the bucket had them, later otherwise.
   */
  reserve(count: number, nowMs: number): number {
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.bucketSize, this.tokens + (nowMs - this.lastMs) * this.refillPerMs);
      this.lastMs = nowMs;
    }
    this.tokens -= count;
    return this.tokens >= 0 ? nowMs : nowMs + -this.tokens / this.refillPerMs;
  }
}
