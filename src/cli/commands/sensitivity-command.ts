import { assertFiniteFigures } from '../../report/finite-figures.js';
import { join } from 'node:path';
import { sha256Hex } from '../file-hash.js';
import { formatProblem, UserInputError } from '../../errors.js';
import type { RankBy } from '../../analysis/sensitivity.js';
import { loadScenarioOrDefinition } from '../../importer/load-scenario-or-definition.js';
import { locatePath } from '../../input/parse-located.js';
import { missingRegionMessage } from '../../pricing/load-catalogue.js';
import { catalogueOf, pricingRerunArgs, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { buildSensitivityJson } from '../../report/sensitivity-json.js';
import { renderSensitivityText } from '../../report/sensitivity-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { runSensitivity } from '../../runner/run-sensitivity.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { shellQuote, slug } from './simulate-command.js';
import { hasOwnKey } from '../../own-key.js';

export interface SensitivityFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  runs?: number;
  seed?: number;
  deadline?: number;
  rankBy?: RankBy;
  only?: string[];
  workers?: number;
  json?: boolean;
  /** Write a report directory: a path, or true for reports/<scenario name>-sensitivity/. */
  report?: string | boolean;
}

export const DEFAULT_SENSITIVITY_RUNS = 200;

export async function runSensitivityCommand(file: string, flags: SensitivityFlags, io: CliOutput): Promise<number> {
  const loaded = withPricingFlags(await loadScenarioOrDefinition(file, {}), flags);
  const catalogue = await catalogueOf(flags);
  if (!hasOwnKey(catalogue.regions, loaded.scenario.region)) {
    throw new UserInputError([{ file, ...locatePath(loaded.text, ['region']), field: 'region', message: missingRegionMessage(catalogue), value: loaded.scenario.region }]);
  }
  const seed = flags.seed ?? loaded.scenario.seed;
  const runs = flags.runs ?? DEFAULT_SENSITIVITY_RUNS;
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, seed, catalogue, 'the scenario\'s first run');
  const progress = progressReporter(!flags.json, 'sensitivity');
  let run;
  try {
    run = await runSensitivity({
      document: loaded.document,
      scenario: loaded.scenario,
      seed,
      catalogue,
      runs,
      workers: flags.workers ?? defaultWorkerCount(),
      rankBy: flags.rankBy ?? 'time',
      ...(flags.deadline !== undefined ? { deadlineSeconds: flags.deadline } : {}),
      ...(flags.only ? { only: flags.only } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.force ? { force: true } : {}),
    });
  } finally {
    progress?.stop();
  }
  const json = buildSensitivityJson({
    identity: { name: loaded.scenario.name, description: loaded.scenario.description, file, sha256: sha256Hex(loaded.text) },
    seed,
    analysis: run.analysis,
    currency: loaded.scenario.pricing.currency,
  });
  assertFiniteFigures(json, { document: loaded.document, file, what: 'scenario', catalogue, ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}) });
  if (flags.json) {
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
    io.out(renderSensitivityText(json));
  }
  if (flags.report !== undefined && flags.report !== false) {
    const directory = typeof flags.report === 'string' ? flags.report : join('reports', `${slug(loaded.scenario.name)}-sensitivity`);
    // Report modules (charts, canvas, HTML) load only when a report is asked for.
    const [{ renderSensitivityReportFiles }, { chartJsBrowserBundle }, { writeReportForUser }] = await Promise.all([
      import('../../report/sensitivity-report-files.js'),
      import('../chart-js-source.js'),
      import('../write-report-directory.js'),
    ]);
    const files = await renderSensitivityReportFiles(json, { chartJsSource: await chartJsBrowserBundle(), rerunCommand: rerunCommand(file, json.seed, runs, flags, directory) });
    await writeReportForUser(directory, files);
    const where = `Report written to ${directory}/ (open ${join(directory, 'sensitivity.html')}): ${files.map((f) => f.path).join(', ')}\n`;
    if (flags.json) io.err(where);
    else io.out(`\n${where}`);
  }
  return ExitCode.ok;
}

/** The command that reproduces this report exactly. */
function rerunCommand(file: string, seed: number, runs: number, flags: SensitivityFlags, directory: string): string {
  const args = ['dmap', 'sensitivity', file, '--seed', String(seed), '--runs', String(runs)];
  if (flags.deadline !== undefined) args.push('--deadline', `${flags.deadline}s`);
  if (flags.rankBy !== undefined) args.push('--rank-by', flags.rankBy);
  if (flags.only !== undefined) args.push('--only', flags.only.join(','));
  args.push(...pricingRerunArgs(flags));
  args.push('--report', directory);
  return args.map(shellQuote).join(' ');
}
