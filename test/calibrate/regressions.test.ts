/**
 * The three fits that are regressions: overhead and per-item time over batch sizes, the
 * memory curve over Power Tuning's memory sizes, and the dispatch pace over child starts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { separateOverhead } from '../../src/calibrate/fit/batch-regression.js';
import { mapRunTiming } from '../../src/calibrate/fit/map-run-timing.js';
import { fitMemoryCurve } from '../../src/calibrate/fit/memory-curve.js';
import { readPowerTuning } from '../../src/calibrate/sources/power-tuning.js';
import { durationFactor } from '../../src/model/memory-speed.js';

describe('overhead and time per item', () => {
  // Truth: overhead mean 300 ms (sd 40), items mean 60 ms (sd 20).
  const group = (batchSize: number, count = 2000) => ({ batchSize, count, meanMs: 300 + batchSize * 60, varianceMs2: 40 ** 2 + batchSize * 20 ** 2 });

  it('separates them with two or more batch sizes', () => {
    const fit = separateOverhead([group(50), group(100), group(250)]);
    expect(fit.how).toBe('regression');
    expect(fit.overheadMeanMs).toBeCloseTo(300, 6);
    expect(fit.perItemMeanMs).toBeCloseTo(60, 6);
    expect(Math.sqrt(fit.perItemVarianceMs2)).toBeCloseTo(20, 4);
    expect(Math.sqrt(fit.overheadVarianceMs2)).toBeCloseTo(40, 3);
    expect(fit.quality).toMatch(/^3 batch sizes \(50, 100, 250\)/);
  });

  it('says it cannot with one batch size, and takes a given overhead', () => {
    const alone = separateOverhead([group(100)]);
    expect(alone.how).toBe('assumed zero');
    expect(alone.perItemMeanMs).toBeCloseTo(63, 6);
    expect(alone.notes[0]).toMatch(/cannot be told apart/);
    const given = separateOverhead([group(100)], 300);
    expect(given.how).toBe('given');
    expect(given.perItemMeanMs).toBeCloseTo(60, 6);
  });

  it('finds a factor every item of a batch shares from three batch sizes', () => {
    // Var = b σ² (1 + v) + b² μ² v with v = 0.01.
    const v = 0.01;
    const groups = [50, 100, 250].map((b) => ({ batchSize: b, count: 5000, meanMs: b * 60, varianceMs2: b * 400 * (1 + v) + b * b * 3600 * v }));
    const fit = separateOverhead(groups);
    expect(fit.factorVariance).toBeCloseTo(v, 6);
    expect(fit.perItemVarianceMs2).toBeCloseTo(400, 3);
  });
});

describe('the memory curve from AWS Lambda Power Tuning', () => {
  const fixture = JSON.parse(readFileSync('test/fixtures/calibrate/power-tuning.json', 'utf8')) as Record<string, unknown>;

  it('predicts the four measured durations within 5 %', () => {
    const { points } = readPowerTuning(fixture, 'power-tuning.json');
    expect(points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024]);
    const curve = fitMemoryCurve(points, 128);
    expect(curve).toBeDefined();
    expect(curve?.worstRelativeError).toBeLessThan(0.05);
    for (const point of curve?.points ?? []) expect(Math.abs(point.predictedMs / point.durationMs - 1)).toBeLessThan(0.05);
    // The fixture was written from f = 0.7 at 128 MB, with noise of under 1 %.
    expect(curve?.cpuBoundFraction).toBeCloseTo(0.7, 1);
  });

  it('reads the same points from the visualization URL when stats are absent', () => {
    const withoutStats = JSON.parse(readFileSync('test/fixtures/calibrate/power-tuning-no-stats.json', 'utf8')) as Record<string, unknown>;
    const fromUrl = readPowerTuning(withoutStats, 'x.json');
    expect(fromUrl.from).toBe('visualization URL');
    expect(fromUrl.points.map((p) => [p.memoryMb, Math.round(p.durationMs * 10) / 10])).toEqual(readPowerTuning(fixture, 'x.json').points.map((p) => [p.memoryMb, p.durationMs]));
  });

  it('recovers an exact curve, for any reference memory', () => {
    const points = [128, 512, 1024, 1769, 3008].map((memoryMb) => ({ memoryMb, durationMs: 1000 * durationFactor(memoryMb, 512, 0.4) }));
    const curve = fitMemoryCurve(points, 512);
    expect(curve?.cpuBoundFraction).toBeCloseTo(0.4, 3);
    expect(curve?.worstRelativeError).toBeLessThan(1e-3);
  });
});

describe('the dispatch pace from child start times', () => {
  // 50 children at once, then 40 a second; each runs 20 s.
  const starts = Float64Array.from({ length: 1000 }, (_, i) => (i < 50 ? 100 + i : 100 + ((i - 49) * 1000) / 40));
  const stops = Float64Array.from(starts, (s) => s + 20_000).sort();

  it('is the slope of a line through the starts after the burst', () => {
    const timing = mapRunTiming({ sources: ['x'], startMs: 0, stopMs: (stops[999] as number) + 3000, childStartsMs: starts, childStopsMs: stops, childItems: [] });
    expect(timing.dispatch?.perSecond).toBeCloseTo(40, 1);
    expect(timing.dispatch?.burst).toBeGreaterThanOrEqual(45);
    expect(timing.dispatch?.burst).toBeLessThanOrEqual(55);
    expect(timing.firstChildAfterMs).toBe(100);
    expect(timing.closeMs).toBe(3000);
  });

  it('stops where MaxConcurrency binds', () => {
    const timing = mapRunTiming({ sources: ['x'], maxConcurrency: 300, childStartsMs: starts, childStopsMs: stops, childItems: [] });
    expect(timing.dispatch?.rangeEnd).toBe('MaxConcurrency reached');
    expect(timing.dispatch?.observations).toBeLessThan(300);
  });
});
