/**
 * Answers "what would the schema have accepted here?" for error messages: the field
 * names of an object (for "did you mean") and the tags of a discriminated union.
 * Walks zod's public `def` structure through optional/default/pipe/union wrappers.
 */
import { valueAt } from './field-path.js';
import type { FieldPath } from './document-issues.js';
import { ownValue } from '../own-key.js';

interface SchemaNode {
  def?: Record<string, unknown>;
  shape?: Record<string, unknown>;
}

type Shape = Record<string, unknown>;

/** Field names accepted at `path`. */
export function knownKeysAt(root: unknown, path: FieldPath, document: unknown): string[] {
  const value = valueAt(document, path);
  return unique(schemasAt(root, path, document).flatMap((schema) => objectShapes(schema, value).flatMap(Object.keys)));
}

/** The literal values a field accepts at `path` (e.g. every distribution `type`). */
export function literalValuesAt(root: unknown, path: FieldPath, document: unknown): string[] {
  const key = path.at(-1);
  if (key === undefined) return [];
  const parents = schemasAt(root, path.slice(0, -1), document);
  const values = parents.flatMap((schema) => objectShapes(schema, undefined, true)).flatMap((shape) => literals(ownValue(shape, String(key))));
  return unique(values.filter((v): v is string => typeof v === 'string'));
}

/** The schema nodes that may apply at `path` (several when a union is ambiguous). */
function schemasAt(root: unknown, path: FieldPath, document: unknown): unknown[] {
  let schemas: unknown[] = [root];
  for (let i = 0; i < path.length; i++) {
    const parentValue = valueAt(document, path.slice(0, i));
    const segment = path[i] as string | number;
    schemas = schemas.flatMap((schema) => objectShapes(schema, parentValue).flatMap((shape) => ownValue(shape, String(segment)) ?? []));
  }
  return schemas;
}

/**
 * The object shapes a schema node stands for. In a discriminated union, only the option
 * whose tag the value carries, unless the tag is unknown or `everyOption` is set.
 */
function objectShapes(schema: unknown, value: unknown, everyOption = false): Shape[] {
  const node = schema as SchemaNode | undefined;
  if (!node) return [];
  if (node.shape) return [node.shape];
  const def = node.def ?? {};
  if (def.innerType) return objectShapes(def.innerType, value, everyOption);
  if (def.in) return objectShapes(def.in, value, everyOption);
  if (!Array.isArray(def.options)) return [];
  const shapes = (def.options as unknown[]).flatMap((option) => objectShapes(option, value, everyOption));
  const discriminator = def.discriminator as string | undefined;
  if (everyOption || !discriminator) return shapes;
  const tag = (value as Shape | undefined)?.[discriminator];
  const matching = shapes.filter((shape) => literals(shape[discriminator]).includes(tag));
  return matching.length > 0 ? matching : shapes;
}

function literals(schema: unknown): unknown[] {
  const def = (schema as SchemaNode | undefined)?.def ?? {};
  if (Array.isArray(def.values)) return def.values as unknown[];
  if (def.innerType) return literals(def.innerType);
  return [];
}


function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
