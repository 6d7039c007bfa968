/**
 * Racing must pick what the full grid picks, with at most a third of its replications,
 * on the flagship's 25-point sweep and two other scenarios (issue 15). The full grid runs
 * once per scenario; the race is then replayed over its records (replication r of a point
 * is the same record in both, by common random numbers), and for the small scenario also
 * run for real on the pool, to show the replay is the race. Worker threads run the built
 * JavaScript, so this test uses dist/ (`npm test` builds first).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool } from '../../dist/runner/replication-pool.js';
import { runSweep, sweepFromRecords } from '../../dist/runner/run-sweep.js';
import type { ReplicationRecord } from '../../src/montecarlo/index.js';
import { goalTest, recommend, type Goal } from '../../src/planner/recommend.js';
import { sweepPoints, type SweepPoint } from '../../src/planner/sweep-points.js';
import { parseVaryFlag } from '../../src/planner/variation.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { describeSettings } from '../../src/report/sweep-text.js';
import { loadScenarioFile } from '../../src/scenario/load-scenario.js';

const catalogue = defaultCatalogue();
const RUNS = 100;

interface Case {
  file: string;
  vary: string[];
  goal: Goal;
}

const CASES: Case[] = [
  { file: 'scenarios/reinvent-500k.yaml', vary: ['itemBatcher.maxItemsPerBatch=50,100,250,500,1000', 'maxConcurrency=500,1000,2000,3000,5000'], goal: { deadlineSeconds: 120 } },
  { file: 'scenarios/small-inline.yaml', vary: ['itemBatcher.maxItemsPerBatch=1,5,10,25,50', 'maxConcurrency=5,10,20,40,100'], goal: { deadlineSeconds: 12 } },
  { file: 'scenarios/orders-to-dynamodb.yaml', vary: ['itemBatcher.maxItemsPerBatch=25,100,400', 'maxConcurrency=50,200,1000'], goal: { budgetUsd: 0.3 } },
];

const pools: ReplicationPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

async function setUp(c: Case) {
  const loaded = await loadScenarioFile(c.file);
  const points = sweepPoints(loaded.document, loaded.scenario, c.vary.map(parseVaryFlag));
  const seed = loaded.scenario.seed;
  const context = (p: SweepPoint) => ({ scenario: p.scenario, seed, catalogue });
  return { points, seed, context };
}

/** The full grid on a pool, keeping every point's records for the replay. */
async function fullGrid(points: readonly SweepPoint[], context: (p: SweepPoint) => { scenario: SweepPoint['scenario']; seed: number; catalogue: typeof catalogue }, goal: Goal) {
  const pool = new ReplicationPool(context(points[0] as SweepPoint) as never, { workers: 2 });
  pools.push(pool);
  const records = new Map<number, ReplicationRecord[]>();
  const byIndex = new Map(points.map((p) => [p.index, p]));
  const run = await sweepFromRecords(points as never, { runs: RUNS, goal: goalTest(goal), racing: false }, async (point: { index: number }, from: number, to: number) => {
    pool.setContext(context(byIndex.get(point.index) as SweepPoint) as never);
    const got = await pool.run(from, to);
    records.set(point.index, [...(records.get(point.index) ?? []), ...got]);
    return got;
  });
  return { run, records };
}

function pick(run: Awaited<ReturnType<typeof sweepFromRecords>>, goal: Goal): number | null {
  const r = recommend(run.points as never, goal, describeSettings, { evidence: run.evidence, beaten: run.beaten });
  return r.pointIndex ?? r.closestIndex ?? null;
}

describe('racing against the full grid', () => {
  it.each(CASES)('$file: the same pick with at most a third of the replications', async (c) => {
    const { points, context } = await setUp(c);
    const grid = await fullGrid(points, context, c.goal);
    const raced = await sweepFromRecords(points as never, { runs: RUNS, goal: goalTest(c.goal), racing: true, describe: (i: number) => `point ${i}` }, async (point: { index: number }, from: number, to: number) =>
      (grid.records.get(point.index) as ReplicationRecord[]).slice(from, to),
    );
    const gridPick = pick(grid.run, c.goal);
    expect(gridPick).not.toBeNull();
    expect(pick(raced, c.goal)).toBe(gridPick);
    expect(raced.replications).toBeLessThanOrEqual(grid.run.replications / 3);
    console.log(`${c.file}: racing ${raced.replications} of ${grid.run.replications} replications (${((raced.replications / grid.run.replications) * 100).toFixed(1)} %), pick ${gridPick} in both`);
  }, 300_000);

  it('the replay is the race: running it on the pool gives the same sweep, whatever the workers', async () => {
    const c = CASES[1] as Case;
    const { points, seed } = await setUp(c);
    const options = { seed, runs: RUNS, catalogue, goal: goalTest(c.goal), racing: true, describe: (i: number) => `point ${i}` };
    const one = await runSweep(points as never, { ...options, workers: 1 } as never);
    const two = await runSweep(points as never, { ...options, workers: 2 } as never);
    expect(two).toEqual(one);
    expect(one.replications).toBeLessThan(one.fullGridReplications / 3);
  }, 120_000);
});
