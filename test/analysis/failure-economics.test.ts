import { describe, expect, it } from 'vitest';
import { failureEconomics } from '../../src/analysis/failure-economics.js';
import type { ReplicationRecord } from '../../src/montecarlo/index.js';

function record(costUsd: number, wallTimeMs: number, failed: boolean, items: { failed?: number; pending?: number; aborted?: number } = {}): ReplicationRecord {
  return {
    replication: 0,
    failed,
    wallTimeMs,
    costUsd,
    costByLine: {},
    counters: {
      throttles: 0,
      retries: 0,
      coldStarts: 0,
      failedItems: items.failed ?? 0,
      timedOutItems: 0,
      pendingItems: items.pending ?? 0,
      abortedItems: items.aborted ?? 0,
      lambdaRequests: 0,
      lambdaGbSeconds: 0,
      standardTransitions: 0,
      firstChildStartSeconds: 0,
      meanChildSeconds: 0,
    },
    failuresByError: {},
    boundByMs: {} as ReplicationRecord['boundByMs'],
    timeSeries: { bucketMs: 1000, runningChildren: [], runningInvocations: [], environments: [], throttles: [], itemsCompleted: [] },
  };
}

describe('failure economics', () => {
  it('prices a redrive of the undone items at the cost per item that ran', () => {
    // 1,000 items. Run 1 succeeds for $1.00; run 2 fails after 500 items ran ($0.50), 100 of
    // them failed, 50 aborted, 500 never started. Cost per item that ran: $1.50 / 1,500.
    const records = [record(1, 60_000, false), record(0.5, 30_000, true, { failed: 100, aborted: 50, pending: 500 })];
    const e = failureEconomics(records, 1000, 45);
    expect(e.redriveUsdPerItem).toBeCloseTo(0.001, 12);
    expect(e.itemsToRedriveMean).toBe(325);
    // Run 2 plus its redrive: 0.50 + 650 × 0.001 = 1.15; mean of 1.00 and 1.15.
    expect(e.expectedCostUsd).toBeCloseTo(1.075, 12);
    expect(e.failure.probability).toBe(0.5);
    // Both miss 45 s: run 1 ran 60 s, run 2 failed.
    expect(e.deadline?.missProbability).toBe(1);
    expect(e.deadline?.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(e.deadline?.ci95[1]).toBeLessThanOrEqual(1);
  });

  it('costs nothing extra when every run did all its work', () => {
    const e = failureEconomics([record(2, 10, false), record(3, 10, false)], 10);
    expect(e.expectedCostUsd).toBe(2.5);
    expect(e.costAtRiskUsd.p99).toBeCloseTo(2.99, 12);
    expect(e.deadline).toBeUndefined();
  });
});
