/**
 * The page simulates a state with the CLI's own functions: here they run on an in-thread
 * pool that hands out replications in a scrambled order, and the result must be the
 * `simulate()` document of the same scenario, seed and runs, figure for figure. The
 * browser test checks the same through Chromium and the built CLI.
 */
import { describe, expect, it } from 'vitest';
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/default-catalogue.js';
import { loadScenarioFile } from '../../src/scenario/load-scenario.js';
import { simulate } from '../../src/simulate.js';
import { controlsFor, type Control } from '../../src/studio/controls.js';
import { runFrontier } from '../../src/studio/frontier.js';
import { runState, type StudioPool } from '../../src/studio/run-state.js';
import { applyState, withValue, type StudioBase, type StudioState } from '../../src/studio/studio-state.js';
import { isUserInputError } from '../../src/errors.js';
import { runSweep } from '../../src/runner/run-sweep.js';
import { sweepPoints } from '../../src/planner/sweep-points.js';
import { paretoFrontier } from '../../src/planner/pareto-frontier.js';
import { isSafe } from '../../src/planner/point-result.js';
import { goalTest, recommend } from '../../src/planner/recommend.js';
import { describeSettings } from '../../src/report/sweep-text.js';

/** Runs replications in this thread, last first: the order must not matter. */
class BackwardsPool implements StudioPool {
  readonly size = 3;
  private context: ReplicationContext | undefined;
  setContext(context: ReplicationContext): void {
    this.context = context;
  }
  async run(from: number, to: number): Promise<ReplicationRecord[]> {
    const records: ReplicationRecord[] = new Array(to - from);
    for (let i = to - 1; i >= from; i--) records[i - from] = replicationRecord(this.context as ReplicationContext, i);
    return records;
  }
}

async function baseOf(file: string): Promise<StudioBase> {
  const loaded = await loadScenarioFile(file);
  return { document: loaded.document, scenario: loaded.scenario, controls: controlsFor(loaded.document, loaded.scenario, defaultCatalogue()) };
}

const control = (base: StudioBase, id: string) => base.controls.find((c) => c.id === id) as Control;

describe('a state simulated as the page does', () => {
  it.each([
    ['scenarios/small-inline.yaml', 40, {}],
    ['scenarios/small-inline.yaml', 40, { 'itemBatcher.maxItemsPerBatch': 25, 'lambda.memoryMb': 512, 'lambda.perItemDurationMs': 1.5, executionType: 'EXPRESS' }],
    ['scenarios/orders-to-dynamodb.yaml', 5, { 'functions.validate-orders.memoryMb': 1024, maxConcurrency: 100 }],
  ] as const)('%s with %s runs and %o gives simulate()\'s document', async (file, runs, values) => {
    const base = await baseOf(file);
    const state = Object.entries(values).reduce<StudioState>((s, [id, v]) => withValue(s, control(base, id), v), { seed: 9, runs, values: {} });
    const page = await runState(new BackwardsPool(), base, state, defaultCatalogue(), { file: 'x.yaml' });
    const cli = await simulate(applyState(base, state) as never, { runs, seed: 9, workers: 1, identity: { file: 'x.yaml' }, document: applyState(base, state) });
    expect(page.json).toEqual(cli.json);
  });

  it('lists every problem of invalid settings, as a scenario file would', async () => {
    const base = await baseOf('scenarios/small-inline.yaml');
    const state = withValue(withValue({ seed: 1, runs: 5, values: {} }, control(base, 'lambda.accountConcurrency'), 150), control(base, 'lambda.reservedConcurrency'), 100);
    const error = await runState(new BackwardsPool(), base, state, defaultCatalogue()).catch((e: unknown) => e);
    expect(isUserInputError(error)).toBe(true);
    expect(isUserInputError(error) && error.problems.map((p) => p.field)).toEqual(['lambda.reservedConcurrency']);
  });

  it.each([
    ['no goal', {}],
    ['a deadline (the points race)', { deadlineSeconds: 10 }],
    ['a budget', { budgetUsd: 0.006 }],
  ] as const)('sweeps in the page with %s to `dmap sweep`\'s points, frontier and recommendation', async (_what, goal) => {
    const base = await baseOf('scenarios/small-inline.yaml');
    const start: StudioState = { seed: 3, runs: 10, values: {} };
    const axes = [
      { control: control(base, 'itemBatcher.maxItemsPerBatch'), values: [5, 10, 50] },
      { control: control(base, 'maxConcurrency'), values: [10, 40] },
    ];
    const page = await runFrontier(new BackwardsPool(), base, start, defaultCatalogue(), { axes, runsPerPoint: 30, goal });
    const variations = axes.map((a) => ({ path: a.control.id, values: a.values }));
    const points = sweepPoints(base.document, base.scenario, variations);
    const test = goalTest(goal);
    const cli = await runSweep(points, { seed: 3, runs: 30, workers: 1, catalogue: defaultCatalogue(), ...(test ? { goal: test } : {}), racing: true, describe: (i) => describeSettings(points[i] as never) });
    expect(page.points.map((p) => p.result)).toEqual(cli.points);
    expect(page.frontier).toEqual(paretoFrontier(cli.points.filter(isSafe)).map((p) => p.index));
    expect(page.recommendation).toEqual(recommend(cli.points, goal, describeSettings, { evidence: cli.evidence, beaten: cli.beaten, raceTies: cli.raceTies }));
    expect(page.race).toEqual({ enabled: cli.racing, replications: cli.replications, fullGridReplications: cli.fullGridReplications });
    expect(page.recommendation.pointIndex).not.toBeNull();
  });
});
