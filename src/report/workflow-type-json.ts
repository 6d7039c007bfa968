/**
 * The versioned result of `dmap workflow-type --json` (docs/json-output.md): Standard and
 * Express children side by side per batch size, and the break-even. Rounded so it is
 * byte-identical for the same inputs, seed, run count and version. Pure.
 */
import type { ChildTypeFigures, WorkflowTypeComparison } from '../planner/workflow-types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import type { ScenarioIdentity } from './simulation-json.js';
import { currencyHead, usdInCurrency, type CurrencyHeadJson } from './currency-json.js';
import type { DisplayCurrency } from './format-money.js';

export const WORKFLOW_TYPE_FORMAT = 'dmap-planner/workflow-type';
export const WORKFLOW_TYPE_FORMAT_VERSION = 1;

export interface WorkflowTypeJson extends WorkflowTypeComparison {
  format: typeof WORKFLOW_TYPE_FORMAT;
  formatVersion: typeof WORKFLOW_TYPE_FORMAT_VERSION;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  runs: number;
  rows: Array<WorkflowTypeComparison['rows'][number] & { inCurrency?: RowInCurrency }>;
  /** With a display currency (--currency): the user's rate; each row then has inCurrency. */
  currency?: CurrencyHeadJson;
}

/** A row's money figures in the display currency: the rounded USD × the rate, exact. */
export interface RowInCurrency {
  standard: { costP50: number; costP90: number; stepFunctionsMean: number };
  express: { costP50: number; costP90: number; stepFunctionsMean: number };
  expressMinusStandard: number;
}

export function buildWorkflowTypeJson(input: { identity: ScenarioIdentity; seed: number; runs: number; comparison: WorkflowTypeComparison; currency?: DisplayCurrency | undefined }): WorkflowTypeJson {
  const currency = input.currency;
  const money = (v: number) => roundTo(v, 8);
  const figures = (f: ChildTypeFigures): ChildTypeFigures => ({
    costUsdP50: money(f.costUsdP50),
    costUsdP90: money(f.costUsdP90),
    stepFunctionsUsdMean: money(f.stepFunctionsUsdMean),
    wallTimeSecondsP50: roundTo(f.wallTimeSecondsP50, 3),
    wallTimeSecondsP90: roundTo(f.wallTimeSecondsP90, 3),
    failureProbability: roundTo(f.failureProbability, 6),
    childrenTimeOut: f.childrenTimeOut,
  });
  return {
    format: WORKFLOW_TYPE_FORMAT,
    formatVersion: WORKFLOW_TYPE_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runs: input.runs,
    rows: input.comparison.rows.map((r) => {
      const row = { ...r, standard: figures(r.standard), express: figures(r.express), expressMinusStandardUsd: money(r.expressMinusStandardUsd) };
      return currency ? { ...row, inCurrency: rowInCurrency(row, currency) } : row;
    }),
    breakEvens: input.comparison.breakEvens.map((b) => ({ ...b, batchSize: roundTo(b.batchSize, 1) })),
    ...(currency ? { currency: currencyHead(currency) } : {}),
  };
}

function rowInCurrency(row: WorkflowTypeComparison['rows'][number], currency: DisplayCurrency): RowInCurrency {
  const c = (usd: number) => usdInCurrency(usd, currency);
  const side = (f: ChildTypeFigures) => ({ costP50: c(f.costUsdP50), costP90: c(f.costUsdP90), stepFunctionsMean: c(f.stepFunctionsUsdMean) });
  return { standard: side(row.standard), express: side(row.express), expressMinusStandard: c(row.expressMinusStandardUsd) };
}
