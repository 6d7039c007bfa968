/**
 * The Map Run over time, in fixed buckets: the peak of each gauge (running children,
 * running invocations, execution environments) and the count of each event (throttles,
 * items completed) within the bucket. Arrays grow with simulated time, not with items.
 */

export interface TimeSeries {
  bucketMs: number;
  /** Most child executions occupying a MaxConcurrency slot during the bucket. */
  runningChildren: number[];
  /** Most Lambda invocations in flight during the bucket. */
  runningInvocations: number[];
  /** Most execution environments in existence (busy or warm and idle) during the bucket. */
  environments: number[];
  /** Invocation attempts rejected with Lambda.TooManyRequestsException in the bucket. */
  throttles: number[];
  /** Items whose child execution ended (succeeded, failed or timed out) in the bucket. */
  itemsCompleted: number[];
}

export class TimeSeriesRecorder {
  readonly series: TimeSeries;
  private bucket = 0;
  private running = 0;
  private invocations = 0;
  private envs = 0;

  constructor(bucketMs: number) {
    this.series = { bucketMs, runningChildren: [0], runningInvocations: [0], environments: [0], throttles: [0], itemsCompleted: [0] };
  }

  /** Records the gauges' new values at `nowMs`. */
  gauges(nowMs: number, runningChildren: number, runningInvocations: number, environments: number): void {
    this.advance(nowMs);
    this.running = runningChildren;
    this.invocations = runningInvocations;
    this.envs = environments;
    const s = this.series;
    const b = this.bucket;
    if (runningChildren > (s.runningChildren[b] as number)) s.runningChildren[b] = runningChildren;
    if (runningInvocations > (s.runningInvocations[b] as number)) s.runningInvocations[b] = runningInvocations;
    if (environments > (s.environments[b] as number)) s.environments[b] = environments;
  }

  throttle(nowMs: number): void {
    this.advance(nowMs);
    this.series.throttles[this.bucket] = (this.series.throttles[this.bucket] as number) + 1;
  }

  itemsCompleted(nowMs: number, items: number): void {
    this.advance(nowMs);
    this.series.itemsCompleted[this.bucket] = (this.series.itemsCompleted[this.bucket] as number) + items;
  }

  /** Extends the series to cover `endMs` (the Map Run's end). */
  finish(endMs: number): TimeSeries {
    this.advance(endMs);
    return this.series;
  }

  /** Opens buckets up to the one holding `nowMs`, carrying the gauges' current values into each. */
  private advance(nowMs: number): void {
    const target = Math.floor(nowMs / this.series.bucketMs);
    const s = this.series;
    while (this.bucket < target) {
      this.bucket++;
      s.runningChildren.push(this.running);
      s.runningInvocations.push(this.invocations);
      s.environments.push(this.envs);
      s.throttles.push(0);
      s.itemsCompleted.push(0);
    }
  }
}
