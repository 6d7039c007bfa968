/**
 * The Map Run over time, in fixed buckets: the peak of each gauge (running children,
 * running invocations, execution environments) and the count of each event (throttles,
 * items completed) within the bucket. Arrays grow with simulated time, not with items,
 * and never past MAX_TIME_SERIES_BUCKETS: a run that would need more has its buckets
 * doubled in width (neighbours merged: peaks by max, counts by sum) until it fits, so
 * memory stays bounded whatever the simulated time (years, with 1 ms buckets). The
 * series says the width it ended with (`bucketMs`).
 */

/** Most buckets one series holds; past it the buckets widen. */
export const MAX_TIME_SERIES_BUCKETS = 20_000;

const GAUGES = ['runningChildren', 'runningInvocations', 'environments'] as const;
const COUNTS = ['throttles', 'itemsCompleted'] as const;

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
    if (!Number.isFinite(nowMs)) throw new RangeError(`time series: time must be finite, got ${nowMs}`);
    while (Math.floor(nowMs / this.series.bucketMs) >= MAX_TIME_SERIES_BUCKETS) {
      mergeNeighbours(this.series);
      this.bucket = Math.floor(this.bucket / 2);
    }
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

/** Halves the bucket count in place: bucket i of the result covers buckets 2i and 2i + 1. */
function mergeNeighbours(series: TimeSeries): void {
  const length = Math.ceil(series.runningChildren.length / 2);
  for (const name of GAUGES) {
    const values = series[name];
    for (let i = 0; i < length; i++) values[i] = Math.max(values[2 * i] as number, values[2 * i + 1] ?? 0);
    values.length = length;
  }
  for (const name of COUNTS) {
    const values = series[name];
    for (let i = 0; i < length; i++) values[i] = (values[2 * i] as number) + (values[2 * i + 1] ?? 0);
    values.length = length;
  }
  series.bucketMs *= 2;
}

/**
 * A copy of `series` in buckets of `bucketMs`, a multiple of its own by a power of two
 * (what widening gives): replications summarised together must share one width.
 */
export function withBucketWidth(series: TimeSeries, bucketMs: number): TimeSeries {
  const copy: TimeSeries = {
    bucketMs: series.bucketMs,
    runningChildren: [...series.runningChildren],
    runningInvocations: [...series.runningInvocations],
    environments: [...series.environments],
    throttles: [...series.throttles],
    itemsCompleted: [...series.itemsCompleted],
  };
  while (copy.bucketMs < bucketMs) mergeNeighbours(copy);
  if (copy.bucketMs !== bucketMs) throw new RangeError(`time series: cannot regroup ${series.bucketMs} ms buckets into ${bucketMs} ms`);
  return copy;
}

/** The series in the widest bucket width any of them ended with (unchanged when they agree). */
export function withCommonBucketWidth(series: readonly TimeSeries[]): TimeSeries[] {
  const widest = Math.max(...series.map((s) => s.bucketMs));
  return series.map((s) => (s.bucketMs === widest ? s : withBucketWidth(s, widest)));
}
