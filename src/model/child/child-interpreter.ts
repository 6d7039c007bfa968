/**
 * Runs child executions through their compiled states (child-program.ts): one handler
 * per state type, threads for Parallel branches and inline-Map iterations, the task's
 * Retry and Catch for every Task (and Parallel and Map) state, the Express 5-minute limit
 * on the whole child, and Standard state transitions drawn from the account's bucket and
 * counted as billed (every state entered, every retry).
 *
 * States that do no work (Pass, Choice, Succeed, Fail) are passed in one step: the
 * thread walks to the next state that waits (Task, Wait, Parallel, Map) or to the end of
 * its branch, and a single event fires after the transition time of every state it
 * entered. The Map Run (map-run.ts) starts children and counts their ends; it knows
 * nothing of states.
 */
import { EXPRESS_MAX_DURATION_MS, MAX_PAYLOAD_BYTES } from '../../aws/quotas.js';
import type { SimulationKernel } from '../../core/index.js';
import { deriveStream, type Rng } from '../../random/index.js';
import type { Scenario } from '../../scenario/index.js';
import type { ErrorTally } from '../error-tally.js';
import { drawFrom, type Draw, type StreamKey } from '../random-sources.js';
import { STATES_TIMEOUT } from '../retry-policy.js';
import type { TokenBucket } from '../token-bucket.js';
import { compileChildProgram, StateKind, type ChildProgram, type CompiledState } from './child-program.js';
import { ChildThreads, MAX_THREADS, NO_THREAD } from './child-threads.js';
import { DownstreamServices } from './downstream-services.js';
import type { TaskHost } from './tasks/task-runner.js';
import type { MapRunObserver } from '../map-run-observer.js';

export const ChildStatus = { Succeeded: 0, Failed: 1, TimedOut: 2, Aborted: 3 } as const;
export type ChildStatus = (typeof ChildStatus)[keyof typeof ChildStatus];

/** What the interpreter tells the Map Run. */
export interface ChildInterpreterHooks {
  childEnded(root: number, status: ChildStatus): void;
  recordGauges(): void;
  throttled(nowMs: number): void;
  /** A thread of child `root` waits `ms` before a retry; `afterThrottle` when a throttle caused it. */
  retryWait(root: number, ms: number, afterThrottle: boolean): void;
  /** A thread of child `root` spends `ms` in a cold start. */
  coldStart(root: number, ms: number): void;
}

const NO_STATE = -1;

export class ChildInterpreter implements TaskHost {
  readonly threads: ChildThreads;
  readonly program: ChildProgram;
  readonly services: DownstreamServices;
  private readonly states: CompiledState[];
  private readonly express: boolean;
  private readonly drawTransitionLatencyMs: Draw;
  private readonly retryRng: Rng;
  private readonly statesTimeout: number;
  readonly gauges: ChildInterpreterHooks;

  // Counters.
  attempts = 0;
  throttles = 0;
  /** Set by countThrottle for the attemptFailed that follows it at once. */
  private lastAttemptThrottled = false;
  retries = 0;
  caught = 0;
  childTransitions = 0;
  readonly requestsByPriceKey = new Map<string, number>();

  // Event handlers, created once; the payload says which thread. Each first checks that
  // its thread has not ended since (cancelled, aborted, timed out): -1 then.
  private readonly onChildStarted = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.walk(thread, this.program.start, 0);
  };
  private readonly onRun = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.run(thread);
  };
  private readonly onRetry = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.pass(thread, 1, 0, this.stateOf(thread).runHandler);
  };
  private readonly onBranchSucceeded = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.branchSucceeded(thread);
  };
  private readonly onBranchFailed = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.branchFailed(thread, this.threads.outcome[thread] as number);
  };
  private readonly onWaitOver = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.stateSucceeded(thread);
  };
  private readonly onExpressTimeout = (payload: number) => {
    const root = this.threads.current(payload);
    if (root >= 0) this.endChild(root, ChildStatus.TimedOut);
  };
  readonly onTaskTimeout = (payload: number) => {
    const thread = this.threads.current(payload);
    if (thread >= 0) this.attemptFailed(thread, this.statesTimeout);
  };

  constructor(
    scenario: Scenario,
    readonly kernel: SimulationKernel,
    readonly errors: ErrorTally,
    key: StreamKey,
    private readonly transitionBucket: TokenBucket,
    private readonly hooks: ChildInterpreterHooks,
    maxChildren: number,
    readonly observer?: MapRunObserver,
  ) {
    this.gauges = hooks;
    this.express = scenario.executionType === 'EXPRESS';
    this.services = new DownstreamServices(scenario, this, key);
    this.program = compileChildProgram(scenario.childWorkflow, this.services, errors, key);
    this.states = this.program.states;
    // A Task's runner starts it straight from the event: one dispatch fewer per attempt.
    for (const state of this.states) state.runHandler = state.task !== null ? state.task.onStart : this.onRun;
    // Without Parallel or inline Map a child is one thread, so MaxConcurrency bounds them.
    this.threads = new ChildThreads(this.program.forks ? MAX_THREADS : maxChildren, this.program.retrierStride, this.program.forks);
    this.drawTransitionLatencyMs = drawFrom(scenario.childWorkflow.transitionLatencyMs, key, 'childWorkflow.transitionLatency');
    this.retryRng = deriveStream(key.seed, key.replication, 'childWorkflow.retryJitter');
    this.statesTimeout = errors.code(STATES_TIMEOUT);
  }

  // ---- Children, as the Map Run sees them --------------------------------------------

  /**
   * A new child execution over `items`, started (after the start-rate wait) at `startMs`,
   * whose first state runs `runningInMs` from now.
   */
  /** Returns the child's root slot. */
  startChild(items: number, startMs: number, runningInMs: number): number {
    const threads = this.threads;
    const root = threads.acquire(NO_THREAD);
    threads.items[root] = items;
    threads.startMs[root] = startMs;
    threads.poison[root] = this.services.hasPoison ? this.services.drawPoison(items) : 0;
    // Express children draw no transition tokens, so their first states can be timed at
    // once: one event fewer per child.
    if (this.express) this.walk(root, this.program.start, runningInMs);
    else this.kernel.schedule(runningInMs, this.onChildStarted, threads.payloadOf(root));
    return root;
  }

  /** Ends every thread of a child (the Map Run aborts it); the Map Run then releases it. */
  abortChild(root: number): void {
    this.threads.releaseDescendants(root);
  }

  releaseChild(root: number): void {
    this.threads.release(root);
  }

  // ---- Walking through states ------------------------------------------------------

  /**
   * Enters states from `from` until one that waits or the end of the branch, then
   * schedules what follows after the transition time of every state entered (plus
   * `extraDelayMs`). Ending a branch without entering a state happens at once.
   */
  private walk(thread: number, from: number, extraDelayMs: number): void {
    const states = this.states;
    let at = from;
    let entered = 0;
    for (;;) {
      if (at === NO_STATE) {
        if (entered === 0 && extraDelayMs === 0) this.branchSucceeded(thread);
        else this.pass(thread, entered, extraDelayMs, this.onBranchSucceeded);
        return;
      }
      const state = states[at] as CompiledState;
      entered++;
      switch (state.kind) {
        case StateKind.Pass:
          at = state.next;
          continue;
        case StateKind.Choice:
          at = this.choose(state);
          if (at === NO_STATE) {
            this.threads.outcome[thread] = state.errorCode;
            this.pass(thread, entered, extraDelayMs, this.onBranchFailed);
            return;
          }
          continue;
        case StateKind.Succeed:
          this.pass(thread, entered, extraDelayMs, this.onBranchSucceeded);
          return;
        case StateKind.Fail:
          this.threads.outcome[thread] = state.errorCode;
          this.pass(thread, entered, extraDelayMs, this.onBranchFailed);
          return;
        default:
          this.threads.state[thread] = at;
          this.threads.clearRetries(thread);
          this.pass(thread, entered, extraDelayMs, state.runHandler);
          return;
      }
    }
  }

  /** Passes `count` states (Standard: drawing transition tokens), then runs `next`. */
  private pass(thread: number, count: number, extraDelayMs: number, next: (payload: number) => void): void {
    let delayMs = extraDelayMs + this.transitionDelayMs(count);
    if (!this.express) {
      this.childTransitions += count;
      delayMs += this.transitionBucket.reserve(count, this.kernel.nowMs) - this.kernel.nowMs;
    }
    this.scheduleForThread(thread, delayMs, next);
  }

  private transitionDelayMs(count: number): number {
    let delayMs = 0;
    for (let i = 0; i < count; i++) delayMs += this.drawTransitionLatencyMs();
    return delayMs;
  }

  private choose(state: CompiledState): number {
    const u = (state.choiceRng as Rng)();
    const cumulative = state.choiceCumulative;
    for (let i = 0; i < cumulative.length; i++) if (u < (cumulative[i] as number)) return state.choiceTargets[i] as number;
    return state.choiceDefault;
  }

  /** Schedules a thread's next step, unless the Express 5-minute limit ends its child first. */
  scheduleForThread(thread: number, delayMs: number, next: (payload: number) => void): void {
    if (this.express) {
      const deadlineInMs = (this.threads.startMs[thread] as number) + EXPRESS_MAX_DURATION_MS - this.kernel.nowMs;
      if (delayMs > deadlineInMs) {
        this.kernel.schedule(Math.max(0, deadlineInMs), this.onExpressTimeout, this.threads.payloadOf(this.threads.rootOf(thread)));
        return;
      }
    }
    this.kernel.schedule(delayMs, next, this.threads.payloadOf(thread));
  }


  // ---- States that wait -------------------------------------------------------------

  /** The state the thread is in. */
  stateOf(thread: number): CompiledState {
    return this.states[this.threads.state[thread] as number] as CompiledState;
  }

  private run(thread: number): void {
    const state = this.states[this.threads.state[thread] as number] as CompiledState;
    switch (state.kind) {
      // Task states are started by their runner's own handler (runHandler).
      case StateKind.Wait:
        this.scheduleForThread(thread, (state.drawWaitMs as Draw)(), this.onWaitOver);
        return;
      case StateKind.Parallel:
        this.startBranches(thread, state);
        return;
      case StateKind.Map:
        this.startIterations(thread, state);
        return;
    }
  }

  private startBranches(thread: number, state: CompiledState): void {
    const threads = this.threads;
    const starts = state.branchStarts;
    threads.running[thread] = starts.length;
    for (let i = 0; i < starts.length; i++) {
      const branch = threads.acquire(thread);
      threads.items[branch] = threads.items[thread] as number;
      threads.poison[branch] = threads.poison[thread] as number;
      this.walk(branch, starts[i] as number, 0);
    }
  }

  private startIterations(thread: number, state: CompiledState): void {
    const threads = this.threads;
    const items = threads.items[thread] as number;
    const iterations = state.drawIterations ? Math.max(0, Math.round(state.drawIterations())) : Math.ceil(items / state.itemsPerIteration);
    if (iterations === 0) {
      this.stateSucceeded(thread);
      return;
    }
    threads.running[thread] = 0;
    threads.iterationsLeft[thread] = iterations;
    // The Map state's output is the array of its iterations' outputs: past the payload
    // limit it fails once they have all run.
    threads.outcome[thread] = iterations * state.outputBytesPerIteration > MAX_PAYLOAD_BYTES ? state.errorCode : -1;
    const atOnce = Math.min(iterations, state.maxConcurrency);
    for (let i = 0; i < atOnce; i++) this.startIteration(thread, state);
  }

  private startIteration(thread: number, state: CompiledState): void {
    const threads = this.threads;
    const left = threads.iterationsLeft[thread] as number;
    threads.iterationsLeft[thread] = left - 1;
    threads.running[thread] = (threads.running[thread] as number) + 1;
    const iteration = threads.acquire(thread);
    // Over the batch, the last iteration takes what the others left; otherwise one item each.
    const per = state.itemsPerIteration;
    const items = state.drawIterations ? 1 : left === 1 ? (threads.items[thread] as number) - per * (Math.ceil((threads.items[thread] as number) / per) - 1) : per;
    threads.items[iteration] = items;
    threads.poison[iteration] = this.services.drawPoison(items);
    this.walk(iteration, state.iteratorStart, 0);
  }

  // ---- Ends of states, branches and children ----------------------------------------

  attemptSucceeded(thread: number): void {
    this.walk(thread, (this.states[this.threads.state[thread] as number] as CompiledState).next, 0);
  }

  /** The thread's current state is done: on to its Next. */
  private stateSucceeded(thread: number): void {
    this.walk(thread, (this.states[this.threads.state[thread] as number] as CompiledState).next, 0);
  }

  /** Retry, Catch or fail, as the state's Retry and Catch say. */
  attemptFailed(thread: number, errorCode: number): void {
    this.errors.count(errorCode);
    this.stateFailed(thread, errorCode);
  }

  private stateFailed(thread: number, errorCode: number): void {
    const afterThrottle = this.lastAttemptThrottled;
    this.lastAttemptThrottled = false;
    const state = this.states[this.threads.state[thread] as number] as CompiledState;
    const error = this.errors.name(errorCode);
    const threads = this.threads;
    const delayMs = state.retry.nextRetryDelayMsAt(error, threads.retryCounters, threads.retryBase(thread, state.retryOffset), this.retryRng);
    if (delayMs >= 0) {
      threads.retried[thread] = 1;
      this.retries++;
      this.hooks.retryWait(threads.rootOf(thread), delayMs, afterThrottle);
      this.scheduleForThread(thread, delayMs, this.onRetry);
      return;
    }
    const catcher = state.catchPolicy.indexFor(error);
    if (catcher < 0) {
      this.branchFailed(thread, errorCode);
      return;
    }
    this.caught++;
    this.walk(thread, state.catchNext[catcher] as number, 0);
  }

  /** A thread reached the end of its states. */
  private branchSucceeded(thread: number): void {
    const threads = this.threads;
    const parent = threads.parent[thread] as number;
    if (parent === NO_THREAD) {
      this.endChild(thread, ChildStatus.Succeeded);
      return;
    }
    threads.release(thread);
    threads.running[parent] = (threads.running[parent] as number) - 1;
    const state = this.states[threads.state[parent] as number] as CompiledState;
    if (state.kind === StateKind.Map && (threads.iterationsLeft[parent] as number) > 0) this.startIteration(parent, state);
    if (threads.running[parent] !== 0) return;
    const outputTooLarge = state.kind === StateKind.Map ? (threads.outcome[parent] as number) : -1;
    if (outputTooLarge >= 0) this.attemptFailed(parent, outputTooLarge);
    else this.stateSucceeded(parent);
  }

  /** A thread failed with an error nothing caught: its Parallel or Map fails, with its siblings stopped; or the child fails. */
  private branchFailed(thread: number, errorCode: number): void {
    const threads = this.threads;
    const parent = threads.parent[thread] as number;
    if (parent === NO_THREAD) {
      this.endChild(thread, ChildStatus.Failed);
      return;
    }
    threads.releaseDescendants(parent);
    threads.running[parent] = 0;
    threads.iterationsLeft[parent] = 0;
    this.stateFailed(parent, errorCode);
  }

  private endChild(root: number, status: ChildStatus): void {
    this.threads.releaseDescendants(root);
    this.hooks.childEnded(root, status);
  }

  // ---- TaskHost ----------------------------------------------------------------------

  countAttempt(): void {
    this.attempts++;
  }

  countThrottle(nowMs: number): void {
    this.throttles++;
    this.lastAttemptThrottled = true;
    this.hooks.throttled(nowMs);
  }

  coldStarted(thread: number, initMs: number): void {
    this.hooks.coldStart(this.threads.rootOf(thread), initMs);
  }

  billRequests(state: CompiledState, items: number): void {
    for (const [key, perItem] of state.requestsPerItem) this.requestsByPriceKey.set(key, (this.requestsByPriceKey.get(key) ?? 0) + perItem * items);
  }

}
