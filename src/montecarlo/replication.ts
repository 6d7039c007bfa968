/**
 * One replication of a scenario, reduced to what the statistics need: wall time, cost
 * (total and per line), the main counters and the time series. Small and plain, so
 * worker threads can send it back cheaply. Pure.
 */
import { simulateMapRun, type MapRunResult, type TimeSeries } from '../model/index.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import { priceMapRun, type MapRunCost } from '../pricing/price-map-run.js';
import type { Scenario } from '../scenario/index.js';

export interface ReplicationRecord {
  replication: number;
  failed: boolean;
  wallTimeMs: number;
  /** Cost of the run in USD (the monthly bill ÷ runs per month), unpriced usage excluded (see the warnings). */
  costUsd: number;
  /** Cost per line, keyed by `lineKey`. */
  costByLine: Record<string, number>;
  counters: ReplicationCounters;
  /** Failed invocation attempts by error name (throttles included), as the run saw them. */
  failuresByError: Record<string, number>;
  timeSeries: TimeSeries;
}

export interface ReplicationCounters {
  throttles: number;
  retries: number;
  coldStarts: number;
  failedItems: number;
  timedOutItems: number;
  pendingItems: number;
  lambdaRequests: number;
  lambdaGbSeconds: number;
  standardTransitions: number;
}

export interface ReplicationDetail {
  record: ReplicationRecord;
  result: MapRunResult;
  cost: MapRunCost;
}

export interface ReplicationContext {
  scenario: Scenario;
  seed: number;
  catalogue: PriceCatalogue;
}

export function runReplication(context: ReplicationContext, replication: number): ReplicationDetail {
  const { scenario } = context;
  const result = simulateMapRun(scenario, { seed: context.seed, replication });
  const cost = priceMapRun(result.usage, scenario.region, context.catalogue, {
    runsPerMonth: scenario.pricing.runsPerMonth,
    freeTier: scenario.pricing.freeTier,
    discountPercent: scenario.pricing.discountPercent,
    priceOverrides: scenario.pricing.priceOverrides,
  });
  const runs = scenario.pricing.runsPerMonth;
  const costByLine: Record<string, number> = {};
  for (const line of cost.monthly.lines) {
    if (line.costUsd === null) continue;
    const key = lineKey(line.service, line.item);
    costByLine[key] = (costByLine[key] ?? 0) + Number(line.costUsd) / runs;
  }
  const usage = result.usage;
  return {
    result,
    cost,
    record: {
      replication,
      failed: result.status === 'FAILED',
      wallTimeMs: result.wallTimeMs,
      costUsd: Number(cost.perRunUsd),
      costByLine,
      counters: {
        throttles: result.attempts.throttled,
        retries: result.attempts.retries,
        coldStarts: usage.lambda.coldStarts,
        failedItems: result.itemCounts.failed,
        timedOutItems: result.itemCounts.timedOut,
        pendingItems: result.itemCounts.pending,
        lambdaRequests: usage.lambda.requests,
        lambdaGbSeconds: usage.lambda.gbSeconds,
        standardTransitions: usage.stepFunctions.parentTransitions + usage.stepFunctions.childTransitions,
      },
      failuresByError: result.attempts.failuresByError,
      timeSeries: result.timeSeries,
    },
  };
}

/** One name per cost line across runs; tiers of one item add up. */
export function lineKey(service: string, item: string): string {
  return `${service}: ${item}`;
}
