/**
 * The totals of a reconciliation: lines on both sides, one-sided lines, all usage, the
 * adjustments and the bill's total, each exact and as the sum of its lines' cents. Pure.
 */
import { Money, plain, toCents } from '../pricing/decimal.js';
import type { AdjustmentLine, BillOnlyLine, EstimateOnlyLine, MoneyPair, ReconciledLine, Reconciliation } from './reconciliation.js';

const ZERO = new Money(0);

/** difference ÷ base × 100, to two decimals half up; null when the base is 0 and the difference is not. */
export function percentOf(difference: Money, base: Money): string | null {
  if (base.isZero()) return difference.isZero() ? '0.00' : null;
  return difference.dividedBy(base).times(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);
}

export function pair(exact: Money, cents: Money): MoneyPair {
  return { costUsd: plain(exact), costUsdCents: cents.toFixed(2) };
}

function sumOf<T>(items: readonly T[], exact: (t: T) => string | null, cents: (t: T) => string | null): { exact: Money; cents: Money } {
  return items.reduce(
    (sum, item) => {
      const e = exact(item);
      const c = cents(item);
      return { exact: e === null ? sum.exact : sum.exact.plus(e), cents: c === null ? sum.cents : sum.cents.plus(c) };
    },
    { exact: ZERO, cents: ZERO },
  );
}

export function totalsOf(
  lines: ReconciledLine[],
  billOnly: BillOnlyLine[],
  estimateOnly: EstimateOnlyLine[],
  adjustments: AdjustmentLine[],
  discount: Money | undefined,
  savingsPlan?: Money,
): Reconciliation['totals'] {
  const comparedEstimate = sumOf(lines, (l) => l.estimate.costUsd, (l) => l.estimate.costUsdCents);
  const comparedBilled = sumOf(lines, (l) => l.billed.costUsd, (l) => l.billed.costUsdCents);
  const onlyBilled = sumOf(billOnly, (l) => l.costUsd, (l) => l.costUsdCents);
  const onlyEstimate = sumOf(estimateOnly, (l) => l.costUsd, (l) => l.costUsdCents);
  const adjusted = sumOf(adjustments, (l) => l.costUsd, (l) => l.costUsdCents);
  const usageEstimate = { exact: comparedEstimate.exact.plus(onlyEstimate.exact), cents: comparedEstimate.cents.plus(onlyEstimate.cents) };
  const usageBilled = { exact: comparedBilled.exact.plus(onlyBilled.exact), cents: comparedBilled.cents.plus(onlyBilled.cents) };
  const difference = (a: { exact: Money; cents: Money }, b: { exact: Money; cents: Money }) => pair(a.exact.minus(b.exact), a.cents.minus(b.cents));
  return {
    compared: {
      estimate: pair(comparedEstimate.exact, comparedEstimate.cents),
      billed: pair(comparedBilled.exact, comparedBilled.cents),
      difference: difference(comparedBilled, comparedEstimate),
      percent: percentOf(comparedBilled.exact.minus(comparedEstimate.exact), comparedEstimate.exact),
    },
    billOnly: pair(onlyBilled.exact, onlyBilled.cents),
    estimateOnly: pair(onlyEstimate.exact, onlyEstimate.cents),
    usage: {
      estimate: pair(usageEstimate.exact, usageEstimate.cents),
      billed: pair(usageBilled.exact, usageBilled.cents),
      difference: difference(usageBilled, usageEstimate),
      percent: percentOf(usageBilled.exact.minus(usageEstimate.exact), usageEstimate.exact),
    },
    ...(discount ? { estimateDiscount: pair(discount, toCents(discount)) } : {}),
    ...(savingsPlan ? { estimateSavingsPlan: pair(savingsPlan, toCents(savingsPlan)) } : {}),
    adjustments: pair(adjusted.exact, adjusted.cents),
    billed: pair(usageBilled.exact.plus(adjusted.exact), usageBilled.cents.plus(adjusted.cents)),
  };
}
