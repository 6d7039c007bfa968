import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runDmap } from './run-dmap.js';

const FIXTURES = 'test/fixtures/map-runs';

/** The PM-16 fidelity case's scenario, as a scenario file. */
function pm16Scenario(dir: string): string {
  const file = join(dir, 'pm-16.yaml');
  writeFileSync(file, stringify(parse(readFileSync('test/fidelity/cases/pm-16.yaml', 'utf8')).scenario));
  return file;
}

describe('dmap backtest', () => {
  it('ranks the published PM-16 run in the prediction of its fidelity scenario, and says what it could not compare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-backtest-'));
    const run = runDmap('backtest', pm16Scenario(dir), '--map-run', join(FIXTURES, 'pm-16-describe-map-run.json'), '--runs', '50', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe('dmap-planner/backtest');
    expect(result.actual.wallTimeSeconds).toBe(8.671);
    const wall = result.figures.find((f: { id: string }) => f.id === 'wallTimeSeconds');
    expect(wall.verdict).toBe('inside P10–P90');
    expect(result.notCompared.join(' ')).toMatch(/--executions/);
    expect(runDmap('backtest', pm16Scenario(dir), '--map-run', join(FIXTURES, 'pm-16-describe-map-run.json'), '--runs', '50', '--json').stdout).toBe(run.stdout);
  });

  it('writes the report with a Back-test section, backtest.json and the actual run marked on the wall-time chart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-backtest-'));
    const out = join(dir, 'report');
    const run = runDmap('backtest', pm16Scenario(dir), '--map-run', join(FIXTURES, 'pm-16-describe-map-run.json'), '--runs', '20', '--cost-usd', '0.05', '--report', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Wall time\s+8\.7 s/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Back-test against the actual run');
    expect(html).toContain('Actual run 8.7 s');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('## Back-test against the actual run');
    expect(JSON.parse(readFileSync(join(out, 'backtest.json'), 'utf8')).actual.costUsd).toBe(0.05);
    expect(existsSync(join(out, 'charts', 'wall-time.png'))).toBe(true);
  });

  it('names the file, line, field and rule of every problem in a record, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-backtest-'));
    const file = join(FIXTURES, 'broken-describe-map-run.json');
    const run = runDmap('backtest', pm16Scenario(dir), '--map-run', file, '--runs', '5');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${file}:4:\\d+: status: `));
    expect(run.stderr).toMatch(new RegExp(`${file}:6:\\d+: stopDate: must be a date`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const missing = runDmap('backtest', pm16Scenario(dir), '--runs', '5');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--map-run/);
  });
});
