/**
 * The plausible range of every model assumption of medium or low confidence, and of the
 * user's own uncertain inputs: what `dmap sensitivity` varies, and the "Plausible
 * ranges" table of docs/model.md (generated from this list by `npm run generate`).
 *
 * An entry's `low` and `high` are either factors (kind 'factor': they multiply the value
 * in effect, every parameter of a distribution) or values (kind 'value': they replace
 * it; booleans take both values). Adding a model parameter is one line:
 *
 *   factor('mapRunOverhead.startMs', 0.5, 2, { confidence: 'L', label: 'Map Run start overhead', why: '...' }),
 *
 * Entries whose path starts with `lambda.` describe a function: they apply to the
 * short form's `lambda` block and to each function of `functions` (expanded by
 * `assumptionsFor`). Pure data and helpers.
 */
import { LAMBDA_MEMORY_PER_VCPU_MB, startExecutionQuota } from '../aws/quotas.js';
import { meanOf, type DistributionSpec } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';

export type AssumptionConfidence = 'M' | 'L' | 'user';
export type RangeEnd = number | boolean;
export type EndName = 'low' | 'high';

/** The settings of one Lambda function, as the scenario holds them (the `lambda` block or an entry of `functions`). */
export type FunctionSettings = NonNullable<Scenario['lambda']> | Scenario['functions'][string];

/** When an entry applies, in words (for the docs and the output) and as a test. */
export interface Applicability {
  text: string;
  test: (scenario: Scenario) => boolean;
}

export interface AssumptionRange {
  /** Stable identifier, for `--only` and the JSON: the field path, or `functions.<name>.<field>` once expanded. */
  id: string;
  /** Dotted field path as written in a scenario file. */
  path: string;
  /** The path as keys (a function's name may hold dots); absent: `path` split at dots. */
  keys?: string[];
  /** What is assumed, in plain words. */
  label: string;
  /** docs/model.md's tag, or `user` for the user's own inputs. */
  confidence: AssumptionConfidence;
  kind: 'factor' | 'value';
  low: RangeEnd;
  high: RangeEnd;
  /** Each end in plain words for sentences ("listing 2× faster"); absent: the label and the setting. */
  words?: [low: string, high: string];
  /** Whole numbers (counts, bucket sizes): a scaled value is rounded, and stays at least 1 if it was. */
  integer?: boolean;
  /** Where the range comes from, in one sentence. */
  why: string;
  appliesWhen: string;
  appliesTo(scenario: Scenario): boolean;
  /** A function's entry: whether it applies to that function. */
  perFunction?: (settings: FunctionSettings) => boolean;
  /** The value in effect when the scenario leaves the field unset and the model computes its default. */
  modelDefault?: (scenario: Scenario) => number;
}

type Details = Pick<AssumptionRange, 'label' | 'confidence' | 'why'> &
  Partial<Pick<AssumptionRange, 'words' | 'integer' | 'modelDefault'>> & { when?: Applicability; perFunction?: FunctionApplicability };

interface FunctionApplicability {
  text: string;
  test: (settings: FunctionSettings) => boolean;
}

/** An entry whose ends multiply the value in effect. */
export function factor(path: string, low: number, high: number, details: Details): AssumptionRange {
  return entry(path, 'factor', low, high, details);
}

/** An entry whose ends replace the value in effect. */
export function values(path: string, low: RangeEnd, high: RangeEnd, details: Details): AssumptionRange {
  return entry(path, 'value', low, high, details);
}

function entry(path: string, kind: AssumptionRange['kind'], low: RangeEnd, high: RangeEnd, details: Details): AssumptionRange {
  const { when = ALWAYS, perFunction, ...rest } = details;
  const range: AssumptionRange = { id: path, path, kind, low, high, ...rest, appliesWhen: perFunction?.text ?? when.text, appliesTo: when.test };
  if (perFunction) {
    range.perFunction = perFunction.test;
    range.appliesTo = (scenario) => scenario.lambda !== undefined && perFunction.test(scenario.lambda);
  }
  return range;
}

// ---------------------------------------------------------------------------
// When entries apply.

const ALWAYS: Applicability = { text: 'any scenario', test: () => true };
const LISTING: Applicability = { text: 'items listed with ListObjectsV2', test: (s) => s.itemReader.source === 's3ListObjectsV2' };
const FILE: Applicability = { text: 'items read from an S3 file', test: (s) => s.itemReader.source === 's3Object' };
const NOT_LISTING: Applicability = { text: 'inline items or an S3 file', test: (s) => s.itemReader.source !== 's3ListObjectsV2' };
const RESULT_WRITER: Applicability = { text: 'a ResultWriter', test: (s) => s.resultWriter !== undefined };
const ANY_FUNCTION: FunctionApplicability = { text: 'any Lambda function', test: () => true };
const OVERHEAD_ABOVE_ZERO: FunctionApplicability = {
  text: 'a function whose invocation overhead is above 0 (scaling 0 changes nothing)',
  test: (fn) => meanOf(fn.invocationOverheadMs as DistributionSpec) > 0,
};
const MEMORY_CHANGES_SPEED: FunctionApplicability = {
  text: 'a function whose durationMeasuredAtMemoryMb gives another CPU share than its memoryMb (otherwise memory changes no duration)',
  test: (fn) => {
    const share = (mb: number) => Math.min(mb, LAMBDA_MEMORY_PER_VCPU_MB);
    return share(fn.durationMeasuredAtMemoryMb ?? fn.memoryMb) !== share(fn.memoryMb);
  },
};

const startBucket = (s: Scenario) => startExecutionQuota(s.region, s.executionType);

// ---------------------------------------------------------------------------
// The registry: model assumptions first, then the user's own inputs.

export const ASSUMPTION_RANGES: readonly AssumptionRange[] = [
  factor('itemReader.pageLatencyMs', 0.5, 1.5, { confidence: 'M', label: 'ListObjectsV2 page latency', words: ['listing 2× faster', 'listing 1.5× slower'], when: LISTING, why: 'Fitted to one published listing (PM-14: 104 ms a page); another account, Region or year may list up to twice as fast or somewhat slower.' }),
  values('itemReader.listBeforeProcessing', false, true, { confidence: 'M', label: 'Whole listing read before the first child', words: ['children starting as pages arrive', 'the whole listing read before the first child'], when: LISTING, why: 'Observed once (PM-14: no child running after 507 pages); AWS does not document it, so children starting as pages arrive stays plausible.' }),
  values('itemReader.readers', 1, 4, { confidence: 'L', label: 'ListObjectsV2 readers at once', words: ['one reader', 'four readers listing at once'], integer: true, when: LISTING, why: 'AWS says it runs many input readers for extremely large jobs without saying when or how many; PM-14 saw one.' }),
  values('childStarts.dispatchPerSecond', 30, 75, { confidence: 'L', label: 'Children a Map Run starts per second', words: ['children dispatched at 30 a second', 'children dispatched at 75 a second'], why: 'Fitted to PM-15\'s average (51 a second); PM-12 averaged about 31 over its run, and PM-15\'s busiest minute completed 74 a second.' }),
  factor('childStarts.dispatchBurst', 0.5, 10, { confidence: 'L', label: 'Children a Map Run starts at once', words: ['a dispatch burst of 50', 'a dispatch burst of 1,000'], integer: true, why: 'Bounded below by PM-17 (100 children within a second); nothing published bounds it above.' }),
  factor('mapRunOverhead.startMs', 0.5, 3, { confidence: 'L', label: 'Map Run start overhead', words: ['the Map Run opening 2× sooner', 'the Map Run opening 3× later'], why: 'Bounded by PM-17 (work done within a second of MapRunStarted); no other measurement.' }),
  factor('mapRunOverhead.closeMs', 0.5, 2, { confidence: 'L', label: 'Map Run close overhead', words: ['the Map Run closing 2× sooner', 'the Map Run closing 2× later'], why: 'Fitted to two small runs, PM-04 (≈ 2 s) and PM-17 (≈ 6 s), whose own disagreement is about this factor.' }),
  factor('itemReader.firstByteLatencyMs', 0.5, 3, { confidence: 'L', label: 'S3 file GET time to first byte', words: ['file GETs answering 2× sooner', 'file GETs answering 3× later'], when: FILE, why: 'AWS does not document how the file is read; S3 gives first bytes in tens of milliseconds, 0.5–3× the 30 ms median assumed.' }),
  values('itemReader.readThroughputBytesPerSecond', 25_000_000, 100_000_000, { confidence: 'L', label: 'S3 file read throughput', words: ['the file read at 25 MB/s', 'the file read at 100 MB/s'], when: FILE, why: 'AWS does not document how the file is read; half to twice the 50 MB/s assumed for one GET stream.' }),
  factor('childStarts.startLatencyMs', 0.5, 3, { confidence: 'L', label: 'Child start latency', words: ['children starting 2× sooner', 'children starting 3× later'], why: 'Our assumption, no AWS figure: a median of 25–150 ms around the 50 ms assumed.' }),
  factor('childStarts.refillPerSecond', 0.5, 4, { confidence: 'L', label: 'Child start rate (StartExecution refill)', words: ['child starts at half the rate', 'child starts at 4× the rate'], modelDefault: (s) => startBucket(s).refillPerSecond, why: 'AWS does not say that child starts draw on the StartExecution bucket: half (the bucket shared with other work) to 4× (a Map Run with a bucket of its own).' }),
  factor('childStarts.bucketSize', 0.5, 4, { confidence: 'L', label: 'Child start burst (StartExecution bucket)', words: ['half the child-start burst', '4× the child-start burst'], integer: true, modelDefault: (s) => startBucket(s).bucketSize, why: 'AWS does not say that child starts draw on the StartExecution bucket: half (shared with other work) to 4× (a bucket of its own).' }),
  factor('childWorkflow.transitionLatencyMs', 0.5, 5, { confidence: 'L', label: 'State transition latency', words: ['state transitions 2× faster', 'state transitions 5× slower'], why: 'AWS publishes no per-transition figure: 10–100 ms around the 20 ms assumed.' }),
  factor('failureDetectionLagMs', 0.25, 5, { confidence: 'L', label: 'Failure detection lag', words: ['the failure threshold enforced 4× sooner', 'the failure threshold enforced 5× later'], why: 'AWS says the threshold is not enforced the instant it is crossed, with no figure: 0.25–5 s around the 1 s assumed.' }),
  factor('resultWriter.putLatencyMs', 0.5, 3, { confidence: 'L', label: 'Result file PUT latency', words: ['result PUTs 2× faster', 'result PUTs 3× slower'], when: RESULT_WRITER, why: 'AWS does not document how results are written: 0.5–3× the 40 ms median assumed for an S3 PUT.' }),
  values('resultWriter.partSizeBytes', 5 * 1024 * 1024, 64 * 1024 * 1024, { confidence: 'L', label: 'Result file multipart part size', words: ['5 MiB parts (the S3 minimum)', '64 MiB parts'], integer: true, when: RESULT_WRITER, why: 'AWS does not say how ResultWriter uploads; from the S3 minimum part size to a large one.' }),
  values('resultWriter.writeThroughputBytesPerSecond', 25_000_000, 200_000_000, { confidence: 'L', label: 'Result write throughput', words: ['results written at 25 MB/s', 'results written at 200 MB/s'], when: RESULT_WRITER, why: 'AWS does not document how results are written: a quarter to twice the 100 MB/s assumed.' }),
  factor('lambda.initDurationMs', 0.5, 3, { confidence: 'L', label: 'Lambda cold start (INIT) time', words: ['cold starts 2× shorter', 'cold starts 3× longer'], perFunction: ANY_FUNCTION, why: 'The 300 ms median is typical of small Node.js and Python functions; large packages and JVMs take seconds, so 0.5–3×.' }),
  values('lambda.cpuBoundFraction', 0.1, 0.9, { confidence: 'L', label: 'CPU-bound share of invocation time', words: ['the function mostly waiting on I/O (0.1)', 'the function mostly computing (0.9)'], perFunction: MEMORY_CHANGES_SPEED, why: 'AWS publishes nothing per workload; 0.1 (I/O-bound) to 0.9 (CPU-bound) spans what Lambda Power Tuning shows for real functions.' }),
  factor('lambda.perItemDurationMs', 0.75, 1.25, { confidence: 'user', label: 'Time per item (your estimate)', words: ['items 25 % quicker', 'items 25 % slower'], perFunction: ANY_FUNCTION, why: 'Your own figure, ±25 %: a time measured on a few test batches is rarely closer than that to production.' }),
  factor('lambda.invocationOverheadMs', 0.5, 2, { confidence: 'user', label: 'Time per invocation (your estimate)', words: ['invocation overhead halved', 'invocation overhead doubled'], perFunction: OVERHEAD_ABOVE_ZERO, why: 'Your own figure, halved and doubled: fixed start-up work varies with the runtime, the package and what it connects to.' }),
  factor('itemReader.objectCount', 0.8, 1.2, { confidence: 'user', label: 'Objects under the prefix (your estimate)', words: ['20 % fewer objects', '20 % more objects'], integer: true, when: LISTING, why: 'Your own figure, ±20 %: data volumes grow and vary between runs.' }),
  factor('itemReader.itemCount', 0.8, 1.2, { confidence: 'user', label: 'Items (your estimate)', words: ['20 % fewer items', '20 % more items'], integer: true, when: NOT_LISTING, why: 'Your own figure, ±20 %: data volumes grow and vary between runs.' }),
];

/** Every entry as it applies to `scenario`: function entries once per function; the rest left out. */
export function assumptionsFor(scenario: Scenario, registry: readonly AssumptionRange[] = ASSUMPTION_RANGES): { applicable: AssumptionRange[]; notApplicable: AssumptionRange[] } {
  const applicable: AssumptionRange[] = [];
  const notApplicable: AssumptionRange[] = [];
  for (const range of registry) {
    const expanded = range.perFunction ? forEachFunction(range, scenario) : range.appliesTo(scenario) ? [range] : [];
    if (expanded.length === 0) notApplicable.push(range);
    applicable.push(...expanded);
  }
  return { applicable, notApplicable };
}

/** A function entry for the `lambda` block and for each function of `functions` it applies to. */
function forEachFunction(range: AssumptionRange, scenario: Scenario): AssumptionRange[] {
  const test = range.perFunction as (settings: FunctionSettings) => boolean;
  const field = range.path.slice('lambda.'.length);
  const result: AssumptionRange[] = [];
  if (scenario.lambda && test(scenario.lambda)) result.push(range);
  for (const [name, settings] of Object.entries(scenario.functions)) {
    if (!test(settings)) continue;
    const path = `functions.${name}.${field}`;
    result.push({ ...range, id: path, path, keys: ['functions', name, field], label: `${range.label}, function ${name}`, appliesTo: () => true });
  }
  return result;
}

/** The path as keys. */
export function keysOf(range: AssumptionRange): string[] {
  return range.keys ?? range.path.split('.');
}

