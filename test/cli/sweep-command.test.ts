import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

type Point = { index: number; settings: Record<string, unknown>; wallTimeSeconds: { p90: number }; costUsd: { p90: number }; flags: string[]; onFrontier: boolean };

describe('dmap sweep', () => {
  const flagship = (...extra: string[]) =>
    runDmap('sweep', 'scenarios/reinvent-500k.yaml', '--vary', 'itemBatcher.maxItemsPerBatch=100,250,500', '--vary', 'maxConcurrency=500,1000,3000', '--runs', '12', '--json', ...extra);

  it('runs every combination, and its frontier has no dominated point', () => {
    const run = flagship();
    expect(run.status, run.stderr).toBe(0);
    const sweep = JSON.parse(run.stdout);
    expect(sweep.format).toBe('dmap-planner/sweep');
    expect(sweep.points).toHaveLength(9);
    expect(sweep.points.map((p: Point) => p.settings)).toContainEqual({ 'itemBatcher.maxItemsPerBatch': 500, maxConcurrency: 3000 });
    const frontier: Point[] = sweep.points.filter((p: Point) => p.onFrontier);
    expect(frontier.length).toBeGreaterThan(0);
    for (const p of frontier) {
      const dominated = sweep.points.some(
        (q: Point) =>
          q.flags.length === 0 &&
          q.wallTimeSeconds.p90 <= p.wallTimeSeconds.p90 &&
          q.costUsd.p90 <= p.costUsd.p90 &&
          (q.wallTimeSeconds.p90 < p.wallTimeSeconds.p90 || q.costUsd.p90 < p.costUsd.p90),
      );
      expect(dominated, JSON.stringify(p.settings)).toBe(false);
    }
    expect(sweep.recommendation.strategy).toBe('balanced');
    expect(frontier.map((p) => p.index)).toContain(sweep.recommendation.pointIndex);
  });

  it('says so when no configuration meets the deadline, and names the closest with its probability', () => {
    const sweep = JSON.parse(flagship('--deadline', '10s').stdout);
    expect(sweep.recommendation.pointIndex).toBeNull();
    expect(sweep.recommendation.reason).toMatch(/^No configuration meets the 10 s deadline in 95 % of runs\. The closest is .*: it meets it in 0 % of \d+ runs/);
    const fastest = Math.min(...sweep.points.filter((p: Point) => p.flags.every((f) => !f.startsWith('fails'))).map((p: Point) => p.wallTimeSeconds.p90));
    const closest = sweep.points.find((p: Point) => p.index === sweep.recommendation.closestIndex);
    expect(closest.wallTimeSeconds.p90).toBe(fastest);
  });

  it('recommends the cheapest configuration meeting a deadline in 95 % of runs, and states that probability', () => {
    const sweep = JSON.parse(flagship('--deadline', '2m30s').stdout);
    const rec = sweep.recommendation;
    expect(rec.confidence).toBe(0.95);
    const pick = sweep.points.find((p: Point) => p.index === rec.pointIndex);
    expect(pick.goal.probability).toBeGreaterThanOrEqual(0.95);
    expect(rec.goalProbability).toEqual(pick.goal);
    expect(rec.reason).toMatch(/meets the 2 m 30 s deadline in \d+ % of \d+ runs \(95 % interval [\d.]+–[\d.]+ %; target 95 %\)/);
    for (const p of sweep.points as Array<Point & { goal: { probability: number }; failureEconomics: { expectedCostUsd: number } }>) {
      if (p.flags.some((f) => f.startsWith('fails')) || p.goal.probability < 0.95) continue;
      // Anything cheaper that meets the goal is a tie the reason names.
      if (p.failureEconomics.expectedCostUsd < pick.failureEconomics.expectedCostUsd) expect(rec.tiedWith).toContain(p.index);
    }
  });

  it('races by default with a goal, and --no-racing runs the full grid to the same pick', () => {
    const raced = JSON.parse(flagship('--deadline', '2m30s', '--runs', '60').stdout);
    const full = JSON.parse(flagship('--deadline', '2m30s', '--runs', '60', '--no-racing').stdout);
    expect(raced.race).toMatchObject({ enabled: true, roundRuns: 20, fullGridReplications: 9 * 60 });
    expect(full.race).toMatchObject({ enabled: false, replications: 9 * 60, fullGridReplications: 9 * 60 });
    expect(raced.race.replications).toBeLessThan(full.race.replications);
    expect(raced.recommendation.pointIndex).toBe(full.recommendation.pointIndex);
  });

  it('explains a failing configuration in words, with its failure economics', () => {
    const run = runDmap('sweep', 'scenarios/reinvent-500k.yaml', '--vary', 'itemBatcher.maxItemsPerBatch=500,1000', '--runs', '4', '--deadline', '2m', '--json');
    expect(run.status, run.stderr).toBe(0);
    const failing = JSON.parse(run.stdout).points.find((p: Point) => p.settings['itemBatcher.maxItemsPerBatch'] === 1000);
    expect(failing.flags).toContain("fails in 100 % of runs: a batch of 1,000 items takes about 1 m 2 s (P50), past the function's 60 s timeout");
    expect(failing.failureEconomics.failure.probability).toBe(1);
    expect(failing.failureEconomics.deadline.missProbability).toBe(1);
    expect(failing.failureEconomics.expectedCostUsd).toBeGreaterThan(failing.costUsd.p50);
  });

  it('writes the report with --report', () => {
    const directory = mkdtempSync(join(tmpdir(), 'dmap-sweep-report-'));
    try {
      const run = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'itemBatcher.maxItemsPerBatch=5,10', '--vary', 'maxConcurrency=5,20', '--runs', '20', '--deadline', '15s', '--report', join(directory, 'r'));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Report written to ${join(directory, 'r')}/`);
      expect(readdirSync(join(directory, 'r')).sort()).toEqual(['charts', 'sweep.csv', 'sweep.html', 'sweep.json', 'sweep.md']);
      expect(readdirSync(join(directory, 'r', 'charts')).sort()).toEqual(['sweep-frontier.png', 'sweep-heatmap.png']);
      expect(readFileSync(join(directory, 'r', 'sweep.md'), 'utf8')).toContain('--deadline 15s --report');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('rejects a confidence out of range with exit code 2', () => {
    const bad = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'maxConcurrency=5,20', '--deadline', '10s', '--confidence', '120');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--confidence: must be a percentage from 50 to below 100, such as 95 or 99.5 (got "120")');
    expect(bad.stderr).not.toContain('    at ');
  });

  it('prints a table with the frontier and the recommendation', () => {
    const run = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'maxConcurrency=5,20', '--runs', '5');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 configurations × up to 5 runs, seed 42, common random numbers/);
    expect(run.stdout).toMatch(/^Recommendation: maxConcurrency=\d+ /m);
  });

  it('reports a misspelt field or a bad value with exit code 2', () => {
    const typo = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'maxConcurency=5,20', '--runs', '2');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('maxConcurency: unknown field; did you mean `maxConcurrency`?');
    const bad = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'maxConcurrency=5,-1', '--runs', '2');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('maxConcurrency: must be ≥ 0 (sweep point maxConcurrency=-1) (got -1)');
    const nothing = runDmap('sweep', 'scenarios/small-inline.yaml');
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('nothing to vary');
  });
});
