/**
 * Statistics across replications: every metric summarised with percentiles and 95 %
 * intervals, the chance the Map Run fails, and each time series as a median with a
 * p10–p90 band. Computed from records in replication order, so the result does not
 * depend on how many worker threads produced them. Pure.
 */
import { quantileSorted } from 'simple-statistics';
import type { TimeSeries } from '../model/index.js';
import { proportionInterval, summarizeMetric, type MetricSummary } from './metric-summary.js';
import type { ReplicationCounters, ReplicationRecord } from './replication.js';

export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface SimulationSummary {
  runs: number;
  wallTimeSeconds: MetricSummary;
  costUsd: MetricSummary;
  costByLine: Record<string, MetricSummary>;
  counters: Record<keyof ReplicationCounters, MetricSummary>;
  /** Runs that ended FAILED (tolerated-failure threshold or data limit). */
  failure: { runsFailed: number; probability: number; ci95: [number, number] };
  timeSeries: {
    bucketSeconds: number;
    runningChildren: Band;
    runningInvocations: Band;
    environments: Band;
    throttles: Band;
    itemsCompleted: Band;
  };
}

const SERIES = ['runningChildren', 'runningInvocations', 'environments', 'throttles', 'itemsCompleted'] as const;

export function summarizeReplications(records: readonly ReplicationRecord[]): SimulationSummary {
  if (records.length === 0) throw new RangeError('no replications to summarise');
  const lineKeys = [...new Set(records.flatMap((r) => Object.keys(r.costByLine)))].sort();
  const counterKeys = Object.keys((records[0] as ReplicationRecord).counters).sort() as Array<keyof ReplicationCounters>;
  const runsFailed = records.filter((r) => r.failed).length;
  const series = records.map((r) => r.timeSeries);
  return {
    runs: records.length,
    wallTimeSeconds: summarizeMetric(records.map((r) => r.wallTimeMs / 1000)),
    costUsd: summarizeMetric(records.map((r) => r.costUsd)),
    costByLine: Object.fromEntries(lineKeys.map((key) => [key, summarizeMetric(records.map((r) => r.costByLine[key] ?? 0))])),
    counters: Object.fromEntries(counterKeys.map((key) => [key, summarizeMetric(records.map((r) => r.counters[key]))])) as SimulationSummary['counters'],
    failure: { runsFailed, probability: runsFailed / records.length, ci95: proportionInterval(runsFailed, records.length) },
    timeSeries: {
      bucketSeconds: (series[0] as TimeSeries).bucketMs / 1000,
      ...(Object.fromEntries(SERIES.map((name) => [name, band(series.map((s) => s[name]))])) as Record<(typeof SERIES)[number], Band>),
    },
  };
}

/** Per bucket, the 10th, 50th and 90th percentile across runs; a run that has ended counts as 0. */
function band(runs: number[][]): Band {
  const length = Math.max(...runs.map((r) => r.length));
  const result: Band = { p10: [], p50: [], p90: [] };
  const column = new Float64Array(runs.length);
  for (let bucket = 0; bucket < length; bucket++) {
    runs.forEach((run, i) => (column[i] = run[bucket] ?? 0));
    const sorted = Array.from(column.sort());
    result.p10.push(quantileSorted(sorted, 0.1));
    result.p50.push(quantileSorted(sorted, 0.5));
    result.p90.push(quantileSorted(sorted, 0.9));
  }
  return result;
}
