/**
 * The machine-readable result of `dmap simulate --json`, read by scripts and CI, so it
 * carries a format name and version; docs/json-output.md describes every field. Times
 * are in seconds rounded to the millisecond unless a name says otherwise (`...Ms` for
 * billed milliseconds), money in USD, so the JSON is free of float noise and
 * byte-identical for the same scenario, seed, run count and version.
 */
import type { InputProblem } from '../errors.js';
import type { BoundCause, MapRunCounts, MapRunResult, MapRunUsage } from '../model/index.js';
import type { MetricSummary, SimulationSummary } from '../montecarlo/index.js';
import type { CostLine, CostReport, MapRunCost } from '../pricing/index.js';
import { scaleMetric } from '../montecarlo/scale-metric.js';
import { plain } from '../pricing/decimal.js';
import { convertUsd, type DisplayCurrency } from './format-money.js';
import { currencyHead, type CurrencyHeadJson } from './currency-json.js';
import type { PrecisionOutcome, SimulationRun } from '../runner/run-simulation.js';
import type { Scenario } from '../scenario/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { failureEconomics, type FailureEconomics } from '../analysis/failure-economics.js';
import { bottleneckOf, type Bottleneck } from './bottleneck.js';
import { roundTo } from './round.js';

export const SIMULATE_FORMAT = 'dmap-planner/simulate';
export const SIMULATE_FORMAT_VERSION = 1;

export interface ScenarioIdentity {
  name: string;
  description: string;
  /** The file the scenario came from, as given on the command line; absent for library calls. */
  file?: string;
  /** SHA-256 of the file's bytes, to tell which version of a scenario a result came from. */
  sha256?: string;
}

export interface CostJson {
  catalogue: { name: string; version: string; effectiveDate: string };
  region: string;
  runsPerMonth: number;
  freeTier: boolean;
  discountPercent: number;
  /** Price keys whose catalogue price the user replaced. */
  priceOverrides: string[];
  /** Discounts by service, when given (docs/pricing.md). */
  discounts?: CostReport['options']['discounts'];
  /** The Compute Savings Plan, when given: commitment, rate, and the hours of the month it was applied over. */
  savingsPlan?: CostReport['options']['savingsPlan'];
  /** Which run these lines are: always the first simulated run (replication 0). */
  replication: 0;
  /** The month's bill for runsPerMonth runs of the first replication. */
  lines: CostLineJson[];
  monthlyTotalUsd: string;
  monthlyTotalUsdAwsRounded: string;
  /** One run's share: the monthly total ÷ runsPerMonth. */
  perRunUsd: string;
  unpriced: string[];
  warnings: string[];
  /** With a display currency: the user's rate, and the totals converted (exact, and the billed total to the currency's cents). */
  currency?: CurrencyJson;
}

export interface CurrencyJson extends CurrencyHeadJson {
  monthlyTotal: string;
  monthlyTotalAwsRounded: string;
  perRun: string;
}

/** A cost line; with a display currency, its cost converted too (exact, and to the currency's cents). */
export type CostLineJson = CostLine & { costInCurrency?: string | null; costInCurrencyCents?: string | null };

export interface SimulationJson {
  format: typeof SIMULATE_FORMAT;
  formatVersion: typeof SIMULATE_FORMAT_VERSION;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  runs: number;
  /** The run's wall time for one run; the median across runs for several. */
  wallTimeSeconds: number;
  /** What bounds the run: the largest cause along the critical path, averaged over runs (docs/model.md). */
  bottleneck: Bottleneck;
  /** The chance of failing (and, with a deadline, of missing it) and the cost once failed work is redriven (docs/json-output.md). */
  failureEconomics: FailureEconomics;
  precision?: PrecisionOutcome;
  mapRun: {
    status: MapRunResult['status'];
    error?: MapRunResult['error'];
    wallTimeSeconds: number;
    childrenCompleteSeconds: number;
    /** This run's wall time along its critical path, by cause; adds up to wallTimeSeconds (to rounding). */
    boundBySeconds: Record<BoundCause, number>;
    itemCounts: MapRunCounts;
    executionCounts: MapRunCounts;
    executionType: Scenario['executionType'];
    maxConcurrency: number;
    lambdaConcurrencyLimit: number;
    peakRunningChildren: number;
    peakConcurrentInvocations: number;
    peakEnvironments: number;
    /** `readCompleteSeconds`: when the last item was read, or, with `complete` false, when a failing Map Run stopped the reader. */
    itemReader: { listRequests: number; getRequests: number; readCompleteSeconds: number; complete: boolean };
    attempts: MapRunResult['attempts'];
    lambda: { invocations: number; totalDurationSeconds: number };
    functions?: Record<string, Omit<NonNullable<MapRunResult['functions']>[string], 'totalDurationMs'> & { totalDurationSeconds: number }>;
    serviceQuotas?: MapRunResult['serviceQuotas'];
    resultWriter?: { files: number; putRequests: number; bytes: number; writeSeconds: number };
    inlineResultBytes: number;
  };
  usage: MapRunUsage;
  cost: CostJson;
  summary: SummaryJson;
  timeSeries: {
    bucketSeconds: number;
    runningChildren: number[];
    runningInvocations: number[];
    environments: number[];
    throttles: number[];
    itemsCompleted: number[];
  };
  /**
   * The scenario's own warnings (valid but probably not meant: `field`, `message`, `value`),
   * then the review warnings of the run (`severity`, `title`, `message`): what throttles,
   * fails or times out, and figures the totals leave out.
   */
  warnings: SimulationWarning[];
  simulation: { eventCount: number };
}

export interface SimulationWarning {
  field?: string;
  message: string;
  value?: unknown;
  /** Review warnings only: how serious, and in a few words. */
  severity?: 'warning' | 'info';
  title?: string;
}

/** The warnings that come from the scenario file, not from reviewing the run. */
export function scenarioWarningsOf(warnings: readonly SimulationWarning[]): SimulationWarning[] {
  return warnings.filter((w) => w.title === undefined);
}

/** The review warnings of the run (they have a title). */
export function reviewWarningsOf(warnings: readonly SimulationWarning[]): SimulationWarning[] {
  return warnings.filter((w) => w.title !== undefined);
}

export type SummaryJson = Omit<SimulationSummary, 'wallTimeSeconds' | 'costUsd' | 'costByLine' | 'counters'> & {
  wallTimeSeconds: MetricSummary;
  costUsd: MetricSummary;
  costByLine: Record<string, MetricSummary>;
  /** A month of runsPerMonth runs like each simulated run: costUsd × runsPerMonth, and per line. */
  monthlyCostUsd: MetricSummary;
  monthlyCostByLine: Record<string, MetricSummary>;
  /** With a display currency: the headline statistics of costUsd and monthlyCostUsd, converted. */
  costInCurrency?: { code: string; perRun: CurrencyStatistics; perMonth: CurrencyStatistics };
  counters: Record<string, MetricSummary>;
};

export interface CurrencyStatistics {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
}

export function buildSimulationJson(input: {
  scenario: Scenario;
  identity: ScenarioIdentity;
  seed: number;
  run: SimulationRun;
  warnings: InputProblem[];
  deadlineSeconds?: number;
}): SimulationJson {
  const { first, summary, precision } = input.run;
  const result = first.result;
  const runs = summary.runs;
  const { usage, timeSeries } = result;
  const wallTimeSeconds = runs === 1 ? seconds(result.wallTimeMs) : roundTo(summary.wallTimeSeconds.p50, 3);
  return {
    format: SIMULATE_FORMAT,
    formatVersion: SIMULATE_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runs,
    wallTimeSeconds,
    bottleneck: roundBottleneck(bottleneckOf(summary.boundByShare, input.scenario.itemReader.source)),
    failureEconomics: roundEconomics(failureEconomics(input.run.records, result.itemCounts.total, input.deadlineSeconds)),
    ...(precision ? { precision: { ...precision, achievedPercent: roundTo(precision.achievedPercent, 3) } } : {}),
    mapRun: mapRunJson(result, input.scenario),
    usage: {
      ...(usage.lambda ? { lambda: { ...usage.lambda, gbSeconds: roundTo(usage.lambda.gbSeconds, 6) } } : {}),
      ...(usage.functions
        ? { functions: Object.fromEntries(Object.entries(usage.functions).map(([name, fn]) => [name, { ...fn, gbSeconds: roundTo(fn.gbSeconds, 6) }])) }
        : {}),
      ...(usage.tasks ? { tasks: usage.tasks } : {}),
      ...(usage.requestsByPriceKey ? { requestsByPriceKey: usage.requestsByPriceKey } : {}),
      stepFunctions: { ...usage.stepFunctions, expressGbSeconds: roundTo(usage.stepFunctions.expressGbSeconds, 6) },
      s3: usage.s3,
      derived: usage.derived,
    },
    cost: costJson(first.cost, input.scenario.pricing.currency),
    summary: {
      ...summary,
      histograms: {
        wallTimeSeconds: { edges: summary.histograms.wallTimeSeconds.edges.map((e) => roundTo(e, 3)), counts: summary.histograms.wallTimeSeconds.counts },
        costUsd: { edges: summary.histograms.costUsd.edges.map((e) => roundTo(e, 8)), counts: summary.histograms.costUsd.counts },
      },
      wallTimeSeconds: roundMetric(summary.wallTimeSeconds, 3),
      costUsd: roundMetric(summary.costUsd, 8),
      costByLine: mapValues(summary.costByLine, (m) => roundMetric(m, 8)),
      monthlyCostUsd: roundMetric(scaleMetric(summary.costUsd, input.scenario.pricing.runsPerMonth), 8),
      monthlyCostByLine: mapValues(summary.costByLine, (m) => roundMetric(scaleMetric(m, input.scenario.pricing.runsPerMonth), 8)),
      ...(input.scenario.pricing.currency ? { costInCurrency: currencyStatistics(summary.costUsd, input.scenario.pricing.runsPerMonth, input.scenario.pricing.currency) } : {}),
      counters: mapValues(summary.counters, (m) => roundMetric(m, 6)),
      failure: { ...summary.failure, probability: roundTo(summary.failure.probability, 6), ci95: roundPair(summary.failure.ci95, 6) },
      boundByShare: mapValues(summary.boundByShare, (share) => roundTo(share, 6)),
    },
    timeSeries: {
      bucketSeconds: timeSeries.bucketMs / 1000,
      runningChildren: timeSeries.runningChildren,
      runningInvocations: timeSeries.runningInvocations,
      environments: timeSeries.environments,
      throttles: timeSeries.throttles,
      itemsCompleted: timeSeries.itemsCompleted,
    },
    warnings: input.warnings.map((w) => ({ field: w.field, message: w.message, value: w.value })),
    simulation: { eventCount: result.eventCount },
  };
}

function mapRunJson(result: MapRunResult, scenario: Scenario): SimulationJson['mapRun'] {
  return {
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    wallTimeSeconds: seconds(result.wallTimeMs),
    childrenCompleteSeconds: seconds(result.childrenCompleteMs),
    boundBySeconds: mapValues(result.boundBy, seconds),
    itemCounts: result.itemCounts,
    executionCounts: result.executionCounts,
    executionType: scenario.executionType,
    maxConcurrency: result.effectiveMaxConcurrency,
    lambdaConcurrencyLimit: result.lambdaConcurrencyLimit,
    peakRunningChildren: result.peakRunningChildren,
    peakConcurrentInvocations: result.peakConcurrentInvocations,
    peakEnvironments: result.peakEnvironments,
    itemReader: {
      listRequests: result.itemReader.listRequests,
      getRequests: result.itemReader.getRequests,
      readCompleteSeconds: seconds(result.itemReader.readCompleteMs),
      complete: result.itemReader.complete,
    },
    attempts: result.attempts,
    lambda: { invocations: result.lambda.invocations, totalDurationSeconds: seconds(result.lambda.totalDurationMs) },
    ...(result.functions
      ? {
          functions: Object.fromEntries(
            Object.entries(result.functions).map(([name, { totalDurationMs, ...fn }]) => [name, { ...fn, totalDurationSeconds: seconds(totalDurationMs) }]),
          ),
        }
      : {}),
    ...(result.serviceQuotas ? { serviceQuotas: result.serviceQuotas } : {}),
    ...(result.resultWriter
      ? {
          resultWriter: {
            files: result.resultWriter.files,
            putRequests: result.resultWriter.putRequests,
            bytes: Math.round(result.resultWriter.bytes),
            writeSeconds: seconds(result.resultWriter.writeMs),
          },
        }
      : {}),
    inlineResultBytes: Math.round(result.inlineResultBytes),
  };
}

function costJson(cost: MapRunCost, currency: DisplayCurrency | undefined): CostJson {
  const report = cost.monthly;
  return {
    catalogue: report.catalogue,
    region: report.region,
    runsPerMonth: cost.runsPerMonth,
    freeTier: report.options.freeTier,
    discountPercent: report.options.discountPercent,
    priceOverrides: report.options.priceOverrides,
    ...(report.options.discounts ? { discounts: report.options.discounts } : {}),
    ...(report.options.savingsPlan ? { savingsPlan: report.options.savingsPlan } : {}),
    replication: 0,
    lines: currency ? report.lines.map((line) => convertLine(line, currency)) : report.lines,
    monthlyTotalUsd: report.totalUsd,
    monthlyTotalUsdAwsRounded: report.totalUsdAwsRounded,
    perRunUsd: cost.perRunUsd,
    unpriced: report.unpricedKeys,
    warnings: report.warnings,
    ...(currency
      ? {
          currency: {
            ...currencyHead(currency),
            monthlyTotal: exactIn(report.totalUsd, currency),
            monthlyTotalAwsRounded: convertUsd(report.totalUsdAwsRounded, currency).toFixed(2),
            perRun: exactIn(cost.perRunUsd, currency),
          },
        }
      : {}),
  };
}

/** A line's cost in the display currency: exact (to 12 decimals) and to the currency's cents. */
export function convertLine(line: CostLine, currency: DisplayCurrency): CostLineJson {
  if (line.costUsd === null) return { ...line, costInCurrency: null, costInCurrencyCents: null };
  return { ...line, costInCurrency: exactIn(line.costUsd, currency), costInCurrencyCents: convertUsd(line.costUsd, currency).toFixed(2) };
}

function exactIn(usd: string, currency: DisplayCurrency): string {
  return plain(convertUsd(usd, currency).toDecimalPlaces(12));
}

function currencyStatistics(costUsd: MetricSummary, runsPerMonth: number, currency: DisplayCurrency): NonNullable<SummaryJson['costInCurrency']> {
  const pick = (m: MetricSummary): CurrencyStatistics => ({
    mean: roundTo(m.mean * currency.perUsd, 8),
    p50: roundTo(m.p50 * currency.perUsd, 8),
    p90: roundTo(m.p90 * currency.perUsd, 8),
    p99: roundTo(m.p99 * currency.perUsd, 8),
  });
  return { code: currency.code, perRun: pick(costUsd), perMonth: pick(scaleMetric(costUsd, runsPerMonth)) };
}

/** ms → s, rounded to the millisecond. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}


export function roundEconomics(e: FailureEconomics): FailureEconomics {
  const money = (v: number) => roundTo(v, 8);
  return {
    ...e,
    failure: { probability: roundTo(e.failure.probability, 6), ci95: roundPair(e.failure.ci95, 6) },
    ...(e.deadline ? { deadline: { seconds: e.deadline.seconds, missProbability: roundTo(e.deadline.missProbability, 6), ci95: roundPair(e.deadline.ci95, 6) } } : {}),
    redriveUsdPerItem: roundTo(e.redriveUsdPerItem, 12),
    itemsToRedriveMean: roundTo(e.itemsToRedriveMean, 3),
    expectedCostUsd: money(e.expectedCostUsd),
    costAtRiskUsd: { p90: money(e.costAtRiskUsd.p90), p99: money(e.costAtRiskUsd.p99) },
  };
}

function roundBottleneck(b: Bottleneck): Bottleneck {
  return { ...b, share: roundTo(b.share, 6), next: b.next.map((n) => ({ ...n, share: roundTo(n.share, 6) })) };
}

function roundPair(pair: [number, number], decimals: number): [number, number] {
  return [roundTo(pair[0], decimals), roundTo(pair[1], decimals)];
}

function roundMetric(m: MetricSummary, decimals: number): MetricSummary {
  const r = (v: number) => roundTo(v, decimals);
  return {
    n: m.n,
    mean: r(m.mean),
    sd: r(m.sd),
    min: r(m.min),
    max: r(m.max),
    p50: r(m.p50),
    p90: r(m.p90),
    p95: r(m.p95),
    p99: r(m.p99),
    ci95: mapValues(m.ci95, (pair) => roundPair(pair, decimals)) as MetricSummary['ci95'],
  };
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
