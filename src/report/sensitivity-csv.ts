/**
 * sensitivity.csv, for a spreadsheet: the baseline, then one row per assumption and
 * end in ranked order, with the end's setting and figures and their change from the
 * baseline. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import type { EndJson, OutcomeJson, SensitivityJson } from './sensitivity-json.js';

const COLUMNS = [
  'rank',
  'id',
  'path',
  'label',
  'confidence',
  'end',
  'setting',
  'value',
  'p90_wall_time_seconds',
  'p90_cost_usd',
  'failure_probability',
  'failure_ci95_low',
  'failure_ci95_high',
  'deadline_miss_probability',
  'change_p90_wall_time_seconds',
  'change_p90_cost_usd',
  'change_failure_probability',
] as const;

/** With a display currency: its code and rate, then the money columns converted (the USD columns stay as they are). */
const CURRENCY_COLUMNS = ['currency', 'currency_per_usd', 'rate_date', 'p90_cost_in_currency', 'change_p90_cost_in_currency'] as const;

export function renderSensitivityCsv(s: SensitivityJson): string {
  const figures = (o: OutcomeJson) => [o.wallTimeSeconds.p90, o.costUsd.p90, o.failure.probability, o.failure.ci95[0], o.failure.ci95[1], o.deadline?.missProbability ?? ''];
  const head = s.currency;
  const converted = (o: OutcomeJson, change: number | undefined) => (head ? [head.code, head.perUsd, head.date, o.costInCurrency?.p90 ?? '', change ?? ''] : []);
  const rows: Array<Array<string | number>> = [['', 'baseline', '', 'Baseline', '', '', '', '', ...figures(s.baseline), 0, 0, 0, ...converted(s.baseline, 0)]];
  for (const a of s.assumptions) {
    for (const [end, e] of [['low', a.low], ['high', a.high]] as Array<[string, EndJson]>) {
      rows.push([a.rank, a.id, a.path, a.label, a.confidence, end, e.settingText, e.valueText, ...figures(e), e.change.wallTimeSecondsP90, e.change.costUsdP90, e.change.failureProbability, ...converted(e, e.change.costInCurrencyP90)]);
    }
  }
  return stringify(rows, { header: true, columns: [...COLUMNS, ...(head ? CURRENCY_COLUMNS : [])], record_delimiter: '\n' });
}
