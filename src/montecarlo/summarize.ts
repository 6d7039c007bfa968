/**
 * Statistics across replications: every metric summarised with percentiles and 95 %
 * intervals, the chance the Map Run fails, and each time series as a median with a
 * p10–p90 band. Computed from records in replication order, so the result does not
 * depend on how many worker threads produced them. Pure.
 */
import { quantile } from 'simple-statistics';
import { BOUND_CAUSES, type BoundCause, type TimeSeries } from '../model/index.js';
import { withCommonBucketWidth } from '../model/time-series.js';
import { NON_NEGATIVE, NON_POSITIVE, proportionInterval, summarizeMetric, type MetricSummary } from './metric-summary.js';
import type { ReplicationCounters, ReplicationRecord } from './replication.js';

export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** Counts of runs per bin; `edges` has one more entry than `counts`. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

export interface SimulationSummary {
  runs: number;
  /** Distribution of the runs, for charts. */
  histograms: { wallTimeSeconds: Histogram; costUsd: Histogram };
  wallTimeSeconds: MetricSummary;
  costUsd: MetricSummary;
  costByLine: Record<string, MetricSummary>;
  counters: Record<keyof ReplicationCounters, MetricSummary>;
  /** Runs that ended FAILED (tolerated-failure threshold or data limit). */
  failure: { runsFailed: number; probability: number; ci95: [number, number] };
  /** Failed invocation attempts by error name, summed over all runs, sorted by name. */
  failuresByError: Record<string, number>;
  /** What bounded the runs: each cause's share of the wall time along the critical path, averaged over runs (0..1). */
  boundByShare: Record<BoundCause, number>;
  timeSeries: {
    bucketSeconds: number;
    runningChildren: Band;
    runningInvocations: Band;
    environments: Band;
    throttles: Band;
    itemsCompleted: Band;
    /** Items completed so far, per bucket: a run that has ended keeps its final count. */
    itemsCompletedSoFar: Band;
  };
}

const SERIES = ['runningChildren', 'runningInvocations', 'environments', 'throttles', 'itemsCompleted'] as const;

export function summarizeReplications(records: readonly ReplicationRecord[]): SimulationSummary {
  if (records.length === 0) throw new RangeError('no replications to summarise');
  const lineKeys = [...new Set(records.flatMap((r) => Object.keys(r.costByLine)))].sort();
  const counterKeys = Object.keys((records[0] as ReplicationRecord).counters).sort() as Array<keyof ReplicationCounters>;
  const runsFailed = records.filter((r) => r.failed).length;
  // A long run may have widened its buckets (time-series.ts): bands need one width.
  const series = withCommonBucketWidth(records.map((r) => r.timeSeries));
  const wallTimes = records.map((r) => r.wallTimeMs / 1000);
  const costs = records.map((r) => r.costUsd);
  return {
    runs: records.length,
    histograms: { wallTimeSeconds: histogram(wallTimes), costUsd: histogram(costs) },
    wallTimeSeconds: summarizeMetric(wallTimes, NON_NEGATIVE),
    costUsd: summarizeMetric(costs, NON_NEGATIVE),
    costByLine: Object.fromEntries(lineKeys.map((key) => [key, lineSummary(records.map((r) => r.costByLine[key] ?? 0))])),
    counters: Object.fromEntries(counterKeys.map((key) => [key, summarizeMetric(records.map((r) => r.counters[key]), NON_NEGATIVE)])) as SimulationSummary['counters'],
    failure: { runsFailed, probability: runsFailed / records.length, ci95: proportionInterval(runsFailed, records.length) },
    failuresByError: sumByKey(records.map((r) => r.failuresByError)),
    boundByShare: meanShares(records),
    timeSeries: {
      bucketSeconds: (series[0] as TimeSeries).bucketMs / 1000,
      ...(Object.fromEntries(SERIES.map((name) => [name, band(series.map((s) => s[name]))])) as Record<(typeof SERIES)[number], Band>),
      itemsCompletedSoFar: band(series.map((s) => runningSum(s.itemsCompleted)), 'last'),
    },
  };
}

/** A cost line: a charge is never below 0, a credit (free tier, discount) never above. */
function lineSummary(values: number[]): MetricSummary {
  return summarizeMetric(values, values.some((v) => v < 0) ? NON_POSITIVE : NON_NEGATIVE);
}

/** Each cause's share of each run's wall time, averaged over the runs. */
function meanShares(records: readonly ReplicationRecord[]): Record<BoundCause, number> {
  const shares = Object.fromEntries(BOUND_CAUSES.map((cause) => [cause, 0])) as Record<BoundCause, number>;
  for (const record of records) {
    if (record.wallTimeMs <= 0) continue;
    for (const cause of BOUND_CAUSES) shares[cause] += record.boundByMs[cause] / record.wallTimeMs / records.length;
  }
  return shares;
}

const BAND_PROBABILITIES = [0.1, 0.5, 0.9];

/**
 * Per bucket, the 10th, 50th and 90th percentile across runs; a run that has ended
 * counts as 0, or as its last value for a running total (`afterEnd: 'last'`): the median
 * of totals, unlike a sum of medians, ends at the median total. Selection
 * (simple-statistics' quickselect), not a sort per bucket: with 10,000 runs and hundreds
 * of buckets, sorting each column was most of the summary.
 */
function band(runs: number[][], afterEnd: 'zero' | 'last' = 'zero'): Band {
  const length = Math.max(...runs.map((r) => r.length));
  const result: Band = { p10: [], p50: [], p90: [] };
  const column = new Array<number>(runs.length);
  for (let bucket = 0; bucket < length; bucket++) {
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i] as number[];
      column[i] = run[bucket] ?? (afterEnd === 'last' ? (run[run.length - 1] ?? 0) : 0);
    }
    const [p10, p50, p90] = quantile(column, BAND_PROBABILITIES) as [number, number, number];
    result.p10.push(p10);
    result.p50.push(p50);
    result.p90.push(p90);
  }
  return result;
}

/**
 * Equal-width bins over the sample's range: √n bins, between 5 and 40 (one bin when
 * every value is the same).
 */
export function histogram(values: readonly number[]): Histogram {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (!(high > low)) return { edges: [low, high], counts: [values.length] };
  const bins = Math.min(40, Math.max(5, Math.round(Math.sqrt(values.length))));
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - low) / width))]! += 1;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width)), counts };
}

function runningSum(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

function sumByKey(maps: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const map of maps) for (const [key, count] of Object.entries(map)) totals.set(key, (totals.get(key) ?? 0) + count);
  return Object.fromEntries([...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
