/**
 * `dmap backtest <scenario> --map-run <describe-map-run.json> [--executions <list-executions.json>]`:
 * where a real Map Run's figures fall in the model's prediction for the same scenario.
 */
import { join } from 'node:path';
import { actualRunOf, backtest } from '../../backtest/index.js';
import { describeMapRunSchema, listExecutionsSchema } from '../../aws-records/index.js';
import { formatProblem } from '../../errors.js';
import { loadScenarioOrDefinition } from '../../importer/load-scenario-or-definition.js';
import { validateDocument } from '../../input/document-issues.js';
import { parseLocated } from '../../input/parse-located.js';
import { readTextFile } from '../../input/read-text-file.js';
import { catalogueOf, pricingRerunArgs, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { buildBacktestJson } from '../../report/backtest-json.js';
import { renderBacktestText } from '../../report/backtest-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { simulate } from '../../simulate.js';
import { sha256Hex } from '../file-hash.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { shellQuote, slug } from './simulate-command.js';
import type { z } from 'zod';

export interface BacktestFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  mapRun: string;
  executions?: string;
  costUsd?: number;
  throttles?: number;
  runs?: number;
  seed?: number;
  workers?: number;
  json?: boolean;
  report?: string | boolean;
}

export const DEFAULT_BACKTEST_RUNS = 200;

export async function runBacktestCommand(file: string, flags: BacktestFlags, io: CliOutput): Promise<number> {
  const loaded = withPricingFlags(await loadScenarioOrDefinition(file, {}), flags);
  const mapRun = await readRecord(flags.mapRun, 'DescribeMapRun output', describeMapRunSchema);
  const executions = flags.executions ? await readRecord(flags.executions, 'ListExecutions output', listExecutionsSchema) : undefined;
  const catalogue = await catalogueOf(flags);
  if (flags.strictPrices) assertScenarioPriced(loaded.scenario, flags.seed ?? loaded.scenario.seed, catalogue, 'the scenario\'s first run');
  const runs = flags.runs ?? DEFAULT_BACKTEST_RUNS;
  const identity = { name: loaded.scenario.name, description: loaded.scenario.description, file, sha256: sha256Hex(loaded.text) };
  const progress = progressReporter(!flags.json, 'back-test');
  let simulation;
  try {
    simulation = await simulate(loaded.scenario, {
      runs,
      workers: flags.workers ?? defaultWorkerCount(),
      identity,
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      catalogue,
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.force ? { force: true } : {}),
      document: loaded.document,
      ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}),
    });
  } finally {
    progress?.stop();
  }
  const actual = actualRunOf(mapRun, executions, { ...(flags.costUsd !== undefined ? { costUsd: flags.costUsd } : {}), ...(flags.throttles !== undefined ? { throttles: flags.throttles } : {}) });
  const json = buildBacktestJson({
    identity,
    records: { mapRun: flags.mapRun, ...(flags.executions ? { executions: flags.executions } : {}) },
    mapRunArn: mapRun.mapRunArn,
    seed: simulation.json.seed,
    actual,
    result: backtest(actual, simulation.run.records),
    currency: loaded.scenario.pricing.currency,
  });
  if (executions && executions.executions.length < mapRun.executionCounts.total) {
    io.err(`warning: ${flags.executions} lists ${executions.executions.length} of the Map Run's ${mapRun.executionCounts.total} children (use list-executions without --max-items, or merge its pages)\n`);
  }
  if (flags.json) io.out(`${JSON.stringify(json, null, 2)}\n`);
  else {
    for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
    io.out(renderBacktestText(json));
  }
  if (flags.report !== undefined && flags.report !== false) {
    const directory = typeof flags.report === 'string' ? flags.report : join('reports', `${slug(loaded.scenario.name)}-backtest`);
    const [{ buildReportModel }, { renderReportFiles }, { chartJsBrowserBundle }, { writeReportForUser }] = await Promise.all([
      import('../../report/build-report.js'),
      import('../../report/report-files.js'),
      import('../chart-js-source.js'),
      import('../write-report-directory.js'),
    ]);
    const model = buildReportModel({ result: simulation.json, scenario: loaded.scenario, rawDocument: loaded.document, command: rerunCommand(file, json.seed, runs, flags, directory), backtest: json });
    const files = await renderReportFiles(model, simulation.run.first.cost.monthly, { chartJsSource: await chartJsBrowserBundle() });
    const withBacktest = [...files, { path: 'backtest.json', content: `${JSON.stringify(json, null, 2)}\n` }];
    await writeReportForUser(directory, withBacktest);
    const where = `Report written to ${directory}/ (open ${join(directory, 'report.html')}): ${withBacktest.map((f) => f.path).join(', ')}\n`;
    if (flags.json) io.err(where);
    else io.out(`\n${where}`);
  }
  return ExitCode.ok;
}

/** A JSON record file, every problem located at its line and field. */
async function readRecord<S extends z.ZodType>(file: string, what: string, schema: S): Promise<z.output<S>> {
  const text = await readTextFile(file, what);
  return parseLocated(text, file, (document) => {
    const validation = validateDocument(schema, document);
    return validation.ok ? { ok: true, value: validation.value, warnings: [] } : validation;
  }).value;
}

function rerunCommand(file: string, seed: number, runs: number, flags: BacktestFlags, directory: string): string {
  const args = ['dmap', 'backtest', file, '--map-run', flags.mapRun];
  if (flags.executions) args.push('--executions', flags.executions);
  if (flags.costUsd !== undefined) args.push('--cost-usd', String(flags.costUsd));
  if (flags.throttles !== undefined) args.push('--throttles', String(flags.throttles));
  args.push('--seed', String(seed), '--runs', String(runs));
  args.push(...pricingRerunArgs(flags));
  args.push('--report', directory);
  return args.map(shellQuote).join(' ');
}
