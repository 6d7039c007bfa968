/**
 * The controls of `dmap studio`: one per scenario field a sweep can vary (batch size and
 * bytes, MaxConcurrency, item count, execution type, memory, architecture, per-item time,
 * retries, tolerance, Lambda concurrency, Region), each knowing its dotted field path (the
 * same path `dmap sweep --vary` takes), its bounds (the schema's), and its value in the
 * scenario as loaded: the start. Which controls a scenario gets depends on what it has: a
 * short-form child's `lambda` block, or the long form's `functions`. Pure.
 */
import { LAMBDA_MAX_MEMORY_MB, LAMBDA_MIN_MEMORY_MB, MAP_RUN_MAX_PARALLEL_CHILDREN, MAX_PAYLOAD_BYTES } from '../aws/quotas.js';
import { RETRY_PRESET_NAMES } from '../model/retry-policy.js';
import { ownValue } from '../own-key.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import type { DistributionSpec } from '../random/distribution-spec.js';
import { accountConcurrencyOf, type Scenario } from '../scenario/scenario-schema.js';

/** What a control holds: a number, a choice, or (for a `scale` control) the factor on a distribution. */
export type ControlValue = number | string;

interface ControlBase {
  /** The dotted field path: the control's key in the URL fragment, and what `--vary` would name. */
  id: string;
  /** The path as keys (a function's name may not hold a dot, so `id.split('.')`). */
  keys: string[];
  label: string;
  /** Heading of the group the control is shown in. */
  group: string;
  /** One sentence under the control. */
  help: string;
  /** The value in the scenario as loaded; undefined for an optional field it leaves unset. */
  start: ControlValue | undefined;
}

export interface NumberControl extends ControlBase {
  kind: 'number';
  min: number;
  max: number;
  integer: boolean;
  /** How the slider moves: evenly, or by ratios (batch sizes, counts, memory). */
  scale: 'linear' | 'log';
  unit: string;
  /** Optional fields may be left unset (the input empty). */
  optional: boolean;
  /** What 0 means, when it means something else (MaxConcurrency 0: 10,000). */
  zeroMeans?: string;
  /** What an unset optional field means. */
  unsetMeans?: string;
}

export interface ChoiceControl extends ControlBase {
  kind: 'choice';
  options: Array<{ value: string; label: string }>;
  /** Label of the start when it is none of the options (a Retry array written out). */
  asWritten?: string;
}

/** A factor on a distribution, which keeps its shape: per-item time ×1.25 is 25 % slower items. */
export interface ScaleControl extends ControlBase {
  kind: 'scale';
  min: number;
  max: number;
  /** The distribution as validated in the start scenario, which the factor multiplies. */
  spec: DistributionSpec;
  /** The field as written (a bare number stays a number). */
  written: unknown;
  unit: string;
}

export type Control = NumberControl | ChoiceControl | ScaleControl;

const COUNT_MAX = 100_000_000;
const CONCURRENCY_MAX = 100_000;

/** The controls for a scenario, in the order the page shows them. */
export function controlsFor(document: unknown, scenario: Scenario, catalogue: PriceCatalogue): Control[] {
  const controls: Control[] = [];
  const at = (keys: string[]) => valueAt(document, keys);
  const batching = 'Items and batches';

  const countKey = scenario.itemReader.source === 's3ListObjectsV2' ? 'objectCount' : 'itemCount';
  controls.push(
    number(['itemReader', countKey], 'Items', batching, {
      help: countKey === 'objectCount' ? 'Objects under the prefix (itemReader.objectCount).' : 'Items to process (itemReader.itemCount).',
      min: 0,
      max: COUNT_MAX,
      scale: 'log',
      unit: 'items',
      start: scenario.itemReader.source === 's3ListObjectsV2' ? scenario.itemReader.objectCount : scenario.itemReader.itemCount,
    }),
    number(['itemBatcher', 'maxItemsPerBatch'], 'Batch size', batching, {
      help: 'ItemBatcher.MaxItemsPerBatch: most items one child execution gets. Unset: every item is its own child.',
      min: 1,
      max: 100_000,
      scale: 'log',
      unit: 'items',
      optional: true,
      start: scenario.itemBatcher?.maxItemsPerBatch,
      unsetMeans: scenario.itemBatcher ? 'no item limit: batches are bounded by bytes' : 'no batching: one item per child',
    }),
    number(['itemBatcher', 'maxInputBytesPerBatch'], 'Batch bytes', batching, {
      help: 'ItemBatcher.MaxInputBytesPerBatch: most bytes of items in one batch (at most 256 KiB).',
      min: 1,
      max: MAX_PAYLOAD_BYTES,
      scale: 'log',
      unit: 'bytes',
      start: scenario.itemBatcher?.maxInputBytesPerBatch ?? MAX_PAYLOAD_BYTES,
    }),
  );

  const mapRun = 'Map Run';
  controls.push(
    number(['maxConcurrency'], 'MaxConcurrency', mapRun, {
      help: 'Most child executions running at once.',
      min: 0,
      max: MAP_RUN_MAX_PARALLEL_CHILDREN,
      scale: 'log',
      unit: 'children',
      start: scenario.maxConcurrency,
      zeroMeans: '0 means 10,000',
    }),
    choice(['executionType'], 'Execution type', mapRun, 'ProcessorConfig.ExecutionType of the children: Standard pays per state transition, Express per request and duration.', scenario.executionType, [
      { value: 'STANDARD', label: 'Standard' },
      { value: 'EXPRESS', label: 'Express' },
    ]),
    number(['toleratedFailurePercentage'], 'Tolerated failures', mapRun, {
      help: 'ToleratedFailurePercentage: the Map Run fails once more than this share of items failed.',
      min: 0,
      max: 100,
      integer: false,
      scale: 'linear',
      unit: '%',
      optional: true,
      start: scenario.toleratedFailurePercentage,
      unsetMeans: scenario.toleratedFailureCount === undefined ? 'not set: no failure tolerated' : 'not set',
    }),
    number(['toleratedFailureCount'], 'Tolerated failed items', mapRun, {
      help: 'ToleratedFailureCount: the Map Run fails once more than this many items failed.',
      min: 0,
      max: COUNT_MAX,
      scale: 'log',
      unit: 'items',
      optional: true,
      start: scenario.toleratedFailureCount,
      unsetMeans: 'not set',
    }),
  );
  if (scenario.childWorkflow.states === undefined) {
    const written = at(['childWorkflow', 'retry']);
    const preset = typeof written === 'string' ? written : written === undefined ? 'none' : undefined;
    controls.push(
      choice(
        ['childWorkflow', 'retry'],
        'Retry',
        mapRun,
        'Retry of the Lambda task, as a preset: what it retries and how long it waits.',
        preset,
        RETRY_PRESET_NAMES.map((name) => ({ value: name, label: name })),
        preset === undefined ? 'as written in the scenario' : undefined,
      ),
    );
  }
  const regions = Object.keys(catalogue.regions).sort();
  controls.push(
    choice(['region'], 'Region', mapRun, 'Sets the Step Functions token buckets, the legacy Lambda burst and the prices.', scenario.region, regions.map((r) => ({ value: r, label: r }))),
  );

  const lambda = 'Lambda';
  // The account's quota: where the scenario gives it, else in the lambda block (short form) or at the top.
  const accountKeys = at(['lambdaAccountConcurrency']) !== undefined || !scenario.lambda ? ['lambdaAccountConcurrency'] : ['lambda', 'accountConcurrency'];
  controls.push(
    number(accountKeys, 'Lambda concurrency', lambda, {
      help: 'Concurrent executions quota of the account in the Region, shared by every function.',
      min: 1,
      max: CONCURRENCY_MAX,
      scale: 'log',
      unit: 'concurrent',
      start: accountConcurrencyOf(scenario),
    }),
  );
  const functions: Array<{ prefix: string[]; name: string; config: NonNullable<Scenario['lambda']> | Scenario['functions'][string] }> = [];
  if (scenario.lambda) functions.push({ prefix: ['lambda'], name: '', config: scenario.lambda });
  for (const [name, config] of Object.entries(scenario.functions)) {
    // A name with a dot cannot be told apart in a dotted path, as in `--vary`.
    if (!name.includes('.')) functions.push({ prefix: ['functions', name], name, config });
  }
  for (const { prefix, name, config } of functions) {
    const group = name ? `Function ${name}` : lambda;
    const of = name ? ` of ${name}` : '';
    controls.push(
      number([...prefix, 'memoryMb'], `Memory${of}`, group, {
        help: 'Memory size: sets the price per GB-second and the CPU share, so the CPU-bound part of the time scales with it.',
        min: LAMBDA_MIN_MEMORY_MB,
        max: LAMBDA_MAX_MEMORY_MB,
        scale: 'log',
        unit: 'MB',
        start: config.memoryMb,
      }),
      choice([...prefix, 'architecture'], `Architecture${of}`, group, 'arm64 (Graviton) is priced lower per GB-second.', config.architecture, [
        { value: 'x86_64', label: 'x86_64' },
        { value: 'arm64', label: 'arm64' },
      ]),
      {
        kind: 'scale',
        id: [...prefix, 'perItemDurationMs'].join('.'),
        keys: [...prefix, 'perItemDurationMs'],
        label: `Per-item time${of}`,
        group,
        help: 'Time one item takes, as a factor on the scenario\'s distribution: ×1.25 is items 25 % slower.',
        start: 1,
        min: 0.1,
        max: 10,
        spec: config.perItemDurationMs,
        written: at([...prefix, 'perItemDurationMs']),
        unit: 'ms',
      },
      number([...prefix, 'reservedConcurrency'], `Reserved concurrency${of}`, group, {
        help: 'Reserved concurrency of the function: guarantees and caps it; must leave 100 of the account unreserved.',
        min: 0,
        max: CONCURRENCY_MAX,
        scale: 'log',
        unit: 'concurrent',
        optional: true,
        start: config.reservedConcurrency,
        unsetMeans: 'not set: shares the account quota',
      }),
    );
  }
  return controls;
}

function number(
  keys: string[],
  label: string,
  group: string,
  options: { help: string; min: number; max: number; scale: 'linear' | 'log'; unit: string; start: number | undefined; integer?: boolean; optional?: boolean; zeroMeans?: string; unsetMeans?: string },
): NumberControl {
  return {
    kind: 'number',
    id: keys.join('.'),
    keys,
    label,
    group,
    help: options.help,
    start: options.start,
    // A scenario may hold a value beyond the usual range (the schema allows it): the control reaches it.
    min: Math.min(options.min, options.start ?? options.min),
    max: Math.max(options.max, options.start ?? options.max),
    integer: options.integer ?? true,
    scale: options.scale,
    unit: options.unit,
    optional: options.optional ?? false,
    ...(options.zeroMeans ? { zeroMeans: options.zeroMeans } : {}),
    ...(options.unsetMeans ? { unsetMeans: options.unsetMeans } : {}),
  };
}

function choice(keys: string[], label: string, group: string, help: string, start: string | undefined, options: ChoiceControl['options'], asWritten?: string): ChoiceControl {
  return { kind: 'choice', id: keys.join('.'), keys, label, group, help, start, options, ...(asWritten ? { asWritten } : {}) };
}

/** The value at `keys` in a document as written, if any (own keys only). */
export function valueAt(document: unknown, keys: readonly string[]): unknown {
  let node: unknown = document;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = ownValue(node as Record<string, unknown>, key);
  }
  return node;
}

/**
 * Whether `value` is one the control accepts, as the page and the URL fragment give it:
 * a number within bounds (whole where it must be), one of the choices, a factor within
 * range. The scenario's own validation still has the last word on the combination.
 */
export function acceptsValue(control: Control, value: ControlValue): boolean {
  switch (control.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= control.min && value <= control.max && (!control.integer || Number.isInteger(value));
    case 'choice':
      return typeof value === 'string' && control.options.some((o) => o.value === value);
    case 'scale':
      return typeof value === 'number' && Number.isFinite(value) && value >= control.min && value <= control.max;
  }
}
