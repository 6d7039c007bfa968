/**
 * `dmap sweep <scenario> --vary FIELD=V1,V2 ... [--deadline D | --budget B]`: every
 * combination, the frontier, and a recommendation that states its probability of meeting
 * the goal. With a goal the points race (src/planner/racing.ts) unless --no-racing;
 * `--report [dir]` writes the sweep report.
 */
import { join } from 'node:path';
import { assertFiniteFigures } from '../../report/finite-figures.js';
import { sha256Hex } from '../file-hash.js';
import { UserInputError } from '../../errors.js';
import { paretoFrontier } from '../../planner/pareto-frontier.js';
import { isSafe } from '../../planner/point-result.js';
import { parseDeadlineSeconds } from '../../planner/parse-goal.js';
import { DEFAULT_CONFIDENCE, goalTest, recommend } from '../../planner/recommend.js';
import { sweepPoints } from '../../planner/sweep-points.js';
import type { Variation } from '../../planner/variation.js';
import { buildSweepJson, type SweepJson } from '../../report/sweep-json.js';
import { describeSettings, renderSweepText } from '../../report/sweep-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { runSweep } from '../../runner/run-sweep.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { catalogueOf, pricingRerunArgs, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { shellQuote, slug } from './simulate-command.js';

export interface SweepFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  vary?: Variation[];
  runs?: number;
  seed?: number;
  workers?: number;
  deadline?: number;
  budget?: number;
  /** The probability of meeting the goal a pick must reach, 0–1 (`--confidence 95`). */
  confidence?: number;
  /** false with --no-racing: every point runs every replication. */
  racing?: boolean;
  json?: boolean;
  /** Write a report directory: a path, or true for reports/<scenario name>-sweep/. */
  report?: string | boolean;
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
  const confidence = flags.confidence ?? DEFAULT_CONFIDENCE;
  const test = goalTest(goal, confidence);
  const byIndex = new Map(points.map((p) => [p.index, p]));
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, seed, catalogue, 'the scenario\'s first run');
  const currency = loaded.scenario.pricing.currency;
  const progress = progressReporter(!flags.json);
  let run;
  try {
    run = await runSweep(points, {
      seed,
      runs,
      workers: flags.workers ?? defaultWorkerCount(),
      catalogue,
      ...(test ? { goal: test } : {}),
      racing: flags.racing !== false,
      describe: (index) => describeSettings(byIndex.get(index) as { settings: Record<string, string | number | boolean> }),
      ...(currency ? { currency } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.force ? { force: true } : {}),
    });
  } finally {
    progress?.stop();
  }
  // A configuration that fails or times out is no trade-off: the frontier is of the rest.
  const frontier = paretoFrontier(run.points.filter(isSafe));
  const recommendation = recommend(run.points, goal, describeSettings, { evidence: run.evidence, confidence, beaten: run.beaten, raceTies: run.raceTies, ...(currency ? { currency } : {}) });
  const sweep = buildSweepJson({
    identity: { name: loaded.scenario.name, description: loaded.scenario.description, file, sha256: sha256Hex(loaded.text) },
    seed,
    runsPerPoint: runs,
    variations,
    goal: { ...goal, ...(test ? { confidence } : {}) },
    race: { enabled: run.racing, rounds: run.rounds, replications: run.replications, fullGridReplications: run.fullGridReplications },
    points: run.points,
    frontier,
    recommendation,
    ...(currency ? { currency } : {}),
  });
  assertFiniteFigures(sweep, { document: loaded.document, file, what: 'scenario', catalogue, ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}) });
  io.out(flags.json ? `${JSON.stringify(sweep, null, 2)}\n` : renderSweepText(sweep));
  if (flags.report !== undefined && flags.report !== false) await writeSweepReport(sweep, file, flags, io, typeof flags.report === 'string' ? flags.report : join('reports', `${slug(loaded.scenario.name)}-sweep`));
  return ExitCode.ok;
}

async function writeSweepReport(sweep: SweepJson, file: string, flags: SweepFlags, io: CliOutput, directory: string): Promise<void> {
  // Report modules (charts, canvas, HTML) load only when a report is asked for.
  const [{ renderSweepReportFiles }, { chartJsBrowserBundle }, { writeReportForUser }] = await Promise.all([
    import('../../report/sweep-report-files.js'),
    import('../chart-js-source.js'),
    import('../write-report-directory.js'),
  ]);
  const files = await renderSweepReportFiles(sweep, { chartJsSource: await chartJsBrowserBundle(), rerunCommand: rerunCommand(file, sweep, flags, directory) });
  await writeReportForUser(directory, files);
  const where = `Report written to ${directory}/ (open ${join(directory, 'sweep.html')}): ${files.map((f) => f.path).join(', ')}\n`;
  if (flags.json) io.err(where);
  else io.out(`\n${where}`);
}

/** The command that reproduces this report exactly. */
function rerunCommand(file: string, sweep: SweepJson, flags: SweepFlags, directory: string): string {
  const args = ['dmap', 'sweep', file];
  for (const v of flags.vary ?? []) args.push('--vary', `${v.path}=${v.values.join(',')}`);
  args.push('--runs', String(sweep.runsPerPoint), '--seed', String(sweep.seed));
  if (flags.deadline !== undefined) args.push('--deadline', `${flags.deadline}s`);
  if (flags.budget !== undefined) args.push('--budget', String(flags.budget));
  if (flags.confidence !== undefined) args.push('--confidence', String(flags.confidence * 100));
  if (flags.racing === false) args.push('--no-racing');
  args.push(...pricingRerunArgs(flags));
  args.push('--report', directory);
  return args.map(shellQuote).join(' ');
}
