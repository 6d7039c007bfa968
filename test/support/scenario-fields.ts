/**
 * The scenario schema's numeric fields, read from its JSON Schema: every number a
 * scenario may hold, with its bounds and what the document needs around it to mean
 * anything (a form's tag, a state's type). test/scenario/schema-extremes.test.ts puts
 * each at its ends; the fuzzing campaign (test/fuzz/) draws values between them. Read
 * from the schema, so a field added later is covered without touching either.
 */
import { z } from 'zod';
import { scenarioSchema } from '../../src/scenario/index.js';


export type Json = Record<string, unknown>;
interface Schema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  minItems?: number;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  $ref?: string;
  $defs?: Record<string, Schema>;
}

const ROOT = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Schema;
const DEFS = ROOT.$defs ?? {};

/** A small valid scenario: 20 items, the short-form child. */
export const BASE: Json = { name: 'extremes', itemReader: { source: 'inline', itemCount: 20 }, lambda: { perItemDurationMs: 10 } };

/** A state of each type, valid on its own, for fields under childWorkflow.states. */
const STATES: Record<string, Json> = {
  Pass: { type: 'Pass', end: true },
  Wait: { type: 'Wait', seconds: 1, end: true },
  Choice: { type: 'Choice', choices: [{ next: 'Done', probability: 0.5 }], default: 'Done' },
  Succeed: { type: 'Succeed' },
  Fail: { type: 'Fail' },
  Task: { type: 'Task', resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem', durationMs: 10, quota: 'table', end: true },
  Parallel: { type: 'Parallel', branches: [{ states: { B: { type: 'Pass', end: true } } }], end: true },
  Map: { type: 'Map', itemProcessor: { states: { I: { type: 'Pass', end: true } } }, end: true },
};
const LONG_FORM: Json = { serviceQuotas: { table: { ratePerSecond: 100 } } };

/** What some fields need around them to be valid at all, by path prefix. */
const AROUND: Array<[string, Json]> = [
  // The account's quota given once: with no `lambda` block, by functions the child calls.
  ['lambdaAccountConcurrency', { lambda: null, functions: { f: { perItemDurationMs: 10 } }, childWorkflow: { states: { T: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'f', end: true } } } }],
  ['serviceQuotas.f.', { serviceQuotas: { f: { ratePerSecond: 100 } } }],
];

export interface Field {
  /** Where the number goes. */
  path: (string | number)[];
  min: number;
  max: number;
  /** Fields the document needs for the number to mean anything there (a form's tag, a state's type). */
  context: Json;
}

function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(DEFS[schema.$ref.replace('#/$defs/', '')] ?? {});
  return schema;
}

function bounds(schema: Schema): { min: number; max: number } | undefined {
  if (schema.type !== 'number' && schema.type !== 'integer') return undefined;
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + Number.EPSILON : -Number.MAX_VALUE);
  const max = schema.maximum ?? Number.MAX_VALUE;
  const step = schema.multipleOf;
  return step ? { min: Math.ceil(min / step) * step, max: Math.floor(max / step) * step } : { min, max };
}

/** Every numeric leaf under `schema`, with the context it needs. */
function fields(schema: Schema, path: (string | number)[], context: Json, out: Field[]): Field[] {
  const node = resolve(schema);
  const b = bounds(node);
  if (b) {
    out.push({ path, ...b, context });
    return out;
  }
  // A distribution field: its number form carries the field's bounds.
  const numberForm = node.anyOf?.find((option) => bounds(option));
  if (numberForm && node.anyOf?.some((option) => option.$ref === '#/$defs/Distribution')) {
    out.push({ path, ...(bounds(numberForm) as { min: number; max: number }), context });
    return out;
  }
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    const tag = Object.entries(resolve(option).properties ?? {}).find(([, p]) => p.const !== undefined);
    // Each form of the item reader, with its required fields (a count of 1).
    fields(option, path, tag && path.at(-1) === 'itemReader' ? { ...context, itemReader: filler(option) } : context, out);
  }
  for (const [name, property] of Object.entries(node.properties ?? {})) {
    if (name === 'provenance' || name === 'sweep') continue; // metadata, and what `dmap sweep` varies: neither is simulated
    if (name === 'states' && path.at(-1) === 'childWorkflow') {
      const state = resolve(resolve(property).anyOf?.find((o) => o.$ref) ?? property);
      for (const option of (state.additionalProperties as Schema).oneOf ?? []) {
        const type = option.properties?.['type']?.const as string;
        fields(option, [...path, 'states', 'S'], { ...context, ...LONG_FORM, childWorkflow: { states: { S: STATES[type], Done: { type: 'Succeed' } } } }, out);
      }
      continue;
    }
    if (name === 'states') continue; // a Parallel branch's or an inline Map's states: the same states as the child's, one level down
    fields(property, [...path, name], context, out);
  }
  if (node.type === 'array' && node.items) fields(node.items, [...path, 0], context, out);
  if (typeof node.additionalProperties === 'object') {
    const key = (node.propertyNames?.enum?.[0] as string | undefined) ?? 'f';
    fields(node.additionalProperties, [...path, key], context, out);
  }
  return out;
}

/** A plain value satisfying `schema`, for the required fields of objects a path creates. */
function filler(schema: Schema): unknown {
  const node = resolve(schema);
  if (node.const !== undefined) return node.const;
  if (node.enum) return node.enum[0];
  const b = bounds(node);
  if (b) return Math.max(b.min, Math.min(b.max, 1));
  if (node.anyOf) return node.anyOf.some((o) => bounds(o)) ? 10 : filler(node.anyOf[0] as Schema);
  if (node.oneOf) return filler(node.oneOf[0] as Schema);
  if (node.type === 'string') return 'Lambda.ServiceException';
  if (node.type === 'boolean') return false;
  if (node.type === 'array') return Array.from({ length: Math.max(1, node.minItems ?? 0) }, () => filler(node.items ?? {}));
  if (node.type === 'object') return Object.fromEntries((node.required ?? []).map((name) => [name, filler(node.properties?.[name] ?? {})]));
  return null;
}

/** The schema node at `path` (through forms, arrays and records). */
function schemaAt(path: (string | number)[], document: Json): Schema {
  let node = resolve(ROOT);
  let value: unknown = document;
  for (const segment of path) {
    const options = [...(node.oneOf ?? []), ...(node.anyOf ?? [])].map(resolve);
    if (options.length > 0) node = options.find((o) => o.properties && Object.entries(o.properties).every(([k, p]) => p.const === undefined || (value as Json)?.[k] === p.const)) ?? options.find((o) => o.type === 'array' || o.type === 'object') ?? node;
    node = typeof segment === 'number' ? resolve(node.items ?? {}) : resolve(node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : {}));
    value = (value as Json | undefined)?.[segment as string];
  }
  return node;
}

/** `document` with `value` at `path`; objects and arrays made on the way get their required fields. */
export function withValue(document: Json, path: (string | number)[], value: number): Json {
  const copy = structuredClone(document);
  let node: Json = copy;
  path.forEach((segment, i) => {
    const key = String(segment);
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const existing = node[key];
    if (existing === null || typeof existing !== 'object') {
      const next = schemaAt(path.slice(0, i + 1), copy);
      node[key] = typeof path[i + 1] === 'number' ? [filler(next.items ?? {})] : filler(next);
    }
    node = node[key] as Json;
  });
  return copy;
}

export function deepMerge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const base = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && base && typeof base === 'object' && !Array.isArray(base) ? deepMerge(base as Json, value as Json) : value;
  }
  return out;
}

export const FIELDS = fields(ROOT, [], {}, []);

/** `document` ready for `field`: its context and surroundings merged in, the item reader's form replaced whole. */
export function around(document: Json, field: Field): Json {
  const at = field.path.join('.');
  let out = deepMerge(document, field.context);
  if (field.context['itemReader']) out['itemReader'] = field.context['itemReader'];
  for (const [prefix, extra] of AROUND) if (at.startsWith(prefix)) out = deepMerge(out, extra);
  for (const [key, value] of Object.entries(out)) if (value === null) delete out[key];
  return out;
}

/** A Wait gives seconds or durationMs, not both: the field set wins. */
export function oneWait(document: Json, field: Field): Json {
  const state = ((document['childWorkflow'] as Json | undefined)?.['states'] as Json | undefined)?.['S'] as Json | undefined;
  if (state?.['type'] === 'Wait' && field.path.at(-1) === 'durationMs') delete state['seconds'];
  return document;
}

/** `document` with `value` in `field`, and what the field needs around it. */
export function withField(document: Json, field: Field, value: number): Json {
  return oneWait(withValue(around(document, field), field.path, value), field);
}
