/**
 * The cost of a simulated Map Run: its usage priced as `runsPerMonth` runs in a month
 * (tiers and free tier on the monthly totals), and that month's bill divided by the runs.
 */
import type { MapRunUsage } from '../model/index.js';
import type { PriceCatalogue } from './catalogue-schema.js';
import { priceCharges, type PricedCharges, type PricingOptions } from './charges.js';
import { Money, plain } from './decimal.js';
import { mapRunQuantities, usageFromMapRun } from './map-run-pricing-usage.js';
import { scaleUsage } from './monthly-rollup.js';
import { priceUsage, type CostReport } from './price-usage.js';
import { hoursWithUsage } from './savings-plan.js';

export type MapRunPricingOptions = PricingOptions & { runsPerMonth: number };

export interface MapRunCost {
  runsPerMonth: number;
  /** The month's bill for `runsPerMonth` runs; for one run a month, the run's own bill. */
  monthly: CostReport;
  /** Exact cost of one run: the monthly total divided by the runs. */
  perRunUsd: string;
}

/** The run's bill in words, line by line, for reports. `wallTimeMs` places a Savings Plan's hours. */
export function priceMapRun(usage: MapRunUsage, region: string, catalogue: PriceCatalogue, options: MapRunPricingOptions, wallTimeMs = 0): MapRunCost {
  const monthly = priceUsage(scaleUsage(usageFromMapRun(usage, region), options.runsPerMonth), catalogue, withHours(options, wallTimeMs));
  return {
    runsPerMonth: options.runsPerMonth,
    monthly,
    perRunUsd: plain(new Money(monthly.totalUsd).dividedBy(options.runsPerMonth)),
  };
}

/** The same month's charges as amounts only: what each of many replications needs. */
export function mapRunCharges(usage: MapRunUsage, region: string, catalogue: PriceCatalogue, options: MapRunPricingOptions, wallTimeMs = 0): PricedCharges {
  return priceCharges(mapRunQuantities(usage, options.runsPerMonth), region, catalogue, withHours(options, wallTimeMs));
}

/** A Savings Plan applies over the hours the month's runs use (savings-plan.ts). */
function withHours(options: MapRunPricingOptions, wallTimeMs: number): MapRunPricingOptions {
  if (!options.savingsPlan) return options;
  return { ...options, savingsPlan: { ...options.savingsPlan, hours: hoursWithUsage(wallTimeMs, options.runsPerMonth) } };
}
