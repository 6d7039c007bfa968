/**
 * The library's front door: `simulate(scenario)` validates a scenario object and
 * simulates one Map Run. The CLI is a thin shell around this.
 */
import { UserInputError } from './errors.js';
import { simulateMapRun, type MapRunResult } from './model/index.js';
import { buildSimulationJson, type ScenarioIdentity, type SimulationJson } from './report/simulation-json.js';
import { formatFieldPath, validateScenario, type Scenario, type ScenarioInput } from './scenario/index.js';

export interface SimulateRequest {
  /** Seed of the random streams; the scenario's `seed` when absent. */
  seed?: number;
  /** Where the scenario came from, for the output's `scenario` block. */
  identity?: Partial<ScenarioIdentity>;
}

export interface Simulation {
  scenario: Scenario;
  result: MapRunResult;
  /** The versioned JSON document (`dmap simulate --json`). */
  json: SimulationJson;
}

/** Validates `input` (throws UserInputError listing every problem) and simulates one Map Run. */
export function simulate(input: ScenarioInput | Scenario, request: SimulateRequest = {}): Simulation {
  const validation = validateScenario(input);
  if (!validation.ok) {
    throw new UserInputError(
      validation.issues.map((issue) => ({ field: formatFieldPath(issue.path), message: issue.message, value: issue.value })),
    );
  }
  const scenario = validation.scenario;
  const warnings = validation.warnings.map((w) => ({ field: formatFieldPath(w.path), message: w.message, value: w.value }));
  const seed = request.seed ?? scenario.seed;
  const result = simulateMapRun(scenario, { seed });
  const identity: ScenarioIdentity = {
    name: scenario.name,
    description: scenario.description,
    ...request.identity,
  };
  return { scenario, result, json: buildSimulationJson({ scenario, identity, seed, result, warnings }) };
}
