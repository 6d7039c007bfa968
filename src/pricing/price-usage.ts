/**
 * Turns usage into cost lines a finance reviewer can reconcile with an AWS bill: each
 * line has its service, item, quantity, unit, unit price, cost and formula in words.
 * Volume tiers split a quantity into one line per tier. The free tier is an explicit,
 * opt-in credit line; a negotiated discount is a line of its own; usage with no price is
 * an explicit "unpriced" line and a warning, never $0.
 *
 * Pure: exact decimal arithmetic, no I/O. Quantities are taken as the month's totals
 * (tiers and free tier apply to them as given; see monthly-rollup.ts for runs per month).
 */
import type { CataloguePrice, PriceCatalogue } from './catalogue-schema.js';
import { formatQuantity, Money, plain, toCents } from './decimal.js';
import { FREE_TIER_KEY_OF, PRICE_KEYS, type PriceKey } from './price-keys.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';
import { PricingError } from './pricing-error.js';
import { splitIntoTiers } from './tiers.js';

export interface PricingOptions {
  /** Subtract the account's monthly free tier, as credit lines. Off by default: it belongs to the whole account. */
  freeTier?: boolean;
  /** A negotiated discount on everything priced, in percent (0–100). */
  discountPercent?: number;
  /** Prices that replace the catalogue's, by price key. */
  priceOverrides?: Partial<Record<PriceKey, { usd: string; per?: string }>>;
}

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
  options: { freeTier: boolean; discountPercent: number; priceOverrides: string[] };
  lines: CostLine[];
  /** Exact sum of the priced lines. */
  totalUsd: string;
  /** Sum of the lines each rounded to cents first, as AWS bills. */
  totalUsdAwsRounded: string;
  unpricedKeys: PriceKey[];
  warnings: string[];
}

export function priceUsage(usage: PricingUsage, catalogue: PriceCatalogue, options: PricingOptions = {}): CostReport {
  const region = catalogue.regions[usage.region];
  if (!region) {
    throw new PricingError(
      `no prices for Region "${usage.region}" in catalogue ${catalogue.name} ${catalogue.version}; it has: ${Object.keys(catalogue.regions).sort().join(', ')}`,
    );
  }
  const discountPercent = options.discountPercent ?? 0;
  const lines: CostLine[] = [];
  const warnings: string[] = [];
  const unpricedKeys: PriceKey[] = [];
  const freeLeft = new Map(Object.entries(catalogue.freeTier).map(([k, v]) => [k, new Money(v.quantity)]));

  for (const [key, parts] of groupByKey(usage.quantities)) {
    const quantity = parts.reduce((sum, p) => sum.plus(p.quantity), new Money(0));
    if (quantity.isZero()) continue;
    const meta = PRICE_KEYS[key];
    const override = options.priceOverrides?.[key];
    const price: CataloguePrice | undefined = override
      ? { usd: override.usd, per: override.per ?? region.prices[key]?.per ?? '1', unit: region.prices[key]?.unit ?? meta.unit, source: 'override' }
      : region.prices[key];
    const derivation = parts.map((p) => (parts.length > 1 && p.label ? `${p.label}: ${p.derivation}` : p.derivation)).join(' + ');
    if (!price) {
      unpricedKeys.push(key);
      warnings.push(`${meta.service} ${meta.item}: no price for ${usage.region} in catalogue ${catalogue.version}; the total excludes ${formatQuantity(quantity)} ${meta.unit}`);
      lines.push({ ...lineBase(key, 'unpriced', quantity, meta.unit), unitPriceUsd: null, per: '1', costUsd: null, costUsdCents: null, formula: `${derivation}; UNPRICED` });
      continue;
    }
    const source = override ? 'price override' : catalogue.sources[price.source]?.url;
    const per = new Money(price.per);
    const split = splitIntoTiers(quantity, price);
    for (const band of split.bands) {
      const cost = band.quantity.times(band.usd).dividedBy(per);
      lines.push({
        ...lineBase(key, 'charge', band.quantity, price.unit),
        unitPriceUsd: band.usd,
        per: price.per,
        costUsd: plain(cost),
        costUsdCents: toCents(cost).toFixed(2),
        formula: `${band.label ? `${band.label}: ` : ''}${derivation} → ${formatQuantity(band.quantity)} ${price.unit} × $${band.usd}${price.per === '1' ? '' : ` per ${formatQuantity(per)}`}`,
        ...(source ? { source } : {}),
      });
    }
    if (split.unpriced.greaterThan(0)) {
      unpricedKeys.push(key);
      warnings.push(`${meta.service} ${meta.item}: catalogue ${catalogue.version} has no ${usage.region} price above ${formatQuantity(quantity.minus(split.unpriced))} ${price.unit} a month; the total excludes ${formatQuantity(split.unpriced)} ${price.unit}`);
      lines.push({ ...lineBase(key, 'unpriced', split.unpriced, price.unit), unitPriceUsd: null, per: price.per, costUsd: null, costUsdCents: null, formula: `above the last priced tier: ${formatQuantity(split.unpriced)} ${price.unit}; UNPRICED` });
    }
    const freeKey = FREE_TIER_KEY_OF[key];
    const free = freeKey ? freeLeft.get(freeKey) : undefined;
    if (options.freeTier && freeKey && free && free.greaterThan(0)) {
      // The free tier covers the first units, which sit in the first (dearest) tier.
      const covered = Money.min(free, quantity);
      freeLeft.set(freeKey, free.minus(covered));
      const firstUsd = price.tiers?.[0]?.usd ?? (price.usd as string);
      const credit = covered.times(firstUsd).dividedBy(per).negated();
      // AWS subtracts the free units and rounds the item's net once; the credit's cents
      // are whatever makes the first tier's charge plus the credit match that rounding.
      const firstCharge = lines.find((l) => l.priceKey === key && l.kind === 'charge');
      const firstChargeExact = new Money(firstCharge?.costUsd ?? 0);
      const firstChargeCents = new Money(firstCharge?.costUsdCents ?? 0);
      const creditCents = toCents(firstChargeExact.plus(credit)).minus(firstChargeCents);
      const entry = catalogue.freeTier[freeKey];
      lines.push({
        ...lineBase(key, 'freeTier', covered, price.unit),
        item: `Free tier: ${meta.item}`,
        unitPriceUsd: firstUsd,
        per: price.per,
        costUsd: plain(credit),
        costUsdCents: creditCents.toFixed(2),
        formula: `−${formatQuantity(covered)} ${price.unit} of the ${formatQuantity(new Money(entry?.quantity ?? 0))} free each month × $${firstUsd}${price.per === '1' ? '' : ` per ${formatQuantity(per)}`}`,
        ...(entry && catalogue.sources[entry.source] ? { source: catalogue.sources[entry.source]?.url as string } : {}),
      });
    }
  }

  if (discountPercent > 0) {
    const base = sumOf(lines);
    const discount = base.times(discountPercent).dividedBy(100).negated();
    lines.push({
      kind: 'discount',
      service: 'Discount',
      item: `Negotiated discount (${discountPercent} %)`,
      quantity: plain(base),
      unit: 'USD',
      unitPriceUsd: plain(new Money(discountPercent).dividedBy(100).negated()),
      per: '1',
      costUsd: plain(discount),
      costUsdCents: toCents(discount).toFixed(2),
      formula: `−${discountPercent} % of $${plain(toCents(base))} (every line above)`,
      source: 'user option',
    });
  }

  return {
    region: usage.region,
    catalogue: { name: catalogue.name, version: catalogue.version, effectiveDate: catalogue.effectiveDate },
    options: {
      freeTier: options.freeTier ?? false,
      discountPercent,
      priceOverrides: Object.keys(options.priceOverrides ?? {}).sort(),
    },
    lines,
    totalUsd: plain(sumOf(lines)),
    totalUsdAwsRounded: lines.reduce((sum, l) => (l.costUsdCents === null ? sum : sum.plus(l.costUsdCents)), new Money(0)).toFixed(2),
    unpricedKeys,
    warnings,
  };
}

function lineBase(key: PriceKey, kind: CostLineKind, quantity: InstanceType<typeof Money>, unit: string) {
  const meta = PRICE_KEYS[key];
  return { kind, service: meta.service, item: meta.item, priceKey: key, quantity: plain(quantity), unit };
}

function sumOf(lines: CostLine[]): InstanceType<typeof Money> {
  return lines.reduce((sum, l) => (l.costUsd === null ? sum : sum.plus(l.costUsd)), new Money(0));
}

/** Groups quantities by price key, in the order of PRICE_KEYS, so output order is stable. */
function groupByKey(quantities: UsageQuantity[]): Array<[PriceKey, UsageQuantity[]]> {
  const order = Object.keys(PRICE_KEYS) as PriceKey[];
  return order
    .map((key) => [key, quantities.filter((q) => q.key === key)] as [PriceKey, UsageQuantity[]])
    .filter(([, parts]) => parts.length > 0);
}
