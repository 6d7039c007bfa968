/**
 * How much work simulating a scenario is, estimated before a run starts, from the
 * scenario alone: the events (children × states per child × attempts, plus the reader's
 * requests) and a lower bound of the simulated time. A scenario can be valid and still
 * ask for more than any machine does in a day (`itemCount: 1000000000000`); the runner
 * refuses those up front (src/runner/work-guard.ts) instead of running for hours in
 * silence. An estimate, not a count: within a small factor of what the kernel runs for
 * the shipped scenarios. Retries count as the expected attempts of a task that fails an
 * attempt with the chance its injected errors give, or that it is throttled: the share of
 * the children running at once above its function's concurrency (all of them with a
 * reserved concurrency of 0), half for a task drawing on a quota. Loops through Choice
 * states count as often as their probabilities bring a child back. Pure.
 */
import { MAX_PAYLOAD_BYTES } from '../aws/quotas.js';
import { ownValue } from '../own-key.js';
import { meanOf } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { accountConcurrencyOf } from '../scenario/scenario-schema.js';
import { expectedVisits } from '../scenario/expected-visits.js';
import { effectiveMaxConcurrency } from './map-run.js';
import type { ChildStateConfig, StateScopeConfig } from '../scenario/child-states-schema.js';
import type { Retrier } from './retry-policy.js';

/** Events per state a child passes through (its transition, the task's start and end, ...), measured on the shipped scenarios. */
const EVENTS_PER_STATE = 1.5;
/** Events per child beyond its states (start latency, slot, close). */
const EVENTS_PER_CHILD = 1;

export interface WorkEstimate {
  items: number;
  children: number;
  /** States one child passes through, iterations of inline Maps included. */
  statesPerChild: number;
  /** Attempts per task, retries included, on average. */
  attemptsPerTask: number;
  /** Simulation events in one run. */
  eventsPerRun: number;
  /** The least simulated time one run can take, in ms: the dispatch pace and the listing alone. */
  simulatedMsAtLeast: number;
}

export function estimateWork(scenario: Scenario): WorkEstimate {
  const reader = scenario.itemReader;
  const listed = reader.source === 's3ListObjectsV2' ? reader.objectCount : reader.itemCount;
  const items = Math.min(listed, 'maxItems' in reader && reader.maxItems !== undefined ? reader.maxItems : Infinity);
  const itemsPerBatch = itemsPerChild(scenario);
  const children = Math.ceil(items / itemsPerBatch);
  const child = scenario.childWorkflow;
  const throttles = throttlingOf(scenario, Math.min(effectiveMaxConcurrency(scenario.maxConcurrency), children));
  const shape =
    child.states === undefined
      ? { states: child.statesBeforeTask + 1 + child.statesAfterTask, attempts: attemptsOf(child.retry, lambdaFailureChance(scenario.lambda), throttles.lambda(undefined)) }
      : scopeShape({ startAt: child.startAt, states: child.states }, itemsPerBatch, throttles);
  const requests =
    reader.source === 's3ListObjectsV2'
      ? Math.ceil(items / reader.pageSize)
      : reader.source === 's3Object'
        ? Math.ceil((items * meanOf(reader.itemSizeBytes)) / reader.getRequestBytes)
        : 0;
  const eventsPerRun = children * (EVENTS_PER_CHILD + EVENTS_PER_STATE * shape.states * shape.attempts) + 2 * requests;
  const dispatchMs = (Math.max(0, children - scenario.childStarts.dispatchBurst) / scenario.childStarts.dispatchPerSecond) * 1000;
  const listingMs = reader.source === 's3ListObjectsV2' ? (requests * meanOf(reader.pageLatencyMs)) / reader.readers : 0;
  return { items, children, statesPerChild: shape.states, attemptsPerTask: shape.attempts, eventsPerRun, simulatedMsAtLeast: Math.max(dispatchMs, listingMs) };
}

/** Items one child gets: the batch size, or what fits 256 KiB of items of the mean size. */
function itemsPerChild(scenario: Scenario): number {
  const batcher = scenario.itemBatcher;
  if (!batcher) return 1;
  const byBytes = Math.floor(Math.min(batcher.maxInputBytesPerBatch, MAX_PAYLOAD_BYTES) / Math.max(1, meanOf(scenario.itemReader.itemSizeBytes)));
  return Math.max(1, Math.min(batcher.maxItemsPerBatch ?? Infinity, byBytes));
}

/** Share of a task's attempts a quota may throttle: the estimate cannot know; half. */
const QUOTA_THROTTLED_SHARE = 0.5;

/** The share of a Lambda task's attempts that may be throttled: the children running at once above its function's concurrency. */
interface Throttling {
  lambda(functionName: string | undefined): number;
}

function throttlingOf(scenario: Scenario, parallelChildren: number): Throttling {
  const account = accountConcurrencyOf(scenario);
  return {
    lambda: (name) => {
      const fn = name === undefined ? scenario.lambda : ownValue(scenario.functions, name);
      const limit = Math.min(account, fn?.reservedConcurrency ?? Infinity);
      return parallelChildren > 0 ? Math.max(0, 1 - limit / parallelChildren) : 0;
    },
  };
}

/**
 * States a pass through `scope` visits (each as often as Choice loops bring it back,
 * src/scenario/expected-visits.ts; every state once in a scope too large to solve;
 * Parallel branches and Map iterations in full), and its tasks' mean attempts.
 */
function scopeShape(scope: StateScopeConfig, batchItems: number, throttles: Throttling): { states: number; attempts: number } {
  let states = 0;
  let attempts = 1;
  const solved = expectedVisits(scope);
  for (const [name, state] of Object.entries(scope.states) as Array<[string, ChildStateConfig]>) {
    const visits = solved.kind === 'solved' ? (solved.visits.get(name) ?? 0) : solved.kind === 'endless' ? Infinity : 1;
    const before = states;
    states += 1;
    if (state.type === 'Task') {
      const lambda = /:lambda:/.test(state.resource) ? throttles.lambda(state.function) : 0;
      const throttled = Math.max(lambda, state.quota !== undefined ? QUOTA_THROTTLED_SHARE : 0);
      attempts = Math.max(attempts, attemptsOf(state.retry, Math.min(1, state.errors.reduce((sum, e) => sum + e.probability, 0)), throttled));
    }
    if (state.type === 'Parallel') {
      for (const branch of state.branches) {
        const inner = scopeShape(branch, batchItems, throttles);
        states += inner.states;
        attempts = Math.max(attempts, inner.attempts);
      }
    }
    if (state.type === 'Map') {
      const iterations = state.iterations !== undefined ? meanOf(state.iterations) : Math.ceil(batchItems / state.itemsPerIteration);
      const inner = scopeShape(state.itemProcessor, state.itemsPerIteration, throttles);
      states += iterations * inner.states;
      attempts = Math.max(attempts, inner.attempts);
    }
    // What one visit of this state costs, as often as it is visited.
    states = before + visits * (states - before);
  }
  return { states, attempts };
}

/** Chance that one attempt of the short form's Lambda task fails: its injected errors and poison items. */
function lambdaFailureChance(lambda: Scenario['lambda']): number {
  if (!lambda) return 0;
  return Math.min(1, lambda.errors.reduce((sum, e) => sum + e.probability, 0) + (lambda.poisonItems?.probability ?? 0));
}

/**
 * Mean attempts of a task whose attempt fails with chance `q` (an injected error) or is
 * throttled with chance `throttled`, retried up to the most MaxAttempts of its
 * retriers: 1 + p + p² + ... + p^M with p the chance an attempt does not succeed.
 */
function attemptsOf(retry: readonly Retrier[], q: number, throttled = 0): number {
  const most = retry.reduce((m, r) => Math.max(m, r.maxAttempts), 0);
  const p = 1 - (1 - q) * (1 - throttled);
  if (most === 0 || p <= 0) return 1;
  return p >= 1 ? most + 1 : (1 - p ** (most + 1)) / (1 - p);
}
