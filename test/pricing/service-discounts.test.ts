/**
 * Negotiated discounts by service (src/pricing/charges.ts, discount-services.ts): one line
 * per service on that service's lines; a bare percent still means everything.
 */
import { describe, expect, it } from 'vitest';
import { priceUsage, type PricingUsage } from '../../src/pricing/index.js';
import { discountServiceOf } from '../../src/pricing/discount-services.js';
import { FIXTURE_CATALOGUE } from './fixture-catalogue.js';

const month: PricingUsage = {
  region: 'us-east-1',
  quantities: [
    { key: 'stepFunctions.standard.transition', quantity: '1000000', derivation: '' }, // $25
    { key: 'lambda.request', quantity: '10000000', derivation: '' }, // $2
    { key: 's3.request.putCopyPostList', quantity: '100000', derivation: '' }, // $0.50
  ],
};

describe('discounts by service', () => {
  it('takes each service\'s percent off that service\'s lines only, one line each', () => {
    const report = priceUsage(month, FIXTURE_CATALOGUE, { discounts: { stepFunctions: 5, lambda: 12 } });
    const discounts = report.lines.filter((l) => l.kind === 'discount');
    expect(discounts.map((l) => [l.service, l.item, l.quantity, l.costUsd, l.costUsdCents])).toEqual([
      ['AWS Step Functions', 'Negotiated discount on AWS Step Functions (5 %)', '25', '-1.25', '-1.25'],
      ['AWS Lambda', 'Negotiated discount on AWS Lambda (12 %)', '2', '-0.24', '-0.24'],
    ]);
    expect(report.totalUsd).toBe('26.01');
    expect(report.options.discounts).toEqual({ stepFunctions: 5, lambda: 12 });
  });

  it('gives the services not named the percent on everything', () => {
    const report = priceUsage(month, FIXTURE_CATALOGUE, { discountPercent: 10, discounts: { lambda: 0 } });
    expect(report.lines.filter((l) => l.kind === 'discount').map((l) => [l.item, l.costUsd])).toEqual([
      ['Negotiated discount on AWS Step Functions (10 %)', '-2.5'],
      ['Negotiated discount on Amazon S3 (10 %)', '-0.05'],
    ]);
  });

  it('keeps one line on everything when only a bare percent is given', () => {
    const report = priceUsage(month, FIXTURE_CATALOGUE, { discountPercent: 10 });
    expect(report.lines.filter((l) => l.kind === 'discount').map((l) => [l.service, l.item, l.costUsd])).toEqual([['Discount', 'Negotiated discount (10 %)', '-2.75']]);
  });

  it('names a price key\'s service by its first segment', () => {
    expect(discountServiceOf('lambda.duration.arm64')).toBe('lambda');
    expect(discountServiceOf('stepFunctions.express.duration')).toBe('stepFunctions');
    expect(discountServiceOf('cloudwatchLogs.ingestion')).toBe('cloudwatchLogs');
  });
});
