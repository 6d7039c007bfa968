import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

describe('dmap workflow-type', () => {
  it('prices both child types across batch sizes, names the break-even, and is byte-identical run to run', () => {
    const args = ['workflow-type', 'scenarios/small-inline.yaml', '--batch-sizes', '1,10,100', '--runs', '5', '--json'];
    const run = runDmap(...args);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe('dmap-planner/workflow-type');
    expect(result.rows.map((r: { batchSize: number }) => r.batchSize)).toEqual([1, 10, 100]);
    for (const row of result.rows) {
      expect(row.expressMinusStandardUsd).toBeCloseTo(row.express.costUsdP50 - row.standard.costUsdP50, 6);
      expect(['STANDARD', 'EXPRESS', 'neither']).toContain(row.cheaper);
    }
    expect(runDmap(...args).stdout).toBe(run.stdout);
  });

  it('writes an offline HTML page, Markdown, JSON and the chart', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dmap-wt-')), 'report');
    const run = runDmap('workflow-type', 'scenarios/small-inline.yaml', '--batch-sizes', '10,100', '--runs', '3', '--report', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Standard versus Express children/);
    const html = readFileSync(join(out, 'workflow-type.html'), 'utf8');
    expect(html).toContain('Standard versus Express');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(existsSync(join(out, 'charts', 'workflow-type-cost.png'))).toBe(true);
    expect(readFileSync(join(out, 'workflow-type.md'), 'utf8')).toMatch(/\| Batch size \|/);
  });

  it('rejects a batch size that is not a whole number ≥ 1 with exit 2', () => {
    const run = runDmap('workflow-type', 'scenarios/small-inline.yaml', '--batch-sizes', '10,0');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--batch-sizes: must be whole numbers ≥ 1');
  });
});
