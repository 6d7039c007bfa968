/**
 * The words and table of a back-test, shared by the terminal, Markdown and HTML
 * renderers so they never disagree. Pure.
 */
import type { BacktestFigure } from '../backtest/index.js';
import type { BacktestJson } from './backtest-json.js';
import { formatCount, formatDuration } from './format-duration.js';
import { fineMoney, type DisplayCurrency } from './format-money.js';
import { displayCurrencyOf, noteLinesOf } from './currency-json.js';

export function formatFigure(value: number, unit: BacktestFigure['unit'], currency?: DisplayCurrency): string {
  if (unit === 's') return formatDuration(value * 1000);
  if (unit === 'USD') return fineMoney(currency)(value);
  return formatCount(Math.round(value));
}

export const BACKTEST_COLUMNS = ['Figure', 'Actual', 'Predicted P10', 'P50', 'P90', 'Percentile', 'Verdict'] as const;

export function backtestRows(b: BacktestJson): string[][] {
  const currency = displayCurrencyOf(b.currency);
  return b.figures.map((f) => [
    f.label,
    formatFigure(f.actual, f.unit, currency),
    formatFigure(f.predicted.p10, f.unit, currency),
    formatFigure(f.predicted.p50, f.unit, currency),
    formatFigure(f.predicted.p90, f.unit, currency),
    `P${Math.round(f.percentileRank * 100)}`,
    f.verdict,
  ]);
}

export function statusLine(b: BacktestJson): string {
  const p = b.status.predictedFailureProbability;
  return `Status ${b.status.actual}; predicted to fail in ${(p * 100).toFixed(1)} % of ${formatCount(b.runs)} runs: ${b.status.verdict}.`;
}

export function methodLine(b: BacktestJson): string {
  return `The actual Map Run (${b.records.mapRun}${b.records.executions ? `, ${b.records.executions}` : ''}) against ${formatCount(b.runs)} predicted runs of ${b.scenario.name} (seed ${b.seed}); a percentile is the share of predicted runs below the actual figure, ties counted half.`;
}

/** The rate note `dmap backtest` prints once when a figure in money is shown converted (the report says its own). */
export function backtestCurrencyLines(b: BacktestJson): string[] {
  return b.figures.some((f) => f.unit === 'USD') ? noteLinesOf(b.currency) : [];
}
