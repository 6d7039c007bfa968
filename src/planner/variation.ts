/**
 * A sweep dimension: one scenario field and the values to try, from `--vary
 * itemBatcher.maxItemsPerBatch=50,100,250` or a scenario's `sweep.vary` block. Values
 * are applied to the scenario as written (before defaults) and the result validated
 * again, so a sweep can set any field the scenario format has, with the same checks.
 */
import { UserInputError } from '../errors.js';
import { ownValue, setOwn } from '../own-key.js';

export type VariationValue = number | string | boolean;

export interface Variation {
  /** Dotted field path, e.g. "lambda.memoryMb". */
  path: string;
  values: VariationValue[];
}

/** `path=v1,v2,...`: numbers become numbers, true/false booleans, anything else strings. */
export function parseVaryFlag(text: string): Variation {
  const match = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)=(.+)$/.exec(text.trim());
  if (!match) {
    throw new UserInputError([{ field: '--vary', message: 'must be FIELD=VALUE,VALUE,... e.g. itemBatcher.maxItemsPerBatch=50,100,250', value: text }]);
  }
  const values = (match[2] as string).split(',').map((v) => parseValue(v.trim()));
  if (values.some((v) => v === '')) {
    throw new UserInputError([{ field: '--vary', message: 'has an empty value between commas', value: text }]);
  }
  return { path: match[1] as string, values };
}

function parseValue(text: string): VariationValue {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}

/** A deep copy of `document` with `value` set at the dotted `path` (objects created as needed). */
export function withValueAt(document: unknown, path: string, value: VariationValue): Record<string, unknown> {
  return withValueAtKeys(document, path.split('.'), value);
}

/** withValueAt for a path given as keys, which may themselves hold dots (a function's name). */
export function withValueAtKeys(document: unknown, keys: readonly string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(document ?? {}) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const next = ownValue(node, key);
    if (next === null || typeof next !== 'object' || Array.isArray(next)) setOwn(node, key, {});
    node = ownValue(node, key) as Record<string, unknown>;
  }
  setOwn(node, keys.at(-1) as string, value);
  return copy;
}

/** Every combination of the variations' values, first variation slowest, in a fixed order. */
export function combinations(variations: readonly Variation[]): Array<Record<string, VariationValue>> {
  return variations.reduce<Array<Record<string, VariationValue>>>(
    (points, variation) => points.flatMap((point) => variation.values.map((value) => ({ ...point, [variation.path]: value }))),
    [{}],
  );
}
