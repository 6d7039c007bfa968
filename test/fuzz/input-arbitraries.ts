/**
 * The campaign's inputs, as fast-check arbitraries of each kind the CLI reads:
 * - scenarios: the shipped scenarios, the fidelity cases and a small base (each also
 *   shrunk to 50 items, so most mutants still simulate in milliseconds), mutated; the
 *   schema's numeric fields set to values drawn across and just past their bounds (the
 *   valid extremes that made earlier runs never end); their numbers scaled by powers of
 *   ten; and whole hostile files;
 * - usage documents: the shipped examples, mutated or scaled, and whole hostile files;
 * - definitions: every fixture of test/fixtures/asl (ASL JSON and YAML, CloudFormation,
 *   SAM, CDK output, Terraform), mutated as documents where they parse as plain JSON or
 *   YAML and as text otherwise, or scaled, and whole hostile files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { BASE, FIELDS, withField, type Field } from '../support/scenario-fields.js';
import type { FuzzInput, InputKind } from './fuzz-pool.js';
import { mutateDocument, mutation, type Json } from './mutate-document.js';
import { mutateText, serialize, textMutation, wholeFile, wholeFileBytes } from './mutate-text.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Seed {
  name: string;
  ext: string;
  text: string;
  /** The parsed document, when the file is plain JSON or YAML. */
  document?: Json;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function seedOf(file: string): Seed {
  const text = readFileSync(join(ROOT, file), 'utf8');
  let document: Json | undefined;
  try {
    // Custom tags (CloudFormation's !Sub) make a document only text can mutate faithfully.
    document = /^\s*[^#\s][^\n]*!\w/m.test(text) ? undefined : (parse(text) as Json);
  } catch {
    document = undefined;
  }
  return { name: relative(ROOT, join(ROOT, file)), ext: extname(file) || '.txt', text, ...(document !== undefined && typeof document === 'object' ? { document } : {}) };
}

/** A scenario with its item count made small, so that its mutants mostly simulate. */
function shrunk(seed: Seed): Seed | undefined {
  const document = structuredClone(seed.document) as Record<string, Record<string, Json>> | undefined;
  const reader = document?.['itemReader'];
  if (!document || !reader) return undefined;
  for (const key of ['itemCount', 'objectCount']) if (typeof reader[key] === 'number') reader[key] = 50;
  delete document['sweep'];
  return { name: `${seed.name} (50 items)`, ext: seed.ext, text: seed.text, document };
}

const scenarioFiles = [...filesUnder('scenarios'), ...filesUnder('test/fidelity/cases'), 'test/fixtures/five-mistakes.yaml'].filter((f) => /\.ya?ml$/.test(f));
const shippedScenarios = scenarioFiles.map(seedOf);
/** A long-form child with a Choice loop: its probability, scaled or replaced, reaches loops left rarely or never. */
const CHOICE_LOOP: Json = {
  name: 'choice-loop',
  itemReader: { source: 'inline', itemCount: 50 },
  lambda: { perItemDurationMs: 10 },
  childWorkflow: {
    states: {
      Work: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', next: 'Again' },
      Again: { type: 'Choice', choices: [{ next: 'Work', probability: 0.5 }], default: 'Done' },
      Done: { type: 'Succeed' },
    },
  },
};

export const SCENARIO_SEEDS: Seed[] = [
  { name: 'base', ext: '.yaml', text: '', document: BASE as Json },
  { name: 'choice-loop', ext: '.yaml', text: '', document: CHOICE_LOOP },
  ...shippedScenarios,
  ...shippedScenarios.map(shrunk).filter((s): s is Seed => s !== undefined),
];
export const USAGE_SEEDS: Seed[] = filesUnder('examples/usage').map(seedOf);
export const DEFINITION_SEEDS: Seed[] = filesUnder('test/fixtures/asl').filter((f) => !/README\.md$/.test(f)).map(seedOf);

/** A seed file, mutated: as a document when it is one, then as text. */
function mutant(kind: InputKind, seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc
    .record({
      seed: fc.constantFrom(...seeds),
      mutations: fc.array(mutation, { minLength: 0, maxLength: 4 }),
      texts: fc.array(textMutation, { minLength: 0, maxLength: 2 }),
      json: fc.boolean(),
      depth: fc.constantFrom(100, 1_001, 5_000),
    })
    .filter(({ mutations, texts }) => mutations.length + texts.length > 0)
    .map(({ seed, mutations, texts, json, depth }) => {
      const asJson = seed.ext === '.json' || (json && seed.document !== undefined);
      const text = seed.document !== undefined ? serialize(mutateDocument(seed.document, mutations), asJson ? 'json' : 'yaml', depth) : seed.text;
      const ops = [...mutations.map((m) => m.op), ...texts.map((t) => t.op)].join('+');
      return { kind, bytes: mutateText(text, texts), ext: seed.document !== undefined ? (asJson ? '.json' : '.yaml') : seed.ext, origin: `${seed.name}: ${ops}` };
    });
}

/** A value for a numeric field: its ends, a log-uniform draw between them, or just past them; whole where both ends are. */
function valueFor(field: Field): fc.Arbitrary<number> {
  const low = Math.max(field.min, 1e-9);
  const span = Math.log10(Math.max(field.max, low * 10) / low);
  const whole = Number.isInteger(field.min) && Number.isInteger(field.max);
  return anyValueFor(field, low, span).map((value) => (whole && Number.isFinite(value) ? Math.round(value) : value));
}

function anyValueFor(field: Field, low: number, span: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(field.min) },
    { weight: 2, arbitrary: fc.constant(field.max) },
    { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((u) => Math.min(field.max, Math.max(field.min, low * 10 ** (u * span)))) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }).map((k) => Math.min(field.max, Math.max(field.min, 10 ** k))) },
    { weight: 1, arbitrary: fc.constantFrom(field.max * 1.000001 + 1, field.min - 1) },
  );
}

/** A small scenario with one to four numeric fields set anywhere in (or just past) their bounds. */
const schemaExtremes: fc.Arbitrary<FuzzInput> = fc
  .record({
    base: fc.constantFrom(...SCENARIO_SEEDS.filter((s) => s.name === 'base' || s.name === 'choice-loop' || s.name.endsWith('(50 items)'))),
    // One child state at most: two fields of different state types would make one state of both.
    fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 4, selector: (f) => (f.path[1] === 'states' ? 'states' : f.path.join('.')) }).chain((fields) =>
      fc.tuple(...fields.map((field) => valueFor(field).map((value) => ({ field, value })))),
    ),
    json: fc.boolean(),
  })
  .map(({ base: drawn, fields, json }) => {
    // The long-form child's fields on the plain base: the shipped scenarios' short-form Retry would conflict with them.
    const base = fields.some(({ field }) => field.path[1] === 'states') ? (SCENARIO_SEEDS[0] as Seed) : drawn;
    const document = fields.reduce((doc, { field, value }) => withField(doc, field, value), base.document as Record<string, unknown>);
    const set = fields.map(({ field, value }) => `${field.path.join('.')}=${value}`).join(', ');
    return { kind: 'scenario' as const, bytes: new TextEncoder().encode(serialize(document as Json, json ? 'json' : 'yaml', 1)), ext: json ? '.json' : '.yaml', origin: `${base.name}: ${set}` };
  });

/** A seed with only its numbers scaled by powers of ten: mostly still valid, at sizes nobody tested. */
function scaled(kind: InputKind, seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const withDocument = seeds.filter((s) => s.document !== undefined);
  return fc
    .record({ seed: fc.constantFrom(...withDocument), at: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), power: fc.integer({ min: -6, max: 12 }) })
    .map(({ seed, at, power }) => {
      const document = mutateDocument(seed.document as Json, at.map((n) => ({ op: 'scale' as const, at: n, power })));
      const ext = seed.ext === '.json' ? '.json' : '.yaml';
      return { kind, bytes: new TextEncoder().encode(serialize(document, ext === '.json' ? 'json' : 'yaml', 1)), ext, origin: `${seed.name}: numbers at ${at.join(',')} × 10^${power}` };
    });
}

function hostileFile(kind: InputKind, exts: readonly string[]): fc.Arbitrary<FuzzInput> {
  return fc.record({ file: wholeFile, ext: fc.constantFrom(...exts) }).map(({ file, ext }) => ({ kind, bytes: wholeFileBytes(file), ext, origin: `whole file: ${file.op}` }));
}

export const scenarioInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 8, arbitrary: mutant('scenario', SCENARIO_SEEDS) },
  { weight: 9, arbitrary: schemaExtremes },
  { weight: 2, arbitrary: scaled('scenario', SCENARIO_SEEDS.filter((s) => s.name === 'base' || s.name === 'choice-loop' || s.name.endsWith('(50 items)'))) },
  { weight: 1, arbitrary: hostileFile('scenario', ['.yaml', '.json', '.yml', '.txt']) },
);

export const usageInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 10, arbitrary: mutant('usage', USAGE_SEEDS) },
  { weight: 9, arbitrary: scaled('usage', USAGE_SEEDS) },
  { weight: 1, arbitrary: hostileFile('usage', ['.yaml', '.json']) },
);

export const definitionInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 14, arbitrary: mutant('definition', DEFINITION_SEEDS) },
  { weight: 5, arbitrary: scaled('definition', DEFINITION_SEEDS) },
  { weight: 1, arbitrary: hostileFile('definition', ['.json', '.yaml', '.tf', '.template.json']) },
);

/** Strings of the input that contain a word the output check looks for: the output may quote them. */
export function quotedWords(input: FuzzInput): string[] {
  const text = new TextDecoder().decode(input.bytes);
  return [...new Set(text.split(/[\n\r:,"'[\]{}]+/).map((s) => s.trim()).filter((s) => /NaN|Infinity|∞/.test(s)))];
}
