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

export interface PricingOptions {
  /** Subtract the account's monthly free tier, as credit lines. Off by default: it belongs to the whole account. */
  freeTier?: boolean;
  /** A negotiated discount on everything priced, in percent (0–100). */
  discountPercent?: number;
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
  | { kind: 'discount'; percent: number; baseUsd: Money; costUsd: Money; centsUsd: Money };

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
    let first: { costUsd: Money; centsUsd: Money } | undefined;
    for (const band of split.bands) {
      const costUsd = band.quantity.times(band.usd).dividedBy(per);
      const charge = { kind: 'charge' as const, key, quantity: band.quantity, price, band, costUsd, centsUsd: toCents(costUsd) };
      first ??= charge;
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
    // AWS subtracts the free units and rounds the item's net once; the credit's cents
    // are whatever makes the first tier's charge plus the credit match that rounding.
    const firstExact = first?.costUsd ?? ZERO;
    const centsUsd = toCents(firstExact.plus(costUsd)).minus(first?.centsUsd ?? ZERO);
    charges.push({ kind: 'freeTier', key, freeKey, quantity: covered, price, firstTierUsd, costUsd, centsUsd });
    totalUsd = totalUsd.plus(costUsd);
  }

  const percent = options.discountPercent ?? 0;
  if (percent > 0) {
    const costUsd = totalUsd.times(percent).dividedBy(100).negated();
    charges.push({ kind: 'discount', percent, baseUsd: totalUsd, costUsd, centsUsd: toCents(costUsd) });
    totalUsd = totalUsd.plus(costUsd);
  }
  return { charges, totalUsd };
}

/** The service and item a charge is billed under, as the cost line names them. */
export function chargeName(charge: Charge): { service: string; item: string } {
  if (charge.kind === 'discount') return { service: 'Discount', item: `Negotiated discount (${charge.percent} %)` };
  const meta = PRICE_KEYS[charge.key];
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
