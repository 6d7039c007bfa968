/**
 * What `dmap reconcile` finds, ready for the text, Markdown, CSV and JSON renderers:
 * exact decimal strings beside the same rounded to cents. docs/json-output.md describes
 * every field.
 */
import type { PriceKey } from '../pricing/price-keys.js';
import type { SkippedRows } from './bill-aggregate.js';
import type { Estimate } from './estimate.js';
import type { BillSummary } from './ingest-bill.js';
import type { Confidence } from './usage-type-map.js';

export interface ReconciledLine {
  priceKey: PriceKey;
  service: string;
  item: string;
  region: string;
  unit: string;
  /** The bill's usage types behind the line, sorted. */
  usageTypes: string[];
  /** The weakest confidence of the usage types' mappings (usage-type-map.ts). */
  confidence: Confidence;
  estimate: { quantity: string; costUsd: string | null; costUsdCents: string | null; unpricedQuantity?: string };
  billed: { quantity: string | null; costUsd: string; costUsdCents: string; rows: number };
  difference: { quantity: string | null; quantityPercent: string | null; costUsd: string | null; costUsdCents: string | null; percent: string | null };
}

export interface BillOnlyLine {
  /** The bill's product code; '' for a Cost Explorer export. */
  product: string;
  productName: string;
  usageTypes: string[];
  region: string;
  /** The price key the usage types bill, when dmap prices it (the estimate has no such line in this Region). */
  priceKey?: PriceKey;
  /** `priced`: dmap prices it, the estimate has none; `notPriced`: dmap does not price this usage type; `ambiguous`: a Cost Explorer usage type several services use. */
  reason: 'priced' | 'notPriced' | 'ambiguous';
  /** What the usage type could be, for `ambiguous`. */
  candidates?: PriceKey[];
  quantity: string | null;
  unit: string | null;
  costUsd: string;
  costUsdCents: string;
  rows: number;
}

export interface EstimateOnlyLine {
  priceKey: PriceKey;
  service: string;
  item: string;
  region: string;
  quantity: string;
  unit: string;
  costUsd: string | null;
  costUsdCents: string | null;
}

export interface AdjustmentLine {
  lineItemType: string;
  product: string;
  productName: string;
  costUsd: string;
  costUsdCents: string;
  rows: number;
}

export interface MoneyPair {
  costUsd: string;
  /** Sum of the lines each rounded to cents. */
  costUsdCents: string;
}

export interface Reconciliation {
  estimate: {
    name: string;
    format: Estimate['format'];
    region: string;
    catalogue: Estimate['catalogue'];
    freeTier: boolean;
    discountPercent: number;
    /** Negotiated discounts by service, when the estimate has them. */
    discounts?: Record<string, number>;
    /** The estimate includes a Compute Savings Plan's saving: its rate, when the estimate says. */
    savingsPlan?: { discountPercent?: number };
    runsPerMonth?: number;
    /** Map Runs the estimate was scaled to; absent for a `dmap price` month. */
    runs?: number;
    /** Where `runs` came from: --runs, the result's runsPerMonth, or (dmap price) the document's month. */
    runsSource: 'flag' | 'runsPerMonth' | 'month';
    /** runs ÷ runsPerMonth, applied to every estimated quantity and cost. */
    scale: string;
  };
  bill: Pick<BillSummary, 'file' | 'format' | 'costsOnly' | 'period' | 'rows' | 'filters'> & {
    naming?: BillSummary['naming'];
    skipped: Array<Omit<SkippedRows, 'costUsd'> & { costUsd: string }>;
  };
  lines: ReconciledLine[];
  billOnly: BillOnlyLine[];
  estimateOnly: EstimateOnlyLine[];
  adjustments: AdjustmentLine[];
  totals: {
    compared: { estimate: MoneyPair; billed: MoneyPair; difference: MoneyPair; percent: string | null };
    billOnly: MoneyPair;
    estimateOnly: MoneyPair;
    usage: { estimate: MoneyPair; billed: MoneyPair; difference: MoneyPair; percent: string | null };
    /** The estimate's discount lines, scaled like its lines: negotiated discounts and a Compute Savings Plan's saving. */
    estimateDiscount?: MoneyPair;
    /** The Compute Savings Plan's part of estimateDiscount, when the estimate has one. */
    estimateSavingsPlan?: MoneyPair;
    adjustments: MoneyPair;
    /** Usage plus adjustments: what the bill's rows read add up to. */
    billed: MoneyPair;
  };
  notes: string[];
}
