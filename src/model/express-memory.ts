/**
 * Billed memory of an Express child when the scenario does not give it: AWS's published
 * estimate, memory used = 50 MB + definition size + execution data size × number of
 * Parallel or Map states, kilobytes converted to megabytes by dividing by 1,000, billed
 * in 64 MB steps (https://aws.amazon.com/step-functions/pricing/, Express Workflows
 * pricing example) [H]. The definition size and data size are our estimates [D]: the
 * child's states as JSON (about 200 bytes a state in the short form) and the child's
 * input (its batch) plus its output, at their means.
 */
import type { Scenario } from '../scenario/index.js';

const BASE_MB = 50;
const BILLING_STEP_MB = 64;
/** A short-form state as ASL JSON (Type, Resource or Next, Retry): about 200 bytes [D]. */
const SHORT_FORM_STATE_BYTES = 200;

export function expressMemoryEstimateMb(definitionBytes: number, dataBytes: number, parallelOrMapStates: number): number {
  const usedMb = BASE_MB + definitionBytes / 1e6 + (dataBytes / 1e6) * parallelOrMapStates;
  return Math.ceil(usedMb / BILLING_STEP_MB) * BILLING_STEP_MB;
}

/** The scenario's `expressBilledMemoryMb`, or AWS's estimate for its child. */
export function expressBilledMemoryMbOf(scenario: Scenario, batchInputBytes: number, meanOutputBytes: number): number {
  const child = scenario.childWorkflow;
  if (child.expressBilledMemoryMb !== undefined) return child.expressBilledMemoryMb;
  const states = child.states;
  const definitionBytes = states ? JSON.stringify(states).length : (child.statesBeforeTask + 1 + child.statesAfterTask) * SHORT_FORM_STATE_BYTES;
  const parallelOrMap = states ? countParallelOrMap(states) : 0;
  return expressMemoryEstimateMb(definitionBytes, batchInputBytes + meanOutputBytes, parallelOrMap);
}

function countParallelOrMap(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, value) => sum + countParallelOrMap(value), 0);
  if (node === null || typeof node !== 'object') return 0;
  const own = 'type' in node && (node.type === 'Parallel' || node.type === 'Map') ? 1 : 0;
  return own + Object.values(node).reduce((sum: number, value) => sum + countParallelOrMap(value), 0);
}
