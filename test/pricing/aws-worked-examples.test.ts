/**
 * AWS's own published pricing examples, reproduced to the cent (or to the printed
 * precision) from the shipped catalogue. Each example's source URL, free-tier and
 * rounding choices are recorded beside it in aws-worked-examples.ts.
 */
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/pricing/decimal.js';
import { priceUsage, usageFromDocument, usageDocumentSchema, type PriceKey } from '../../src/pricing/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { AWS_WORKED_EXAMPLES } from './aws-worked-examples.js';

describe.each(AWS_WORKED_EXAMPLES)('$title', (example) => {
  const document = usageDocumentSchema.parse(example.usage);
  const report = priceUsage(usageFromDocument(document), defaultCatalogue(), {
    freeTier: document.freeTier,
    priceOverrides: example.unitPriceOverrides as Partial<Record<PriceKey, { usd: string; per: string }>>,
  });

  it(`reproduces the published total $${example.expectedTotalUsd} (${example.url})`, () => {
    expect(report.unpricedKeys).toEqual([]);
    // A figure printed with more than two decimals was not rounded to cents: compare exactly.
    const printedDecimals = example.expectedTotalUsd.split('.')[1]?.length ?? 0;
    const total = printedDecimals > 2 ? report.totalUsd : report.totalUsdAwsRounded;
    expect(new Money(total).equals(example.expectedTotalUsd)).toBe(true);
  });

  // Some examples print only a total; only those that print lines get this test.
  const expectedLines = example.expectedLinesUsd;
  if (expectedLines) it('reproduces every published line', () => {
    for (const [key, expected] of Object.entries(expectedLines)) {
      const printedDecimals = expected.split('.')[1]?.length ?? 0;
      const lines = report.lines.filter((l) => l.priceKey === key);
      const sum = lines.reduce((s, l) => s.plus((printedDecimals > 2 ? l.costUsd : l.costUsdCents) as string), new Money(0));
      expect(sum.toFixed(Math.max(2, printedDecimals)), key).toBe(new Money(expected).toFixed(Math.max(2, printedDecimals)));
    }
  });
});
