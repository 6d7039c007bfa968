/**
 * The scenario reference (docs/scenario.md) and the JSON Schema editors use
 * (schema/scenario.schema.json), both generated from scenario-schema.ts so that the
 * documentation can never drift from what the validator accepts. `npm run generate`
 * writes them; a test fails when the checked-in copies are stale.
 */
import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';

type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
};

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://dmap-planner.dev/schema/scenario.schema.json',
    title: 'dmap-planner scenario',
  };
}

export function renderScenarioReference(): string {
  const schema = scenarioJsonSchema() as JsonSchema;
  const sections: string[] = [];
  const rows: string[] = [];
  collectRows(schema, '', rows, sections);
  return [
    '# Scenario file reference',
    '',
    '<!-- Generated from src/scenario/scenario-schema.ts by `npm run generate`. Do not edit by hand. -->',
    '',
    'A scenario describes one Distributed Map workload. Write it in YAML (`.yaml`, `.yml`) or JSON (`.json`).',
    'Field names follow Amazon States Language where ASL has a name for the thing, in camelCase;',
    'every number carries its unit in its name (`Ms` milliseconds, `Bytes` bytes).',
    'Unknown fields are errors, so a typo never falls back to a default silently.',
    'Every number is bounded: by AWS\'s own limits where AWS has them, otherwise by physical bounds far beyond',
    'any real workload (a duration at most a year, a size at most a terabyte, a count at most 10^12), so every',
    'figure computed from a valid scenario is finite. A valid scenario whose simulation would exceed 10^9',
    'events (hours of work) is refused before it runs, with the estimate; `--force` runs it anyway.',
    '',
    'Editors that read JSON Schema (VS Code with the YAML extension, JetBrains IDEs) autocomplete and check',
    'scenario files when the first line is:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../schema/scenario.schema.json',
    '```',
    '',
    'Check a file with `dmap validate <file>`: it lists every problem with its line, field, rule and value.',
    '',
    '## Example',
    '',
    '```yaml',
    'name: nightly-thumbnails',
    'description: 120,000 images listed from a prefix, 50 per child',
    'seed: 7',
    'itemReader:',
    '  source: s3ListObjectsV2',
    '  objectCount: 120000',
    'itemBatcher:',
    '  maxItemsPerBatch: 50',
    'maxConcurrency: 500',
    'executionType: EXPRESS',
    'lambda:',
    '  invocationOverheadMs: 300',
    '  perItemDurationMs: { type: lognormal, p50: 180, p99: 900 }',
    '```',
    '',
    '## Fields',
    '',
    '| Field | Type | Default | Description |',
    '|---|---|---|---|',
    ...rows,
    ...sections,
    '',
    renderChildStates(schema.$defs?.['ChildStates']),
    '',
    renderDistributions(schema.$defs?.Distribution),
  ].join('\n');
}

function collectRows(schema: JsonSchema, prefix: string, rows: string[], sections: string[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (field.oneOf && field.oneOf.every((o) => o.properties)) {
      const tag = discriminatorOf(field.oneOf);
      rows.push(row(path, `one of the \`${tag}\` forms below`, required.has(name) ? 'required' : 'absent', field.description));
      for (const option of field.oneOf) {
        const tagValue = String(option.properties?.[tag]?.const);
        const optionRows: string[] = [];
        collectRows(option, path, optionRows, sections);
        sections.push(
          '',
          `### \`${path}\` with \`${tag}: ${tagValue}\``,
          '',
          option.properties?.[tag]?.description ?? '',
          '',
          '| Field | Type | Default | Description |',
          '|---|---|---|---|',
          ...optionRows,
        );
      }
      continue;
    }
    if (field.$ref !== undefined) {
      rows.push(row(path, 'states by name, see [Child states](#child-states)', required.has(name) ? 'required' : 'absent', field.description ?? 'The states of this branch, by name.'));
      continue;
    }
    const entry = typeof field.additionalProperties === 'object' ? field.additionalProperties : undefined;
    if (field.type === 'object' && entry?.properties) {
      rows.push(row(path, 'object by name', defaultOf(field, required.has(name)), field.description));
      collectRows(entry, `${path}.<name>`, rows, sections);
      continue;
    }
    const isObject = field.type === 'object' && field.properties;
    rows.push(row(path, isObject ? 'object' : typeOf(field), defaultOf(field, required.has(name)), field.description));
    if (isObject) collectRows(field, path, rows, sections);
    // Lists of objects (retriers, catchers, errors): document the fields of one entry.
    const listOfObjects = [field, ...(field.anyOf ?? [])].find((f) => f.type === 'array' && f.items?.properties);
    if (listOfObjects?.items) collectRows(listOfObjects.items, `${path}[]`, rows, sections);
  }
}

function row(path: string, type: string, defaultText: string, description = ''): string {
  return `| \`${path}\` | ${type} | ${defaultText} | ${description.replace(/\|/g, '\\|')} |`;
}

function discriminatorOf(options: JsonSchema[]): string {
  const first = options[0]?.properties ?? {};
  return Object.keys(first).find((key) => options.every((o) => o.properties?.[key]?.const !== undefined)) ?? 'type';
}

function defaultOf(field: JsonSchema, isRequired: boolean): string {
  if (field.default !== undefined) return `\`${JSON.stringify(field.default)}\``;
  return isRequired ? 'required' : 'absent';
}

function typeOf(field: JsonSchema): string {
  if (field.anyOf?.some((o) => o.$ref === '#/$defs/Distribution')) return 'number or [distribution](#distributions)';
  if (field.anyOf) return field.anyOf.map(typeOf).join(', or ');
  if (field.const !== undefined) return `\`${JSON.stringify(field.const)}\``;
  if (field.enum) return field.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
  if (field.type === 'integer' || field.type === 'number') return numberType(field);
  if (field.type === 'string') {
    if (field.minLength !== undefined && field.maxLength !== undefined) return `string (${field.minLength}–${field.maxLength} characters)`;
    return 'string';
  }
  if (field.type === 'array') return field.items?.properties ? 'list of objects (fields below)' : `list of ${field.items ? typeOf(field.items) : 'values'}`;
  if (field.type === 'boolean') return '`true` or `false`';
  return field.type ?? 'value';
}

function numberType(field: JsonSchema): string {
  const kind = field.type === 'integer' ? 'integer' : 'number';
  const bounds: string[] = [];
  if (field.minimum !== undefined) bounds.push(`≥ ${field.minimum.toLocaleString('en-US')}`);
  if (field.exclusiveMinimum !== undefined) bounds.push(`> ${field.exclusiveMinimum.toLocaleString('en-US')}`);
  if (field.maximum !== undefined && field.maximum < Number.MAX_SAFE_INTEGER) {
    bounds.push(`≤ ${field.maximum.toLocaleString('en-US')}`);
  }
  return bounds.length > 0 ? `${kind} ${bounds.join(', ')}` : kind;
}

function renderDistributions(distribution: JsonSchema | undefined): string {
  const lines = [
    '## Distributions',
    '',
    'Any field whose type says "number or distribution" takes either a plain number (a constant) or an',
    'object with a `type`. Values are in the unit of the field (a `...Ms` field takes milliseconds).',
    '',
    '| `type` | Parameters | Meaning |',
    '|---|---|---|',
  ];
  const meaning: Record<string, string> = {
    constant: 'always `value`',
    uniform: 'uniform between `min` and `max`',
    normal: 'normal with `mean` and `sd`, truncated at 0 (negative values are impossible, not clamped)',
    lognormal: 'lognormal given either its `mean` and `sd`, or its median `p50` and 99th percentile `p99` (the figures CloudWatch shows)',
    exponential: 'exponential with the given `mean`',
    triangular: 'triangular between `min` and `max`, peaking at `mode`',
    empirical:
      'either `samples` (a list of observed values, drawn from uniformly) or `percentiles` (a table of `{ p, value }` rows from p 0 to p 100, interpolated linearly)',
  };
  for (const option of distribution?.oneOf ?? []) {
    const type = String(option.properties?.type?.const);
    const params = Object.keys(option.properties ?? {})
      .filter((k) => k !== 'type')
      .map((k) => `\`${k}\``)
      .join(', ');
    lines.push(`| \`${type}\` | ${params} | ${meaning[type] ?? ''} |`);
  }
  lines.push(
    '',
    'Examples:',
    '',
    '```yaml',
    'pageLatencyMs: 120                                   # constant',
    'perItemDurationMs: { type: lognormal, p50: 60, p99: 240 }',
    'invocationOverheadMs: { type: uniform, min: 200, max: 400 }',
    'itemSizeBytes:',
    '  type: empirical',
    '  percentiles: [{ p: 0, value: 120 }, { p: 50, value: 180 }, { p: 100, value: 900 }]',
    '```',
    '',
  );
  return lines.join('\n');
}

/** The long-form child's state types, one table each (`childWorkflow.states.<name>` and inside branches). */
function renderChildStates(states: JsonSchema | undefined): string {
  const options = (typeof states?.additionalProperties === 'object' ? states.additionalProperties.oneOf : undefined) ?? [];
  const out = [
    '## Child states',
    '',
    'The long form of `childWorkflow`: each entry of `childWorkflow.states` (and of a Parallel branch\'s or an inline',
    'Map\'s `states`) is one state, named as in the definition, with one of these `type`s. docs/model.md says how each is',
    'simulated and billed.',
  ];
  for (const option of options) {
    const rows: string[] = [];
    collectRows(option, '<state>', rows, []);
    out.push('', `### \`type: ${String(option.properties?.['type']?.const)}\``, '', '| Field | Type | Default | Description |', '|---|---|---|---|', ...rows.filter((r) => !r.startsWith('| `<state>.type`')));
  }
  return out.join('\n');
}
