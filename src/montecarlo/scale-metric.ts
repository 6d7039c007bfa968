/**
 * A metric's summary multiplied by a positive constant: every statistic (mean, sd,
 * percentiles and their intervals) scales with it, so the summary of `k × X` needs no
 * second pass over the runs. Used for a month of `runsPerMonth` runs like each simulated
 * one: its cost is the run's cost × runsPerMonth. Pure.
 */
import type { MetricSummary } from './metric-summary.js';

export function scaleMetric(m: MetricSummary, factor: number): MetricSummary {
  if (!(factor > 0)) throw new RangeError(`scale factor must be above 0 (got ${factor})`);
  const k = (v: number) => v * factor;
  const pair = (p: [number, number]): [number, number] => [k(p[0]), k(p[1])];
  return {
    n: m.n,
    mean: k(m.mean),
    sd: k(m.sd),
    min: k(m.min),
    max: k(m.max),
    p50: k(m.p50),
    p90: k(m.p90),
    p95: k(m.p95),
    p99: k(m.p99),
    ci95: { mean: pair(m.ci95.mean), p50: pair(m.ci95.p50), p90: pair(m.ci95.p90), p95: pair(m.ci95.p95), p99: pair(m.ci95.p99) },
  };
}
