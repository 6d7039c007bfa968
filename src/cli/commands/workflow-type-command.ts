/**
 * `dmap workflow-type <scenario> [--batch-sizes 50,100,...]`: Standard or Express
 * children, across batch sizes, and the break-even.
 */
import { join } from 'node:path';
import { formatProblem, UserInputError } from '../../errors.js';
import { loadScenarioOrDefinition } from '../../importer/load-scenario-or-definition.js';
import { regionOrThrow } from '../../pricing/load-catalogue.js';
import { catalogueOf, pricingRerunArgs, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { assertFiniteFigures } from '../../report/finite-figures.js';
import { buildWorkflowTypeJson } from '../../report/workflow-type-json.js';
import { renderWorkflowTypeText } from '../../report/workflow-type-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { runWorkflowTypes } from '../../runner/run-workflow-types.js';
import { sha256Hex } from '../file-hash.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { shellQuote, slug } from './simulate-command.js';

export interface WorkflowTypeFlags extends PricingFlags {
  batchSizes?: number[];
  runs?: number;
  seed?: number;
  workers?: number;
  json?: boolean;
  report?: string | boolean;
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
}

export const DEFAULT_BATCH_SIZES = [10, 50, 100, 250, 500, 1000];
export const DEFAULT_WORKFLOW_TYPE_RUNS = 20;

export async function runWorkflowTypeCommand(file: string, flags: WorkflowTypeFlags, io: CliOutput): Promise<number> {
  const loaded = withPricingFlags(await loadScenarioOrDefinition(file, {}), flags);
  const catalogue = await catalogueOf(flags);
  regionOrThrow(catalogue, loaded.scenario.region);
  const batchSizes = [...new Set(flags.batchSizes ?? DEFAULT_BATCH_SIZES)].sort((a, b) => a - b);
  if (batchSizes.length === 0) throw new UserInputError([{ field: '--batch-sizes', message: 'needs at least one batch size' }]);
  const runs = flags.runs ?? DEFAULT_WORKFLOW_TYPE_RUNS;
  const seed = flags.seed ?? loaded.scenario.seed;
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, seed, catalogue, 'the scenario\'s first run');
  const progress = progressReporter(!flags.json, 'child types');
  let comparison;
  try {
    comparison = await runWorkflowTypes(loaded.document, loaded.scenario, batchSizes, {
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
  const json = buildWorkflowTypeJson({ identity: { name: loaded.scenario.name, description: loaded.scenario.description, file, sha256: sha256Hex(loaded.text) }, seed, runs, comparison, currency: loaded.scenario.pricing.currency });
  assertFiniteFigures(json, { document: loaded.document, file, what: 'scenario', catalogue, ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}) });
  if (flags.json) io.out(`${JSON.stringify(json, null, 2)}\n`);
  else {
    for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
    io.out(renderWorkflowTypeText(json));
  }
  if (flags.report !== undefined && flags.report !== false) {
    const directory = typeof flags.report === 'string' ? flags.report : join('reports', `${slug(loaded.scenario.name)}-workflow-type`);
    const [{ renderWorkflowTypeReportFiles }, { chartJsBrowserBundle }, { writeReportForUser }] = await Promise.all([
      import('../../report/workflow-type-report-files.js'),
      import('../chart-js-source.js'),
      import('../write-report-directory.js'),
    ]);
    const rerun = ['dmap', 'workflow-type', file, '--batch-sizes', batchSizes.join(','), '--runs', String(runs), '--seed', String(seed), ...pricingRerunArgs(flags), '--report', directory];
    const files = await renderWorkflowTypeReportFiles(json, { chartJsSource: await chartJsBrowserBundle(), rerunCommand: rerun.map(shellQuote).join(' ') });
    await writeReportForUser(directory, files);
    const where = `Report written to ${directory}/ (open ${join(directory, 'workflow-type.html')}): ${files.map((f) => f.path).join(', ')}\n`;
    if (flags.json) io.err(where);
    else io.out(`\n${where}`);
  }
  return ExitCode.ok;
}
