/**
 * The cost of a simulated Map Run: its usage priced as `runsPerMonth` runs in a month
 * (tiers and free tier on the monthly totals), and that month's bill divided by the runs.
 */
import type { MapRunUsage } from '../model/index.js';
import type { PriceCatalogue } from './catalogue-schema.js';
import { Money, plain } from './decimal.js';
import { usageFromMapRun } from './map-run-pricing-usage.js';
import { scaleUsage } from './monthly-rollup.js';
import { priceUsage, type CostReport, type PricingOptions } from './price-usage.js';

export interface MapRunCost {
  runsPerMonth: number;
  /** The month's bill for `runsPerMonth` runs; for one run a month, the run's own bill. */
  monthly: CostReport;
  /** Exact cost of one run: the monthly total divided by the runs. */
  perRunUsd: string;
}

export function priceMapRun(
  usage: MapRunUsage,
  region: string,
  catalogue: PriceCatalogue,
  options: PricingOptions & { runsPerMonth: number },
): MapRunCost {
  const monthly = priceUsage(scaleUsage(usageFromMapRun(usage, region), options.runsPerMonth), catalogue, options);
  return {
    runsPerMonth: options.runsPerMonth,
    monthly,
    perRunUsd: plain(new Money(monthly.totalUsd).dividedBy(options.runsPerMonth)),
  };
}
