/**
 * What `simulate` does around the replications, with no I/O and no threads: validate the
 * scenario (a UserInputError listing every problem), then turn the run into the versioned
 * JSON document with its review warnings, checked for non-finite figures. simulate.ts
 * runs the replications on worker threads in between; `dmap studio`'s page runs them on
 * Web Workers and calls the same two functions, so its figures are the CLI's.
 */
import { UserInputError, type InputProblem } from './errors.js';
import { formatFieldPath } from './input/field-path.js';
import type { PriceCatalogue } from './pricing/index.js';
import { assertFiniteFigures } from './report/finite-figures.js';
import { reviewWarnings } from './report/review-warnings.js';
import { buildSimulationJson, scenarioWarningsOf, type ScenarioIdentity, type SimulationJson } from './report/simulation-json.js';
import type { SimulationRun } from './runner/replication-runs.js';
import { validateScenario, type Scenario, type ScenarioInput } from './scenario/index.js';

/** Validates `input`: the scenario with its defaults and its warnings, or a UserInputError listing every problem. */
export function validatedScenario(input: ScenarioInput | Scenario): { scenario: Scenario; warnings: InputProblem[] } {
  const validation = validateScenario(input);
  if (!validation.ok) {
    throw new UserInputError(
      validation.issues.map((issue) => ({ field: formatFieldPath(issue.path), message: issue.message, value: issue.value })),
    );
  }
  const warnings = validation.warnings.map((w) => ({ field: formatFieldPath(w.path), message: w.message, value: w.value }));
  return { scenario: validation.scenario, warnings };
}

export interface SimulationJsonInput {
  scenario: Scenario;
  seed: number;
  run: SimulationRun;
  /** The scenario's own warnings. */
  warnings: InputProblem[];
  /** Where the scenario came from, for the output's `scenario` block. */
  identity?: Partial<ScenarioIdentity>;
  deadlineSeconds?: number;
  catalogue: PriceCatalogue;
  /** The scenario as the user wrote it (before defaults), and the catalogue's file: to name the input behind a figure that overflows. */
  document: unknown;
  catalogueFile?: string;
}

/** The `dmap simulate --json` document of a run, review warnings included; throws a UserInputError on a non-finite figure. */
export function simulationJsonOf(input: SimulationJsonInput): SimulationJson {
  const { scenario } = input;
  const identity: ScenarioIdentity = { name: scenario.name, description: scenario.description, ...input.identity };
  const json = buildSimulationJson({
    scenario,
    identity,
    seed: input.seed,
    run: input.run,
    warnings: input.warnings,
    ...(input.deadlineSeconds !== undefined ? { deadlineSeconds: input.deadlineSeconds } : {}),
  });
  withReviewWarnings(json, scenario);
  // Nothing leaves the library with a NaN or an Infinity in it (finite-figures.ts).
  assertFiniteFigures(json, {
    document: input.document,
    what: 'scenario',
    catalogue: input.catalogue,
    ...(input.identity?.file ? { file: input.identity.file } : {}),
    ...(input.catalogueFile ? { catalogueFile: input.catalogueFile } : {}),
  });
  return json;
}

/** Appends the run's review warnings (not the scenario's, which are there already) to `json.warnings`. */
export function withReviewWarnings(json: SimulationJson, scenario: Scenario): void {
  // Reviewed without the scenario's warnings, which reviewWarnings would repeat as its own.
  const review = reviewWarnings(scenario, { ...json, warnings: [] });
  json.warnings = [...scenarioWarningsOf(json.warnings), ...review.map((w) => ({ severity: w.severity, title: w.title, message: w.detail }))];
}
