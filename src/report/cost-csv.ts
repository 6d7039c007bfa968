/**
 * Cost lines as CSV for a spreadsheet: a header row, one row per line, then the totals.
 * Money columns hold the exact decimals (cut at 12 places, where a repeating quotient
 * would run to 60) and cent-rounded values side by side. The last columns say which run
 * or statistic each row holds (`statistic`) and over what (`scope`: a month, or one run),
 * so a row read on its own cannot be mistaken for another figure; with a display
 * currency, each cost is also converted at the user's rate.
 */
import { stringify } from 'csv-stringify/sync';
import type { CostReport } from '../pricing/index.js';
import { atMostDecimals, Money, plain } from '../pricing/decimal.js';
import { convertUsd, currencyNote, type DisplayCurrency } from './format-money.js';

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
  'statistic',
  'scope',
] as const;

const CURRENCY_COLUMNS = ['currency', 'cost_in_currency', 'cost_in_currency_cents'] as const;

/** A statistic of one cost line (or the total) across runs, as a row of its own. */
export interface CostStatisticRow {
  service: string;
  item: string;
  statistic: 'mean' | 'p50' | 'p90';
  scope: string;
  costUsd: number;
}

export interface CostCsvOptions {
  /** Which run the lines are: `replication 0` for a simulation; `usage document` for `dmap price`. */
  statistic?: string;
  /** What the lines cover: `month of 30 runs`, `month`. */
  scope?: string;
  /** The exact cost of one run, when the lines are a month of several runs. */
  perRun?: { costUsd: string; scope: string };
  /** Statistics across runs, after the lines. */
  statistics?: CostStatisticRow[];
  currency?: DisplayCurrency;
}

export function renderCostCsv(report: CostReport, options: CostCsvOptions = {}): string {
  const statistic = options.statistic ?? 'usage document';
  const scope = options.scope ?? 'month';
  const currency = options.currency;
  const converted = (usd: string | null, cents: string | null = usd) =>
    currency ? [currency.code, usd === null ? 'UNPRICED' : atMostDecimals(plain(convertUsd(usd, currency))), cents === null ? 'UNPRICED' : convertUsd(cents, currency).toFixed(2)] : [];
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
    statistic,
    scope,
    ...converted(l.costUsd, l.costUsdCents),
  ]);
  const excludes = report.unpricedKeys.length > 0 ? ' (excludes the UNPRICED lines)' : '';
  const rate = currency ? `; ${currencyNote(currency)}` : '';
  rows.push(
    ['total', '', 'Total (exact)', '', '', '', '', '', atMostDecimals(report.totalUsd), '', `sum of the lines above${excludes}${rate}`, '', statistic, scope, ...converted(report.totalUsd, null).map((c, i) => (i === 2 ? '' : c))],
    ['total', '', 'Total as AWS bills', '', '', '', '', '', '', report.totalUsdAwsRounded, `sum of the lines each rounded to cents${excludes}`, '', statistic, scope, ...converted(null, report.totalUsdAwsRounded).map((c, i) => (i === 1 ? '' : c))],
  );
  if (options.perRun) {
    const { costUsd, scope: runScope } = options.perRun;
    rows.push(['total', '', 'Cost per run (exact)', '', '', '', '', '', atMostDecimals(costUsd), '', 'Total (exact) ÷ runs a month', '', statistic, runScope, ...converted(costUsd, null).map((c, i) => (i === 2 ? '' : c))]);
  }
  for (const s of options.statistics ?? []) {
    const usd = plain(new Money(s.costUsd).toDecimalPlaces(8));
    rows.push(['statistic', s.service, s.item, '', '', '', '', '', usd, '', `${{ mean: 'mean', p50: 'P50', p90: 'P90' }[s.statistic]} across the simulated runs, exact`, '', s.statistic, s.scope, ...converted(usd, null).map((c, i) => (i === 2 ? '' : c))]);
  }
  return stringify(rows, { header: true, columns: [...COLUMNS, ...(currency ? CURRENCY_COLUMNS : [])], record_delimiter: '\n' });
}
