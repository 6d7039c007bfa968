/**
 * The amounts of a bill, without the words: for each price key its tier bands, any
 * unpriced remainder and free-tier credit, then the discount, each an exact decimal.
 * priceUsage describes these charges as cost lines for people; a Monte Carlo replication
 * only adds them up, so it skips the formulas it would throw away. One computation, so
 * the two can never disagree.
 *
 * Pure: exact decimal arithmetic, no I/O.
 */
import type { CataloguePrice, PriceCatalogue } from './catalogue-schema.js';
import { Money, toCents } from './decimal.js';
import { FREE_TIER_KEY_OF, PRICE_KEYS, type PriceKey } from './price-keys.js';
import { PricingError } from './pricing-error.js';
import { splitIntoTiers, type TierBand } from './tiers.js';
import { ownValue } from '../own-key.js';
import { DISCOUNT_SERVICES, discountServiceName, discountServiceOf, type DiscountService } from './discount-services.js';
import { applySavingsPlan, HOURS_PER_MONTH, SAVINGS_PLAN_KEYS, type SavingsPlanOptions } from './savings-plan.js';

export interface PricingOptions {
  /** Subtract the account's monthly free tier, as credit lines. Off by default: it belongs to the whole account. */
  freeTier?: boolean;
  /** A negotiated discount on everything priced, in percent (0–100). */
  discountPercent?: number;
  /** Negotiated discounts by service, in percent; a service not named gets `discountPercent`. */
  discounts?: Partial<Record<DiscountService, number>>;
  /** A Compute Savings Plan on Lambda duration (savings-plan.ts). */
  savingsPlan?: SavingsPlanOptions & {
    /** Hours of the month the Lambda usage falls in; default the whole month (730 h). */
    hours?: number;
  };
  /** Prices that replace the catalogue's, by price key. */
  priceOverrides?: Partial<Record<PriceKey, { usd: string; per?: string }>>;
}

/** A month's total of one price key. */
export interface KeyQuantity {
  key: PriceKey;
  quantity: Money;
}

/** A price as applied: the catalogue's, or the user's override of it. */
export interface AppliedPrice extends CataloguePrice {
  overridden: boolean;
}

export type Charge =
  | { kind: 'charge'; key: PriceKey; quantity: Money; price: AppliedPrice; band: TierBand; costUsd: Money; centsUsd: Money }
  /** Usage with no price at all (`price` undefined) or above the last priced tier. */
  | { kind: 'unpriced'; key: PriceKey; quantity: Money; price: AppliedPrice | undefined }
  | { kind: 'freeTier'; key: PriceKey; freeKey: string; quantity: Money; price: AppliedPrice; firstTierUsd: string; costUsd: Money; centsUsd: Money }
  /** A negotiated discount: on every line above it, or (`service`) on that service's lines. */
  | { kind: 'discount'; percent: number; baseUsd: Money; costUsd: Money; centsUsd: Money; service?: DiscountService }
  /** A Compute Savings Plan's split of a Lambda duration key: the covered part saves `costUsd`, the rest stays On-Demand ($0 here). */
  | {
      kind: 'savingsPlan';
      key: PriceKey;
      part: 'covered' | 'uncovered';
      quantity: Money;
      unit: string;
      ratePercent: number;
      /** USD saved per `per` units: the first tier's price × the rate (negative). */
      unitUsd: Money;
      per: string;
      hours: number;
      commitmentUsdPerHour: number;
      commitmentUsedUsd: Money;
      costUsd: Money;
      centsUsd: Money;
    };

export interface PricedCharges {
  charges: Charge[];
  /** Exact sum of the priced charges. */
  totalUsd: Money;
}

const ZERO = new Money(0);

/** Prices `quantities` (one entry per key, in PRICE_KEYS order) in `regionName`. */
export function priceCharges(quantities: readonly KeyQuantity[], regionName: string, catalogue: PriceCatalogue, options: PricingOptions): PricedCharges {
  const region = ownValue(catalogue.regions, regionName);
  if (!region) {
    throw new PricingError(
      `no prices for Region "${regionName}" in catalogue ${catalogue.name} ${catalogue.version}; it has: ${Object.keys(catalogue.regions).sort().join(', ')}`,
    );
  }
  const charges: Charge[] = [];
  const freeLeft = new Map<string, Money>();
  let totalUsd = ZERO;
  for (const { key, quantity } of quantities) {
    if (quantity.isZero()) continue;
    const price = appliedPrice(key, ownValue(region.prices, key), options);
    if (!price) {
      charges.push({ kind: 'unpriced', key, quantity, price: undefined });
      continue;
    }
    const per = new Money(price.per);
    const split = splitIntoTiers(quantity, price);
    for (const band of split.bands) {
      const costUsd = band.quantity.times(band.usd).dividedBy(per);
      const charge = { kind: 'charge' as const, key, quantity: band.quantity, price, band, costUsd, centsUsd: toCents(costUsd) };
      charges.push(charge);
      totalUsd = totalUsd.plus(costUsd);
    }
    if (split.unpriced.greaterThan(0)) charges.push({ kind: 'unpriced', key, quantity: split.unpriced, price });

    const freeKey = FREE_TIER_KEY_OF[key];
    const freeEntry = freeKey ? ownValue(catalogue.freeTier, freeKey) : undefined;
    if (!options.freeTier || !freeKey || !freeEntry) continue;
    const free = freeLeft.get(freeKey) ?? new Money(freeEntry.quantity);
    if (!free.greaterThan(0)) continue;
    // The free tier covers the first units, which sit in the first (dearest) tier.
    const covered = Money.min(free, quantity);
    freeLeft.set(freeKey, free.minus(covered));
    const firstTierUsd = price.tiers?.[0]?.usd ?? (price.usd as string);
    const costUsd = covered.times(firstTierUsd).dividedBy(per).negated();
    // Each line is rounded to the cent on its own, so a credit always shows its own
    // quantity × price (the 400,000 GB-s Lambda allowance is always −$6.67), whatever the
    // charge above it; the billed total is the sum of the lines as shown (docs/pricing.md).
    const centsUsd = toCents(costUsd);
    charges.push({ kind: 'freeTier', key, freeKey, quantity: covered, price, firstTierUsd, costUsd, centsUsd });
    totalUsd = totalUsd.plus(costUsd);
  }

  if (options.savingsPlan) totalUsd = totalUsd.plus(pushSavingsPlan(charges, options.savingsPlan));
  totalUsd = totalUsd.plus(pushDiscounts(charges, totalUsd, options));
  return { charges, totalUsd };
}

/** The Savings Plan's lines after the charges and credits they reduce; returns their sum. */
function pushSavingsPlan(charges: Charge[], plan: NonNullable<PricingOptions['savingsPlan']>): Money {
  const eligible = SAVINGS_PLAN_KEYS.flatMap((key) => {
    const own = charges.filter((c): c is Extract<Charge, { kind: 'charge' | 'freeTier' }> => (c.kind === 'charge' || c.kind === 'freeTier') && c.key === key);
    if (own.length === 0) return [];
    const quantity = own.reduce((sum, c) => (c.kind === 'charge' ? sum.plus(c.quantity) : sum.minus(c.quantity)), ZERO);
    const onDemandUsd = own.reduce((sum, c) => sum.plus(c.costUsd), ZERO);
    return quantity.greaterThan(0) ? [{ key, quantity, onDemandUsd, price: own[0]?.price as AppliedPrice }] : [];
  });
  if (eligible.length === 0) return ZERO;
  const hours = plan.hours ?? HOURS_PER_MONTH;
  const result = applySavingsPlan(eligible, plan, hours);
  let sum = ZERO;
  for (const split of result.splits) {
    const { price } = eligible.find((e) => e.key === split.key) as (typeof eligible)[number];
    const firstTierUsd = price.tiers?.[0]?.usd ?? (price.usd as string);
    const common = { kind: 'savingsPlan' as const, key: split.key, unit: price.unit, per: price.per, ratePercent: plan.discountPercent, hours, commitmentUsdPerHour: plan.commitmentUsdPerHour, commitmentUsedUsd: result.commitmentUsedUsd };
    const unitUsd = new Money(firstTierUsd).times(plan.discountPercent).dividedBy(100).negated();
    charges.push({ ...common, part: 'covered', quantity: split.coveredQuantity, unitUsd, costUsd: split.savingUsd, centsUsd: toCents(split.savingUsd) });
    charges.push({ ...common, part: 'uncovered', quantity: split.uncoveredQuantity, unitUsd: ZERO, costUsd: ZERO, centsUsd: ZERO });
    sum = sum.plus(split.savingUsd);
  }
  return sum;
}

/**
 * The negotiated discount lines; returns their sum. With only `discountPercent`, one line
 * on every line above it; with `discounts` by service, one line per service on that
 * service's lines (charges, credits, Savings Plan), at its own percent or `discountPercent`.
 */
function pushDiscounts(charges: Charge[], totalUsd: Money, options: PricingOptions): Money {
  const everything = options.discountPercent ?? 0;
  const byService = options.discounts ?? {};
  if (Object.keys(byService).length === 0) {
    if (everything <= 0) return ZERO;
    const costUsd = totalUsd.times(everything).dividedBy(100).negated();
    charges.push({ kind: 'discount', percent: everything, baseUsd: totalUsd, costUsd, centsUsd: toCents(costUsd) });
    return costUsd;
  }
  const bases = new Map<DiscountService, Money>();
  for (const charge of charges) {
    if (charge.kind === 'unpriced' || charge.kind === 'discount') continue;
    const service = discountServiceOf(charge.key);
    bases.set(service, (bases.get(service) ?? ZERO).plus(charge.costUsd));
  }
  let sum = ZERO;
  for (const service of DISCOUNT_SERVICES) {
    const baseUsd = bases.get(service);
    const percent = ownValue(byService, service) ?? everything;
    if (baseUsd === undefined || percent <= 0) continue;
    const costUsd = baseUsd.times(percent).dividedBy(100).negated();
    charges.push({ kind: 'discount', percent, baseUsd, costUsd, centsUsd: toCents(costUsd), service });
    sum = sum.plus(costUsd);
  }
  return sum;
}

/** The service and item a charge is billed under, as the cost line names them. */
export function chargeName(charge: Charge): { service: string; item: string } {
  if (charge.kind === 'discount') {
    if (charge.service === undefined) return { service: 'Discount', item: `Negotiated discount (${charge.percent} %)` };
    return { service: discountServiceName(charge.service), item: `Negotiated discount on ${discountServiceName(charge.service)} (${charge.percent} %)` };
  }
  const meta = PRICE_KEYS[charge.key];
  if (charge.kind === 'savingsPlan') {
    return { service: meta.service, item: `Compute Savings Plans: ${meta.item}, ${charge.part === 'covered' ? 'covered' : 'not covered'}` };
  }
  return { service: meta.service, item: charge.kind === 'freeTier' ? `Free tier: ${meta.item}` : meta.item };
}

function appliedPrice(key: PriceKey, catalogued: CataloguePrice | undefined, options: PricingOptions): AppliedPrice | undefined {
  const override = ownValue(options.priceOverrides, key);
  if (!override) return catalogued && { ...catalogued, overridden: false };
  return {
    usd: override.usd,
    per: override.per ?? catalogued?.per ?? '1',
    unit: catalogued?.unit ?? PRICE_KEYS[key].unit,
    source: 'override',
    overridden: true,
  };
}
