/**
 * The library's front door: `simulate(scenario, { runs })` validates a scenario object,
 * runs its replications (on worker threads when asked), prices them and summarises them.
 * The CLI is a thin shell around this.
 */
import { defaultCatalogue, regionOrThrow } from './pricing/default-catalogue.js';
import type { PriceCatalogue } from './pricing/index.js';
import type { ScenarioIdentity, SimulationJson } from './report/simulation-json.js';
import { runSimulation, type SimulationRun } from './runner/run-simulation.js';
import type { Scenario, ScenarioInput } from './scenario/index.js';
import { simulationJsonOf, validatedScenario } from './simulation-result.js';

export { withReviewWarnings } from './simulation-result.js';

export interface SimulateRequest {
  /** Seed of the random streams; the scenario's `seed` when absent. */
  seed?: number;
  /** Replications (default 1). */
  runs?: number;
  /** Keep adding runs until the P90 wall time's 95 % interval is within ± this percent. */
  precisionPercent?: number;
  /** Upper bound on runs with `precisionPercent` (default 10,000). */
  maxRuns?: number;
  /** Worker threads (default 1: everything in this thread). */
  workers?: number;
  /** Price catalogue (default: the shipped AWS list prices). */
  catalogue?: PriceCatalogue;
  /** A deadline in seconds: the output then says how likely a run misses it. */
  deadlineSeconds?: number;
  /** Where the scenario came from, for the output's `scenario` block. */
  identity?: Partial<ScenarioIdentity>;
  onProgress?: (done: number, total: number) => void;
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  /** The scenario as the user wrote it (before defaults), and the catalogue's file: to name the input behind a figure that overflows. */
  document?: unknown;
  catalogueFile?: string;
}

export interface Simulation {
  scenario: Scenario;
  run: SimulationRun;
  /** The versioned JSON document (`dmap simulate --json`). */
  json: SimulationJson;
}

/** Validates `input` (throws UserInputError listing every problem) and simulates it. */
export async function simulate(input: ScenarioInput | Scenario, request: SimulateRequest = {}): Promise<Simulation> {
  const { scenario, warnings } = validatedScenario(input);
  const catalogue = request.catalogue ?? defaultCatalogue();
  regionOrThrow(catalogue, scenario.region);
  const seed = request.seed ?? scenario.seed;
  const run = await runSimulation(
    { scenario, seed, catalogue },
    {
      runs: request.runs ?? 1,
      workers: request.workers ?? 1,
      ...(request.precisionPercent !== undefined ? { precisionPercent: request.precisionPercent } : {}),
      ...(request.maxRuns !== undefined ? { maxRuns: request.maxRuns } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(request.force ? { force: true } : {}),
    },
  );
  const json = simulationJsonOf({
    scenario,
    seed,
    run,
    warnings,
    ...(request.identity ? { identity: request.identity } : {}),
    ...(request.deadlineSeconds !== undefined ? { deadlineSeconds: request.deadlineSeconds } : {}),
    catalogue,
    document: request.document ?? input,
    ...(request.catalogueFile ? { catalogueFile: request.catalogueFile } : {}),
  });
  return { scenario, run, json };
}
