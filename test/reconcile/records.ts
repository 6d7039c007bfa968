/** CSV text as the records `ingestBill` reads, without a file: each with the line it starts on. */
import { parse } from 'csv-parse/sync';
import type { CsvRecord } from '../../src/reconcile/index.js';

export async function* recordsOf(text: string): AsyncGenerator<CsvRecord> {
  const rows = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  for (const { record, info } of rows) yield { fields: record, line: info.lines };
}

/** A CUR 2.0 CSV with the columns reconcile reads, one row per entry of `rows`. */
export const CUR_HEADER = 'line_item_product_code,line_item_usage_type,line_item_line_item_type,line_item_usage_amount,line_item_unblended_cost,product_region_code,pricing_unit,line_item_currency_code';

export function curText(...rows: string[]): string {
  return [CUR_HEADER, ...rows].join('\n');
}
