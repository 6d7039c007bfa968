/**
 * One replication of a scenario, reduced to what the statistics need: wall time, cost
 * (total and per line), the main counters and the time series. Small and plain, so
 * worker threads can send it back cheaply. Pure.
 */
import { simulateMapRun, sumOverFunctions, type MapRunResult, type RunBounds, type TimeSeries } from '../model/index.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import { chargeName } from '../pricing/charges.js';
import { mapRunCharges, priceMapRun, type MapRunCost, type MapRunPricingOptions } from '../pricing/price-map-run.js';
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
  /** The wall time along the critical path by what bounded it, in ms (src/model/run-bounds.ts). */
  boundByMs: RunBounds;
  timeSeries: TimeSeries;
}

export interface ReplicationCounters {
  throttles: number;
  retries: number;
  coldStarts: number;
  failedItems: number;
  timedOutItems: number;
  pendingItems: number;
  /** Items of Standard children stopped when the Map Run failed. */
  abortedItems: number;
  lambdaRequests: number;
  lambdaGbSeconds: number;
  standardTransitions: number;
  /** When the first child started, and the mean child span, in seconds (what ListExecutions shows). */
  firstChildStartSeconds: number;
  meanChildSeconds: number;
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

/** One replication reduced to its record: what the pool runs thousands of times. */
export function replicationRecord(context: ReplicationContext, replication: number): ReplicationRecord {
  const result = simulateMapRun(context.scenario, { seed: context.seed, replication });
  return recordOf(context, replication, result);
}

/** What a sensitivity analysis keeps of a replication: whether it failed, its wall time and its cost. */
export interface ReplicationOutcome {
  failed: boolean;
  wallTimeMs: number;
  /** As in ReplicationRecord. */
  costUsd: number;
}

/** One replication reduced to its outcome: no cost lines, counters or time series to build or send. */
export function replicationOutcome(context: ReplicationContext, replication: number): ReplicationOutcome {
  const { scenario } = context;
  const result = simulateMapRun(scenario, { seed: context.seed, replication });
  const options = pricingOptions(scenario);
  const { totalUsd } = mapRunCharges(result.usage, scenario.region, context.catalogue, options, result.wallTimeMs);
  return { failed: result.status === 'FAILED', wallTimeMs: result.wallTimeMs, costUsd: Number(totalUsd.dividedBy(options.runsPerMonth)) };
}

/** The outcome of a full record: the same figures replicationOutcome gives for the same replication. */
export function outcomeOf(record: ReplicationRecord): ReplicationOutcome {
  return { failed: record.failed, wallTimeMs: record.wallTimeMs, costUsd: record.costUsd };
}

/** One replication in full: its record, the whole Map Run result and the bill in words. */
export function runReplication(context: ReplicationContext, replication: number): ReplicationDetail {
  const { scenario } = context;
  const result = simulateMapRun(scenario, { seed: context.seed, replication });
  return { result, cost: priceMapRun(result.usage, scenario.region, context.catalogue, pricingOptions(scenario), result.wallTimeMs), record: recordOf(context, replication, result) };
}

function recordOf(context: ReplicationContext, replication: number, result: MapRunResult): ReplicationRecord {
  const { scenario } = context;
  // Amounts only (no formulas): the same charges priceMapRun puts into words.
  const options = pricingOptions(scenario);
  const { charges, totalUsd } = mapRunCharges(result.usage, scenario.region, context.catalogue, options, result.wallTimeMs);
  const runs = options.runsPerMonth;
  const costByLine: Record<string, number> = {};
  for (const charge of charges) {
    if (charge.kind === 'unpriced') continue;
    const { service, item } = chargeName(charge);
    const key = lineKey(service, item);
    costByLine[key] = (costByLine[key] ?? 0) + Number(charge.costUsd) / runs;
  }
  const usage = result.usage;
  return {
    replication,
    failed: result.status === 'FAILED',
    wallTimeMs: result.wallTimeMs,
    costUsd: Number(totalUsd.dividedBy(runs)),
    costByLine,
    boundByMs: result.boundBy,
    counters: {
      throttles: result.attempts.throttled,
      retries: result.attempts.retries,
      coldStarts: sumOverFunctions(usage, 'coldStarts'),
      failedItems: result.itemCounts.failed,
      timedOutItems: result.itemCounts.timedOut,
      pendingItems: result.itemCounts.pending,
      abortedItems: result.itemCounts.aborted,
      lambdaRequests: sumOverFunctions(usage, 'requests'),
      lambdaGbSeconds: sumOverFunctions(usage, 'gbSeconds'),
      standardTransitions: usage.stepFunctions.parentTransitions + usage.stepFunctions.childTransitions,
      firstChildStartSeconds: result.children.firstStartMs / 1000,
      meanChildSeconds: result.children.meanDurationMs / 1000,
    },
    failuresByError: result.attempts.failuresByError,
    timeSeries: result.timeSeries,
  };
}

function pricingOptions(scenario: Scenario): MapRunPricingOptions {
  const { pricing } = scenario;
  return {
    runsPerMonth: pricing.runsPerMonth,
    freeTier: pricing.freeTier,
    discountPercent: pricing.discountPercent,
    priceOverrides: pricing.priceOverrides,
    ...(Object.keys(pricing.discounts).length > 0 ? { discounts: pricing.discounts } : {}),
    ...(pricing.computeSavingsPlan ? { savingsPlan: pricing.computeSavingsPlan } : {}),
  };
}

/** One name per cost line across runs; tiers of one item add up. */
export function lineKey(service: string, item: string): string {
  return `${service}: ${item}`;
}
