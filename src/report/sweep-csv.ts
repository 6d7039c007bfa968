/**
 * sweep.csv, for a spreadsheet: one row per configuration with its settings, the runs
 * behind it, the figures of the table, what failure costs and, when a race dropped it,
 * why. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import type { SweepJson } from './sweep-json.js';

/** With a display currency: its code and rate, then each money column converted (the USD columns stay as they are). */
const CURRENCY_COLUMNS = ['currency', 'currency_per_usd', 'rate_date', 'cost_p10_in_currency', 'cost_p50_in_currency', 'cost_p90_in_currency', 'expected_cost_in_currency', 'cost_at_risk_p90_in_currency', 'cost_at_risk_p99_in_currency'];

export function renderSweepCsv(s: SweepJson): string {
  const paths = s.variations.map((v) => v.path);
  const columns = [
    'index',
    ...paths,
    'runs',
    'wall_time_seconds_p10',
    'wall_time_seconds_p50',
    'wall_time_seconds_p90',
    'cost_usd_p10',
    'cost_usd_p50',
    'cost_usd_p90',
    'goal_probability',
    'goal_ci95_low',
    'goal_ci95_high',
    'failure_probability',
    'deadline_miss_probability',
    'items_to_redrive_mean',
    'expected_cost_usd',
    'cost_at_risk_usd_p90',
    'cost_at_risk_usd_p99',
    'throttles_p90',
    'on_frontier',
    'recommended',
    'failure_cause',
    'race_dropped_after_runs',
    'race_reason',
    ...(s.currency ? CURRENCY_COLUMNS : []),
  ];
  const head = s.currency;
  const rows = s.points.map((p) => {
    const e = p.failureEconomics;
    const c = p.costInCurrency;
    return [
      p.index,
      ...paths.map((path) => String(p.settings[path])),
      p.runs ?? s.runsPerPoint,
      p.wallTimeSeconds.p10 ?? '',
      p.wallTimeSeconds.p50,
      p.wallTimeSeconds.p90,
      p.costUsd.p10 ?? '',
      p.costUsd.p50,
      p.costUsd.p90,
      p.goal?.probability ?? '',
      p.goal?.ci95[0] ?? '',
      p.goal?.ci95[1] ?? '',
      p.failureProbability,
      e?.deadline?.missProbability ?? '',
      e?.itemsToRedriveMean ?? '',
      e?.expectedCostUsd ?? '',
      e?.costAtRiskUsd.p90 ?? '',
      e?.costAtRiskUsd.p99 ?? '',
      p.throttles.p90,
      p.onFrontier,
      p.index === s.recommendation.pointIndex,
      p.failureCause ?? '',
      p.race?.droppedAfterRuns ?? '',
      p.race?.reason ?? '',
      ...(head ? [head.code, head.perUsd, head.date, c?.p10 ?? '', c?.p50 ?? '', c?.p90 ?? '', c?.expectedCost ?? '', c?.costAtRiskP90 ?? '', c?.costAtRiskP99 ?? ''] : []),
    ];
  });
  return stringify(rows, { header: true, columns, record_delimiter: '\n' });
}
