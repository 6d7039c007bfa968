/**
 * The pricing flags' parsing and merging (src/cli/pricing-flags.ts), without running the
 * CLI: what a flag means, how it overrides the file, and that every problem is listed.
 */
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/errors.js';
import { collectDiscount, isCalendarDate, pricingRerunArgs, pricingWithFlags } from '../../src/cli/pricing-flags.js';

const BASE = { freeTier: false, runsPerMonth: 1, discountPercent: 0, discounts: { sqs: 3 }, priceOverrides: {} };

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (error) {
    if (error instanceof UserInputError) return error.problems.map((p) => `${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('--discount', () => {
  it('is a percent on everything, or service=percent pairs, and later flags add to earlier ones', () => {
    expect(collectDiscount('10')).toEqual({ everythingPercent: 10, byService: {} });
    expect(collectDiscount('lambda=12,stepFunctions=5')).toEqual({ byService: { lambda: 12, stepFunctions: 5 } });
    expect(collectDiscount('s3=1', collectDiscount('7.5'))).toEqual({ everythingPercent: 7.5, byService: { s3: 1 } });
  });

  it('lists every bad part at once', () => {
    expect(problemsOf(() => collectDiscount('lamda=12,101,x'))).toEqual([
      expect.stringMatching(/^--discount: unknown service; did you mean `lambda`\?/),
      expect.stringMatching(/^--discount: must be a percentage from 0 to 100/),
      expect.stringMatching(/^--discount: must be a percentage from 0 to 100/),
    ]);
  });
});

describe('pricingWithFlags', () => {
  it('lets flags override the file, keeping what they do not name', () => {
    const pricing = pricingWithFlags(BASE, {
      freeTier: true,
      runsPerMonth: 30,
      discount: { everythingPercent: 10, byService: { lambda: 12 } },
      savingsPlanCommitment: '0.5',
      savingsPlanRate: '17',
      currency: 'EUR',
      exchangeRate: '0.93',
      rateDate: '2026-11-30',
    });
    expect(pricing).toEqual({
      freeTier: true,
      runsPerMonth: 30,
      discountPercent: 10,
      discounts: { sqs: 3, lambda: 12 },
      priceOverrides: {},
      computeSavingsPlan: { commitmentUsdPerHour: 0.5, discountPercent: 17 },
      currency: { code: 'EUR', perUsd: 0.93, date: '2026-11-30' },
    });
    expect(pricingWithFlags(BASE, {})).toEqual(BASE);
  });

  it('names every missing partner and bad value together', () => {
    expect(problemsOf(() => pricingWithFlags(BASE, { savingsPlanCommitment: '0', currency: 'USD', exchangeRate: '-1' }))).toEqual([
      expect.stringMatching(/^--savings-plan-rate: is needed with --savings-plan-commitment/),
      expect.stringMatching(/^--savings-plan-commitment: must be an amount in USD per hour above 0/),
      expect.stringMatching(/^--rate-date: is needed/),
      expect.stringMatching(/^--currency: money is always shown in USD/),
      expect.stringMatching(/^--exchange-rate: must be a number above 0/),
    ]);
  });

  it('accepts only real calendar dates', () => {
    expect(['2026-11-30', '2024-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-30', '2025-02-29', '2026-13-01', '26-11-30', '2026-11-30T00:00'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });

  it('gives the flags back for a rerun command', () => {
    expect(pricingRerunArgs({ catalogue: 'c.json', freeTier: false, discount: { everythingPercent: 10, byService: { lambda: 12 } }, runsPerMonth: 30, savingsPlanCommitment: '0.5', savingsPlanRate: '17', strictPrices: true })).toEqual([
      '--catalogue', 'c.json', '--no-free-tier', '--discount', '10,lambda=12', '--runs-per-month', '30', '--savings-plan-commitment', '0.5', '--savings-plan-rate', '17', '--strict-prices',
    ]);
  });
});
