/**
 * Issue 17: `per` (the units a price is for) is at least 1 wherever it is read: a price
 * divides by it, and `per: 0` printed $NaN or Infinity.
 */
import { describe, expect, it } from 'vitest';
import { collectPriceOverride } from '../../src/cli/parse-price-override.js';
import { validateDocument } from '../../src/input/document-issues.js';
import { catalogueSchema } from '../../src/pricing/catalogue-schema.js';
import { isValidPer } from '../../src/pricing/per-units.js';
import { validateScenario } from '../../src/scenario/index.js';

describe('per ≥ 1', () => {
  it('isValidPer', () => {
    expect(['1', '1000', '1000000', '1.5'].every(isValidPer)).toBe(true);
    expect(['0', '00', '0.5', '', '-1', 'x'].some(isValidPer)).toBe(false);
  });

  it('--price KEY=USD/0 is refused, KEY=USD/1000000 taken', () => {
    expect(() => collectPriceOverride('lambda.request=1/0')).toThrow(/PER must be a number of units of at least 1/);
    expect(collectPriceOverride('lambda.request=0.2/1000000')).toEqual({ 'lambda.request': { usd: '0.2', per: '1000000' } });
    expect(() => collectPriceOverride('lambda.request=10000000000/1')).toThrow(/USD must be at most/);
  });

  it("a scenario's priceOverrides per \"0\" is an issue at its path", () => {
    const validation = validateScenario({
      name: 'p',
      itemReader: { source: 'inline', itemCount: 1 },
      lambda: { perItemDurationMs: 1 },
      pricing: { priceOverrides: { 'lambda.request': { usd: '1', per: '0' } } },
    });
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.issues).toEqual([expect.objectContaining({ path: ['pricing', 'priceOverrides', 'lambda.request', 'per'] })]);
  });

  it('a catalogue price per "0" is an issue', () => {
    const validation = validateDocument(catalogueSchema, {
      name: 'c',
      version: '1',
      effectiveDate: '2025-01-01',
      currency: 'USD',
      sources: { s: { url: 'https://aws.amazon.com/' } },
      regions: { 'us-east-1': { prices: { 'lambda.request': { usd: '1', per: '0', unit: 'requests', source: 's' } } } },
    });
    expect(validation.ok).toBe(false);
  });
});
