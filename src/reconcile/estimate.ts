/**
 * The estimate a bill is reconciled against: the cost lines of a `dmap simulate --json`
 * result (`cost.lines`, the month of `cost.runsPerMonth` runs; a report's result.json is
 * the same document) or of `dmap price --json` (`lines`, the usage document's month). Both
 * carry the same CostLine (docs/pricing.md). Lines are added up by price key: tier bands
 * and unpriced remainders by quantity, free-tier credits into the cost (a bill's free usage
 * is usage at $0). Pure.
 */
import { z } from 'zod';
import type { DocumentValidation } from '../input/document-issues.js';
import { validateDocument } from '../input/document-issues.js';
import { Money } from '../pricing/decimal.js';
import { PRICE_KEY_NAMES, PRICE_KEYS, type PriceKey } from '../pricing/price-keys.js';

const SIMULATE_FORMAT = 'dmap-planner/simulate';
const PRICE_FORMAT = 'dmap-planner/price';

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as a string');

const costLine = z.looseObject({
  kind: z.enum(['charge', 'freeTier', 'discount', 'unpriced']),
  service: z.string(),
  item: z.string(),
  priceKey: z.enum(PRICE_KEY_NAMES).optional(),
  quantity: decimal,
  unit: z.string(),
  costUsd: decimal.nullable(),
});

const catalogue = z.looseObject({ name: z.string(), version: z.string(), effectiveDate: z.string() });

/** What the estimate's discount lines come from, when its document says (older documents do not). */
const discountOptions = {
  discounts: z.record(z.string(), z.number()).optional(),
  savingsPlan: z.looseObject({ discountPercent: z.number() }).optional(),
};

const simulateResult = z.looseObject({
  format: z.literal(SIMULATE_FORMAT),
  formatVersion: z.literal(1),
  scenario: z.looseObject({ name: z.string() }),
  cost: z.looseObject({
    catalogue,
    region: z.string().min(1),
    runsPerMonth: z.number().int().min(1),
    freeTier: z.boolean(),
    discountPercent: z.number(),
    ...discountOptions,
    lines: z.array(costLine),
  }),
});

const priceResult = z.looseObject({
  format: z.literal(PRICE_FORMAT),
  formatVersion: z.literal(1),
  usageFile: z.string().optional(),
  region: z.string().min(1),
  catalogue,
  options: z.looseObject({ freeTier: z.boolean(), discountPercent: z.number(), ...discountOptions }),
  lines: z.array(costLine),
});

type CostLineInput = z.infer<typeof costLine>;

/** One price key of the estimate, its tier bands, unpriced remainder and free-tier credit together. */
export interface EstimateKey {
  priceKey: PriceKey;
  service: string;
  item: string;
  unit: string;
  /** Charged and unpriced quantity (a free-tier credit's quantity is part of it already). */
  quantity: Money;
  /** Priced cost, free-tier credits included; null when none of it is priced. */
  costUsd: Money | null;
  /** Quantity the catalogue could not price (in the total quantity, not in the cost). */
  unpricedQuantity: Money;
}

export interface Estimate {
  format: 'simulate' | 'price';
  /** The scenario's name, or the usage document's path. */
  name: string;
  region: string;
  catalogue: { name: string; version: string; effectiveDate: string };
  freeTier: boolean;
  discountPercent: number;
  /** A simulate result's Map Runs a month, which its lines are the month of; absent for `dmap price`. */
  runsPerMonth?: number;
  keys: EstimateKey[];
  /** Negotiated discounts by service, when the document gives them (`--discount lambda=12`). */
  discounts?: Record<string, number>;
  /** The estimate's discount lines added up, if any (negative): negotiated discounts and a Compute Savings Plan's saving. */
  discountUsd?: Money;
  /** The Compute Savings Plan's part of discountUsd, when the estimate has one (negative). */
  savingsPlan?: { discountPercent?: number; savingUsd: Money };
}

export function validateEstimate(document: unknown): DocumentValidation<Estimate> {
  const format = typeof document === 'object' && document !== null ? (document as { format?: unknown }).format : undefined;
  if (format === SIMULATE_FORMAT) {
    const validation = validateDocument(simulateResult, document);
    if (!validation.ok) return validation;
    const { scenario, cost } = validation.value;
    return {
      ok: true,
      value: {
        format: 'simulate',
        name: scenario.name,
        region: cost.region,
        catalogue: pickCatalogue(cost.catalogue),
        freeTier: cost.freeTier,
        discountPercent: cost.discountPercent,
        runsPerMonth: cost.runsPerMonth,
        ...discountsOf(cost),
        ...keysOf(cost.lines, cost.savingsPlan),
      },
    };
  }
  if (format === PRICE_FORMAT) {
    const validation = validateDocument(priceResult, document);
    if (!validation.ok) return validation;
    const result = validation.value;
    return {
      ok: true,
      value: {
        format: 'price',
        name: result.usageFile ?? 'usage document',
        region: result.region,
        catalogue: pickCatalogue(result.catalogue),
        freeTier: result.options.freeTier,
        discountPercent: result.options.discountPercent,
        ...discountsOf(result.options),
        ...keysOf(result.lines, result.options.savingsPlan),
      },
    };
  }
  return {
    ok: false,
    issues: [
      {
        path: ['format'],
        message: `must be "${SIMULATE_FORMAT}" (\`dmap simulate --json\`, or a report's result.json) or "${PRICE_FORMAT}" (\`dmap price --json\`)`,
        ...(format === undefined ? {} : { value: format }),
      },
    ],
  };
}

function pickCatalogue(c: { name: string; version: string; effectiveDate: string }) {
  return { name: c.name, version: c.version, effectiveDate: c.effectiveDate };
}

function discountsOf(options: { discounts?: Record<string, number> | undefined }): { discounts?: Record<string, number> } {
  const discounts = Object.entries(options.discounts ?? {}).filter(([, percent]) => percent > 0);
  return discounts.length > 0 ? { discounts: Object.fromEntries(discounts) } : {};
}

/**
 * The estimate's keys, and its discount lines added up. A Compute Savings Plan's lines are
 * discount lines too, but name the price key they save on (a negotiated discount names
 * none): their part is kept apart so that it is labelled as what it is.
 */
function keysOf(lines: CostLineInput[], plan: { discountPercent: number } | undefined): Pick<Estimate, 'keys' | 'discountUsd' | 'savingsPlan'> {
  const byKey = new Map<PriceKey, EstimateKey>();
  let discountUsd: Money | undefined;
  let savingUsd: Money | undefined;
  for (const line of lines) {
    if (line.kind === 'discount') {
      if (line.costUsd !== null) discountUsd = (discountUsd ?? new Money(0)).plus(line.costUsd);
      if (line.costUsd !== null && line.priceKey) savingUsd = (savingUsd ?? new Money(0)).plus(line.costUsd);
      continue;
    }
    if (!line.priceKey) continue;
    const meta = PRICE_KEYS[line.priceKey];
    const key = byKey.get(line.priceKey) ?? {
      priceKey: line.priceKey,
      service: meta.service,
      item: meta.item,
      unit: line.kind === 'freeTier' ? meta.unit : line.unit,
      quantity: new Money(0),
      costUsd: null,
      unpricedQuantity: new Money(0),
    };
    if (line.kind !== 'freeTier') key.quantity = key.quantity.plus(line.quantity);
    if (line.kind === 'unpriced') key.unpricedQuantity = key.unpricedQuantity.plus(line.quantity);
    if (line.kind === 'charge') key.unit = line.unit;
    if (line.costUsd !== null) key.costUsd = (key.costUsd ?? new Money(0)).plus(line.costUsd);
    byKey.set(line.priceKey, key);
  }
  const keys = PRICE_KEY_NAMES.flatMap((k) => {
    const key = byKey.get(k);
    return key ? [key] : [];
  });
  return {
    keys,
    ...(discountUsd ? { discountUsd } : {}),
    // Without the document's plan options (an older document) the rate is unknown, and left out.
    ...(savingUsd ? { savingsPlan: { ...(plan ? { discountPercent: plan.discountPercent } : {}), savingUsd } } : {}),
  };
}
