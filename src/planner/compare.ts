/**
 * Option A against option B, at P50 and P90, in money and time: the deltas a finance
 * reviewer reads ("B costs $0.31 (34 %) more per run at P90 and finishes 41 s sooner"),
 * line by line. Pure: takes two simulation results.
 */
import type { SimulationJson } from '../report/simulation-json.js';
import { formatDuration } from '../report/format-duration.js';
import { fineMoney, type DisplayCurrency } from '../report/format-money.js';

export const COMPARED_METRICS = ['time-p50', 'time-p90', 'time-mean', 'cost-p50', 'cost-p90', 'cost-mean'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

export interface MetricDelta {
  metric: ComparedMetric;
  a: number;
  b: number;
  /** b − a, in seconds or USD. */
  delta: number;
  /** (b − a) / a in percent; null when a is 0. */
  deltaPercent: number | null;
}

export interface LineDelta {
  line: string;
  aMeanUsd: number;
  bMeanUsd: number;
  deltaUsd: number;
}

export interface Comparison {
  a: { name: string; runs: number };
  b: { name: string; runs: number };
  metrics: MetricDelta[];
  lines: LineDelta[];
  /** The plain-words verdict at P90. */
  verdict: string;
}

/** `currency`: show the verdict's amount in it too, beside USD (the figures stay USD). */
export function compareResults(a: SimulationJson, b: SimulationJson, currency?: DisplayCurrency): Comparison {
  const value = (r: SimulationJson, metric: ComparedMetric): number => {
    const [kind, stat] = metric.split('-') as ['time' | 'cost', 'p50' | 'p90' | 'mean'];
    return (kind === 'time' ? r.summary.wallTimeSeconds : r.summary.costUsd)[stat];
  };
  const metrics = COMPARED_METRICS.map((metric) => {
    const va = value(a, metric);
    const vb = value(b, metric);
    return { metric, a: va, b: vb, delta: vb - va, deltaPercent: va === 0 ? null : ((vb - va) / va) * 100 };
  });
  const keys = [...new Set([...Object.keys(a.summary.costByLine), ...Object.keys(b.summary.costByLine)])].sort();
  const lines = keys.map((line) => {
    const aMeanUsd = a.summary.costByLine[line]?.mean ?? 0;
    const bMeanUsd = b.summary.costByLine[line]?.mean ?? 0;
    return { line, aMeanUsd, bMeanUsd, deltaUsd: bMeanUsd - aMeanUsd };
  });
  const cost = metrics.find((m) => m.metric === 'cost-p90') as MetricDelta;
  const time = metrics.find((m) => m.metric === 'time-p90') as MetricDelta;
  const [nameA, nameB] = distinctNames(a.scenario, b.scenario);
  return {
    a: { name: nameA, runs: a.runs },
    b: { name: nameB, runs: b.runs },
    metrics,
    lines,
    verdict: `B (${nameB}) ${costWords(cost, currency)} per run at P90 and ${timeWords(time)} than A (${nameA}).`,
  };
}

/** A candidate is often a copy of the baseline under the same name: then its file tells them apart. */
function distinctNames(a: SimulationJson['scenario'], b: SimulationJson['scenario']): [string, string] {
  if (a.name !== b.name || !a.file || !b.file || a.file === b.file) return [a.name, b.name];
  return [`${a.name}, ${a.file}`, `${b.name}, ${b.file}`];
}

function costWords(m: MetricDelta, currency: DisplayCurrency | undefined): string {
  if (Math.abs(m.delta) < 0.005) return 'costs the same';
  return `costs ${fineMoney(currency)(Math.abs(m.delta))}${m.deltaPercent === null ? '' : ` (${Math.abs(m.deltaPercent).toFixed(0)} %)`} ${m.delta > 0 ? 'more' : 'less'}`;
}

function timeWords(m: MetricDelta): string {
  if (Math.abs(m.delta) < 0.0005) return 'finishes no sooner or later';
  return `finishes ${formatDuration(Math.abs(m.delta) * 1000)} ${m.delta > 0 ? 'later' : 'sooner'}`;
}

/** Signed, readable delta for tables: "+$0.31 (+34 %)", "−41 s (−12 %)", "0". */
export function formatDelta(m: MetricDelta, currency?: DisplayCurrency): string {
  const percent = m.deltaPercent === null ? '' : ` (${m.deltaPercent >= 0 ? '+' : '−'}${Math.abs(m.deltaPercent).toFixed(1)} %)`;
  if (m.delta === 0) return '0';
  const sign = m.delta > 0 ? '+' : '−';
  const amount = m.metric.startsWith('cost') ? fineMoney(currency)(Math.abs(m.delta)) : formatDuration(Math.abs(m.delta) * 1000);
  return `${sign}${amount}${percent}`;
}

export function formatMetricValue(metric: ComparedMetric, value: number, currency?: DisplayCurrency): string {
  return metric.startsWith('cost') ? fineMoney(currency)(value) : formatDuration(value * 1000);
}

export function metricLabel(metric: ComparedMetric): string {
  const [kind, stat] = metric.split('-') as [string, string];
  return `${kind === 'time' ? 'Wall time' : 'Cost per run'} ${stat === 'mean' ? 'mean' : stat.toUpperCase()}`;
}
