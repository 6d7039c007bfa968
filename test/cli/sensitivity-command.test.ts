/**
 * `dmap sensitivity` as a user runs it: the flips first, a stable JSON document
 * (byte-identical across invocations and worker counts), a report directory with every
 * user string escaped, bad flags as exit 2; and the Sensitivity section of
 * `dmap simulate --report`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

const XSS = '<script>alert(1)</script>';

/** Batches of 10 items at 90 ms: 900 ms, inside the 1 s timeout, which 25 % slower items cross. */
const NEAR_TIMEOUT = `name: near-timeout
description: "batches just inside the function timeout & <b>bold</b>"
seed: 4
itemReader: { source: inline, itemCount: 100 }
itemBatcher: { maxItemsPerBatch: 10 }
maxConcurrency: 10
lambda: { perItemDurationMs: 90, initDurationMs: 0, timeoutSeconds: 1 }
`;

function scenarioFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dmap-sensitivity-')), 'scenario.yaml');
  writeFileSync(file, text);
  return file;
}

describe('dmap sensitivity', () => {
  it('says first that a range flips the outcome, then ranks every assumption', () => {
    const run = runDmap('sensitivity', scenarioFile(NEAR_TIMEOUT), '--runs', '6', '--rank-by', 'failure', '--only', 'lambda.perItemDurationMs,childStarts.startLatencyMs');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Flip: with items 25 % slower (lambda.perItemDurationMs ×1.25) the Map Run fails in 100 % of runs (baseline 0 %)');
    expect(run.stdout).toMatch(/^ +baseline +/m);
    expect(run.stdout).toMatch(/^1 +lambda\.perItemDurationMs +user +×0\.75 +×1\.25 .* 0 % \/ 100 %$/m);
    expect(run.stdout).toMatch(/^2 +childStarts\.startLatencyMs +L +×0\.5 +×3 /m);
  });

  it('prints the same JSON bytes every time, whatever the number of workers', () => {
    const args = ['sensitivity', 'scenarios/small-inline.yaml', '--runs', '8', '--deadline', '9.5s', '--json'];
    const one = runDmap(...args, '--workers', '1');
    const two = runDmap(...args, '--workers', '2');
    const again = runDmap(...args, '--workers', '2');
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(again.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json).toMatchObject({ format: 'dmap-planner/sensitivity', formatVersion: 1, seed: 42, runsPerEnd: 8, rankBy: 'time', deadlineSeconds: 9.5 });
    expect(json.scenario).toMatchObject({ name: 'small-inline', file: 'scenarios/small-inline.yaml' });
    expect(json.assumptions.map((a: { rank: number }) => a.rank)).toEqual(json.assumptions.map((_: unknown, i: number) => i + 1));
    const swings = json.assumptions.map((a: { swing: { wallTimeSeconds: number } }) => a.swing.wallTimeSeconds);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
    const perItem = json.assumptions.find((a: { id: string }) => a.id === 'lambda.perItemDurationMs');
    expect(perItem.low).toMatchObject({ setting: 0.75, settingText: '×0.75', value: { type: 'triangular', min: 15, mode: 30, max: 90 } });
    expect(perItem.low.deadline).toHaveProperty('metAtP90');
    expect(json.notApplicable.map((n: { id: string }) => n.id)).toContain('itemReader.pageLatencyMs');
  });

  it('writes a report directory, with user text escaped', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dmap-sensitivity-report-')), 'out');
    const file = scenarioFile(NEAR_TIMEOUT.replace('name: near-timeout', `name: "${XSS}"`));
    const run = runDmap('sensitivity', file, '--runs', '4', '--only', 'lambda.perItemDurationMs', '--report', dir, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Report written to ${dir}/`);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'sensitivity.csv', 'sensitivity.html', 'sensitivity.json', 'sensitivity.md']);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['tornado-cost.png', 'tornado-failure.png', 'tornado-wall-time.png']);
    expect(readFileSync(join(dir, 'sensitivity.json'), 'utf8')).toBe(run.stdout);
    const html = readFileSync(join(dir, 'sensitivity.html'), 'utf8');
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(link|img)[^>]+(src|href)="https?:/);
    expect(html.indexOf('Flip</span>')).toBeLessThan(html.indexOf('<table'));
    const md = readFileSync(join(dir, 'sensitivity.md'), 'utf8');
    expect(md).not.toContain(XSS);
    expect(md).toMatch(/^> \*\*⚠ Flip:\*\* With items 25 % slower/m);
    const csv = readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^rank,id,path,label,confidence,end,setting,value,/);
    expect(csv).toHaveLength(1 + 1 + 2);
  });

  it('rejects bad flags and unknown assumptions with exit code 2', () => {
    const rank = runDmap('sensitivity', 'scenarios/small-inline.yaml', '--rank-by', 'speed');
    expect(rank.status).toBe(2);
    expect(rank.stderr).toContain('--rank-by: must be one of time, cost, failure (got "speed")');
    const typo = runDmap('sensitivity', 'scenarios/small-inline.yaml', '--only', 'lambda.perItemDurationMS');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean `lambda.perItemDurationMs`?');
    const elsewhere = runDmap('sensitivity', 'scenarios/small-inline.yaml', '--only', 'itemReader.pageLatencyMs');
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toContain('itemReader.pageLatencyMs does not apply to this scenario');
    const runs = runDmap('sensitivity', 'scenarios/small-inline.yaml', '--runs', '0');
    expect(runs.status).toBe(2);
    expect(runs.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('dmap simulate --report: the Sensitivity section', () => {
  it('adds the section, its tornado charts and a line on the flips', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dmap-simulate-sensitivity-')), 'out');
    const run = runDmap('simulate', scenarioFile(NEAR_TIMEOUT), '--runs', '3', '--report', dir, '--sensitivity-runs', '4');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Sensitivity \(\d+ assumptions, 4 runs per end; details in the report\):\n {2}Flip: with items 25 % slower/m);
    expect(run.stdout).toContain('charts/tornado-wall-time.png');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="sensitivity"');
    // The flip is also the first review warning.
    expect(html.indexOf('An assumption flips whether the Map Run fails')).toBeLessThan(html.indexOf('No failure tolerated'));
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('\n## Sensitivity\n');
    expect(existsSync(join(dir, 'charts', 'tornado-cost.png'))).toBe(true);
    expect(html).toContain('--sensitivity-runs 4');
  });

  it('leaves the section out with --sensitivity-runs 0', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dmap-simulate-sensitivity-')), 'out');
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--runs', '3', '--report', dir, '--sensitivity-runs', '0');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Sensitivity');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).not.toContain('id="sensitivity"');
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.startsWith('tornado'))).toEqual([]);
  });
});
