/**
 * How far to trust each default the tool fills in: the tags of docs/model.md, given to
 * the assumptions ledger so a reviewer sees at a glance which figures rest on AWS's word
 * and which on ours. A default that `dmap sensitivity` varies takes its tag from that
 * registry (src/analysis/assumption-ranges.ts), so the two never disagree; the table below
 * tags the rest. Tool settings (seed, sweep, time-series buckets, pricing choices) are no
 * claim about AWS and carry no tag. Pure data and one lookup.
 */
import { ASSUMPTION_RANGES } from '../analysis/assumption-ranges.js';

/** docs/model.md's tags; their meanings below. */
export type ConfidenceTag = 'H' | 'M' | 'L' | 'D';

export const CONFIDENCE_MEANING: Record<ConfidenceTag, string> = {
  H: 'AWS documentation or code',
  M: 'AWS blog or sample, or several agreeing sources',
  L: 'a single third-party source, or our assumption',
  D: 'derived by us from the facts around it',
};

/**
 * Patterns over ledger paths: `*` stands for one key (a state or function name), `[]`
 * for an array index. A function's fields are written once, under `lambda.`; they apply
 * to `functions.<name>.` too.
 */
const TAGS: Record<string, ConfidenceTag> = {
  // ASL and service semantics of a field left out: AWS defines them.
  'itemReader.maxItems': 'H',
  'itemReader.pageSize': 'H',
  itemBatcher: 'H',
  'itemBatcher.maxInputBytesPerBatch': 'H',
  toleratedFailureCount: 'H',
  toleratedFailurePercentage: 'H',
  'childWorkflow.startAt': 'H',
  'childWorkflow.states': 'H',
  'childWorkflow.statesBeforeTask': 'H',
  'childWorkflow.statesAfterTask': 'H',
  'childWorkflow.retry': 'H',
  'childWorkflow.catch': 'H',
  'childWorkflow.taskTimeoutSeconds': 'H',
  'childWorkflow.states.*.retry': 'H',
  'childWorkflow.states.*.catch': 'H',
  'childWorkflow.states.*.timeoutSeconds': 'H',
  stateTransitions: 'H',
  lambdaAccountConcurrency: 'H',
  'lambda.accountConcurrency': 'H',
  'lambda.reservedConcurrency': 'H',
  'lambda.memoryMb': 'H',
  'lambda.timeoutSeconds': 'H',
  'lambda.architecture': 'H',
  'lambda.ephemeralStorageMb': 'H',
  'lambda.scaling': 'H',
  resultWriter: 'H',
  'serviceQuotas.*.burst': 'H',
  'serviceQuotas.*.concurrency': 'H',
  'serviceQuotas.*.refillPerSecond': 'H',
  'serviceQuotas.*.throttleError': 'H',
  // AWS publishes the estimate (50 MB + definition + data), not the billed figure itself.
  'childWorkflow.expressBilledMemoryMb': 'M',
  // Ours: nothing published says so.
  'itemReader.itemSizeBytes': 'L',
  'itemReader.getRequestBytes': 'L',
  'childWorkflow.outputBytes': 'L',
  'childWorkflow.states.*.errors': 'L',
  'childWorkflow.states.*.requestsPerItem': 'L',
  'childWorkflow.states.*.unitsPerItem': 'L',
  'childWorkflow.states.*.unitsPerRequest': 'L',
  'childWorkflow.states.*.durationMs': 'L',
  'dataTransfer.interRegionBytesPerItem': 'L',
  'lambda.errors': 'L',
  'lambda.poisonItems': 'L',
  'lambda.batchDurationFactor': 'L',
  'lambda.invocationOverheadMs': 'L',
  'lambda.perItemDurationMs': 'L',
  'lambda.logBytesPerInvocation': 'L',
  // The memory the durations were measured at is memoryMb unless given.
  'lambda.durationMeasuredAtMemoryMb': 'D',
};

/**
 * The tag of a default at ledger path `name` (a function's fields read as the `lambda`
 * block's), or undefined for a tool setting.
 */
export function defaultConfidence(name: string): ConfidenceTag | undefined {
  const keys = keysOf(name);
  const asLambda = keys[0] === 'functions' && keys.length > 2 ? ['lambda', ...keys.slice(2)] : undefined;
  for (const candidate of asLambda ? [keys, asLambda] : [keys]) {
    const fromRanges = rangeTag(candidate);
    if (fromRanges) return fromRanges;
    const tag = longestMatch(candidate);
    if (tag) return tag;
  }
  return undefined;
}

/** The tag of the longest pattern matching the path or one of its prefixes: `childWorkflow.retry` tags each retrier's fields. */
function longestMatch(keys: string[]): ConfidenceTag | undefined {
  let best: { length: number; tag: ConfidenceTag } | undefined;
  for (const [pattern, tag] of Object.entries(TAGS)) {
    const parts = pattern.split('.');
    if (parts.length > keys.length || (best && parts.length <= best.length)) continue;
    if (parts.every((p, i) => p === '*' || p === keys[i])) best = { length: parts.length, tag };
  }
  return best?.tag;
}

let rangeTags: Map<string, ConfidenceTag> | undefined;

/** The sensitivity registry's tag for a path, when it varies it as a model assumption (not as the user's own input). */
function rangeTag(keys: string[]): ConfidenceTag | undefined {
  rangeTags ??= new Map(
    ASSUMPTION_RANGES.filter((r) => r.confidence !== 'user').map((r) => [r.path, r.confidence as ConfidenceTag]),
  );
  return rangeTags.get(keys.join('.'));
}

/**
 * A ledger path as keys: indices dropped, bracketed keys (names that are not
 * identifiers) unquoted, so a function named my-fn reads as ['functions', 'my-fn', ...].
 */
function keysOf(name: string): string[] {
  const keys: string[] = [];
  for (const match of name.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[\d+\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) keys.push(JSON.parse(`"${match[1]}"`) as string);
    else if (match[2] !== undefined) keys.push(match[2]);
  }
  return keys;
}

/** The legend under the ledger, in plain text (renderers escape it). */
export function confidenceLegend(): string {
  const tags = (Object.keys(CONFIDENCE_MEANING) as ConfidenceTag[]).map((tag) => `${tag}: ${CONFIDENCE_MEANING[tag]}`);
  return `Confidence of a default (docs/model.md): ${tags.join('; ')}. yours: your input, as sure as you are; fitted: calibrated from your runs.`;
}
