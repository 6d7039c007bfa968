/**
 * Adds a bill up as it streams past: one running total per (product, usage type, Region)
 * and per (line item type, product), never the rows themselves, so memory stays flat
 * however long the bill is. Pure.
 */
import { Money } from '../pricing/decimal.js';

export interface BilledUsage {
  /** '' for a Cost Explorer export, which names no product. */
  product: string;
  usageType: string;
  region: string;
  /** Total usage amount in the usage type's unit; undefined when the file has costs only. */
  quantity: Money | undefined;
  costUsd: Money;
  rows: number;
  pricingUnit: string | undefined;
}

/** Credits, tax, refunds, fees, Savings Plan rows: listed as billed, never mixed into the usage lines. */
export interface BilledAdjustment {
  lineItemType: string;
  product: string;
  costUsd: Money;
  rows: number;
}

export type SkipReason = 'otherProduct' | 'productFilter' | 'otherRegion' | 'unpricedUsageType' | 'notData';

export interface SkippedRows {
  reason: SkipReason;
  /** The product, Region or usage type skipped ('' for rows that are not data). */
  key: string;
  rows: number;
  costUsd: Money;
}

export interface BillPeriod {
  /** Earliest usage start of the usage rows (CUR), or the first date row (Cost Explorer). */
  start?: string;
  /** Latest usage end (CUR), or the last date row (Cost Explorer, inclusive). */
  end?: string;
  /** Distinct billing periods (CUR `bill_billing_period_start_date`), sorted. */
  billingPeriods: string[];
}

const MAX_BILLING_PERIODS = 120;
const ZERO = new Money(0);

export class BillAggregator {
  private readonly usage = new Map<string, BilledUsage>();
  private readonly adjustments = new Map<string, BilledAdjustment>();
  private readonly skipped = new Map<string, SkippedRows>();
  private readonly billingPeriods = new Set<string>();
  private start: string | undefined;
  private end: string | undefined;
  usageRows = 0;
  adjustmentRows = 0;
  skippedRows = 0;

  addUsage(entry: Omit<BilledUsage, 'rows'>, rows = 1): void {
    const key = `${entry.product}\u0000${entry.usageType}\u0000${entry.region}`;
    const total = this.usage.get(key);
    this.usageRows += rows;
    if (!total) {
      this.usage.set(key, { ...entry, rows });
      return;
    }
    total.quantity = total.quantity && entry.quantity ? total.quantity.plus(entry.quantity) : (total.quantity ?? entry.quantity);
    total.costUsd = total.costUsd.plus(entry.costUsd);
    total.rows += rows;
    total.pricingUnit ??= entry.pricingUnit;
  }

  addAdjustment(entry: Omit<BilledAdjustment, 'rows'>, rows = 1): void {
    const key = `${entry.lineItemType}\u0000${entry.product}`;
    const total = this.adjustments.get(key);
    this.adjustmentRows += rows;
    if (!total) this.adjustments.set(key, { ...entry, rows });
    else {
      total.costUsd = total.costUsd.plus(entry.costUsd);
      total.rows += rows;
    }
  }

  skip(reason: SkipReason, key: string, costUsd: Money | undefined, rows = 1): void {
    const id = `${reason}\u0000${key}`;
    const total = this.skipped.get(id) ?? { reason, key, rows: 0, costUsd: ZERO };
    total.rows += rows;
    total.costUsd = total.costUsd.plus(costUsd ?? ZERO);
    this.skipped.set(id, total);
    this.skippedRows += rows;
  }

  notePeriod(start: string | undefined, end: string | undefined, billingPeriod: string | undefined): void {
    if (start && (this.start === undefined || start < this.start)) this.start = start;
    if (end && (this.end === undefined || end > this.end)) this.end = end;
    if (billingPeriod && this.billingPeriods.size < MAX_BILLING_PERIODS) this.billingPeriods.add(billingPeriod);
  }

  /** Sorted, so the same bill always reads the same. */
  result(): { usage: BilledUsage[]; adjustments: BilledAdjustment[]; skipped: SkippedRows[]; period: BillPeriod } {
    const byText = (...keys: string[]) => keys.join('\u0000');
    return {
      usage: [...this.usage.values()].sort((a, b) => compare(byText(a.product, a.region, a.usageType), byText(b.product, b.region, b.usageType))),
      adjustments: [...this.adjustments.values()].sort((a, b) => compare(byText(a.lineItemType, a.product), byText(b.lineItemType, b.product))),
      skipped: [...this.skipped.values()].sort((a, b) => compare(byText(a.reason, a.key), byText(b.reason, b.key))),
      period: {
        ...(this.start ? { start: this.start } : {}),
        ...(this.end ? { end: this.end } : {}),
        billingPeriods: [...this.billingPeriods].sort(compare),
      },
    };
  }
}

/** Code-point order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
