import { describe, expect, it } from 'vitest';
import { Money } from '../../src/pricing/decimal.js';
import { catalogueSchema, priceUsage, PricingError, type PricingUsage } from '../../src/pricing/index.js';
import { FIXTURE_CATALOGUE } from './fixture-catalogue.js';

const usage = (quantities: PricingUsage['quantities'], region = 'us-east-1'): PricingUsage => ({ region, quantities });

describe('priceUsage', () => {
  it('prices a flat item: quantity × unit price ÷ per', () => {
    const report = priceUsage(usage([{ key: 'lambda.request', quantity: '3000000', derivation: '3M requests' }]), FIXTURE_CATALOGUE);
    expect(report.lines).toEqual([
      expect.objectContaining({
        kind: 'charge',
        service: 'AWS Lambda',
        item: 'Requests',
        quantity: '3000000',
        unitPriceUsd: '0.20',
        per: '1000000',
        costUsd: '0.6',
        costUsdCents: '0.60',
        source: 'https://example.com/prices',
      }),
    ]);
    expect(report.totalUsd).toBe('0.6');
  });

  it('splits a tiered quantity into one line per tier', () => {
    const report = priceUsage(usage([{ key: 'lambda.duration.x86_64', quantity: '20000000000', derivation: '20 B GB-s' }]), FIXTURE_CATALOGUE);
    expect(report.lines.map((l) => [l.quantity, l.unitPriceUsd, l.costUsd])).toEqual([
      ['6000000000', '0.0000166667', '100000.2'],
      ['9000000000', '0.0000150000', '135000'],
      ['5000000000', '0.0000133334', '66667'],
    ]);
    expect(report.lines[1]?.formula).toMatch(/^next 9,000,000,000 GB-seconds: /);
    expect(report.totalUsd).toBe('301667.2');
  });

  it('reports usage above a bounded last tier as unpriced, with a warning, never $0', () => {
    const bounded = catalogueSchema.parse({
      ...FIXTURE_CATALOGUE,
      regions: {
        'us-east-1': {
          prices: {
            'lambda.request': {
              tiers: [
                { upTo: '1000', usd: '0.3' },
                { upTo: '3000', usd: '0.2' },
              ],
              per: '1000',
              unit: 'requests',
              source: 'page',
            },
          },
        },
      },
    });
    const report = priceUsage(usage([{ key: 'lambda.request', quantity: '5000', derivation: '5,000 requests' }]), bounded);
    expect(report.lines.map((l) => [l.kind, l.quantity, l.costUsd])).toEqual([
      ['charge', '1000', '0.3'],
      ['charge', '2000', '0.4'],
      ['unpriced', '2000', null],
    ]);
    expect(report.lines[0]?.formula).toBe('first 1,000 requests: 5,000 requests → 1,000 requests × $0.3 per 1,000');
    expect(report.lines[2]?.formula).toBe('above the last priced tier: 2,000 requests; UNPRICED');
    expect(report.unpricedKeys).toEqual(['lambda.request']);
    expect(report.warnings).toEqual([
      'AWS Lambda Requests: catalogue 1 has no us-east-1 price above 3,000 requests a month; the total excludes 2,000 requests',
    ]);
    expect(report.totalUsd).toBe('0.7');
  });

  it('gives the free tier as credit lines only when asked', () => {
    const quantities = [
      { key: 'lambda.request' as const, quantity: '3000000', derivation: '' },
      { key: 'lambda.duration.x86_64' as const, quantity: '540000', derivation: '' },
    ];
    expect(priceUsage(usage(quantities), FIXTURE_CATALOGUE).lines.filter((l) => l.kind === 'freeTier')).toEqual([]);
    const report = priceUsage(usage(quantities), FIXTURE_CATALOGUE, { freeTier: true });
    const credits = report.lines.filter((l) => l.kind === 'freeTier');
    expect(credits.map((l) => [l.item, l.quantity, l.costUsd])).toEqual([
      ['Free tier: Requests', '1000000', '-0.2'],
      ['Free tier: Duration (x86)', '400000', '-6.66668'],
    ]);
    // AWS's Lambda pricing example arithmetic: 2M × $0.20/M + 140,000 GB-s × $0.0000166667.
    expect(report.totalUsd).toBe('2.733338');
    expect(report.totalUsdAwsRounded).toBe('2.73');
  });

  it('rounds every line to the cent on its own, so a free-tier credit always reads the same and the lines add up to the billed total', () => {
    // 400,300 GB-s: charge $6.6717 (→ $6.67), credit −$6.66668 (→ −$6.67, its own quantity × price).
    // The old rule rounded the item's net ($0.005 → $0.01) and gave the credit −$6.66 here but
    // −$6.67 elsewhere (issue 15): one credit, two figures. AWS's bill rounds the net once, so
    // it may show this item a cent above the sum of these lines (docs/pricing.md).
    const report = priceUsage(usage([{ key: 'lambda.duration.x86_64', quantity: '400300', derivation: '' }]), FIXTURE_CATALOGUE, { freeTier: true });
    expect(report.lines.map((l) => [l.kind, l.costUsdCents])).toEqual([
      ['charge', '6.67'],
      ['freeTier', '-6.67'],
    ]);
    expect(report.totalUsdAwsRounded).toBe('0.00');
    expect(report.totalUsd).toBe('0.00500001');
  });

  it('gives the full Lambda duration allowance the same credit whatever the charge beside it', () => {
    // Charges whose cents round up, down and exactly: the credit stays −$6.67 ($6.66668 to the cent).
    for (const quantity of ['400300', '969656.25', '969837.5', '540000', '1000000.3']) {
      const report = priceUsage(usage([{ key: 'lambda.duration.x86_64', quantity, derivation: '' }]), FIXTURE_CATALOGUE, { freeTier: true });
      const credit = report.lines.find((l) => l.kind === 'freeTier');
      expect([quantity, credit?.costUsd, credit?.costUsdCents]).toEqual([quantity, '-6.66668', '-6.67']);
      const cents = report.lines.reduce((sum, l) => sum + Math.round(Number(l.costUsdCents) * 100), 0);
      expect((cents / 100).toFixed(2)).toBe(report.totalUsdAwsRounded);
    }
  });

  it('never lets the free tier credit more than the usage', () => {
    const report = priceUsage(usage([{ key: 'lambda.request', quantity: '1000', derivation: '' }]), FIXTURE_CATALOGUE, { freeTier: true });
    expect(report.totalUsd).toBe('0');
  });

  it('makes usage without a price an explicit unpriced line and a warning, never $0', () => {
    const report = priceUsage(
      usage([
        { key: 'lambda.request', quantity: '1000000', derivation: '' },
        { key: 'cloudwatchLogs.ingestion', quantity: '2.5', derivation: '' },
      ]),
      FIXTURE_CATALOGUE,
    );
    const unpriced = report.lines.find((l) => l.kind === 'unpriced');
    expect(unpriced).toMatchObject({ priceKey: 'cloudwatchLogs.ingestion', costUsd: null, unitPriceUsd: null });
    expect(report.unpricedKeys).toEqual(['cloudwatchLogs.ingestion']);
    expect(report.warnings[0]).toBe('Amazon CloudWatch Logs ingestion: no price for us-east-1 in catalogue 1; the total excludes 2.5 GB');
    expect(unpriced?.unit).toBe('GB');
    expect(report.totalUsd).toBe('0.2');
  });

  it('names the Regions it has when asked for one it lacks', () => {
    expect(() => priceUsage(usage([], 'mars-north-1'), FIXTURE_CATALOGUE)).toThrow(PricingError);
    expect(() => priceUsage(usage([], 'mars-north-1'), FIXTURE_CATALOGUE)).toThrow('it has: eu-west-3, us-east-1');
  });

  it('applies a discount as its own line and overrides as marked prices', () => {
    const report = priceUsage(usage([{ key: 'lambda.request', quantity: '10000000', derivation: '' }]), FIXTURE_CATALOGUE, {
      discountPercent: 10,
      priceOverrides: { 'lambda.request': { usd: '0.18', per: '1000000' } },
    });
    expect(report.lines.map((l) => [l.kind, l.costUsd, l.source])).toEqual([
      ['charge', '1.8', 'price override'],
      ['discount', '-0.18', 'user option'],
    ]);
    expect(report.totalUsd).toBe('1.62');
    expect(report.options).toEqual({ freeTier: false, discountPercent: 10, priceOverrides: ['lambda.request'] });
  });

  it('adds up exactly: lines to the exact total, cent-rounded lines to the AWS-rounded total, free of float noise', () => {
    const report = priceUsage(
      usage([
        { key: 'stepFunctions.standard.transition', quantity: '3', derivation: '' },
        { key: 's3.request.getSelectOther', quantity: '7', derivation: '' },
        { key: 's3.request.putCopyPostList', quantity: '1', derivation: '' },
      ]),
      FIXTURE_CATALOGUE,
    );
    const exact = report.lines.reduce((s, l) => s.plus(l.costUsd as string), new Money(0));
    const cents = report.lines.reduce((s, l) => s.plus(l.costUsdCents as string), new Money(0));
    expect(exact.toFixed()).toBe(report.totalUsd);
    expect(cents.toFixed(2)).toBe(report.totalUsdAwsRounded);
    expect(report.totalUsd).toBe('0.0000828');
    for (const line of report.lines) expect(line.costUsd).not.toMatch(/0000000000|9999999999|e/);
  });
});
