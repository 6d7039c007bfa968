/**
 * The shipped catalogue is complete for the ten most used Regions (issue 15, point 5): every
 * price key the model prices has a price there, and every price names a source. The Regions
 * and the reasons for the only gaps are in src/pricing/catalogues/RESEARCH-NOTES.md.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { PRICE_KEYS, type PriceKey } from '../../src/pricing/price-keys.js';

/** The ten Regions (RESEARCH-NOTES.md, "The ten Regions"). */
const TEN_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'eu-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-south-1',
] as const;

/** Keys no Region prices, by design: their usage is always reported unpriced (docs/pricing.md). */
const NEVER_PRICED: readonly PriceKey[] = ['other.request', 'bedrock.invokeModel.request'];

/** Keys whose last tier is bounded in every one of the ten Regions, and the bound: usage above it is
 *  reported unpriced (no source gives the bounds of the higher tiers; RESEARCH-NOTES.md). */
const BOUNDED_LAST_TIER: Partial<Record<PriceKey, string>> = {
  'sqs.request.standard': '100000000000',
  'sqs.request.fifo': '100000000000',
};

const PRICED_KEYS = (Object.keys(PRICE_KEYS) as PriceKey[]).filter((key) => !NEVER_PRICED.includes(key));

describe('the shipped catalogue in the ten most used Regions', () => {
  const catalogue = defaultCatalogue();

  it.each(TEN_REGIONS)('%s prices every key the model prices', (region) => {
    const prices = catalogue.regions[region]?.prices;
    expect(prices, region).toBeDefined();
    const missing = PRICED_KEYS.filter((key) => !prices?.[key]);
    expect(missing, `${region} lacks`).toEqual([]);
  });

  it.each(TEN_REGIONS)('%s: tiers run to an open last tier, except the documented bounded ones', (region) => {
    const prices = catalogue.regions[region]?.prices ?? {};
    for (const key of PRICED_KEYS) {
      const last = prices[key]?.tiers?.at(-1);
      if (!last) continue;
      expect(last.upTo, `${region} ${key}`).toBe(BOUNDED_LAST_TIER[key] ?? null);
    }
  });

  it.each(TEN_REGIONS)('%s: every price carries a confidence tag', (region) => {
    for (const [key, price] of Object.entries(catalogue.regions[region]?.prices ?? {})) {
      expect(price.confidence, `${region} ${key}`).toMatch(/^[VS]$/);
    }
  });

  it('the documented gaps are still gaps: no Region prices other.request or bedrock.invokeModel.request', () => {
    for (const [region, { prices }] of Object.entries(catalogue.regions)) {
      for (const key of NEVER_PRICED) expect(prices[key], `${region} ${key}`).toBeUndefined();
    }
  });
});

describe('sources of the shipped catalogue', () => {
  const catalogue = defaultCatalogue();

  it('every price, in every Region, names a source that exists in `sources`', () => {
    const unknown: string[] = [];
    for (const [region, { prices }] of Object.entries(catalogue.regions)) {
      for (const [key, price] of Object.entries(prices)) {
        if (!Object.hasOwn(catalogue.sources, price.source)) unknown.push(`${region} ${key}: ${price.source}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('every free-tier entry names a source that exists in `sources`', () => {
    for (const [key, entry] of Object.entries(catalogue.freeTier)) expect(Object.hasOwn(catalogue.sources, entry.source), key).toBe(true);
  });

  it('every source has an https URL and a title, and is used by at least one price or free-tier entry', () => {
    const used = new Set([
      ...Object.values(catalogue.regions).flatMap(({ prices }) => Object.values(prices).map((p) => p.source)),
      ...Object.values(catalogue.freeTier).map((e) => e.source),
    ]);
    for (const [id, source] of Object.entries(catalogue.sources)) {
      expect(source.url, id).toMatch(/^https:\/\//);
      expect(source.title, id).toBeTruthy();
      expect(used.has(id), `${id} is cited by no price`).toBe(true);
    }
  });

  it('GitHub copies of price data are pinned to a commit', () => {
    for (const [id, { url }] of Object.entries(catalogue.sources)) {
      if (!/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\//.test(url)) continue;
      expect(url, id).toMatch(/\/blob\/[0-9a-f]{40}\//);
    }
  });
});
