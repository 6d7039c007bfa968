import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

describe('dmap simulate', () => {
  it('gives byte-identical JSON for the flagship scenario run twice with the same seed', () => {
    const first = runDmap('simulate', 'scenarios/reinvent-500k.yaml', '--seed', '1', '--json');
    const second = runDmap('simulate', 'scenarios/reinvent-500k.yaml', '--seed', '1', '--json');
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(json).toMatchObject({
      format: 'dmap-planner/simulate',
      formatVersion: 1,
      seed: 1,
      runs: 1,
      scenario: { name: 'reinvent-500k', file: 'scenarios/reinvent-500k.yaml' },
      mapRun: {
        status: 'SUCCEEDED',
        itemCounts: { total: 500_000, succeeded: 500_000 },
        executionCounts: { total: 2000, succeeded: 2000 },
        maxConcurrency: 3000,
        itemReader: { listRequests: 500 },
      },
    });
    expect(json.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.wallTimeSeconds).toBeGreaterThan(0);
    expect(json.wallTimeSeconds).toBe(json.mapRun.wallTimeSeconds);
  });

  it('changes the result with the seed', () => {
    const a = JSON.parse(runDmap('simulate', 'scenarios/small-inline.yaml', '--seed', '1', '--json').stdout);
    const b = JSON.parse(runDmap('simulate', 'scenarios/small-inline.yaml', '--seed', '2', '--json').stdout);
    expect(a.wallTimeSeconds).not.toBe(b.wallTimeSeconds);
    expect(a.seed).toBe(1);
  });

  it('prints a readable summary with human durations', () => {
    const run = runDmap('simulate', 'scenarios/small-inline.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^small-inline — /);
    expect(run.stdout).toMatch(/seed 42, 1 run/);
    expect(run.stdout).toMatch(/Map Run\s+SUCCEEDED in \d+(\.\d)? s\n/);
    expect(run.stdout).toMatch(/Child executions\s+100 STANDARD \(MaxConcurrency 20, peak 20 running\)/);
  });

  it('lists every mistake of a bad scenario, exits 2 and prints no stack trace', () => {
    const run = runDmap('simulate', 'test/fixtures/five-mistakes.yaml');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('5 problems:');
    expect(lines.slice(1)).toHaveLength(5);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}test\/fixtures\/five-mistakes\.yaml:\d+:\d+: \S+: /);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('rejects a bad seed and a missing file with exit code 2', () => {
    const seed = runDmap('simulate', 'scenarios/small-inline.yaml', '--seed', 'abc');
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--seed: must be a whole number from 0 to 4294967295 (got "abc")');
    const missing = runDmap('simulate', 'nope.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: cannot read the scenario: file not found');
  });
});
