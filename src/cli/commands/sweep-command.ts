import { assertFiniteFigures } from '../../report/finite-figures.js';
import { sha256Hex } from '../file-hash.js';
import { UserInputError } from '../../errors.js';
import { paretoFrontier } from '../../planner/pareto-frontier.js';
import { isSafe } from '../../planner/point-result.js';
import { parseDeadlineSeconds } from '../../planner/parse-goal.js';
import { recommend } from '../../planner/recommend.js';
import { sweepPoints } from '../../planner/sweep-points.js';
import type { Variation } from '../../planner/variation.js';
import { buildSweepJson } from '../../report/sweep-json.js';
import { describeSettings, renderSweepText } from '../../report/sweep-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { runSweep } from '../../runner/run-sweep.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { catalogueOf, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';

export interface SweepFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  vary?: Variation[];
  runs?: number;
  seed?: number;
  workers?: number;
  deadline?: number;
  budget?: number;
  json?: boolean;
}

export async function runSweepCommand(file: string, flags: SweepFlags, io: CliOutput): Promise<number> {
  const loaded = withPricingFlags(await loadScenarioFile(file), flags);
  const block = loaded.scenario.sweep;
  // The scenario's sweep block, with --vary flags added (a flag wins for the same field).
  const byPath = new Map<string, Variation>(Object.entries(block?.vary ?? {}).map(([path, values]) => [path, { path, values }]));
  for (const variation of flags.vary ?? []) byPath.set(variation.path, variation);
  const variations = [...byPath.values()];
  if (variations.length === 0) {
    throw new UserInputError([{ file, field: 'sweep.vary', message: 'nothing to vary: add --vary FIELD=V1,V2 or a sweep.vary block to the scenario' }]);
  }
  const points = sweepPoints(loaded.document, loaded.scenario, variations);
  const catalogue = await catalogueOf(flags);
  const runs = flags.runs ?? block?.runs ?? 100;
  const seed = flags.seed ?? loaded.scenario.seed;
  const goal = {
    ...(flags.deadline !== undefined ? { deadlineSeconds: flags.deadline } : block?.deadline ? { deadlineSeconds: parseDeadlineSeconds(block.deadline) as number } : {}),
    ...(flags.budget !== undefined ? { budgetUsd: flags.budget } : block?.budgetUsd !== undefined ? { budgetUsd: block.budgetUsd } : {}),
  };
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, seed, catalogue, 'the scenario\'s first run');
  const progress = progressReporter(!flags.json);
  let results;
  try {
    results = await runSweep(points, {
      seed,
      runs,
      workers: flags.workers ?? defaultWorkerCount(),
      catalogue,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.force ? { force: true } : {}),
    });
  } finally {
    progress?.stop();
  }
  // A configuration that fails or times out is no trade-off: the frontier is of the rest.
  const frontier = paretoFrontier(results.filter(isSafe));
  const recommendation = recommend(results, goal, describeSettings);
  const sweep = buildSweepJson({
    identity: { name: loaded.scenario.name, description: loaded.scenario.description, file, sha256: sha256Hex(loaded.text) },
    seed,
    runsPerPoint: runs,
    variations,
    goal,
    points: results,
    frontier,
    recommendation,
  });
  assertFiniteFigures(sweep, { document: loaded.document, file, what: 'scenario', catalogue, ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}) });
  io.out(flags.json ? `${JSON.stringify(sweep, null, 2)}\n` : renderSweepText(sweep));
  return ExitCode.ok;
}
