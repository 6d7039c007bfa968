/**
 * Splits a monthly quantity across a price's volume tiers.
 *
 * Examples, with tiers first 6 B / next 9 B / above at $a / $b / $c:
 * - 1 M          → [1 M at $a]
 * - 6 B          → [6 B at $a]
 * - 7 B          → [6 B at $a, 1 B at $b]
 * - 20 B         → [6 B at $a, 9 B at $b, 5 B at $c]
 * A flat price is a single tier. When the last tier has a bound (no price is known
 * beyond it), the quantity above it is returned as `unpriced`.
 */
import type { CataloguePrice } from './catalogue-schema.js';
import { formatQuantity, Money } from './decimal.js';

export interface TierBand {
  quantity: Money;
  usd: string;
  /** Where the tier starts (the sum of the tiers before it). */
  lower: Money;
  /** The tier's cumulative bound; null for an open last tier or a flat price. */
  upTo: string | null;
  /** Index of the tier; null for a flat price, which has no tiers to name. */
  tier: number | null;
}

export interface TierSplit {
  bands: TierBand[];
  /** Quantity above the last tier's bound, which has no price. */
  unpriced: Money;
}

const ZERO = new Money(0);

export function splitIntoTiers(quantity: Money, price: CataloguePrice): TierSplit {
  if (!price.tiers) return { bands: [{ quantity, usd: price.usd as string, lower: ZERO, upTo: null, tier: null }], unpriced: ZERO };
  const bands: TierBand[] = [];
  let lower = ZERO;
  for (const [index, tier] of price.tiers.entries()) {
    if (quantity.lessThanOrEqualTo(lower)) break;
    const upper = tier.upTo === null ? quantity : Money.min(quantity, tier.upTo);
    bands.push({ quantity: upper.minus(lower), usd: tier.usd, lower, upTo: tier.upTo, tier: index });
    if (tier.upTo === null) return { bands, unpriced: ZERO };
    lower = new Money(tier.upTo);
  }
  return { bands, unpriced: Money.max(0, quantity.minus(lower)) };
}

/** "first 6,000,000,000 requests", "next 9,000,000,000 requests", "over 15,000,000,000 requests"; empty for a flat price. */
export function tierLabel(band: TierBand, unit: string): string {
  if (band.tier === null) return '';
  if (band.upTo === null) return `over ${formatQuantity(band.lower)} ${unit}`;
  return `${band.tier === 0 ? 'first' : 'next'} ${formatQuantity(new Money(band.upTo).minus(band.lower))} ${unit}`;
}
