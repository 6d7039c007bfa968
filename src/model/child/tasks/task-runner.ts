/**
 * What a kind of task needs from the child interpreter, and what the interpreter asks of
 * a task. A task kind (a Lambda function, a service call, a nested execution, ...) is one
 * TaskRunner: it starts one attempt of a Task state for a thread and ends it, at once or
 * from an event, with `attemptSucceeded` or `attemptFailed`. Retry, Catch and the Express
 * limit stay with the interpreter, so every kind gets them the same way.
 */
import type { EventHandler, SimulationKernel } from '../../../core/index.js';
import type { ErrorTally } from '../../error-tally.js';
import type { ChildThreads } from '../child-threads.js';
import type { CompiledState } from '../child-program.js';
import type { MapRunObserver } from '../../map-run-observer.js';

export interface TaskHost {
  readonly kernel: SimulationKernel;
  readonly threads: ChildThreads;
  readonly errors: ErrorTally;
  /** Attempts of every task, throttled ones included. */
  countAttempt(): void;
  /** An attempt was throttled (a Lambda 429 or a service quota): counted and charted. */
  countThrottle(nowMs: number): void;
  /** A new execution environment spends `initMs` starting for the thread's attempt. */
  coldStarted(thread: number, initMs: number): void;
  /** Billed requests the attempt caused, by price key (requestsPerItem). */
  billRequests(state: CompiledState, items: number): void;
  attemptSucceeded(thread: number): void;
  attemptFailed(thread: number, errorCode: number): void;
  /** Schedules a thread's next step, unless the Express 5-minute limit ends its child first. */
  scheduleForThread(thread: number, delayMs: number, handler: EventHandler): void;
  /** The state a thread is in. */
  stateOf(thread: number): CompiledState;
  /** Handler: the thread's task attempt ran past TimeoutSeconds (States.Timeout). */
  readonly onTaskTimeout: EventHandler;
  /** Records the Map Run's gauges (running children, invocations, environments) after a change. */
  readonly gauges: { recordGauges(): void };
  /** Sees every invocation, when a tool asked (map-run-observer.ts). */
  readonly observer?: MapRunObserver | undefined;
}

export interface TaskRunner {
  /** Starts one attempt of the Task state `state` for `thread`. */
  start(thread: number, state: CompiledState): void;
  /** Event handler (payload: the thread) that starts an attempt of the state the thread is in. */
  readonly onStart: EventHandler;
}
