import { sha256Hex } from '../file-hash.js';
import { formatProblem } from '../../errors.js';
import { UserInputError } from '../../errors.js';
import { locatePath } from '../../input/parse-located.js';
import { missingRegionMessage } from '../../pricing/load-catalogue.js';
import { renderSummaryText } from '../../report/summary-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { loadScenarioOrDefinition } from '../../importer/load-scenario-or-definition.js';
import { simulate } from '../../simulate.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { catalogueOf, pricingRerunArgs, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { progressReporter } from '../progress.js';
import { reviewWarningsOf, type SimulationJson } from '../../report/simulation-json.js';
import { outcomeOf } from '../../montecarlo/index.js';
import { buildSensitivityJson, type SensitivityJson } from '../../report/sensitivity-json.js';
import { renderSensitivityBrief } from '../../report/sensitivity-text.js';
import { runSensitivity, type SensitivityRunOptions } from '../../runner/run-sensitivity.js';
import { join } from 'node:path';
import { hasOwnKey } from '../../own-key.js';

export interface SimulateFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  seed?: number;
  runs?: number;
  precision?: number;
  maxRuns?: number;
  workers?: number;
  json?: boolean;
  /** Write a report directory: a path, or true for reports/<scenario name>/. */
  report?: string | boolean;
  /** A workload file: the argument is then a state machine definition or template (docs/import.md). */
  workload?: string;
  /** With --workload: which Distributed Map of the definition. */
  map?: string;
  /** A deadline in seconds: the chance of missing it, with the other failure figures. */
  deadline?: number;
  /** With --report: runs per end of each assumption in its Sensitivity section; 0 leaves it out. */
  sensitivityRuns?: number;
}

/** Runs per end of the report's Sensitivity section: fewer than `dmap sensitivity`'s, as the report has other work to do. */
export const REPORT_SENSITIVITY_RUNS = 100;

export async function runSimulateCommand(file: string, flags: SimulateFlags, io: CliOutput): Promise<number> {
  // With --workload, `file` is a definition: its Distributed Map is imported and completed by the workload file.
  // Pricing flags override the scenario's `pricing` block (pricing-flags.ts).
  const loaded = withPricingFlags(await loadScenarioOrDefinition(file, flags), flags);
  const catalogue = await catalogueOf(flags);
  if (!hasOwnKey(catalogue.regions, loaded.scenario.region)) {
    throw new UserInputError([
      { file: loaded.file, ...(loaded.file === file ? locatePath(loaded.text, ['region']) : {}), field: 'region', message: missingRegionMessage(catalogue), value: loaded.scenario.region },
    ]);
  }
  // --strict-prices fails before the runs, on the first run's month as the result would price it.
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, flags.seed ?? loaded.scenario.seed, catalogue, 'the first simulated run\'s month');
  const manyRuns = (flags.runs ?? 1) > 1 || flags.precision !== undefined;
  const progress = progressReporter(!flags.json && manyRuns);
  try {
    const scenario = loaded.scenario;
    const { json, run } = await simulate(scenario, {
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      runs: flags.runs ?? 1,
      ...(flags.precision !== undefined ? { precisionPercent: flags.precision } : {}),
      ...(flags.maxRuns !== undefined ? { maxRuns: flags.maxRuns } : {}),
      ...(flags.deadline !== undefined ? { deadlineSeconds: flags.deadline } : {}),
      workers: flags.workers ?? (manyRuns ? defaultWorkerCount() : 1),
      catalogue,
      identity: { file, sha256: sha256Hex(loaded.text) },
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.force ? { force: true } : {}),
      document: loaded.document,
      ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}),
    });
    progress?.stop();
    // The scenario's warnings come from the file, with line numbers (the library's own copies
    // lack them); the run's review warnings follow them.
    json.warnings = [
      ...loaded.warnings.map((w) => ({ field: w.field, message: w.message, value: w.value })),
      ...reviewWarningsOf(json.warnings),
    ];
    if (flags.json) {
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
      io.out(renderSummaryText(json));
    }
    if (flags.report !== undefined && flags.report !== false) {
      const directory = typeof flags.report === 'string' ? flags.report : join('reports', slug(scenario.name));
      const sensitivityRuns = flags.sensitivityRuns ?? REPORT_SENSITIVITY_RUNS;
      // The first replications of this run are the baseline's: same scenario, seed and indexes.
      const sensitivity =
        sensitivityRuns > 0
          ? await reportSensitivity({ document: loaded.document, scenario, seed: json.seed, catalogue, runs: sensitivityRuns, workers: flags.workers ?? defaultWorkerCount(), json: flags.json === true, file, sha256: sha256Hex(loaded.text), baselineOutcomes: run.records.map(outcomeOf), ...(flags.force ? { force: true } : {}) })
          : undefined;
      // Report modules (charts, canvas, HTML) load only when a report is asked for.
      const [{ buildReportModel }, { renderReportFiles }, { chartJsBrowserBundle }, { writeReportForUser }] = await Promise.all([
        import('../../report/build-report.js'),
        import('../../report/report-files.js'),
        import('../chart-js-source.js'),
        import('../write-report-directory.js'),
      ]);
      const model = buildReportModel({
        result: json,
        scenario,
        rawDocument: loaded.document,
        command: rerunCommand(file, json, flags, directory),
        ...(sensitivity ? { sensitivity } : {}),
      });
      const files = await renderReportFiles(model, run.first.cost.monthly, { chartJsSource: await chartJsBrowserBundle() });
      await writeReportForUser(directory, files);
      if (sensitivity) {
        const brief = renderSensitivityBrief(sensitivity);
        if (flags.json) io.err(brief);
        else io.out(`\n${brief}`);
      }
      const where = `Report written to ${directory}/ (open ${join(directory, 'report.html')}): ${files.map((f) => f.path).join(', ')}\n`;
      if (flags.json) io.err(where);
      else io.out(`\n${where}`);
    }
    return ExitCode.ok;
  } finally {
    progress?.stop();
  }
}

/** The report's Sensitivity section: each assumption at both ends of its plausible range, with a progress bar of its own. */
async function reportSensitivity(input: Omit<SensitivityRunOptions, 'rankBy' | 'onProgress'> & { json: boolean; file: string; sha256: string }): Promise<SensitivityJson> {
  const { json, file, sha256, ...options } = input;
  const progress = progressReporter(!json, 'sensitivity');
  try {
    const { analysis } = await runSensitivity({ ...options, rankBy: 'time', ...(progress ? { onProgress: progress.update } : {}) });
    return buildSensitivityJson({ identity: { name: options.scenario.name, description: options.scenario.description, file, sha256 }, seed: options.seed, analysis, currency: options.scenario.pricing.currency });
  } finally {
    progress?.stop();
  }
}

/** A folder name from a scenario name: lower case, anything unusual becomes "-". */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

/** The command that reproduces this report exactly: same file, seed, runs and pricing. */
function rerunCommand(file: string, json: SimulationJson, flags: SimulateFlags, directory: string): string {
  const args = ['dmap', 'simulate', file, '--seed', String(json.seed), '--runs', String(json.runs)];
  args.push(...pricingRerunArgs(flags));
  if (flags.workload !== undefined) args.push('--workload', flags.workload);
  if (flags.map !== undefined) args.push('--map', flags.map);
  if (flags.sensitivityRuns !== undefined) args.push('--sensitivity-runs', String(flags.sensitivityRuns));
  args.push('--report', directory);
  return args.map(shellQuote).join(' ');
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
