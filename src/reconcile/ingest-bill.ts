/**
 * Reads a bill record by record (a CUR 2.0 or legacy CUR CSV, or a Cost Explorer export)
 * and adds it up: usage rows of the services dmap prices, adjustments (credits, tax,
 * refunds, Savings Plan rows) apart, every other row skipped and counted. A malformed row
 * stops the run with its file and line. Pure: the records come from the caller, who reads
 * the file.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import { Money } from '../pricing/decimal.js';
import { BillAggregator, type BillPeriod, type BilledAdjustment, type BilledUsage, type SkippedRows } from './bill-aggregate.js';
import type { BillFormat } from './bill-format.js';
import { amountIfNumber, parseAmount, type CsvRecord } from './bill-row.js';
import { costExplorerRowKind, looksLikeCostExplorer, resolveCostExplorerHeader, type CostExplorerHeader } from './cost-explorer.js';
import { looksLikeCur, resolveCurHeader, type CurHeader, type CurNaming } from './cur-columns.js';
import { UNPREFIXED_REGION } from './region-codes.js';
import { splitUsageType, isReconciledProduct, mappingsOf } from './usage-type.js';
import { COVERED_LINE_ITEM_TYPES, USAGE_LINE_ITEM_TYPE } from './usage-type-map.js';


export interface BillOptions {
  /** The bill's path as the user gave it, for messages. */
  file: string;
  /** Forces the format; detected from the header otherwise. */
  format?: BillFormat;
  /** Only rows of this Region. */
  region?: string;
  /** Only rows of these product codes (CUR only). */
  products?: readonly string[];
  /** Count usage covered by a Savings Plan or reservation as usage (CUR only). */
  includeCovered?: boolean;
}

export interface BillSummary {
  file: string;
  format: BillFormat;
  /** CUR column naming: CUR 2.0 (`line_item_usage_type`) or legacy (`lineItem/UsageType`). */
  naming?: CurNaming;
  /** A Cost Explorer export: costs, no quantities. */
  costsOnly: boolean;
  usage: BilledUsage[];
  adjustments: BilledAdjustment[];
  skipped: SkippedRows[];
  period: BillPeriod;
  rows: { read: number; usage: number; adjustments: number; skipped: number };
  filters: { region?: string; products?: string[]; includeCovered: boolean };
}

export async function ingestBill(records: AsyncIterable<CsvRecord>, options: BillOptions): Promise<BillSummary> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await nextNonEmpty(iterator);
  if (!first) throw new UserInputError([{ file: options.file, message: 'the bill is empty: no header row' }]);
  const format = options.format ?? detectFormat(first, options.file);
  const aggregator = new BillAggregator();
  let read = 0;
  let naming: CurNaming | undefined;
  if (format === 'cur2') {
    const header = orThrow(resolveCurHeader(first.fields, options.file, first.line));
    naming = header.naming;
    for await (const record of rest(iterator)) {
      read++;
      addCurRecord(record, header, first.line, options, aggregator);
    }
  } else {
    if (options.products) throw new UserInputError([{ field: '--product', message: 'needs a Cost and Usage Report: a Cost Explorer export names no product' }]);
    if (options.includeCovered) throw new UserInputError([{ field: '--include-covered', message: 'needs a Cost and Usage Report: a Cost Explorer export has no line item types' }]);
    const header = orThrow(resolveCostExplorerHeader(first.fields, options.file, first.line));
    read = await addCostExplorerRecords(rest(iterator), header, first.line, options, aggregator);
  }
  const result = aggregator.result();
  return {
    file: options.file,
    format,
    ...(naming ? { naming } : {}),
    costsOnly: format === 'cost-explorer',
    ...result,
    rows: { read, usage: aggregator.usageRows, adjustments: aggregator.adjustmentRows, skipped: aggregator.skippedRows },
    filters: {
      ...(options.region ? { region: options.region } : {}),
      ...(options.products ? { products: [...options.products].sort() } : {}),
      includeCovered: options.includeCovered ?? false,
    },
  };
}

function detectFormat(header: CsvRecord, file: string): BillFormat {
  if (looksLikeCur(header.fields)) return 'cur2';
  if (looksLikeCostExplorer(header.fields)) return 'cost-explorer';
  throw new UserInputError([
    {
      file,
      line: header.line,
      message:
        'not a bill reconcile can read: the header names neither line_item_usage_type (CUR 2.0) nor lineItem/UsageType (legacy CUR), and does not start with "Usage type" (a Cost Explorer export grouped by usage type); give --format if the file is one of them',
      value: header.fields.slice(0, 3).join(','),
    },
  ]);
}

function addCurRecord(record: CsvRecord, header: CurHeader, headerLine: number, options: BillOptions, aggregator: BillAggregator): void {
  const { fields, line } = record;
  if (fields.length !== header.width) throw wrongWidth(options.file, line, fields.length, header.width, headerLine);
  const at = (i: number | undefined) => (i === undefined ? '' : (fields[i] as string).trim());
  const product = at(header.index.product);
  const usageType = at(header.index.usageType);
  const lineItemType = at(header.index.lineItemType);
  const isUsage = lineItemType === USAGE_LINE_ITEM_TYPE || (options.includeCovered === true && COVERED_LINE_ITEM_TYPES.includes(lineItemType));
  const where = (column: 'usageAmount' | 'unblendedCost') => ({ file: options.file, line, field: columnName(header, column) });

  if (!isReconciledProduct(product) && !(product === '' && !isUsage)) {
    aggregator.skip('otherProduct', product, amountIfNumber(fields[header.index.unblendedCost]));
    return;
  }
  if (options.products && !options.products.includes(product)) {
    aggregator.skip('productFilter', product, amountIfNumber(fields[header.index.unblendedCost]));
    return;
  }
  const region = at(header.index.regionCode) || splitUsageType(usageType).region || (isUsage ? UNPREFIXED_REGION : undefined);
  const costUsd = parseAmount(fields[header.index.unblendedCost] as string, where('unblendedCost'));
  if (options.region && region !== undefined && region !== options.region) {
    aggregator.skip('otherRegion', region, costUsd);
    return;
  }
  const currency = at(header.index.currency);
  if (currency !== '' && currency !== 'USD') {
    throw new UserInputError([
      { file: options.file, line, field: columnName(header, 'currency'), message: 'the estimate is in USD; a bill in another currency cannot be compared', value: currency },
    ]);
  }
  if (!isUsage) {
    aggregator.addAdjustment({ lineItemType: lineItemType || '(no line item type)', product, costUsd });
    return;
  }
  const quantity = parseAmount(fields[header.index.usageAmount] as string, where('usageAmount'));
  const pricingUnit = at(header.index.pricingUnit);
  aggregator.addUsage({ product, usageType, region: region as string, quantity, costUsd, pricingUnit: pricingUnit || undefined });
  aggregator.notePeriod(at(header.index.usageStart) || undefined, at(header.index.usageEnd) || undefined, at(header.index.billingPeriodStart) || undefined);
}

function columnName(header: CurHeader, column: 'usageAmount' | 'unblendedCost' | 'currency'): string {
  const names = {
    cur2: { usageAmount: 'line_item_usage_amount', unblendedCost: 'line_item_unblended_cost', currency: 'line_item_currency_code' },
    legacy: { usageAmount: 'lineItem/UsageAmount', unblendedCost: 'lineItem/UnblendedCost', currency: 'lineItem/CurrencyCode' },
  };
  return names[header.naming][column];
}

/**
 * Cost Explorer: the export's "Usage type total" row when it has one, else the sum of its
 * date rows (never both). One running sum per column, so memory is flat in the rows.
 */
async function addCostExplorerRecords(
  records: AsyncIterable<CsvRecord>,
  header: CostExplorerHeader,
  headerLine: number,
  options: BillOptions,
  aggregator: BillAggregator,
): Promise<number> {
  const zero = new Money(0);
  const periodSums = header.columns.map(() => zero);
  let totals: Money[] | undefined;
  let firstPeriod: string | undefined;
  let lastPeriod: string | undefined;
  let read = 0;
  for await (const { fields, line } of records) {
    read++;
    if (fields.length !== header.width) throw wrongWidth(options.file, line, fields.length, header.width, headerLine);
    const label = (fields[0] as string).trim();
    const kind = costExplorerRowKind(label);
    if (kind === 'other') {
      aggregator.skip('notData', '', undefined);
      continue;
    }
    const values = header.columns.map(({ index, usageType }) =>
      parseAmount(fields[index] as string, { file: options.file, line, field: `${usageType}($)` }, zero),
    );
    if (kind === 'total') totals = values;
    else {
      values.forEach((value, i) => (periodSums[i] = (periodSums[i] as Money).plus(value)));
      if (firstPeriod === undefined || label < firstPeriod) firstPeriod = label;
      if (lastPeriod === undefined || label > lastPeriod) lastPeriod = label;
    }
  }
  const chosen = totals ?? periodSums;
  // A Cost Explorer usage type is one column: it counts as one row.
  const rows = 1;
  header.columns.forEach(({ usageType }, i) => {
    const costUsd = chosen[i] as Money;
    if (usageType === 'Tax') {
      aggregator.addAdjustment({ lineItemType: 'Tax', product: '', costUsd }, rows);
      return;
    }
    const parts = splitUsageType(usageType);
    const region = parts.region ?? UNPREFIXED_REGION;
    if (options.region && region !== options.region) aggregator.skip('otherRegion', region, costUsd, rows);
    else if (mappingsOf(undefined, parts.base).length === 0) aggregator.skip('unpricedUsageType', usageType, costUsd, rows);
    else aggregator.addUsage({ product: '', usageType, region, quantity: undefined, costUsd, pricingUnit: undefined }, rows);
  });
  aggregator.notePeriod(firstPeriod, lastPeriod, undefined);
  return read;
}

function wrongWidth(file: string, line: number, got: number, width: number, headerLine: number): UserInputError {
  return new UserInputError([{ file, line, message: `has ${got} fields; the header (line ${headerLine}) has ${width}` }]);
}

function orThrow<T>(value: T | InputProblem[]): T {
  if (Array.isArray(value)) throw new UserInputError(value);
  return value;
}

async function nextNonEmpty(iterator: AsyncIterator<CsvRecord>): Promise<CsvRecord | undefined> {
  for (;;) {
    const next = await iterator.next();
    if (next.done) return undefined;
    if (!(next.value.fields.length === 1 && next.value.fields[0] === '')) return next.value;
  }
}

function rest(iterator: AsyncIterator<CsvRecord>): AsyncIterable<CsvRecord> {
  return { [Symbol.asyncIterator]: () => iterator };
}
