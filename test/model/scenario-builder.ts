import { validateScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.js';

type Overrides = Omit<ScenarioInput, 'name' | 'lambda'> & { lambda: NonNullable<ScenarioInput['lambda']> };

/** A validated scenario, or a thrown list of its problems. */
export function scenario(input: Omit<ScenarioInput, 'name'>): Scenario {
  const validation = validateScenario({ name: 'test', ...input });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

/**
 * A scenario with every overhead the model adds switched off (start latency and rate,
 * transition latency, cold starts, timeouts, result size), so that its timing can be worked out by
 * hand; `overrides` switch back on what a test is about.
 */
export function frictionless(overrides: Overrides): Scenario {
  return scenario({
    ...overrides,
    childStarts: { bucketSize: 1_000_000, refillPerSecond: 1_000_000, startLatencyMs: 0, ...overrides.childStarts },
    // Outputs of 0 bytes always fit the 256 KiB inline limit, so no ResultWriter is needed.
    childWorkflow: { transitionLatencyMs: 0, outputBytes: 0, ...overrides.childWorkflow },
    stateTransitions: overrides.stateTransitions ?? { bucketSize: 1_000_000, refillPerSecond: 1_000_000 },
    failureDetectionLagMs: overrides.failureDetectionLagMs ?? 0,
    lambda: { initDurationMs: 0, timeoutSeconds: 900, ...overrides.lambda },
  });
}
