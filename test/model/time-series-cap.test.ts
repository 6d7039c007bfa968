/**
 * Issue 17: a time series never holds more than MAX_TIME_SERIES_BUCKETS buckets, however
 * long the simulated time; its buckets widen instead, keeping peaks and counts exact.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TIME_SERIES_BUCKETS, TimeSeriesRecorder, withCommonBucketWidth } from '../../src/model/time-series.js';

describe('TimeSeriesRecorder bucket cap', () => {
  it('widens 1 ms buckets over a simulated year to at most 20,000 buckets', () => {
    const recorder = new TimeSeriesRecorder(1);
    const year = 365 * 24 * 3600 * 1000;
    for (let t = 0; t <= year; t += year / 1000) recorder.itemsCompleted(t, 1);
    const series = recorder.finish(year);
    expect(series.itemsCompleted.length).toBeLessThanOrEqual(MAX_TIME_SERIES_BUCKETS);
    expect(series.bucketMs).toBeGreaterThan(1);
    expect(Math.log2(series.bucketMs) % 1).toBe(0);
    expect(series.itemsCompleted.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(series.runningChildren).toHaveLength(series.itemsCompleted.length);
  });

  it('keeps each gauge\'s peak and sums counts when it merges buckets', () => {
    const recorder = new TimeSeriesRecorder(1);
    recorder.gauges(5, 7, 3, 2);
    recorder.throttle(6);
    recorder.gauges(10, 1, 1, 1);
    recorder.throttle(30_000);
    recorder.gauges(40_000, 2, 2, 2);
    const series = recorder.finish(50_000);
    expect(series.bucketMs).toBe(4);
    expect(series.runningChildren[1]).toBe(7);
    expect(series.throttles.reduce((a, b) => a + b, 0)).toBe(2);
    expect(Math.max(...series.runningChildren)).toBe(7);
  });

  it('leaves short runs exactly as before', () => {
    const recorder = new TimeSeriesRecorder(1000);
    recorder.itemsCompleted(2500, 3);
    const series = recorder.finish(5000);
    expect(series).toEqual({ bucketMs: 1000, runningChildren: [0, 0, 0, 0, 0, 0], runningInvocations: [0, 0, 0, 0, 0, 0], environments: [0, 0, 0, 0, 0, 0], throttles: [0, 0, 0, 0, 0, 0], itemsCompleted: [0, 0, 3, 0, 0, 0] });
  });

  it('regroups runs that widened differently to one width, for the bands across runs', () => {
    const short = new TimeSeriesRecorder(1);
    short.itemsCompleted(3, 1);
    const long = new TimeSeriesRecorder(1);
    long.itemsCompleted(50_000, 1);
    const [a, b] = withCommonBucketWidth([short.finish(10), long.finish(50_000)]);
    expect(a?.bucketMs).toBe(b?.bucketMs);
    expect(a?.itemsCompleted.reduce((x, y) => x + y, 0)).toBe(1);
  });

  it('refuses a time that is not finite instead of looping forever', () => {
    expect(() => new TimeSeriesRecorder(1).finish(Infinity)).toThrow(RangeError);
  });
});
