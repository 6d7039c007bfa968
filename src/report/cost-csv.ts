/**
 * Cost lines as CSV for a spreadsheet: a header row, one row per line, then the two
 * totals. Money columns hold the exact decimals (cut at 12 places, where a repeating
 * quotient would run to 60) and cent-rounded values side by side.
 */
import { stringify } from 'csv-stringify/sync';
import type { CostReport } from '../pricing/index.js';
import { atMostDecimals } from '../pricing/decimal.js';

const COLUMNS = [
  'kind',
  'service',
  'item',
  'price_key',
  'quantity',
  'unit',
  'unit_price_usd',
  'per',
  'cost_usd',
  'cost_usd_cents',
  'formula',
  'source',
] as const;

export function renderCostCsv(report: CostReport): string {
  const rows = report.lines.map((l) => [
    l.kind,
    l.service,
    l.item,
    l.priceKey ?? '',
    atMostDecimals(l.quantity),
    l.unit,
    l.unitPriceUsd ?? 'UNPRICED',
    l.per,
    l.costUsd === null ? 'UNPRICED' : atMostDecimals(l.costUsd),
    l.costUsdCents ?? 'UNPRICED',
    l.formula,
    l.source ?? '',
  ]);
  const excludes = report.unpricedKeys.length > 0 ? ' (excludes the UNPRICED lines)' : '';
  rows.push(
    ['total', '', 'Total (exact)', '', '', '', '', '', atMostDecimals(report.totalUsd), '', `sum of the lines above${excludes}`, ''],
    ['total', '', 'Total as AWS bills', '', '', '', '', '', '', report.totalUsdAwsRounded, `sum of the lines each rounded to cents${excludes}`, ''],
  );
  return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: '\n' });
}
