/**
 * The library's front door: `simulate(scenario, { runs })` validates a scenario object,
 * runs its replications (on worker threads when asked), prices them and summarises them.
 * The CLI is a thin shell around this.
 */
import { UserInputError } from './errors.js';
import { formatFieldPath } from './input/field-path.js';
import { defaultCatalogue, regionOrThrow } from './pricing/load-catalogue.js';
import type { PriceCatalogue } from './pricing/index.js';
import { assertFiniteFigures } from './report/finite-figures.js';
import { reviewWarnings } from './report/review-warnings.js';
import { buildSimulationJson, scenarioWarningsOf, type ScenarioIdentity, type SimulationJson } from './report/simulation-json.js';
import { runSimulation, type SimulationRun } from './runner/run-simulation.js';
import { validateScenario, type Scenario, type ScenarioInput } from './scenario/index.js';

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
  const validation = validateScenario(input);
  if (!validation.ok) {
    throw new UserInputError(
      validation.issues.map((issue) => ({ field: formatFieldPath(issue.path), message: issue.message, value: issue.value })),
    );
  }
  const scenario = validation.scenario;
  const catalogue = request.catalogue ?? defaultCatalogue();
  regionOrThrow(catalogue, scenario.region);
  const warnings = validation.warnings.map((w) => ({ field: formatFieldPath(w.path), message: w.message, value: w.value }));
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
  const identity: ScenarioIdentity = { name: scenario.name, description: scenario.description, ...request.identity };
  const json = buildSimulationJson({ scenario, identity, seed, run, warnings, ...(request.deadlineSeconds !== undefined ? { deadlineSeconds: request.deadlineSeconds } : {}) });
  withReviewWarnings(json, scenario);
  // Nothing leaves the library with a NaN or an Infinity in it (finite-figures.ts).
  assertFiniteFigures(json, {
    document: request.document ?? input,
    what: 'scenario',
    catalogue,
    ...(request.identity?.file ? { file: request.identity.file } : {}),
    ...(request.catalogueFile ? { catalogueFile: request.catalogueFile } : {}),
  });
  return { scenario, run, json };
}

/** Appends the run's review warnings (not the scenario's, which are there already) to `json.warnings`. */
export function withReviewWarnings(json: SimulationJson, scenario: Scenario): void {
  // Reviewed without the scenario's warnings, which reviewWarnings would repeat as its own.
  const review = reviewWarnings(scenario, { ...json, warnings: [] });
  json.warnings = [...scenarioWarningsOf(json.warnings), ...review.map((w) => ({ severity: w.severity, title: w.title, message: w.detail }))];
}
