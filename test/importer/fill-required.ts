/**
 * Test helper: fills every null an import left in a scenario document with a plausible
 * value chosen by the field's name, the way a user fills the REQUIRED and runtime
 * fields, so the imported scenario can be validated and simulated. Choice rules split
 * the visits evenly (with the Default taking an equal share when there is one).
 * Returns a copy; the fields it filled are listed, dotted, in `filled`.
 */
import type { JsonObject } from '../../src/importer/json-value.js';

/** Values by field name; `durationMs` and friends are in ms. */
export const FILL_VALUES: Readonly<Record<string, unknown>> = {
  region: 'us-east-1',
  objectCount: 1000,
  itemCount: 1000,
  maxItems: 1000,
  maxItemsPerBatch: 10,
  maxInputBytesPerBatch: 262_144,
  maxConcurrency: 10,
  toleratedFailurePercentage: 5,
  toleratedFailureCount: 5,
  executionType: 'STANDARD',
  memoryMb: 512,
  architecture: 'x86_64',
  timeoutSeconds: 60,
  taskTimeoutSeconds: 60,
  heartbeatSeconds: 30,
  ephemeralStorageMb: 512,
  reservedConcurrency: 100,
  invocationOverheadMs: 5,
  perItemDurationMs: 10,
  durationMs: 50,
  iterations: 3,
  transitions: 5,
  type: 'STANDARD',
};

export interface Filled {
  document: JsonObject;
  filled: string[];
}

export function fillRequired(document: JsonObject): Filled {
  const filled: string[] = [];
  const copy = structuredClone(document);
  walk(copy, [], filled);
  return { document: copy, filled };
}

function walk(node: unknown, path: string[], filled: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, String(i)], filled));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as JsonObject;
  if (Array.isArray(object['choices'])) {
    const rules = object['choices'] as JsonObject[];
    const share = 1 / (rules.length + (object['default'] !== undefined ? 1 : 0));
    rules.forEach((rule, i) => {
      if (rule['probability'] === null) {
        rule['probability'] = share;
        filled.push([...path, 'choices', String(i), 'probability'].join('.'));
      }
    });
  }
  for (const [key, value] of Object.entries(object)) {
    if (value === null) {
      if (!(key in FILL_VALUES)) throw new Error(`fillRequired: no value for ${[...path, key].join('.')}`);
      object[key] = FILL_VALUES[key];
      filled.push([...path, key].join('.'));
    } else walk(value, [...path, key], filled);
  }
}
