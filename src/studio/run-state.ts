/**
 * One state of the page, simulated: the changes applied to the scenario as written, the
 * result validated like a scenario file, the work guarded, the replications run, and the
 * run turned into the `dmap simulate --json` document. Every step is the CLI's own
 * function (simulation-result.ts, replication-runs.ts, work-guard.ts); only where the
 * replications run differs (Web Workers here, worker threads there), and since each
 * replication depends only on (seed, index), the figures are the same. Pure.
 */
import type { ReplicationContext } from '../montecarlo/index.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import { regionOrThrow } from '../pricing/default-catalogue.js';
import type { ScenarioIdentity, SimulationJson } from '../report/simulation-json.js';
import { runOnPool, type ReplicationSource } from '../runner/replication-runs.js';
import { checkWork } from '../runner/work-guard.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { validatedScenario } from '../simulation-result.js';
import { simulationJsonOf } from '../simulation-result.js';
import { applyState, type StudioBase, type StudioState } from './studio-state.js';

/** Replications on demand, for one scenario at a time. */
export interface StudioPool extends ReplicationSource {
  /** Switches the pool to another scenario (or seed): runs started after this use it. */
  setContext(context: ReplicationContext): void;
  /** How many replications run at once. */
  readonly size: number;
}

export interface StateRun {
  /** The scenario as written with the changes applied: what the saved file holds. */
  document: unknown;
  scenario: Scenario;
  json: SimulationJson;
}

/** The scenario a state describes, validated (a UserInputError lists every problem). */
export function scenarioOfState(base: StudioBase, state: StudioState): { document: unknown; scenario: Scenario; warnings: ReturnType<typeof validatedScenario>['warnings'] } {
  const document = applyState(base, state);
  const { scenario, warnings } = validatedScenario(document as Parameters<typeof validatedScenario>[0]);
  return { document, scenario: withPricing(scenario, base.pricing), warnings };
}

/** The scenario priced as the page's pricing flags say, over its own pricing block, as the CLI applies them. */
export function withPricing(scenario: Scenario, pricing: Scenario['pricing'] | undefined): Scenario {
  return pricing ? { ...scenario, pricing } : scenario;
}

export async function runState(
  pool: StudioPool,
  base: StudioBase,
  state: StudioState,
  catalogue: PriceCatalogue,
  identity: Partial<ScenarioIdentity> = {},
): Promise<StateRun> {
  const { document, scenario, warnings } = scenarioOfState(base, state);
  regionOrThrow(catalogue, scenario.region);
  checkWork([{ scenario, runs: state.runs }]);
  const context: ReplicationContext = { scenario, seed: state.seed, catalogue };
  pool.setContext(context);
  const run = await runOnPool(pool, context, { runs: state.runs, workers: pool.size });
  const json = simulationJsonOf({ scenario, seed: state.seed, run, warnings, identity, catalogue, document });
  return { document, scenario, json };
}
