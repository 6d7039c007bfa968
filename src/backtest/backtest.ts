/**
 * A back-test: each figure of a real Map Run against the distribution the model predicts
 * for the same scenario, as a percentile rank and a verdict. Figures the records do not
 * give are left out, and so are figures the prediction has no spread in: those are
 * compared as equal or not. Pure.
 */
import { quantileSorted } from 'simple-statistics';
import type { ReplicationRecord } from '../montecarlo/index.js';
import type { ActualRun } from './actual-run.js';
import { percentileRank, verdictOf, type Direction } from './percentile-rank.js';

export interface BacktestFigure {
  id: string;
  label: string;
  unit: 's' | 'USD' | 'count';
  actual: number;
  predicted: { p1: number; p10: number; p50: number; p90: number; p99: number };
  /** 0..1, mid-rank. */
  percentileRank: number;
  verdict: string;
}

export interface BacktestResult {
  runs: number;
  figures: BacktestFigure[];
  /** The actual status against the predicted chance of failing. */
  status: { actual: ActualRun['status']; predictedFailureProbability: number; verdict: string };
  /** What the records could not be compared on, in words. */
  notCompared: string[];
}

interface FigureSource {
  id: string;
  label: string;
  unit: BacktestFigure['unit'];
  direction: Direction;
  actual: (run: ActualRun) => number | undefined;
  predicted: (record: ReplicationRecord) => number;
  missing: string;
}

const FIGURES: readonly FigureSource[] = [
  { id: 'wallTimeSeconds', label: 'Wall time', unit: 's', direction: 'lower-is-better', actual: (r) => r.wallTimeSeconds, predicted: (p) => p.wallTimeMs / 1000, missing: 'wall time: the Map Run has no stopDate (still running)' },
  { id: 'costUsd', label: 'Cost per run', unit: 'USD', direction: 'lower-is-better', actual: (r) => r.costUsd, predicted: (p) => p.costUsd, missing: 'cost: give it with --cost-usd (from the bill)' },
  { id: 'failedItems', label: 'Items failed or timed out', unit: 'count', direction: 'lower-is-better', actual: (r) => r.items.failed + r.items.timedOut, predicted: (p) => p.counters.failedItems + p.counters.timedOutItems, missing: '' },
  { id: 'pendingItems', label: 'Items pending (never started)', unit: 'count', direction: 'lower-is-better', actual: (r) => r.items.pending, predicted: (p) => p.counters.pendingItems, missing: '' },
  { id: 'throttles', label: 'Throttled attempts', unit: 'count', direction: 'lower-is-better', actual: (r) => r.throttles, predicted: (p) => p.counters.throttles, missing: 'throttles: give them with --throttles (CloudWatch Throttles of the function)' },
  { id: 'firstChildStartSeconds', label: 'First child started after', unit: 's', direction: 'lower-is-better', actual: (r) => r.firstChildStartSeconds, predicted: (p) => p.counters.firstChildStartSeconds, missing: 'first child start and child spans: give the children with --executions (ListExecutions)' },
  { id: 'meanChildSeconds', label: 'Mean child span', unit: 's', direction: 'lower-is-better', actual: (r) => r.meanChildSeconds, predicted: (p) => p.counters.meanChildSeconds, missing: '' },
];

export function backtest(actual: ActualRun, predictions: readonly ReplicationRecord[]): BacktestResult {
  if (predictions.length === 0) throw new RangeError('no predicted runs');
  const figures: BacktestFigure[] = [];
  const notCompared: string[] = [];
  for (const source of FIGURES) {
    const value = source.actual(actual);
    if (value === undefined) {
      if (source.missing) notCompared.push(source.missing);
      continue;
    }
    const sorted = predictions.map(source.predicted).sort((a, b) => a - b);
    const rank = percentileRank(sorted, value);
    figures.push({
      id: source.id,
      label: source.label,
      unit: source.unit,
      actual: value,
      predicted: { p1: quantileSorted(sorted, 0.01), p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9), p99: quantileSorted(sorted, 0.99) },
      percentileRank: rank,
      verdict: sorted[0] === sorted[sorted.length - 1] ? (value === sorted[0] ? 'as predicted (every run agrees)' : `not as predicted (every run gives ${sorted[0]})`) : verdictOf(rank, source.direction),
    });
  }
  const failedRuns = predictions.filter((p) => p.failed).length;
  const probability = failedRuns / predictions.length;
  const failed = actual.status === 'FAILED';
  const status = {
    actual: actual.status,
    predictedFailureProbability: probability,
    verdict:
      actual.status === 'RUNNING' || actual.status === 'ABORTED'
        ? `not comparable (${actual.status.toLowerCase()})`
        : failed === probability >= 0.5
          ? 'as most runs predicted'
          : failed
            ? `a surprise: it failed where ${formatShare(1 - probability)} of predicted runs succeed`
            : `better than predicted: it succeeded where ${formatShare(probability)} of predicted runs fail`,
  };
  return { runs: predictions.length, figures, status, notCompared };
}

function formatShare(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 ? 1 : 0)} %`;
}
