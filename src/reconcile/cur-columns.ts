/**
 * The Cost and Usage Report columns reconcile reads, by their AWS names, found in a CSV
 * header. Pure.
 *
 * CUR 2.0 (AWS Data Exports) names [H]:
 * https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-line-item.html
 * (line_item_*), https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-pricing.html
 * (pricing_unit), https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-product.html
 * (product_region_code), https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-bill.html
 * (bill_billing_period_start_date).
 * Legacy CUR names (lineItem/UsageType, ...) [H]:
 * https://docs.aws.amazon.com/cur/latest/userguide/Lineitem-columns.html
 */
import type { InputProblem } from '../errors.js';

export type CurField =
  | 'product'
  | 'usageType'
  | 'lineItemType'
  | 'usageAmount'
  | 'unblendedCost'
  | 'regionCode'
  | 'pricingUnit'
  | 'currency'
  | 'usageStart'
  | 'usageEnd'
  | 'billingPeriodStart';

interface CurColumn {
  cur2: string;
  legacy: readonly string[];
  required: boolean;
}

export const CUR_COLUMNS: Readonly<Record<CurField, CurColumn>> = {
  product: { cur2: 'line_item_product_code', legacy: ['lineItem/ProductCode'], required: true },
  usageType: { cur2: 'line_item_usage_type', legacy: ['lineItem/UsageType'], required: true },
  lineItemType: { cur2: 'line_item_line_item_type', legacy: ['lineItem/LineItemType'], required: true },
  usageAmount: { cur2: 'line_item_usage_amount', legacy: ['lineItem/UsageAmount'], required: true },
  unblendedCost: { cur2: 'line_item_unblended_cost', legacy: ['lineItem/UnblendedCost'], required: true },
  regionCode: { cur2: 'product_region_code', legacy: ['product/regionCode', 'product/region'], required: false },
  pricingUnit: { cur2: 'pricing_unit', legacy: ['pricing/unit'], required: false },
  currency: { cur2: 'line_item_currency_code', legacy: ['lineItem/CurrencyCode'], required: false },
  usageStart: { cur2: 'line_item_usage_start_date', legacy: ['lineItem/UsageStartDate'], required: false },
  usageEnd: { cur2: 'line_item_usage_end_date', legacy: ['lineItem/UsageEndDate'], required: false },
  billingPeriodStart: { cur2: 'bill_billing_period_start_date', legacy: ['bill/BillingPeriodStartDate'], required: false },
};

export type CurNaming = 'cur2' | 'legacy';

export interface CurHeader {
  naming: CurNaming;
  width: number;
  index: Partial<Record<CurField, number>> & Record<'product' | 'usageType' | 'lineItemType' | 'usageAmount' | 'unblendedCost', number>;
}

/** True when the header names a usage-type column of either CUR naming. */
export function looksLikeCur(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim()));
  return names.has(CUR_COLUMNS.usageType.cur2) || CUR_COLUMNS.usageType.legacy.some((n) => names.has(n));
}

/** The columns' positions, or every required column the header lacks. */
export function resolveCurHeader(header: readonly string[], file: string, line: number): CurHeader | InputProblem[] {
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (!position.has(name.trim())) position.set(name.trim(), i);
  });
  const naming: CurNaming = position.has(CUR_COLUMNS.usageType.cur2) || !CUR_COLUMNS.usageType.legacy.some((n) => position.has(n)) ? 'cur2' : 'legacy';
  const index: Partial<Record<CurField, number>> = {};
  const problems: InputProblem[] = [];
  for (const [field, column] of Object.entries(CUR_COLUMNS) as Array<[CurField, CurColumn]>) {
    const names = naming === 'cur2' ? [column.cur2] : column.legacy;
    const found = names.map((n) => position.get(n)).find((i) => i !== undefined);
    if (found !== undefined) index[field] = found;
    else if (column.required) {
      problems.push({
        file,
        line,
        field: names[0] as string,
        message: `required column missing from the header (${naming === 'cur2' ? `legacy CUR: ${column.legacy[0]}` : `CUR 2.0: ${column.cur2}`})`,
      });
    }
  }
  if (problems.length > 0) return problems;
  return { naming, width: header.length, index: index as CurHeader['index'] };
}
