/**
 * Per-run usage to monthly usage: volume tiers and the free tier apply to the month's
 * totals, so a run's share of the monthly bill depends on how often it runs.
 */
import { Money, plain } from './decimal.js';
import type { PricingUsage } from './pricing-usage.js';

export function scaleUsage(usage: PricingUsage, runsPerMonth: number): PricingUsage {
  if (runsPerMonth === 1) return usage;
  return {
    region: usage.region,
    quantities: usage.quantities.map((q) => ({
      ...q,
      quantity: plain(new Money(q.quantity).times(runsPerMonth)),
      derivation: `(${q.derivation}) × ${runsPerMonth} runs a month`,
    })),
  };
}
