import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

describe('dmap simulate --runs', () => {
  it('gives byte-identical JSON with 1 worker and with 2 workers', () => {
    const one = runDmap('simulate', 'scenarios/noaa-weather.yaml', '--runs', '40', '--seed', '5', '--workers', '1', '--json');
    const two = runDmap('simulate', 'scenarios/noaa-weather.yaml', '--runs', '40', '--seed', '5', '--workers', '2', '--json');
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // No progress bar or other noise outside a terminal.
    expect(one.stderr).toBe('');
  });

  it('gives byte-identical JSON across worker counts when --precision adds runs in rounds', () => {
    const args = ['simulate', 'scenarios/small-inline.yaml', '--precision', '1.5', '--max-runs', '800', '--json'];
    const one = runDmap(...args, '--workers', '1');
    const three = runDmap(...args, '--workers', '3');
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).runs).toBeGreaterThan(100);
    expect(three.stdout).toBe(one.stdout);
  });

  it('summarises wall time, cost and counters across runs', () => {
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--runs', '30', '--json');
    const json = JSON.parse(run.stdout);
    expect(json.runs).toBe(30);
    expect(json.summary.runs).toBe(30);
    for (const metric of [json.summary.wallTimeSeconds, json.summary.costUsd]) {
      expect(metric.n).toBe(30);
      expect(metric.p50).toBeLessThanOrEqual(metric.p90);
      expect(metric.p90).toBeLessThanOrEqual(metric.p99);
      expect(metric.ci95.p90[0]).toBeLessThanOrEqual(metric.p90);
      expect(metric.ci95.p90[1]).toBeGreaterThanOrEqual(metric.p90);
    }
    expect(json.wallTimeSeconds).toBe(json.summary.wallTimeSeconds.p50);
    expect(Object.keys(json.summary.counters)).toEqual(expect.arrayContaining(['throttles', 'retries', 'coldStarts', 'failedItems']));
    expect(json.summary.failure).toEqual({ runsFailed: 0, probability: 0, ci95: [0, expect.any(Number)] });
    const band = json.summary.timeSeries.runningChildren;
    expect(band.p10.length).toBe(band.p90.length);
    band.p10.forEach((low: number, i: number) => expect(low).toBeLessThanOrEqual(band.p90[i]));
    expect(Object.keys(json.summary.costByLine)).toContain('AWS Lambda: Requests');
  });

  it('adds runs until the P90 interval is tight enough, and says how many it took', () => {
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--precision', '2', '--max-runs', '3200', '--json');
    const json = JSON.parse(run.stdout);
    expect(json.precision.targetPercent).toBe(2);
    expect(json.precision.met).toBe(true);
    expect(json.precision.achievedPercent).toBeLessThanOrEqual(2);
    expect(json.runs).toBeGreaterThanOrEqual(100);
    const { p90, ci95 } = json.summary.wallTimeSeconds;
    // The JSON rounds seconds to the millisecond, so recomputing agrees to about 0.01 %.
    expect(((ci95.p90[1] - ci95.p90[0]) / 2 / p90) * 100).toBeCloseTo(json.precision.achievedPercent, 1);
  });

  it('says so when the precision is not reached within --max-runs', () => {
    const json = JSON.parse(runDmap('simulate', 'scenarios/small-inline.yaml', '--precision', '0.01', '--max-runs', '150', '--json').stdout);
    expect(json.precision.met).toBe(false);
    expect(json.runs).toBe(150);
  });

  it('prints the distribution in the readable summary', () => {
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--runs', '20');
    expect(run.stdout).toMatch(/Across 20 runs:\n {2}Bounded by\s+[\w-]+-bound: \d+ % of wall time.*\n {2}Wall time\s+P50 .* · P90 .* \(95 % CI .*\)/);
    expect(run.stdout).toMatch(/Map Run failed\s+in 0 of 20 runs/);
  });

  it('rejects bad run flags with exit code 2', () => {
    for (const args of [['--runs', '0'], ['--workers', 'two'], ['--precision', '-1']]) {
      const run = runDmap('simulate', 'scenarios/small-inline.yaml', ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(args[0]);
    }
  });
});

describe('dmap simulate --report', () => {
  it('says plainly when the report directory cannot be written, exit 2, no stack trace', () => {
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--report', 'package.json/report');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--report: cannot write the report there (a file is in the way of the directory)');
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
