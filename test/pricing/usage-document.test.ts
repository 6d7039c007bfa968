import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { priceUsage } from '../../src/pricing/index.js';
import { usageFromDocument, validateUsageDocument } from '../../src/pricing/usage-document.js';

describe('usage document quantities by price key', () => {
  it('prices any key of the catalogue from `quantities`, in the key\'s unit, and leaves an unpriced key UNPRICED', () => {
    const validation = validateUsageDocument({ region: 'us-east-1', quantities: { 'dynamodb.onDemand.writeRequestUnit': 2_500_000, 'other.request': 7 } });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    const report = priceUsage(usageFromDocument(validation.value), defaultCatalogue(), {});
    const dynamodb = report.lines.find((line) => line.priceKey === 'dynamodb.onDemand.writeRequestUnit');
    expect(dynamodb).toMatchObject({ quantity: '2500000', costUsd: '1.5625', costUsdCents: '1.56' });
    expect(dynamodb?.formula).toContain('(quantities.dynamodb.onDemand.writeRequestUnit)');
    expect(report.lines.find((line) => line.priceKey === 'other.request')).toMatchObject({ kind: 'unpriced', costUsd: null });
  });

  it('rejects a key that is not a price key, naming the field', () => {
    const validation = validateUsageDocument({ region: 'us-east-1', quantities: { 'dynamodb.writes': 1 } });
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.issues.map((issue) => issue.path.join('.'))).toEqual(['quantities.dynamodb.writes']);
  });
});
