/**
 * What failure costs: the chance of missing a deadline and of the Map Run failing (each
 * with a 95 % Wilson interval), and the cost per run once failed work is redriven. A
 * redrive (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html)
 * reruns the failed, timed-out, aborted and pending items; we price an item at the runs'
 * cost per item that ran (every cost over the items that started), and assume the
 * redrive succeeds in one go [L]. The cost at risk is the P90 and P99 of run cost plus
 * redrive. Pure.
 */
import { quantileSorted } from 'simple-statistics';
import { proportionInterval, type ReplicationRecord } from '../montecarlo/index.js';

export interface FailureEconomics {
  runs: number;
  failure: { probability: number; ci95: [number, number] };
  /** With a deadline: runs that failed or ended after it. */
  deadline?: { seconds: number; missProbability: number; ci95: [number, number] };
  /** Cost per item that ran, over every run: the price of redriving one item. */
  redriveUsdPerItem: number;
  /** Mean over runs of the items a redrive would rerun. */
  itemsToRedriveMean: number;
  /** Mean of run cost plus its redrive. */
  expectedCostUsd: number;
  /** P90 and P99 of run cost plus its redrive. */
  costAtRiskUsd: { p90: number; p99: number };
}

export function failureEconomics(records: readonly ReplicationRecord[], totalItems: number, deadlineSeconds?: number): FailureEconomics {
  if (records.length === 0) throw new RangeError('no runs');
  const n = records.length;
  const failed = records.filter((r) => r.failed).length;
  const totalCost = records.reduce((sum, r) => sum + r.costUsd, 0);
  const itemsRan = records.reduce((sum, r) => sum + totalItems - r.counters.pendingItems, 0);
  const perItem = itemsRan > 0 ? totalCost / itemsRan : 0;
  const redriven = records.map((r) => r.counters.failedItems + r.counters.timedOutItems + r.counters.abortedItems + r.counters.pendingItems);
  const withRedrive = records.map((r, i) => r.costUsd + (redriven[i] as number) * perItem).sort((a, b) => a - b);
  const result: FailureEconomics = {
    runs: n,
    failure: { probability: failed / n, ci95: proportionInterval(failed, n) },
    redriveUsdPerItem: perItem,
    itemsToRedriveMean: redriven.reduce((a, b) => a + b, 0) / n,
    expectedCostUsd: withRedrive.reduce((a, b) => a + b, 0) / n,
    costAtRiskUsd: { p90: quantileSorted(withRedrive, 0.9), p99: quantileSorted(withRedrive, 0.99) },
  };
  if (deadlineSeconds !== undefined) {
    const missed = records.filter((r) => r.failed || r.wallTimeMs / 1000 > deadlineSeconds).length;
    result.deadline = { seconds: deadlineSeconds, missProbability: missed / n, ci95: proportionInterval(missed, n) };
  }
  return result;
}
