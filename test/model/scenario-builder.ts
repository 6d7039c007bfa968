import { validateScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.js';

type Overrides = Omit<ScenarioInput, 'name' | 'lambda'> & { lambda: NonNullable<ScenarioInput['lambda']> };

/** A validated scenario, or a thrown list of its problems. */
export function scenario(input: Omit<ScenarioInput, 'name'>): Scenario {
  const validation = validateScenario({ name: 'test', ...input });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

/**
 * A scenario with every overhead the model adds switched off (Map Run start and close,
 * dispatch and start rate, start latency, transition latency, cold starts, timeouts, result size), so that its timing can be worked out by
 * hand; `overrides` switch back on what a test is about.
 */
export function frictionless(overrides: Overrides): Scenario {
  const reader = overrides.itemReader;
  return scenario({
    ...overrides,
    // Listing streams into batches unless the test is about listing first.
    itemReader: reader.source === 's3ListObjectsV2' ? { listBeforeProcessing: false, ...reader } : reader,
    childStarts: { bucketSize: 1_000_000, refillPerSecond: 1_000_000, dispatchBurst: 1_000_000, dispatchPerSecond: 1_000_000, startLatencyMs: 0, ...overrides.childStarts },
    mapRunOverhead: { startMs: 0, closeMs: 0, ...overrides.mapRunOverhead },
    // Outputs of 0 bytes always fit the 256 KiB inline limit, so no ResultWriter is needed.
    childWorkflow: { transitionLatencyMs: 0, outputBytes: 0, ...overrides.childWorkflow },
    stateTransitions: overrides.stateTransitions ?? { bucketSize: 1_000_000, refillPerSecond: 1_000_000 },
    failureDetectionLagMs: overrides.failureDetectionLagMs ?? 0,
    lambda: { initDurationMs: 0, timeoutSeconds: 900, ...overrides.lambda },
  });
}
