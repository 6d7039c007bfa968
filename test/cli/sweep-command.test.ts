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

  it('says so when no configuration meets the deadline, and shows the fastest', () => {
    const sweep = JSON.parse(flagship('--deadline', '10s').stdout);
    expect(sweep.recommendation.pointIndex).toBeNull();
    expect(sweep.recommendation.reason).toMatch(/^No configuration finishes within 10 s at P90/);
    const fastest = Math.min(...sweep.points.filter((p: Point) => p.flags.every((f) => !f.startsWith('fails'))).map((p: Point) => p.wallTimeSeconds.p90));
    const closest = sweep.points.find((p: Point) => p.index === sweep.recommendation.closestIndex);
    expect(closest.wallTimeSeconds.p90).toBe(fastest);
  });

  it('recommends the cheapest configuration meeting a deadline', () => {
    const sweep = JSON.parse(flagship('--deadline', '2m30s').stdout);
    const pick = sweep.points.find((p: Point) => p.index === sweep.recommendation.pointIndex);
    expect(pick.wallTimeSeconds.p90).toBeLessThanOrEqual(150);
    for (const p of sweep.points as Point[]) {
      if (p.flags.some((f) => f.startsWith('fails'))) continue;
      if (p.wallTimeSeconds.p90 <= 150) expect(p.costUsd.p90).toBeGreaterThanOrEqual(pick.costUsd.p90);
    }
  });

  it('prints a table with the frontier and the recommendation', () => {
    const run = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'maxConcurrency=5,20', '--runs', '5');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 configurations × 5 runs, seed 42, common random numbers/);
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
