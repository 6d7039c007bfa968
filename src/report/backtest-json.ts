/**
 * The versioned result of `dmap backtest --json` (docs/json-output.md): the actual run
 * as its records give it, each compared figure with the predicted percentiles, its
 * percentile rank and verdict, and what could not be compared. Rounded so it is
 * byte-identical for the same inputs, seed, run count and version. Pure.
 */
import type { ActualRun, BacktestResult } from '../backtest/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import type { ScenarioIdentity } from './simulation-json.js';
import { currencyHead, usdInCurrency, type CurrencyHeadJson } from './currency-json.js';
import type { DisplayCurrency } from './format-money.js';

export const BACKTEST_FORMAT = 'dmap-planner/backtest';
export const BACKTEST_FORMAT_VERSION = 1;

export interface BacktestJson {
  format: typeof BACKTEST_FORMAT;
  formatVersion: typeof BACKTEST_FORMAT_VERSION;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  /** The record files the actual run came from. */
  records: { mapRun: string; executions?: string };
  mapRunArn: string;
  seed: number;
  runs: number;
  actual: ActualRun;
  status: BacktestResult['status'];
  /** A figure in USD has, with a display currency, `inCurrency`: its actual and predicted values converted. */
  figures: Array<BacktestResult['figures'][number] & { inCurrency?: FigureInCurrency }>;
  notCompared: string[];
  /** With a display currency (--currency): the user's rate. */
  currency?: CurrencyHeadJson;
}

/** A USD figure's values in the display currency: the rounded USD × the rate, exact. */
export interface FigureInCurrency {
  actual: number;
  predicted: { p1: number; p10: number; p50: number; p90: number; p99: number };
}

export function buildBacktestJson(input: {
  identity: ScenarioIdentity;
  records: BacktestJson['records'];
  mapRunArn: string;
  seed: number;
  actual: ActualRun;
  result: BacktestResult;
  currency?: DisplayCurrency | undefined;
}): BacktestJson {
  const { result, currency } = input;
  const r = (v: number, unit: string) => roundTo(v, unit === 'USD' ? 8 : 3);
  return {
    format: BACKTEST_FORMAT,
    formatVersion: BACKTEST_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    records: input.records,
    mapRunArn: input.mapRunArn,
    seed: input.seed,
    runs: result.runs,
    actual: roundActual(input.actual),
    status: { ...result.status, predictedFailureProbability: roundTo(result.status.predictedFailureProbability, 6) },
    figures: result.figures.map((f) => {
      const figure = {
        ...f,
        actual: r(f.actual, f.unit),
        predicted: { p1: r(f.predicted.p1, f.unit), p10: r(f.predicted.p10, f.unit), p50: r(f.predicted.p50, f.unit), p90: r(f.predicted.p90, f.unit), p99: r(f.predicted.p99, f.unit) },
        percentileRank: roundTo(f.percentileRank, 6),
      };
      return currency && f.unit === 'USD' ? { ...figure, inCurrency: figureInCurrency(figure, currency) } : figure;
    }),
    notCompared: result.notCompared,
    ...(currency ? { currency: currencyHead(currency) } : {}),
  };
}

function figureInCurrency(f: { actual: number; predicted: FigureInCurrency['predicted'] }, currency: DisplayCurrency): FigureInCurrency {
  const c = (usd: number) => usdInCurrency(usd, currency);
  return { actual: c(f.actual), predicted: { p1: c(f.predicted.p1), p10: c(f.predicted.p10), p50: c(f.predicted.p50), p90: c(f.predicted.p90), p99: c(f.predicted.p99) } };
}

function roundActual(actual: ActualRun): ActualRun {
  const seconds = (v: number | undefined) => (v === undefined ? undefined : roundTo(v, 3));
  const copy: ActualRun = { ...actual };
  for (const key of ['wallTimeSeconds', 'firstChildStartSeconds', 'meanChildSeconds'] as const) {
    const value = seconds(copy[key]);
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}
