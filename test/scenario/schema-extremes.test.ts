/**
 * Issue 17: every numeric field of the scenario schema at its minimum and its maximum,
 * singly and a few at once, either fails validation (exit 2), is refused by the work
 * estimate before it runs (exit 2), or simulates to finite output: no NaN, no Infinity,
 * no null where money should be. The fields are read from the schema itself (its JSON
 * Schema), so a field added later is covered without touching this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUserInputError } from '../../src/errors.js';
import { estimateWork } from '../../src/model/work-estimate.js';
import { firstNonFinite } from '../../src/report/finite-figures.js';
import { MAX_EVENTS } from '../../src/runner/work-guard.js';
import { scenarioSchema, validateScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

type Json = Record<string, unknown>;
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
/** Runs the budget of this test allows per case; larger valid runs would be minutes of CI. */
const EVENTS_IN_BUDGET = 3e6;

/** A small valid scenario: 20 items, the short-form child. */
const BASE: Json = { name: 'extremes', itemReader: { source: 'inline', itemCount: 20 }, lambda: { perItemDurationMs: 10 } };

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

interface Field {
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
function withValue(document: Json, path: (string | number)[], value: number): Json {
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

function deepMerge(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const base = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && base && typeof base === 'object' && !Array.isArray(base) ? deepMerge(base as Json, value as Json) : value;
  }
  return out;
}

const FIELDS = fields(ROOT, [], {}, []);
/** How the single-field cases ended: most must really simulate, or this test would prove little. */
const tally: Record<Outcome, number> = { invalid: 0, refused: 0, simulated: 0 };

type Outcome = 'invalid' | 'refused' | 'simulated';

/** Validates and simulates `document`; fails the test on anything but the three outcomes allowed. */
async function outcomeOf(document: Json): Promise<Outcome> {
  const validation = validateScenario(document);
  if (!validation.ok) return 'invalid';
  const events = estimateWork(validation.scenario).eventsPerRun * 2;
  if (events > MAX_EVENTS) {
    await expect(simulate(document as ScenarioInput, { runs: 2 })).rejects.toThrow(/--force/);
    return 'refused';
  }
  expect(events, `${JSON.stringify(document)} is valid and under the work limit, but too big for this test`).toBeLessThan(EVENTS_IN_BUDGET);
  try {
    const { json } = await simulate(document as ScenarioInput, { runs: 2 });
    expect(firstNonFinite(json, []), JSON.stringify(document)).toBeUndefined();
    expect(json.cost.perRunUsd, JSON.stringify(document)).toMatch(/^-?\d+(\.\d+)?$/);
    return 'simulated';
  } catch (error) {
    // Only input the simulation itself can judge (e.g. a batch that cannot fit 256 KiB) may stop it, and as a user error.
    if (isUserInputError(error) && !/not a finite number/.test(error.message)) return 'invalid';
    throw new Error(`${JSON.stringify(document)}: ${(error as Error).stack}`);
  }
}

/** `document` ready for `field`: its context and surroundings merged in, the item reader's form replaced whole. */
function around(document: Json, field: Field): Json {
  const at = field.path.join('.');
  let out = deepMerge(document, field.context);
  if (field.context['itemReader']) out['itemReader'] = field.context['itemReader'];
  for (const [prefix, extra] of AROUND) if (at.startsWith(prefix)) out = deepMerge(out, extra);
  for (const [key, value] of Object.entries(out)) if (value === null) delete out[key];
  return out;
}

/** A Wait gives seconds or durationMs, not both: the field set wins. */
function oneWait(document: Json, field: Field): Json {
  const state = ((document['childWorkflow'] as Json | undefined)?.['states'] as Json | undefined)?.['S'] as Json | undefined;
  if (state?.['type'] === 'Wait' && field.path.at(-1) === 'durationMs') delete state['seconds'];
  return document;
}

function caseOf(field: Field, end: 'min' | 'max', base: Json = BASE): Json {
  return oneWait(withValue(around(base, field), field.path, field[end]), field);
}

describe('every numeric scenario field at its extremes', () => {
  it('finds the numeric fields in the schema, nested forms and states included', () => {
    const paths = FIELDS.map((f) => f.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['itemReader.itemCount', 'lambda.logBytesPerInvocation', 'lambda.perItemDurationMs', 'childWorkflow.states.S.timeoutSeconds', 'timeSeriesBucketMs']));
    expect(FIELDS.length).toBeGreaterThan(80);
    for (const field of FIELDS) {
      expect(Number.isFinite(field.max), `${field.path.join('.')} has no maximum`).toBe(true);
    }
  });

  it.each(FIELDS.map((f) => [f.path.join('.'), f] as const))('%s at its minimum and maximum', async (_path, field) => {
    const outcomes = [await outcomeOf(caseOf(field, 'min')), await outcomeOf(caseOf(field, 'max'))];
    for (const outcome of outcomes) tally[outcome] += 1;
  }, 30_000);

  it('simulated most of those ends rather than rejecting them', () => {
    const total = tally.invalid + tally.refused + tally.simulated;
    expect(total).toBe(2 * FIELDS.length);
    expect(tally.simulated / total).toBeGreaterThan(0.9);
  });

  it('a few at once, at either end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ field: fc.constantFrom(...FIELDS), end: fc.constantFrom('min' as const, 'max' as const) }), { minLength: 2, maxLength: 4, selector: (c) => c.field.path.join('.') }),
        async (chosen) => {
          const document = chosen.reduce<Json>((doc, { field, end }) => oneWait(withValue(around(doc, field), field.path, field[end]), field), BASE);
          await outcomeOf(document);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  }, 120_000);

  it('distributions at their widest spread still simulate to finite figures', async () => {
    const year = 365 * 24 * 3600 * 1000;
    for (const spec of [
      { type: 'lognormal', p50: 1e-6, p99: 1 },
      { type: 'lognormal', mean: 1, sd: 1000 },
      { type: 'lognormal', p50: year / 1e6, p99: year },
      { type: 'normal', mean: -year, sd: year },
      { type: 'exponential', mean: year },
      { type: 'empirical', samples: [0, year] },
    ]) {
      const document = deepMerge(BASE, { lambda: { perItemDurationMs: spec, timeoutSeconds: 900 }, childStarts: { startLatencyMs: spec }, mapRunOverhead: { closeMs: spec } });
      expect(await outcomeOf(document), JSON.stringify(spec)).not.toBe('invalid');
    }
  }, 60_000);
});
