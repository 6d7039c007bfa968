/**
 * `dmap calibrate` run as a user runs it: the built CLI on the fixtures of
 * test/fixtures/calibrate/ (written from AWS's documented formats).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

const F = 'test/fixtures/calibrate';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-calibrate-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dmap calibrate', () => {
  it('shows its usage with examples', () => {
    const run = runDmap('calibrate', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--batch-size <n>');
    expect(run.stdout).toMatch(/Examples:\n {2}\$ dmap calibrate /);
  });

  it('prints a new scenario on stdout and the summary on stderr; what no source tells is REQUIRED', () => {
    const run = runDmap('calibrate', `${F}/report-lines.txt:10`, `${F}/power-tuning.json`, `${F}/describe-map-run.json`, `${F}/list-executions.json`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Read 4 sources:');
    expect(run.stderr).toMatch(/report-lines\.txt +Lambda REPORT lines: 7 invocations at batch 10 \(file name\), 512 MB, 2 cold starts; skipped 17 lines that are not REPORT lines/);
    expect(run.stderr).toMatch(/lambda\.cpuBoundFraction +0\.\d+\n {6}from .*power-tuning\.json \(4 observations\)/);
    expect(run.stdout).toMatch(/^# Calibrated by dmap calibrate from /);
    expect(run.stdout).toContain('maxConcurrency: 0 # read from DescribeMapRun maxConcurrency');
    expect(run.stdout).toContain('toleratedFailurePercentage: 5 # read from DescribeMapRun toleratedFailurePercentage');
    expect(run.stdout).toContain('maxItemsPerBatch: 25 # read from ListExecutions itemCount of 40 children');
    const file = join(dir, 'new.yaml');
    writeFileSync(file, run.stdout);
    const validate = runDmap('validate', file);
    expect(validate.status).toBe(2);
    // The only problem left is the REQUIRED one.
    expect(validate.stderr).toMatch(/^error:\n {2}.*new\.yaml:\d+:\d+: itemReader\.source: /);
  });

  it('patches a base scenario, keeping its comments and its other fields, and writes JSON for a .json file', () => {
    const base = join(dir, 'base.yaml');
    writeFileSync(
      base,
      [
        '# my nightly job',
        'name: nightly',
        'itemReader: { source: inline, itemCount: 985 }   # the orders',
        'itemBatcher: { maxItemsPerBatch: 25 }',
        'lambda:',
        '  memoryMb: 2048 # planned',
        '  perItemDurationMs: 50 # a guess',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'patched.yaml');
    const run = runDmap('calibrate', `${F}/report-lines.txt`, `${F}/list-executions.json`, `${F}/describe-map-run.json`, '--scenario', base, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/your memoryMb 2048 is kept; the durations were measured at 512 MB/);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# my nightly job');
    expect(text).toContain('memoryMb: 2048 # planned');
    expect(text).toContain('durationMeasuredAtMemoryMb: 512');
    expect(text).toMatch(/perItemDurationMs: \{type: (lognormal|normal), /);
    expect(text).not.toContain('# a guess');
    expect(text).toMatch(/mapRunOverhead:\n {2}# fitted by dmap calibrate: lognormal \(p50 412 ms/);
    expect(runDmap('validate', out).status).toBe(0);

    const json = join(dir, 'patched.json');
    expect(runDmap('calibrate', `${F}/report-lines.txt:25`, '--scenario', base, '--out', json).status).toBe(0);
    const document = JSON.parse(readFileSync(json, 'utf8')) as { provenance: Record<string, { observations: number }> };
    expect(document.provenance['lambda.perItemDurationMs']?.observations).toBe(6);
  });

  it('prints every fit as versioned JSON', () => {
    const run = runDmap('calibrate', `${F}/filter-log-events.json:25`, `${F}/power-tuning.json`, '--json');
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as {
      format: string;
      formatVersion: number;
      sources: Array<{ kind: string; reports?: number; skipped?: number }>;
      fitted: Array<{ field: string; observations: number; method: string; quality: string }>;
      observed: { memoryCurve: { worstRelativeErrorPercent: number; points: unknown[] } };
      scenario: { text: string };
    };
    expect(json.format).toBe('dmap-planner/calibration');
    expect(json.formatVersion).toBe(1);
    expect(json.sources.map((s) => [s.kind, s.reports, s.skipped])).toEqual([
      ['filter-log-events', 4, 6],
      ['power-tuning', undefined, undefined],
    ]);
    expect(json.fitted.map((f) => f.field)).toContain('lambda.cpuBoundFraction');
    expect(json.observed.memoryCurve.points).toHaveLength(4);
    expect(json.observed.memoryCurve.worstRelativeErrorPercent).toBeLessThan(5);
    expect(json.scenario.text).toMatch(/^# Calibrated by dmap calibrate/);
  });

  it('exits 2 naming the file and the line of a malformed source, and every bad flag', () => {
    const bad = runDmap('calibrate', `${F}/malformed-report.txt:10`);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`error:\n  ${F}/malformed-report.txt:4: Duration must be a number of ms, got "6O7.88"\n`);
    expect(runDmap('calibrate', `${F}/report-lines.txt`, '--batch-size', 'ten').stderr).toContain('--batch-size: must be a whole number ≥ 1');
    expect(runDmap('calibrate', `${F}/report-lines.txt:10`, '--overhead-ms', '-5').status).toBe(2);
    expect(runDmap('calibrate').status).toBe(2);
  });
});
