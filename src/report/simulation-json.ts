/**
 * The machine-readable result of `dmap simulate --json`, read by scripts and CI, so it
 * carries a format name and version; docs/json-output.md describes every field. Times
 * are in seconds, rounded to the millisecond, so the JSON is free of float noise and
 * byte-identical for the same scenario, seed and version.
 */
import type { InputProblem } from '../errors.js';
import type { MapRunCounts, MapRunResult } from '../model/index.js';
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
    wallTimeSeconds: number;
    itemCounts: MapRunCounts;
    executionCounts: MapRunCounts;
    executionType: Scenario['executionType'];
    maxConcurrency: number;
    peakRunningChildren: number;
    peakConcurrentInvocations: number;
    itemReader: { listRequests: number; readCompleteSeconds: number };
    lambda: { invocations: number; totalDurationSeconds: number };
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
      wallTimeSeconds,
      itemCounts: result.itemCounts,
      executionCounts: result.executionCounts,
      executionType: input.scenario.executionType,
      maxConcurrency: result.effectiveMaxConcurrency,
      peakRunningChildren: result.peakRunningChildren,
      peakConcurrentInvocations: result.peakConcurrentInvocations,
      itemReader: {
        listRequests: result.itemReader.listRequests,
        readCompleteSeconds: seconds(result.itemReader.readCompleteMs),
      },
      lambda: { invocations: result.lambda.invocations, totalDurationSeconds: seconds(result.lambda.totalDurationMs) },
    },
    warnings: input.warnings.map((w) => ({ field: w.field, message: w.message, value: w.value })),
    simulation: { eventCount: result.eventCount },
  };
}

/** ms → s, rounded to the millisecond. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
