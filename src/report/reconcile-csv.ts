/**
 * A reconciliation as CSV for a spreadsheet: one record per compared line, bill-only line,
 * estimate-only line and adjustment, then the totals. Exact decimals beside the cents.
 */
import { stringify } from 'csv-stringify/sync';
import type { Reconciliation } from '../reconcile/index.js';
import { billOnlyReason, estimateDiscountLabel } from './reconcile-format.js';
import { plain } from '../pricing/decimal.js';
import { convertUsd, type DisplayCurrency } from './format-money.js';

const COLUMNS = [
  'kind',
  'service',
  'item',
  'price_key',
  'region',
  'product',
  'usage_types',
  'unit',
  'estimated_quantity',
  'billed_quantity',
  'quantity_difference_percent',
  'estimate_usd',
  'billed_usd',
  'difference_usd',
  'estimate_usd_cents',
  'billed_usd_cents',
  'difference_usd_cents',
  'difference_percent',
  'rows',
  'note',
] as const;

type Row = Record<(typeof COLUMNS)[number], string>;

const EMPTY: Row = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Row;

/** With a display currency: its code and rate, then the USD amounts converted (exact, at most 12 decimals). */
const CURRENCY_COLUMNS = ['currency', 'currency_per_usd', 'rate_date', 'estimate_in_currency', 'billed_in_currency', 'difference_in_currency'] as const;

/** `currency`: the amounts converted in columns of their own after the USD ones. */
export function renderReconciliationCsv(r: Reconciliation, currency?: DisplayCurrency): string {
  const rows: Row[] = [];
  for (const l of r.lines) {
    rows.push({
      ...EMPTY,
      kind: 'line',
      service: l.service,
      item: l.item,
      price_key: l.priceKey,
      region: l.region,
      usage_types: l.usageTypes.join(' '),
      unit: l.unit,
      estimated_quantity: l.estimate.quantity,
      billed_quantity: l.billed.quantity ?? '',
      quantity_difference_percent: l.difference.quantityPercent ?? '',
      estimate_usd: l.estimate.costUsd ?? 'UNPRICED',
      billed_usd: l.billed.costUsd,
      difference_usd: l.difference.costUsd ?? '',
      estimate_usd_cents: l.estimate.costUsdCents ?? 'UNPRICED',
      billed_usd_cents: l.billed.costUsdCents,
      difference_usd_cents: l.difference.costUsdCents ?? '',
      difference_percent: l.difference.percent ?? '',
      rows: String(l.billed.rows),
      note: `confidence ${l.confidence}`,
    });
  }
  for (const l of r.billOnly) {
    rows.push({
      ...EMPTY,
      kind: 'bill-only',
      service: l.productName,
      price_key: l.priceKey ?? '',
      region: l.region,
      product: l.product,
      usage_types: l.usageTypes.join(' '),
      unit: l.unit ?? '',
      billed_quantity: l.quantity ?? '',
      billed_usd: l.costUsd,
      billed_usd_cents: l.costUsdCents,
      rows: String(l.rows),
      note: billOnlyReason(l, r.estimate.region),
    });
  }
  for (const l of r.estimateOnly) {
    rows.push({
      ...EMPTY,
      kind: 'estimate-only',
      service: l.service,
      item: l.item,
      price_key: l.priceKey,
      region: l.region,
      unit: l.unit,
      estimated_quantity: l.quantity,
      estimate_usd: l.costUsd ?? 'UNPRICED',
      estimate_usd_cents: l.costUsdCents ?? 'UNPRICED',
    });
  }
  for (const a of r.adjustments) {
    rows.push({ ...EMPTY, kind: 'adjustment', service: a.productName, item: a.lineItemType, product: a.product, billed_usd: a.costUsd, billed_usd_cents: a.costUsdCents, rows: String(a.rows) });
  }
  const t = r.totals;
  rows.push(
    {
      ...EMPTY,
      kind: 'total',
      item: 'Lines on both',
      estimate_usd: t.compared.estimate.costUsd,
      billed_usd: t.compared.billed.costUsd,
      difference_usd: t.compared.difference.costUsd,
      estimate_usd_cents: t.compared.estimate.costUsdCents,
      billed_usd_cents: t.compared.billed.costUsdCents,
      difference_usd_cents: t.compared.difference.costUsdCents,
      difference_percent: t.compared.percent ?? '',
    },
    { ...EMPTY, kind: 'total', item: 'On the bill only', billed_usd: t.billOnly.costUsd, billed_usd_cents: t.billOnly.costUsdCents },
    { ...EMPTY, kind: 'total', item: 'In the estimate only', estimate_usd: t.estimateOnly.costUsd, estimate_usd_cents: t.estimateOnly.costUsdCents },
    {
      ...EMPTY,
      kind: 'total',
      item: 'All usage',
      estimate_usd: t.usage.estimate.costUsd,
      billed_usd: t.usage.billed.costUsd,
      difference_usd: t.usage.difference.costUsd,
      estimate_usd_cents: t.usage.estimate.costUsdCents,
      billed_usd_cents: t.usage.billed.costUsdCents,
      difference_usd_cents: t.usage.difference.costUsdCents,
      difference_percent: t.usage.percent ?? '',
    },
    ...(t.estimateDiscount
      ? [{ ...EMPTY, kind: 'total', item: estimateDiscountLabel(r, false), estimate_usd: t.estimateDiscount.costUsd, estimate_usd_cents: t.estimateDiscount.costUsdCents }]
      : []),
    { ...EMPTY, kind: 'total', item: 'Adjustments', billed_usd: t.adjustments.costUsd, billed_usd_cents: t.adjustments.costUsdCents },
    { ...EMPTY, kind: 'total', item: 'Bill total, usage and adjustments', billed_usd: t.billed.costUsd, billed_usd_cents: t.billed.costUsdCents },
  );
  if (!currency) return stringify(rows, { header: true, columns: [...COLUMNS], record_delimiter: '\n' });
  const convert = (usd: string) => (usd === '' || usd === 'UNPRICED' ? usd : plain(convertUsd(usd, currency).toDecimalPlaces(12)));
  const converted = rows.map((row) => ({
    ...row,
    currency: currency.code,
    currency_per_usd: String(currency.perUsd),
    rate_date: currency.date,
    estimate_in_currency: convert(row.estimate_usd),
    billed_in_currency: convert(row.billed_usd),
    difference_in_currency: convert(row.difference_usd),
  }));
  return stringify(converted, { header: true, columns: [...COLUMNS, ...CURRENCY_COLUMNS], record_delimiter: '\n' });
}
