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
  quantity: InstanceType<typeof Money>;
  usd: string;
  /** "first 6,000,000,000", "next 9,000,000,000", "over 15,000,000,000"; empty for a flat price. */
  label: string;
}

export interface TierSplit {
  bands: TierBand[];
  /** Quantity above the last tier's bound, which has no price. */
  unpriced: InstanceType<typeof Money>;
}

export function splitIntoTiers(quantity: InstanceType<typeof Money>, price: CataloguePrice): TierSplit {
  if (!price.tiers) return { bands: [{ quantity, usd: price.usd as string, label: '' }], unpriced: new Money(0) };
  const bands: TierBand[] = [];
  let lower = new Money(0);
  for (const [index, tier] of price.tiers.entries()) {
    if (quantity.lessThanOrEqualTo(lower)) break;
    const upper = tier.upTo === null ? quantity : Money.min(quantity, tier.upTo);
    const label =
      tier.upTo === null
        ? `over ${formatQuantity(lower)} ${price.unit}`
        : `${index === 0 ? 'first' : 'next'} ${formatQuantity(new Money(tier.upTo).minus(lower))} ${price.unit}`;
    bands.push({ quantity: upper.minus(lower), usd: tier.usd, label });
    if (tier.upTo === null) return { bands, unpriced: new Money(0) };
    lower = new Money(tier.upTo);
  }
  return { bands, unpriced: Money.max(0, quantity.minus(lower)) };
}
