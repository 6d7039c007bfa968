/**
 * The assumptions ledger: every input and every default a run used, with where each
 * came from, so a reviewer can see which figures the author chose and which the tool
 * filled in (and on what grounds). The validated scenario is flattened to dotted paths;
 * a path present in the raw document (the parsed file, before defaults) is the author's,
 * any other is a default, annotated with the schema's description of the field. Rows for
 * the run itself (seed, runs, prices, tool, file, rerun command) follow. Pure.
 */
import { describeDistribution, type DistributionSpec } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { scenarioJsonSchema } from '../scenario/scenario-reference.js';
import { defaultConfidence } from './default-confidence.js';
import { formatCount } from './format-duration.js';
import type { AssumptionRow } from './report-model.js';
import type { SimulationJson } from './simulation-json.js';

export interface AssumptionsInput {
  /** The validated scenario the run used. */
  scenario: Scenario;
  /** The parsed scenario file before defaults (YAML or JSON as a plain value). */
  rawDocument: unknown;
  result: SimulationJson;
  /** The command that reproduces the run, e.g. `dmap simulate scenarios/x.yaml --runs 1000`. */
  command: string;
}

const SCENARIO_FILE = 'scenario file';
const DEFAULT = 'default';
const COMMAND_LINE = 'command line';
const TOOL = 'tool';

/** Top-level fields given their own rows after the flattened scenario (they reflect what the run used). */
const OWN_ROWS = new Set(['$schema', 'seed', 'region', 'pricing', 'provenance']);
const FITTED = 'fitted';
const YOURS = 'yours';

const DISTRIBUTION_TYPES = new Set(['constant', 'uniform', 'normal', 'lognormal', 'exponential', 'triangular', 'empirical']);

type Segment = string | number;

export function assumptionsLedger(input: AssumptionsInput): AssumptionRow[] {
  const { scenario, rawDocument } = input;
  const rows: AssumptionRow[] = [];
  const root = rootSchema();
  const fields = scenario as unknown as Record<string, unknown>;
  for (const key of orderedKeys(fields, root)) {
    if (OWN_ROWS.has(key)) continue;
    flatten(fields[key], [key], childSchema(root, key, fields), rawDocument, rows);
  }
  if (scenario.provenance) markFitted(rows, scenario.provenance);
  rows.push(...runRows(input, root));
  return rows;
}

// ---------------------------------------------------------------------------
// The scenario, flattened.

function flatten(value: unknown, path: Segment[], schema: JsonNode | undefined, raw: unknown, rows: AssumptionRow[]): void {
  const name = formatPath(path);
  const row = (text: string) => rows.push(withSource({ name, value: text }, path, schema, raw));
  if (value === undefined) {
    rows.push(withSource({ name, value: 'not set' }, path, schema, raw));
    return;
  }
  if (isDistribution(value)) {
    row(describeDistribution(value, unitOf(path)));
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) row('none');
    else if (value.every((v) => v === null || typeof v !== 'object')) row(value.map((v) => formatScalar(v, '')).join(', '));
    else value.forEach((element, i) => flatten(element, [...path, i], childSchema(schema, i, value), raw, rows));
    return;
  }
  if (isRecord(value)) {
    const keys = orderedKeys(value, schema);
    if (keys.length === 0) {
      row('none');
      return;
    }
    for (const key of keys) flatten(value[key], [...path, key], childSchema(schema, key, value), raw, rows);
    return;
  }
  row(formatScalar(value, unitOf(path)));
}

/** Marks a row as the author's (the raw document has its path) or a default, with the field's description. */
function withSource(row: { name: string; value: string }, path: Segment[], schema: JsonNode | undefined, raw: unknown): AssumptionRow {
  const found = lookupRaw(raw, path);
  if (found.present) {
    return found.preset !== undefined
      ? { ...row, source: SCENARIO_FILE, note: `from the preset "${found.preset}"`, confidence: YOURS }
      : { ...row, source: SCENARIO_FILE, confidence: YOURS };
  }
  const note = schema?.description;
  const confidence = defaultConfidence(row.name);
  return { ...row, source: DEFAULT, ...(note ? { note } : {}), ...(confidence ? { confidence } : {}) };
}

/**
 * Rows of fields `dmap calibrate` fitted (the scenario's `provenance` names them) say
 * so, with where the value came from: files, observations, method and fit quality.
 */
function markFitted(rows: AssumptionRow[], provenance: NonNullable<Scenario['provenance']>): void {
  for (const row of rows) {
    // Provenance keys are dotted throughout (functions.my-fn.memoryMb); row names bracket such keys.
    const key = row.name.replace(/\["([^"]+)"\]/g, '.$1');
    const entry = Object.prototype.hasOwnProperty.call(provenance, key) ? provenance[key] : undefined;
    if (!entry) continue;
    const observations = `${formatCount(entry.observations)} ${entry.observations === 1 ? 'observation' : 'observations'}`;
    row.source = FITTED;
    row.confidence = FITTED;
    row.note = `from ${entry.source} (${observations}): ${entry.method}; ${entry.quality}${entry.note ? `; ${entry.note}` : ''}`;
  }
}

/**
 * Whether the raw document holds `path`. A string where an object or array was expected
 * is a preset name (`retry: console-default`) standing for everything under it.
 */
function lookupRaw(raw: unknown, path: Segment[]): { present: boolean; preset?: string } {
  let current: unknown = raw;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || segment >= current.length) return { present: false };
      current = current[segment];
    } else if (isRecord(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return { present: false };
      current = current[segment as string];
    } else if (typeof current === 'string') {
      return { present: true, preset: current };
    } else {
      return { present: false };
    }
  }
  return { present: current !== undefined };
}

/** Keys of an object in the schema's order (so absent optional fields appear as "not set"), then any others sorted. */
function orderedKeys(value: Record<string, unknown>, schema: JsonNode | undefined): string[] {
  const properties = objectOption(schema, value)?.properties;
  const known = properties ? Object.keys(properties).filter((k) => k !== '$schema') : [];
  const extra = Object.keys(value)
    .filter((k) => !known.includes(k))
    .sort();
  return [...known, ...extra];
}

function isDistribution(value: unknown): value is DistributionSpec {
  return isRecord(value) && typeof value.type === 'string' && DISTRIBUTION_TYPES.has(value.type);
}

/** The unit a field's name carries: `...Ms` ms, `...Bytes` bytes, `...Seconds` s, `...Mb` MB. */
function unitOf(path: Segment[]): string {
  const field = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  if (/BytesPerSecond$/.test(field)) return 'bytes/s';
  if (/PerSecond$/.test(field)) return 'per s';
  if (/Ms$/.test(field)) return 'ms';
  if (/Bytes(Per[A-Z]\w*)?$/.test(field)) return 'bytes';
  if (/Seconds$/.test(field)) return 's';
  if (/Mb$/.test(field)) return 'MB';
  if (/Percent(age)?$/.test(field)) return '%';
  return '';
}

function formatScalar(value: unknown, unit: string): string {
  let text: string;
  if (typeof value === 'number') text = Number.isInteger(value) ? formatCount(value) : String(value);
  else if (typeof value === 'string') return value === '' ? '(empty)' : value;
  else text = String(value);
  return unit && typeof value === 'number' ? `${text} ${unit}` : text;
}

/** `['lambda', 'errors', 0, 'error']` → `lambda.errors[0].error`; a key that is not an identifier in brackets. */
function formatPath(path: Segment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    if (!/^[A-Za-z_$][\w$]*$/.test(segment)) return `${text}[${JSON.stringify(segment)}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

// ---------------------------------------------------------------------------
// The run: seed, runs, prices, tool, file, command.

function runRows(input: AssumptionsInput, root: JsonNode | undefined): AssumptionRow[] {
  const { scenario, rawDocument: raw, result, command } = input;
  const cost = result.cost;
  const rows: AssumptionRow[] = [];
  const described = (path: Segment[]) => {
    let schema: JsonNode | undefined = root;
    let value: unknown = scenario;
    for (const segment of path) {
      schema = childSchema(schema, segment, value);
      value = (value as Record<Segment, unknown> | undefined)?.[segment];
    }
    return schema?.description;
  };
  /** Source of a value the command line may override: the flag, else the file, else the default. */
  const fromFlagOrFile = (row: { name: string; value: string }, flags: string[], path: Segment[], overridden = false): AssumptionRow => {
    const given = flags.filter((flag) => hasFlag(command, flag));
    if (overridden || given.length > 0) {
      return { ...row, source: COMMAND_LINE, note: `${(given.length > 0 ? given : flags).join(' and ')} on the command line` };
    }
    if (lookupRaw(raw, path).present) return { ...row, source: SCENARIO_FILE };
    const note = described(path);
    return note ? { ...row, source: DEFAULT, note } : { ...row, source: DEFAULT };
  };

  rows.push(fromFlagOrFile({ name: 'seed', value: String(result.seed) }, ['--seed'], ['seed'], result.seed !== scenario.seed));

  const precision = result.precision;
  const runs = {
    name: 'runs',
    value: precision
      ? `${formatCount(result.runs)} (until the P90 wall time's 95 % interval was within ±${precision.targetPercent} %: ${precision.met ? `met, ±${precision.achievedPercent} %` : `not met within ${formatCount(precision.maxRuns)} runs`})`
      : formatCount(result.runs),
  };
  const runsFlags = ['--runs', '--precision', '--max-runs'].filter((flag) => hasFlag(command, flag));
  rows.push(
    runsFlags.length > 0 || result.runs !== 1
      ? { ...runs, source: COMMAND_LINE, ...(runsFlags.length > 0 ? { note: `${runsFlags.join(' and ')} on the command line` } : {}) }
      : { ...runs, source: DEFAULT, note: 'one run unless --runs or --precision asks for more' },
  );

  rows.push({
    name: 'price catalogue',
    value: `${cost.catalogue.name} ${cost.catalogue.version}, prices as of ${cost.catalogue.effectiveDate}`,
    ...(hasFlag(command, '--catalogue')
      ? { source: COMMAND_LINE, note: '--catalogue on the command line' }
      : { source: 'catalogue', note: 'the AWS list prices shipped with the tool' }),
  });
  rows.push(fromFlagOrFile({ name: 'region', value: cost.region }, [], ['region']));
  rows.push(
    fromFlagOrFile(
      { name: 'pricing.freeTier', value: cost.freeTier ? 'subtracted' : 'not subtracted' },
      ['--free-tier'],
      ['pricing', 'freeTier'],
      cost.freeTier !== scenario.pricing.freeTier,
    ),
  );
  rows.push(
    fromFlagOrFile(
      { name: 'pricing.runsPerMonth', value: formatCount(cost.runsPerMonth) },
      ['--runs-per-month'],
      ['pricing', 'runsPerMonth'],
      cost.runsPerMonth !== scenario.pricing.runsPerMonth,
    ),
  );
  rows.push(
    fromFlagOrFile(
      { name: 'pricing.discountPercent', value: `${cost.discountPercent} %` },
      ['--discount'],
      ['pricing', 'discountPercent'],
      cost.discountPercent !== scenario.pricing.discountPercent,
    ),
  );
  const overrides = scenario.pricing.priceOverrides as Record<string, { usd: string; per?: string } | undefined>;
  const customPrices = cost.priceOverrides.map((key) => {
    const price = overrides[key];
    return price ? `${key} = $${price.usd}${price.per ? ` per ${price.per}` : ''}` : key;
  });
  rows.push(
    fromFlagOrFile(
      { name: 'pricing.priceOverrides', value: customPrices.length > 0 ? customPrices.join('; ') : 'none' },
      ['--price'],
      ['pricing', 'priceOverrides'],
    ),
  );

  rows.push({ name: 'tool', value: `${result.tool.name} ${result.tool.version}`, source: TOOL });
  rows.push(
    result.scenario.file !== undefined
      ? { name: 'scenario file', value: result.scenario.file, source: COMMAND_LINE }
      : { name: 'scenario file', value: 'none (a library call with a scenario object)', source: TOOL },
  );
  if (result.scenario.sha256 !== undefined) {
    rows.push({ name: 'scenario file SHA-256', value: result.scenario.sha256, source: TOOL, note: 'of the file\'s bytes, to tell which version of it this report came from' });
  }
  rows.push({ name: 'rerun command', value: command, source: TOOL, note: 'reproduces these figures exactly with the same tool version and catalogue' });
  return rows;
}

/** Whether the command line holds `flag` (as `--flag`, `--flag value` or `--flag=value`). */
function hasFlag(command: string, flag: string): boolean {
  return command.split(/\s+/).some((token) => token === flag || token.startsWith(`${flag}=`));
}

// ---------------------------------------------------------------------------
// Field descriptions, from the scenario's JSON Schema (generated from the zod schema,
// so it resolves zod's wrappers: optional, default, prefault, pipe).

interface JsonNode {
  description?: string;
  const?: unknown;
  properties?: Record<string, JsonNode>;
  additionalProperties?: JsonNode | boolean;
  items?: JsonNode;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
}

let cachedRoot: JsonNode | undefined;

function rootSchema(): JsonNode | undefined {
  cachedRoot ??= scenarioJsonSchema() as JsonNode;
  return cachedRoot;
}

/** The node itself and the options of its unions, flattened. */
function options(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  return [node, ...[...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap(options)];
}

/** The object option of `node` that fits `value`: in a union, the one whose `const` tags match. */
function objectOption(node: JsonNode | undefined, value: unknown): JsonNode | undefined {
  const objects = options(node).filter((o) => o.properties !== undefined);
  if (objects.length <= 1) return objects[0];
  const tagged = objects.find((o) =>
    Object.entries(o.properties as Record<string, JsonNode>).some(
      ([key, p]) => p.const !== undefined && isRecord(value) && value[key] === p.const,
    ),
  );
  return tagged ?? objects[0];
}

/** The schema of `parent[key]`, where the parent's value is `parentValue`. */
function childSchema(node: JsonNode | undefined, key: Segment, parentValue: unknown): JsonNode | undefined {
  if (typeof key === 'number') return options(node).find((o) => o.items !== undefined)?.items;
  const object = objectOption(node, parentValue);
  const property = object?.properties?.[key];
  if (property) return property;
  const extra = options(node).find((o) => typeof o.additionalProperties === 'object')?.additionalProperties;
  return typeof extra === 'object' ? extra : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
