/**
 * The machine-readable result of `dmap simulate --json`, read by scripts and CI, so it
 * carries a format name and version; docs/json-output.md describes every field. Times
 * are in seconds rounded to the millisecond unless a name says otherwise (`...Ms` for
 * billed milliseconds), so the JSON is free of float noise and byte-identical for the
 * same scenario, seed and version.
 */
import type { InputProblem } from '../errors.js';
import type { MapRunCounts, MapRunResult, MapRunUsage } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

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

export interface SimulationJson {
  format: typeof SIMULATE_FORMAT;
  formatVersion: typeof SIMULATE_FORMAT_VERSION;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number | string;
  runs: number;
  wallTimeSeconds: number;
  mapRun: {
    status: MapRunResult['status'];
    error?: MapRunResult['error'];
    wallTimeSeconds: number;
    childrenCompleteSeconds: number;
    itemCounts: MapRunCounts;
    executionCounts: MapRunCounts;
    executionType: Scenario['executionType'];
    maxConcurrency: number;
    lambdaConcurrencyLimit: number;
    peakRunningChildren: number;
    peakConcurrentInvocations: number;
    peakEnvironments: number;
    itemReader: { listRequests: number; getRequests: number; readCompleteSeconds: number };
    attempts: MapRunResult['attempts'];
    lambda: { invocations: number; totalDurationSeconds: number };
    resultWriter?: { files: number; putRequests: number; bytes: number; writeSeconds: number };
    inlineResultBytes: number;
  };
  usage: MapRunUsage;
  timeSeries: {
    bucketSeconds: number;
    runningChildren: number[];
    runningInvocations: number[];
    environments: number[];
    throttles: number[];
    itemsCompleted: number[];
  };
  warnings: Array<{ field?: string; message: string; value?: unknown }>;
  simulation: { eventCount: number };
}

export function buildSimulationJson(input: {
  scenario: Scenario;
  identity: ScenarioIdentity;
  seed: number | string;
  result: MapRunResult;
  warnings: InputProblem[];
}): SimulationJson {
  const { result } = input;
  const wallTimeSeconds = seconds(result.wallTimeMs);
  const { usage, timeSeries } = result;
  return {
    format: SIMULATE_FORMAT,
    formatVersion: SIMULATE_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runs: 1,
    wallTimeSeconds,
    mapRun: {
      status: result.status,
      ...(result.error ? { error: result.error } : {}),
      wallTimeSeconds,
      childrenCompleteSeconds: seconds(result.childrenCompleteMs),
      itemCounts: result.itemCounts,
      executionCounts: result.executionCounts,
      executionType: input.scenario.executionType,
      maxConcurrency: result.effectiveMaxConcurrency,
      lambdaConcurrencyLimit: result.lambdaConcurrencyLimit,
      peakRunningChildren: result.peakRunningChildren,
      peakConcurrentInvocations: result.peakConcurrentInvocations,
      peakEnvironments: result.peakEnvironments,
      itemReader: {
        listRequests: result.itemReader.listRequests,
        getRequests: result.itemReader.getRequests,
        readCompleteSeconds: seconds(result.itemReader.readCompleteMs),
      },
      attempts: result.attempts,
      lambda: { invocations: result.lambda.invocations, totalDurationSeconds: seconds(result.lambda.totalDurationMs) },
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
    },
    usage: {
      lambda: { ...usage.lambda, gbSeconds: round(usage.lambda.gbSeconds, 6) },
      stepFunctions: { ...usage.stepFunctions, expressGbSeconds: round(usage.stepFunctions.expressGbSeconds, 6) },
      s3: usage.s3,
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

/** ms → s, rounded to the millisecond. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
