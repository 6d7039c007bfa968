/**
 * The estimate against the bill, line by line: bill usage types meet estimate price keys
 * (usage-type-map.ts) in the same Region; each line gets the estimated and billed quantity
 * and cost and their difference in money and percent. What the bill has that the estimate
 * lacks, and the reverse, are listed apart, and so are the bill's credits, tax, refunds and
 * Savings Plan rows. Exact decimals throughout; money shown to the cent is each line rounded
 * half up, as AWS rounds a bill's lines. Pure.
 */
import { UserInputError } from '../errors.js';
import { Money, plain, toCents } from '../pricing/decimal.js';
import { PRICE_KEY_NAMES, PRICE_KEYS, type PriceKey } from '../pricing/price-keys.js';
import { compare } from './bill-aggregate.js';
import type { Estimate, EstimateKey } from './estimate.js';
import type { BillSummary } from './ingest-bill.js';
import { mappingsOf, productName, splitUsageType } from './usage-type.js';
import type { Confidence, UsageTypeMapping } from './usage-type-map.js';
import { notesOf } from './reconcile-notes.js';
import { percentOf, totalsOf } from './reconcile-totals.js';
import type { BillOnlyLine, EstimateOnlyLine, AdjustmentLine, ReconciledLine, Reconciliation } from './reconciliation.js';

export type { AdjustmentLine, BillOnlyLine, EstimateOnlyLine, MoneyPair, ReconciledLine, Reconciliation } from './reconciliation.js';

export interface ReconcileOptions {
  /** Map Runs the bill covers; the simulate result's runsPerMonth when absent. */
  runs?: number;
}

const ZERO = new Money(0);
const CONFIDENCE_ORDER: Confidence[] = ['L', 'M', 'H'];

export function reconcile(estimate: Estimate, bill: BillSummary, options: ReconcileOptions = {}): Reconciliation {
  const scale = scaleOf(estimate, options);
  const estimateKeys = new Map(estimate.keys.map((k) => [`${k.priceKey}\u0000${estimate.region}`, k]));
  const billed = new Map<string, BilledKey>();
  const billOnly: BillOnlyLine[] = [];

  for (const usage of bill.usage) {
    const { base } = splitUsageType(usage.usageType);
    const product = usage.product === '' ? undefined : usage.product;
    let mappings = mappingsOf(product, base);
    let attributed = false;
    if (new Set(mappings.map((m) => m.priceKey)).size > 1) {
      const inEstimate = mappings.filter((m) => estimateKeys.has(`${m.priceKey}\u0000${usage.region}`));
      if (new Set(inEstimate.map((m) => m.priceKey)).size === 1) {
        mappings = inEstimate;
        attributed = true;
      } else {
        billOnly.push(billOnlyLine(usage, 'ambiguous', undefined, [...new Set(mappings.map((m) => m.priceKey))]));
        continue;
      }
    }
    const mapping = mappings[0];
    if (!mapping) {
      billOnly.push(billOnlyLine(usage, 'notPriced'));
      continue;
    }
    const id = `${mapping.priceKey}\u0000${usage.region}`;
    const entry = billed.get(id) ?? { priceKey: mapping.priceKey, region: usage.region, quantity: ZERO, costUsd: ZERO, rows: 0, usageTypes: new Set<string>(), products: new Set<string>(), confidence: 'H' as Confidence };
    entry.quantity = usage.quantity === undefined || entry.quantity === undefined ? undefined : entry.quantity.plus(toKeyUnit(usage.quantity, mapping));
    entry.costUsd = entry.costUsd.plus(usage.costUsd);
    entry.rows += usage.rows;
    entry.usageTypes.add(usage.usageType);
    entry.products.add(usage.product);
    entry.confidence = weakest(entry.confidence, attributed ? 'L' : mapping.confidence);
    billed.set(id, entry);
  }

  const lines: ReconciledLine[] = [];
  const estimateOnly: EstimateOnlyLine[] = [];
  for (const key of estimate.keys) {
    const scaled = scaleKey(key, scale.factor);
    const match = billed.get(`${key.priceKey}\u0000${estimate.region}`);
    if (match) {
      lines.push(reconciledLine(scaled, estimate.region, match));
      billed.delete(`${key.priceKey}\u0000${estimate.region}`);
    } else {
      estimateOnly.push({
        priceKey: key.priceKey,
        service: key.service,
        item: key.item,
        region: estimate.region,
        quantity: plain(scaled.quantity),
        unit: key.unit,
        costUsd: scaled.costUsd && plain(scaled.costUsd),
        costUsdCents: scaled.costUsd && toCents(scaled.costUsd).toFixed(2),
      });
    }
  }
  for (const rest of billed.values()) {
    const meta = PRICE_KEYS[rest.priceKey];
    billOnly.push({
      product: [...rest.products].sort(compare).join(', '),
      productName: meta.service,
      usageTypes: [...rest.usageTypes].sort(compare),
      region: rest.region,
      priceKey: rest.priceKey,
      reason: 'priced',
      quantity: rest.quantity === undefined ? null : plain(rest.quantity),
      unit: rest.quantity === undefined ? null : meta.unit,
      costUsd: plain(rest.costUsd),
      costUsdCents: toCents(rest.costUsd).toFixed(2),
      rows: rest.rows,
    });
  }
  billOnly.sort(byBillOnly);

  const adjustments: AdjustmentLine[] = bill.adjustments.map((a) => ({
    lineItemType: a.lineItemType,
    product: a.product,
    productName: a.product === '' ? '' : productName(a.product),
    costUsd: plain(a.costUsd),
    costUsdCents: toCents(a.costUsd).toFixed(2),
    rows: a.rows,
  }));

  const discount = estimate.discountUsd?.times(scale.factor);
  const saving = estimate.savingsPlan?.savingUsd.times(scale.factor);
  return {
    estimate: {
      name: estimate.name,
      format: estimate.format,
      region: estimate.region,
      catalogue: estimate.catalogue,
      freeTier: estimate.freeTier,
      discountPercent: estimate.discountPercent,
      ...(estimate.discounts ? { discounts: estimate.discounts } : {}),
      ...(estimate.savingsPlan ? { savingsPlan: estimate.savingsPlan.discountPercent !== undefined ? { discountPercent: estimate.savingsPlan.discountPercent } : {} } : {}),
      ...(estimate.runsPerMonth !== undefined ? { runsPerMonth: estimate.runsPerMonth } : {}),
      ...(scale.runs !== undefined ? { runs: scale.runs } : {}),
      runsSource: scale.runsSource,
      scale: plain(scale.factor),
    },
    bill: {
      file: bill.file,
      format: bill.format,
      ...(bill.naming ? { naming: bill.naming } : {}),
      costsOnly: bill.costsOnly,
      period: bill.period,
      rows: bill.rows,
      filters: bill.filters,
      skipped: bill.skipped.map((s) => ({ ...s, costUsd: plain(s.costUsd) })),
    },
    lines,
    billOnly,
    estimateOnly,
    adjustments,
    totals: totalsOf(lines, billOnly, estimateOnly, adjustments, discount, saving),
    notes: notesOf(estimate, bill, scale, lines, estimateOnly),
  };
}

interface BilledKey {
  priceKey: PriceKey;
  region: string;
  quantity: Money | undefined;
  costUsd: Money;
  rows: number;
  usageTypes: Set<string>;
  products: Set<string>;
  confidence: Confidence;
}

interface Scale {
  factor: Money;
  runs?: number;
  runsSource: Reconciliation['estimate']['runsSource'];
}

function scaleOf(estimate: Estimate, options: ReconcileOptions): Scale {
  if (estimate.runsPerMonth === undefined) {
    if (options.runs !== undefined) {
      throw new UserInputError([
        { field: '--runs', message: 'applies to a `dmap simulate --json` result; a `dmap price --json` estimate is already the usage document\'s month', value: options.runs },
      ]);
    }
    return { factor: new Money(1), runsSource: 'month' };
  }
  const runs = options.runs ?? estimate.runsPerMonth;
  return { factor: new Money(runs).dividedBy(estimate.runsPerMonth), runs, runsSource: options.runs === undefined ? 'runsPerMonth' : 'flag' };
}

function scaleKey(key: EstimateKey, factor: Money): EstimateKey {
  return {
    ...key,
    quantity: key.quantity.times(factor),
    costUsd: key.costUsd && key.costUsd.times(factor),
    unpricedQuantity: key.unpricedQuantity.times(factor),
  };
}

function toKeyUnit(quantity: Money, mapping: UsageTypeMapping): Money {
  return mapping.divideBy ? quantity.dividedBy(mapping.divideBy) : quantity;
}

function reconciledLine(key: EstimateKey, region: string, billed: BilledKey): ReconciledLine {
  const estimateCents = key.costUsd && toCents(key.costUsd);
  const billedCents = toCents(billed.costUsd);
  const quantityDifference = billed.quantity?.minus(key.quantity);
  return {
    priceKey: key.priceKey,
    service: key.service,
    item: key.item,
    region,
    unit: key.unit,
    usageTypes: [...billed.usageTypes].sort(compare),
    confidence: billed.confidence,
    estimate: {
      quantity: plain(key.quantity),
      costUsd: key.costUsd && plain(key.costUsd),
      costUsdCents: estimateCents && estimateCents.toFixed(2),
      ...(key.unpricedQuantity.greaterThan(0) ? { unpricedQuantity: plain(key.unpricedQuantity) } : {}),
    },
    billed: { quantity: billed.quantity ? plain(billed.quantity) : null, costUsd: plain(billed.costUsd), costUsdCents: billedCents.toFixed(2), rows: billed.rows },
    difference: {
      quantity: quantityDifference ? plain(quantityDifference) : null,
      quantityPercent: quantityDifference ? percentOf(quantityDifference, key.quantity) : null,
      costUsd: key.costUsd && plain(billed.costUsd.minus(key.costUsd)),
      costUsdCents: estimateCents && billedCents.minus(estimateCents).toFixed(2),
      percent: key.costUsd && percentOf(billed.costUsd.minus(key.costUsd), key.costUsd),
    },
  };
}

function billOnlyLine(usage: BillSummary['usage'][number], reason: 'notPriced' | 'ambiguous', priceKey?: PriceKey, candidates?: PriceKey[]): BillOnlyLine {
  return {
    product: usage.product,
    productName: usage.product === '' ? '' : productName(usage.product),
    usageTypes: [usage.usageType],
    region: usage.region,
    ...(priceKey ? { priceKey } : {}),
    reason,
    ...(candidates ? { candidates: PRICE_KEY_NAMES.filter((k) => candidates.includes(k)) } : {}),
    quantity: usage.quantity === undefined ? null : plain(usage.quantity),
    unit: usage.quantity === undefined ? null : (usage.pricingUnit ?? null),
    costUsd: plain(usage.costUsd),
    costUsdCents: toCents(usage.costUsd).toFixed(2),
    rows: usage.rows,
  };
}

function byBillOnly(a: BillOnlyLine, b: BillOnlyLine): number {
  const rank = (l: BillOnlyLine) => (l.priceKey ? PRICE_KEY_NAMES.indexOf(l.priceKey) : PRICE_KEY_NAMES.length);
  return rank(a) - rank(b) || compare(a.product, b.product) || compare(a.region, b.region) || compare(a.usageTypes.join(), b.usageTypes.join());
}

function weakest(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) <= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}
