/**
 * Compute Savings Plans on the month's Lambda duration: which usage the plan's hourly
 * commitment covers, and what it saves. Pure: exact decimal arithmetic, no I/O.
 *
 * AWS's rules, each with its source:
 * - A Savings Plan is a commitment to a consistent amount of compute usage, in USD per
 *   hour, for one or three years; usage up to the commitment is billed at the plan's
 *   lower rates, usage beyond it at On-Demand rates, and unused commitment of an hour is
 *   not carried into the next hour.
 *   https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html
 *   https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html
 * - Compute Savings Plans apply to Lambda: Duration (GB-seconds) and Provisioned
 *   Concurrency, not requests; AWS's Lambda page says they save "up to 17 %".
 *   https://aws.amazon.com/lambda/pricing/ (Compute Savings Plans section)
 *   https://aws.amazon.com/savingsplans/compute-pricing/ (the plan rates, by term)
 *   Lambda has taken part since February 2020:
 *   https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/
 * - Step Functions (transitions, Express requests and duration), S3, CloudWatch and the
 *   other services priced here are not among the services Compute Savings Plans cover
 *   (EC2, Fargate, Lambda): they stay at their price.
 *   https://docs.aws.amazon.com/savingsplans/latest/userguide/what-is-savings-plans.html
 *   https://awsnegotiations.com/aws-services/lambda-serverless/ ("Step Functions: No SP
 *   coverage"; a secondary source)
 *
 * The model (docs/pricing.md, "Compute Savings Plans"): the plan's discount `rate` is the
 * share the plan takes off Lambda's On-Demand duration price (up to 17 %); the month's
 * eligible duration, after any free tier, is spread evenly over the `hours` it is used in
 * (a simulated Map Run: its wall time rounded up to whole hours, times the runs a month; a
 * usage document: the 730 hours of a month). Each hour the commitment buys usage at the
 * plan's price until it runs out: it covers commitment ÷ (1 − rate) of On-Demand value an
 * hour; the rest is billed On-Demand. The whole commitment is treated as this workload's:
 * a commitment that other usage (EC2, Fargate, other functions) also draws on covers less.
 */
import { Money } from './decimal.js';
import type { PriceKey } from './price-keys.js';

/** The Lambda price keys a Compute Savings Plan covers (duration; not requests). */
export const SAVINGS_PLAN_KEYS: readonly PriceKey[] = ['lambda.duration.x86_64', 'lambda.duration.arm64'];

/** The most Compute Savings Plans take off Lambda, as AWS's Lambda pricing page says ("up to 17 %"). */
export const LAMBDA_SAVINGS_PLAN_MAX_PERCENT = 17;

/** The hours of a month AWS's pricing examples use (365 × 24 ÷ 12). */
export const HOURS_PER_MONTH = 730;

export interface SavingsPlanOptions {
  /** The hourly commitment in USD. */
  commitmentUsdPerHour: number;
  /** The plan's discount off Lambda's On-Demand duration price, in percent. */
  discountPercent: number;
}

/** The eligible usage of one price key: its net quantity (after free tier) and net On-Demand cost. */
export interface EligibleUsage {
  key: PriceKey;
  quantity: Money;
  onDemandUsd: Money;
}

export interface SavingsPlanSplit {
  key: PriceKey;
  coveredQuantity: Money;
  uncoveredQuantity: Money;
  /** On-Demand value of the covered usage. */
  coveredOnDemandUsd: Money;
  /** What the plan saves on it (negative). */
  savingUsd: Money;
}

export interface SavingsPlanResult {
  hours: number;
  /** On-Demand value the commitment can cover in those hours. */
  capacityOnDemandUsd: Money;
  /** Commitment spent on the covered usage, and the commitment of those hours left unused. */
  commitmentUsedUsd: Money;
  commitmentUnusedUsd: Money;
  splits: SavingsPlanSplit[];
}

/** Splits each key's eligible usage into covered and not covered, and prices the saving. */
export function applySavingsPlan(eligible: readonly EligibleUsage[], plan: SavingsPlanOptions, hours: number): SavingsPlanResult {
  const rate = new Money(plan.discountPercent).dividedBy(100);
  const commitmentUsd = new Money(plan.commitmentUsdPerHour).times(hours);
  // At the plan's price, one dollar of commitment buys 1 ÷ (1 − rate) dollars of On-Demand usage.
  const capacityOnDemandUsd = rate.greaterThanOrEqualTo(1) ? new Money(Infinity) : commitmentUsd.dividedBy(new Money(1).minus(rate));
  const totalUsd = eligible.reduce((sum, e) => sum.plus(Money.max(0, e.onDemandUsd)), new Money(0));
  const coveredUsd = Money.min(totalUsd, capacityOnDemandUsd);
  const share = totalUsd.isZero() ? new Money(0) : coveredUsd.dividedBy(totalUsd);
  const splits = eligible.map((e) => {
    const coveredQuantity = e.quantity.times(share);
    const coveredOnDemandUsd = Money.max(0, e.onDemandUsd).times(share);
    return { key: e.key, coveredQuantity, uncoveredQuantity: e.quantity.minus(coveredQuantity), coveredOnDemandUsd, savingUsd: coveredOnDemandUsd.times(rate).negated() };
  });
  const commitmentUsedUsd = coveredUsd.times(new Money(1).minus(rate));
  return { hours, capacityOnDemandUsd, commitmentUsedUsd, commitmentUnusedUsd: Money.max(0, commitmentUsd.minus(commitmentUsedUsd)), splits };
}

/**
 * The hours of a month a simulated Map Run's Lambda usage falls in: each run's wall time
 * rounded up to whole clock hours (at least one), times the runs a month, at most the
 * month. Assumes runs do not share an hour and a run does not straddle one more than its
 * length needs.
 */
export function hoursWithUsage(wallTimeMs: number, runsPerMonth: number): number {
  const perRun = Math.max(1, Math.ceil(wallTimeMs / 3_600_000));
  return Math.min(HOURS_PER_MONTH, perRun * runsPerMonth);
}
