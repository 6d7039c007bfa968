/**
 * Compute Savings Plans on Lambda duration (src/pricing/savings-plan.ts), with
 * hand-checkable figures: the commitment covers commitment ÷ (1 − rate) of On-Demand value
 * an hour, Lambda requests and Step Functions are never covered, and the covered and
 * uncovered parts are lines of their own that add up to the usage.
 */
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/pricing/decimal.js';
import { priceUsage, type PricingUsage } from '../../src/pricing/index.js';
import { applySavingsPlan, hoursWithUsage } from '../../src/pricing/savings-plan.js';
import { FIXTURE_CATALOGUE } from './fixture-catalogue.js';

const usage = (quantities: PricingUsage['quantities']): PricingUsage => ({ region: 'us-east-1', quantities });

describe('applySavingsPlan', () => {
  it('covers at most commitment × hours ÷ (1 − rate) of On-Demand value, and saves rate × the covered value', () => {
    // $0.83 an hour at 17 % buys $1.00 of On-Demand usage an hour; 10 hours: $10 of the $40 eligible.
    const result = applySavingsPlan([{ key: 'lambda.duration.x86_64', quantity: new Money(2_400_000), onDemandUsd: new Money(40) }], { commitmentUsdPerHour: 0.83, discountPercent: 17 }, 10);
    const [split] = result.splits;
    expect(result.capacityOnDemandUsd.toFixed()).toBe('10');
    expect(split?.coveredQuantity.toFixed()).toBe('600000');
    expect(split?.uncoveredQuantity.toFixed()).toBe('1800000');
    expect(split?.savingUsd.toFixed()).toBe('-1.7');
    expect(result.commitmentUsedUsd.toFixed()).toBe('8.3');
    expect(result.commitmentUnusedUsd.toFixed()).toBe('0');
  });

  it('covers everything when the commitment is larger, and says how much of it goes unused', () => {
    const result = applySavingsPlan([{ key: 'lambda.duration.arm64', quantity: new Money(1000), onDemandUsd: new Money(5) }], { commitmentUsdPerHour: 1, discountPercent: 20 }, 10);
    expect(result.splits[0]?.uncoveredQuantity.toFixed()).toBe('0');
    expect(result.splits[0]?.savingUsd.toFixed()).toBe('-1');
    // $5 On-Demand costs $4 at the plan's rate; $10 of commitment, $6 unused.
    expect(result.commitmentUnusedUsd.toFixed()).toBe('6');
  });

  it('places a simulated month in whole clock hours: each run rounded up to an hour, at most 730', () => {
    expect(hoursWithUsage(113_000, 1)).toBe(1);
    expect(hoursWithUsage(113_000, 30)).toBe(30);
    expect(hoursWithUsage(3_600_001, 30)).toBe(60);
    expect(hoursWithUsage(0, 1)).toBe(1);
    expect(hoursWithUsage(60_000, 10_000)).toBe(730);
  });
});

describe('priceUsage with a Compute Savings Plan', () => {
  const month = usage([
    { key: 'stepFunctions.standard.transition', quantity: '1000000', derivation: '' },
    { key: 'lambda.request', quantity: '1000000', derivation: '' },
    { key: 'lambda.duration.x86_64', quantity: '1200000', derivation: '' },
  ]);

  it('adds a covered and a not-covered line for Lambda duration only: requests and Step Functions stay at list price', () => {
    // Duration: 1,200,000 GB-s × $0.0000166667 = $20.00004 On-Demand. $0.083 an hour at 17 % over 730 h
    // covers $73 of it: all. Saving: 17 % × $20.00004 = $3.4000068.
    const report = priceUsage(month, FIXTURE_CATALOGUE, { savingsPlan: { commitmentUsdPerHour: 0.083, discountPercent: 17 } });
    const plan = report.lines.filter((l) => l.item.startsWith('Compute Savings Plans'));
    expect(plan.map((l) => [l.kind, l.service, l.item, l.priceKey, l.quantity, l.costUsd, l.costUsdCents])).toEqual([
      ['discount', 'AWS Lambda', 'Compute Savings Plans: Duration (x86), covered', 'lambda.duration.x86_64', '1200000', '-3.4000068', '-3.40'],
      ['discount', 'AWS Lambda', 'Compute Savings Plans: Duration (x86), not covered', 'lambda.duration.x86_64', '0', '0', '0.00'],
    ]);
    expect(plan[0]?.source).toBe('https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html');
    expect(report.options.savingsPlan).toEqual({ commitmentUsdPerHour: 0.083, discountPercent: 17, hours: 730 });
    // $25 of transitions + $0.20 of requests + $20.00004 − $3.4000068.
    expect(report.totalUsd).toBe('41.8000332');
  });

  it('splits the usage when the commitment runs out, and covers only what the free tier leaves', () => {
    // After the 400,000 GB-s free tier: 800,000 GB-s = $13.33336 On-Demand. $0.83 an hour for
    // 5 hours covers $5 of it: 800,000 × 5 ÷ 13.33336 = 299,999.40 GB-s.
    const report = priceUsage(month, FIXTURE_CATALOGUE, { freeTier: true, savingsPlan: { commitmentUsdPerHour: 0.83, discountPercent: 17, hours: 5 } });
    const [covered, uncovered] = report.lines.filter((l) => l.item.startsWith('Compute Savings Plans'));
    expect(new Money(covered?.quantity as string).plus(uncovered?.quantity as string).toFixed()).toBe('800000');
    expect(new Money(covered?.quantity as string).toDecimalPlaces(2).toFixed()).toBe('299999.4');
    expect(covered?.costUsd).toBe('-0.85');
    expect(uncovered?.costUsd).toBe('0');
    expect(uncovered?.formula).toMatch(/beyond the commitment .*billed at the On-Demand price in the line above/);
  });
});
