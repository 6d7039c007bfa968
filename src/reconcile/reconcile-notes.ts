/**
 * The sentences a reconciliation ends with: how the estimate was scaled, what a Cost
 * Explorer export lacks, a Region that is not the estimate's, covered usage left out,
 * UNPRICED estimate lines and assumed usage types. Pure.
 */
import type { Money } from '../pricing/decimal.js';
import type { Estimate } from './estimate.js';
import type { BillSummary } from './ingest-bill.js';
import type { EstimateOnlyLine, ReconciledLine } from './reconciliation.js';

export function notesOf(
  estimate: Estimate,
  bill: BillSummary,
  scale: { factor: Money; runs?: number },
  lines: ReconciledLine[],
  estimateOnly: EstimateOnlyLine[],
): string[] {
  const notes: string[] = [];
  if (!scale.factor.equals(1) && estimate.runsPerMonth !== undefined) {
    notes.push(
      `The estimate's lines are the month of ${estimate.runsPerMonth} Map Runs, scaled linearly to ${scale.runs}: its volume tiers${estimate.freeTier ? ' and free tier' : ''} were applied to ${estimate.runsPerMonth} runs' totals. For a tier-exact estimate, simulate again with --runs-per-month ${scale.runs}.`,
    );
  }
  if (bill.costsOnly) {
    notes.push(
      'A Cost Explorer export has costs only (in the metric chosen when exporting, usually unblended cost): no quantities, products or line item types, so credits and refunds are in the usage types\' costs unless the export excluded them.',
    );
  }
  if (bill.filters.region && bill.filters.region !== estimate.region) {
    notes.push(`--region ${bill.filters.region} keeps the bill's rows of that Region, but the estimate is for ${estimate.region}.`);
  }
  if (!bill.filters.includeCovered && bill.adjustments.some((a) => a.lineItemType === 'SavingsPlanCoveredUsage' || a.lineItemType === 'DiscountedUsage')) {
    notes.push('Usage covered by a Savings Plan or a reservation is listed under the adjustments, not compared; --include-covered compares it as usage (at its on-demand cost).');
  }
  if ([...lines.map((l) => l.estimate.costUsd), ...estimateOnly.map((l) => l.costUsd)].includes(null) || lines.some((l) => l.estimate.unpricedQuantity)) {
    notes.push('Some of the estimate is UNPRICED (the catalogue has no price for it): its quantities are compared, its money is not in the totals.');
  }
  if (lines.some((l) => l.confidence === 'L')) {
    notes.push('Lines marked [L] rest on a usage type dmap assumes rather than one AWS documents (docs/pricing.md, "Reconciling with the bill").');
  }
  return notes;
}
