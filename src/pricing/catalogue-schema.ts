/**
 * The price catalogue format: prices as data, each with its source. The default
 * catalogue is src/pricing/catalogues/aws-list-prices.json; a user may pass their own in
 * the same format (`--catalogue`).
 */
import { z } from 'zod';
import { isValidPer, PER_RULE } from './per-units.js';
import { hasOwnKey } from '../own-key.js';

const decimalString = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal number written as a string, e.g. "0.0000166667"');

const tier = z.strictObject({
  upTo: decimalString.nullable().describe('Cumulative upper bound of the tier, in the price unit; null for the last tier.'),
  usd: decimalString,
});

const price = z
  .strictObject({
    usd: decimalString.optional().describe('Price in USD for `per` units (flat price).'),
    tiers: z
      .array(tier)
      .min(1)
      .optional()
      .describe('Volume tiers on the monthly total (instead of `usd`). A last tier with a bound means no price is known beyond it: usage there is reported unpriced.'),
    per: decimalString.refine(isValidPer, PER_RULE).default('1').describe('How many units the price is for: "1000" for a price per 1,000; at least 1.'),
    unit: z.string().min(1).describe('What is counted, e.g. "state transitions", "GB-seconds".'),
    source: z.string().min(1).describe('Key of the source in `sources`.'),
    confidence: z.enum(['V', 'S']).optional().describe('V: verified on an AWS page; S: secondary sources.'),
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.usd === undefined) === (p.tiers === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either `usd` or `tiers`', path: [] });
    }
    const tiers = p.tiers ?? [];
    tiers.forEach((t, i) => {
      if (t.upTo === null && i !== tiers.length - 1) ctx.addIssue({ code: 'custom', message: 'only the last tier may have upTo null', path: ['tiers', i, 'upTo'] });
      const previous = tiers[i - 1]?.upTo;
      if (i > 0 && t.upTo !== null && previous != null && Number(t.upTo) <= Number(previous)) {
        ctx.addIssue({ code: 'custom', message: 'tier bounds must increase', path: ['tiers', i, 'upTo'], input: t.upTo });
      }
    });
  });

const freeTierEntry = z.strictObject({
  quantity: decimalString,
  unit: z.string(),
  period: z.literal('month'),
  source: z.string(),
  note: z.string().optional(),
});

export const catalogueSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    version: z.string().min(1),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
    currency: z.literal('USD'),
    description: z.string().optional(),
    sources: z.record(z.string(), z.strictObject({ url: z.string().url(), title: z.string().optional(), note: z.string().optional() })),
    freeTier: z.record(z.string(), freeTierEntry).default({}),
    regions: z.record(
      z.string(),
      z.strictObject({
        name: z.string().optional(),
        prices: z.record(z.string(), price),
      }),
    ),
  })
  .superRefine((catalogue, ctx) => {
    for (const [region, { prices }] of Object.entries(catalogue.regions)) {
      for (const [key, p] of Object.entries(prices)) {
        if (!hasOwnKey(catalogue.sources, p.source)) {
          ctx.addIssue({ code: 'custom', path: ['regions', region, 'prices', key, 'source'], message: 'names no entry of `sources`', input: p.source });
        }
      }
    }
    for (const [key, entry] of Object.entries(catalogue.freeTier)) {
      if (!hasOwnKey(catalogue.sources, entry.source)) {
        ctx.addIssue({ code: 'custom', path: ['freeTier', key, 'source'], message: 'names no entry of `sources`', input: entry.source });
      }
    }
  });

export type PriceCatalogue = z.output<typeof catalogueSchema>;
export type CataloguePrice = PriceCatalogue['regions'][string]['prices'][string];
