import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

describe('dmap compare', () => {
  it('reports zero deltas when a scenario is compared with itself', () => {
    const run = runDmap('compare', 'scenarios/small-inline.yaml', 'scenarios/small-inline.yaml', '--runs', '20', '--json');
    expect(run.status, run.stderr).toBe(0);
    const comparison = JSON.parse(run.stdout);
    for (const m of comparison.metrics) {
      expect(m.delta, m.metric).toBe(0);
      expect(m.deltaPercent, m.metric).toBe(0);
    }
    for (const line of comparison.lines) expect(line.deltaUsd).toBe(0);
    expect(comparison.verdict).toMatch(/costs the same per run at P90 and finishes no sooner or later/);
  });

  it('puts the deltas in plain words and exits 1 when a guard is breached', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-compare-'));
    const b = join(dir, 'faster.yaml');
    // Twice the concurrency: faster, about as costly.
    writeFileSync(b, 'name: small-inline-wide\nitemReader: { source: inline, itemCount: 1000 }\nitemBatcher: { maxItemsPerBatch: 10 }\nmaxConcurrency: 40\nlambda:\n  invocationOverheadMs: 50\n  perItemDurationMs: { type: triangular, min: 20, mode: 40, max: 120 }\n');
    const run = runDmap('compare', 'scenarios/small-inline.yaml', b, '--runs', '20', '--seed', '42', '--fail-if', 'time-p90 < -10%', '--markdown');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^### dmap-planner: small-inline-wide against small-inline$/m);
    expect(run.stdout).toMatch(/\*\*B \\\(small-inline-wide\\\) .* and finishes [\d.]+ s sooner than A \\\(small-inline\\\)\.\*\*/);
    expect(run.stdout).toMatch(/^\| Wall time P90 \| .* \| −[\d.]+ s \(−\d+\.\d %\) \|$/m);
    expect(run.stderr).toMatch(/^guard failed: time-p90 < -10% \(observed −/m);
  });

  it('tells apart two scenarios of the same name by their files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-compare-'));
    const b = join(dir, 'candidate.yaml');
    writeFileSync(b, 'name: small-inline\nitemReader: { source: inline, itemCount: 1000 }\nitemBatcher: { maxItemsPerBatch: 10 }\nmaxConcurrency: 40\nlambda:\n  invocationOverheadMs: 50\n  perItemDurationMs: 40\n');
    const run = runDmap('compare', 'scenarios/small-inline.yaml', b, '--runs', '5', '--json');
    expect(run.status, run.stderr).toBe(0);
    const comparison = JSON.parse(run.stdout);
    expect(comparison.a.name).toBe('small-inline, scenarios/small-inline.yaml');
    expect(comparison.b.name).toBe(`small-inline, ${b}`);
    expect(comparison.verdict).toContain(`than A (small-inline, scenarios/small-inline.yaml).`);
  });

  it('passes a guard that holds', () => {
    const run = runDmap('compare', 'scenarios/small-inline.yaml', 'scenarios/small-inline.yaml', '--runs', '5', '--fail-if', 'cost-p90 > 1%');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('rejects a malformed guard with exit code 2', () => {
    const run = runDmap('compare', 'scenarios/small-inline.yaml', 'scenarios/small-inline.yaml', '--fail-if', 'speed > 3');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fail-if: must be METRIC OP THRESHOLD');
  });
});
