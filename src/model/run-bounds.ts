/**
 * What bounds a Map Run: its wall time split along the critical path, the chain of
 * waits that ends when the Map Run ends. Walking back from the end: the close overhead,
 * the result writing, the child that ended last, and before that child started, what it
 * waited for: the dispatch pace and the account's start bucket, and before that whatever
 * let it be dispatched at all, items arriving from the reader (the reader's time since
 * the start overhead) or a MaxConcurrency slot freed by an earlier child (that child's
 * own path, its life counted as waiting for the slot). Each child carries the vector of
 * its path as it was dispatched, so nothing is kept per item and the parts add up to the
 * wall time exactly. docs/model.md, "What bounds the run", defines every part.
 */

/** The parts of a critical path, in the order reports list them. */
export const BOUND_CAUSES = [
  'overhead',
  'reading',
  'dispatch',
  'childStarts',
  'maxConcurrency',
  'coldStarts',
  'throttling',
  'retries',
  'work',
  'tail',
  'failureDetection',
  'stopping',
  'resultWriting',
] as const;

export type BoundCause = (typeof BOUND_CAUSES)[number];

/** Milliseconds of the critical path per cause; they add up to the wall time. */
export type RunBounds = Record<BoundCause, number>;

export const CAUSE = Object.fromEntries(BOUND_CAUSES.map((cause, index) => [cause, index])) as { readonly [C in BoundCause]: number };

export const CAUSE_COUNT = BOUND_CAUSES.length;

/** Plain words for each cause, as the terminal summary and the reports say them. */
export const BOUND_CAUSE_LABELS: Record<BoundCause, string> = {
  overhead: 'Map Run start and close overhead',
  reading: 'reading items',
  dispatch: 'child dispatch pace',
  childStarts: 'child start rate and latency',
  maxConcurrency: 'waiting for a MaxConcurrency slot',
  coldStarts: 'cold starts',
  throttling: 'throttling and its retries (Lambda or service concurrency)',
  retries: 'retries of failed attempts',
  work: 'the work itself',
  tail: 'the tail of the last batch',
  failureDetection: 'failure detection',
  stopping: 'stopping after the failure',
  resultWriting: 'result writing',
};

/** The short verdict for the largest cause: "listing-bound", "dispatch-bound", ... */
export const BOUND_VERDICTS: Record<BoundCause, string> = {
  overhead: 'overhead-bound',
  reading: 'reading-bound',
  dispatch: 'dispatch-bound',
  childStarts: 'child-start-bound',
  maxConcurrency: 'MaxConcurrency-bound',
  coldStarts: 'cold-start-bound',
  throttling: 'throttling-bound',
  retries: 'retry-bound',
  work: 'work-bound',
  tail: 'tail-bound',
  failureDetection: 'failure-bound',
  stopping: 'failure-bound',
  resultWriting: 'result-writing-bound',
};

export function boundsFromVector(vector: Float64Array): RunBounds {
  return Object.fromEntries(BOUND_CAUSES.map((cause, index) => [cause, vector[index] as number])) as RunBounds;
}

/** The cause with the largest share, and that share (0..1) of the total. */
export function dominantCause(bounds: RunBounds): { cause: BoundCause; share: number } {
  let total = 0;
  let best: BoundCause = 'work';
  for (const cause of BOUND_CAUSES) {
    total += bounds[cause];
    if (bounds[cause] > bounds[best]) best = cause;
  }
  return { cause: best, share: total > 0 ? bounds[best] / total : 0 };
}
