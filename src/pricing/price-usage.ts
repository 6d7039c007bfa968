/**
 * Turns usage into cost lines a finance reviewer can reconcile with an AWS bill: each
 * line has its service, item, quantity, unit, unit price, cost and formula in words.
 * Volume tiers split a quantity into one line per tier. The free tier is an explicit,
 * opt-in credit line; a negotiated discount is a line of its own; usage with no price is
 * an explicit "unpriced" line and a warning, never $0. The amounts come from charges.ts;
 * this module puts them into words.
 *
 * Pure: exact decimal arithmetic, no I/O. Quantities are taken as the month's totals
 * (tiers and free tier apply to them as given; see monthly-rollup.ts for runs per month).
 */
import type { PriceCatalogue } from './catalogue-schema.js';
import { chargeName, priceCharges, type Charge, type PricingOptions } from './charges.js';
import { formatQuantity, Money, plain, toCents } from './decimal.js';
import { PRICE_KEYS, type PriceKey } from './price-keys.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';
import { tierLabel } from './tiers.js';
import { ownValue } from '../own-key.js';
import type { DiscountService } from './discount-services.js';
import { HOURS_PER_MONTH } from './savings-plan.js';

export type { PricingOptions } from './charges.js';

export type CostLineKind = 'charge' | 'freeTier' | 'discount' | 'unpriced';

export interface CostLine {
  kind: CostLineKind;
  service: string;
  item: string;
  priceKey?: PriceKey;
  /** Quantity in `unit`, as an exact decimal string. */
  quantity: string;
  unit: string;
  /** USD for `per` units, as published; null when unpriced. */
  unitPriceUsd: string | null;
  per: string;
  /** Exact cost in USD (negative for credits); null when unpriced. */
  costUsd: string | null;
  /**
   * Cost rounded to whole cents, as AWS rounds each line of a bill (two decimals). A
   * free-tier credit's cents make its item's net match AWS, which rounds the net once.
   */
  costUsdCents: string | null;
  /** How the cost was computed, in words. */
  formula: string;
  /** Where the unit price comes from (a URL), or that the user overrode it. */
  source?: string;
}

export interface CostReport {
  region: string;
  catalogue: { name: string; version: string; effectiveDate: string };
  options: {
    freeTier: boolean;
    discountPercent: number;
    priceOverrides: string[];
    /** Discounts by service, when any were given. */
    discounts?: Partial<Record<DiscountService, number>>;
    /** The Compute Savings Plan, when one was given: commitment, rate and the hours it was applied over. */
    savingsPlan?: { commitmentUsdPerHour: number; discountPercent: number; hours: number };
  };
  lines: CostLine[];
  /** Exact sum of the priced lines. */
  totalUsd: string;
  /** Sum of the lines each rounded to cents first, as AWS bills. */
  totalUsdAwsRounded: string;
  unpricedKeys: PriceKey[];
  warnings: string[];
}

export function priceUsage(usage: PricingUsage, catalogue: PriceCatalogue, options: PricingOptions = {}): CostReport {
  const groups = groupByKey(usage.quantities);
  const { charges, totalUsd } = priceCharges(
    groups.map(([key, parts]) => ({ key, quantity: parts.reduce((sum, p) => sum.plus(p.quantity), new Money(0)) })),
    usage.region,
    catalogue,
    options,
  );
  const derivations = new Map(groups.map(([key, parts]) => [key, derivationOf(parts)]));
  const lines = charges.map((charge) => costLine(charge, derivations, catalogue));
  const warnings = charges.flatMap((charge) => (charge.kind === 'unpriced' ? [unpricedWarning(charge, usage.region, catalogue)] : []));
  return {
    region: usage.region,
    catalogue: { name: catalogue.name, version: catalogue.version, effectiveDate: catalogue.effectiveDate },
    options: {
      freeTier: options.freeTier ?? false,
      discountPercent: options.discountPercent ?? 0,
      priceOverrides: Object.keys(options.priceOverrides ?? {}).sort(),
      ...(options.discounts && Object.keys(options.discounts).length > 0 ? { discounts: options.discounts } : {}),
      ...(options.savingsPlan
        ? { savingsPlan: { commitmentUsdPerHour: options.savingsPlan.commitmentUsdPerHour, discountPercent: options.savingsPlan.discountPercent, hours: options.savingsPlan.hours ?? HOURS_PER_MONTH } }
        : {}),
    },
    lines,
    totalUsd: plain(totalUsd),
    totalUsdAwsRounded: lines.reduce((sum, l) => (l.costUsdCents === null ? sum : sum.plus(l.costUsdCents)), new Money(0)).toFixed(2),
    unpricedKeys: charges.flatMap((charge) => (charge.kind === 'unpriced' ? [charge.key] : [])),
    warnings,
  };
}

function costLine(charge: Charge, derivations: Map<PriceKey, string>, catalogue: PriceCatalogue): CostLine {
  const { service, item } = chargeName(charge);
  if (charge.kind === 'discount') {
    return {
      kind: 'discount',
      service,
      item,
      quantity: plain(charge.baseUsd),
      unit: 'USD',
      unitPriceUsd: plain(new Money(charge.percent).dividedBy(100).negated()),
      per: '1',
      costUsd: plain(charge.costUsd),
      costUsdCents: charge.centsUsd.toFixed(2),
      formula: `−${charge.percent} % of $${plain(toCents(charge.baseUsd))} (${charge.service === undefined ? 'every line above' : `the ${service} lines above`})`,
      source: 'user option',
    };
  }
  if (charge.kind === 'savingsPlan') return savingsPlanLine(charge, service, item);
  const base = { kind: charge.kind, service, item, priceKey: charge.key, quantity: plain(charge.quantity) };
  const derivation = derivations.get(charge.key) as string;
  if (charge.kind === 'unpriced') {
    const price = charge.price;
    return price
      ? { ...base, unit: price.unit, unitPriceUsd: null, per: price.per, costUsd: null, costUsdCents: null, formula: `above the last priced tier: ${formatQuantity(charge.quantity)} ${price.unit}; UNPRICED` }
      : { ...base, unit: PRICE_KEYS[charge.key].unit, unitPriceUsd: null, per: '1', costUsd: null, costUsdCents: null, formula: `${derivation}; UNPRICED` };
  }
  const price = charge.price;
  const perText = price.per === '1' ? '' : ` per ${formatQuantity(new Money(price.per))}`;
  if (charge.kind === 'charge') {
    const label = tierLabel(charge.band, price.unit);
    const source = price.overridden ? 'price override' : ownValue(catalogue.sources, price.source)?.url;
    return {
      ...base,
      unit: price.unit,
      unitPriceUsd: charge.band.usd,
      per: price.per,
      costUsd: plain(charge.costUsd),
      costUsdCents: charge.centsUsd.toFixed(2),
      formula: `${label ? `${label}: ` : ''}${derivation} → ${formatQuantity(charge.quantity)} ${price.unit} × $${charge.band.usd}${perText}`,
      ...(source ? { source } : {}),
    };
  }
  const entry = ownValue(catalogue.freeTier, charge.freeKey);
  const source = entry && ownValue(catalogue.sources, entry.source)?.url;
  return {
    ...base,
    unit: price.unit,
    unitPriceUsd: charge.firstTierUsd,
    per: price.per,
    costUsd: plain(charge.costUsd),
    costUsdCents: charge.centsUsd.toFixed(2),
    formula: `−${formatQuantity(charge.quantity)} ${price.unit} of the ${formatQuantity(new Money(entry?.quantity ?? 0))} free each month × $${charge.firstTierUsd}${perText}`,
    ...(source ? { source } : {}),
  };
}

/**
 * A Savings Plan line is a discount line (it reduces the bill, as the bill's Savings Plan
 * rows do): the covered part with its saving, the part not covered at $0 (it stays in the
 * On-Demand line above), so a reader sees the split.
 */
function savingsPlanLine(charge: Extract<Charge, { kind: 'savingsPlan' }>, service: string, item: string): CostLine {
  const perText = charge.per === '1' ? '' : ` per ${formatQuantity(new Money(charge.per))}`;
  const commitment = `$${charge.commitmentUsdPerHour} an hour × ${formatQuantity(new Money(charge.hours))} hours with usage; $${plain(toCents(charge.commitmentUsedUsd))} of it used`;
  const formula =
    charge.part === 'covered'
      ? `${formatQuantity(charge.quantity.toDecimalPlaces(6))} ${charge.unit} covered by the commitment (${commitment}) × $${plain(charge.unitUsd.negated())}${perText} (−${charge.ratePercent} % of the On-Demand price)`
      : `${formatQuantity(charge.quantity.toDecimalPlaces(6))} ${charge.unit} beyond the commitment (${commitment}): billed at the On-Demand price in the line above`;
  return {
    kind: 'discount',
    service,
    item,
    priceKey: charge.key,
    quantity: plain(charge.quantity),
    unit: charge.unit,
    unitPriceUsd: plain(charge.unitUsd),
    per: charge.per,
    costUsd: plain(charge.costUsd),
    costUsdCents: charge.centsUsd.toFixed(2),
    formula,
    source: 'https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html',
  };
}

function unpricedWarning(charge: Extract<Charge, { kind: 'unpriced' }>, region: string, catalogue: PriceCatalogue): string {
  const meta = PRICE_KEYS[charge.key];
  if (!charge.price) {
    return `${meta.service} ${meta.item}: no price for ${region} in catalogue ${catalogue.version}; the total excludes ${formatQuantity(charge.quantity)} ${meta.unit}`;
  }
  return `${meta.service} ${meta.item}: catalogue ${catalogue.version} has no ${region} price above ${formatQuantity(lastBound(charge.price.tiers ?? []))} ${charge.price.unit} a month; the total excludes ${formatQuantity(charge.quantity)} ${charge.price.unit}`;
}

/** How a key's quantity was derived; parts of several functions or workloads name their label. */
function derivationOf(parts: UsageQuantity[]): string {
  return parts.map((p) => (parts.length > 1 && p.label ? `${p.label}: ${p.derivation}` : p.derivation)).join(' + ');
}

/** Only a tiered price can leave usage unpriced: above its last bound. */
function lastBound(tiers: ReadonlyArray<{ upTo: string | null }>): Money {
  return new Money(tiers[tiers.length - 1]?.upTo ?? 0);
}

/** Groups quantities by price key, in the order of PRICE_KEYS, so output order is stable. */
function groupByKey(quantities: UsageQuantity[]): Array<[PriceKey, UsageQuantity[]]> {
  const order = Object.keys(PRICE_KEYS) as PriceKey[];
  return order
    .map((key) => [key, quantities.filter((q) => q.key === key)] as [PriceKey, UsageQuantity[]])
    .filter(([, parts]) => parts.length > 0);
}
