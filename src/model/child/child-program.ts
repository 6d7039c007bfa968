/**
 * A child workflow compiled for the interpreter: every state of the child, of its
 * Parallel branches and of its inline Maps' ItemProcessors in one flat array, each
 * pointing at the next by index (-1: the end of its branch). States are data; the
 * interpreter has one handler per state type.
 *
 * The short form compiles to the same thing: `statesBeforeTask` Pass states, the Lambda
 * task, `statesAfterTask` Pass states, and for each catcher a Pass (outcome SUCCEEDED)
 * or Fail (outcome FAILED) state to go to. That is why one interpreter serves both and
 * gives the short form exactly the events and draws it always had.
 */
import { INLINE_MAP_MAX_CONCURRENCY } from '../../aws/service-integrations.js';
import { parseTaskResource, type TaskResource } from '../../aws/task-resource.js';
import { deriveStream, type Rng } from '../../random/index.js';
import type { ChildStateConfig, StateScopeConfig, TaskStateConfig } from '../../scenario/child-states-schema.js';
import type { ChildWorkflowConfig } from '../../scenario/child-workflow-schema.js';
import type { ErrorTally } from '../error-tally.js';
import { drawFrom, type Draw, type StreamKey } from '../random-sources.js';
import { CatchPolicy, RetryPolicy, type Retrier } from '../retry-policy.js';
import type { TaskRunner } from './tasks/task-runner.js';

export const StateKind = { Pass: 0, Wait: 1, Choice: 2, Succeed: 3, Fail: 4, Task: 5, Parallel: 6, Map: 7 } as const;
export type StateKind = (typeof StateKind)[keyof typeof StateKind];


const NO_STATE = -1;
const NO_RETRY = new RetryPolicy([]);
const NO_CATCH = new CatchPolicy([]);
// Shared by every state that has none: compiled once per replication, states stay cheap to make.
const NO_NUMBERS = new Float64Array(0);
const NO_INDICES = new Int32Array(0);

/** One state, with every field any state type uses, so the interpreter sees one shape. */
export class CompiledState {
  next = NO_STATE;
  // Choice: cumulative probabilities of the rules and their targets; then the Default.
  choiceCumulative = NO_NUMBERS;
  choiceTargets = NO_INDICES;
  choiceDefault = NO_STATE;
  choiceRng: Rng | null = null;
  // Wait.
  drawWaitMs: Draw | null = null;
  // Fail: the error name, interned.
  errorCode = -1;
  // Task, Parallel, Map: error handling and limits.
  retry: RetryPolicy = NO_RETRY;
  /** Where this state's retry counters start within a thread's row. */
  retryOffset = 0;
  catchPolicy: CatchPolicy = NO_CATCH;
  catchNext = NO_INDICES;
  timeoutMs = Infinity;
  heartbeatMs = Infinity;
  task: TaskRunner | null = null;
  /** Event handler that runs this state for a thread: its task's own, or the interpreter's. Set by the interpreter. */
  runHandler: (payload: number) => void = () => undefined;
  /** requestsPerItem, as [price key, requests per item] pairs. */
  requestsPerItem: [string, number][] = [];
  billsRequests = false;
  // Parallel: where each branch starts.
  branchStarts = NO_INDICES;
  // Map: its ItemProcessor, how many iterations run at once, and how they split the items.
  iteratorStart = NO_STATE;
  maxConcurrency = INLINE_MAP_MAX_CONCURRENCY;
  itemsPerIteration = 1;
  drawIterations: Draw | null = null;
  outputBytesPerIteration = 0;

  constructor(
    readonly name: string,
    /** Field path in the scenario, e.g. `childWorkflow.states.Store`. */
    readonly path: string,
    readonly kind: StateKind,
  ) {}
}

export interface ChildProgram {
  states: CompiledState[];
  start: number;
  /** Retry counters per thread: the sum of every state's retriers. */
  retrierStride: number;
  /** True when a thread can start others (Parallel, inline Map). */
  forks: boolean;
}

export interface TaskFactory {
  /** The function a Lambda Task state invokes: `function` of `functions`, or the `lambda` block when undefined. */
  lambda(functionName: string | undefined): TaskRunner;
  /** Any other task kind, one runner per state. */
  service(config: TaskStateConfig, resource: TaskResource, path: string): TaskRunner;
}

/** Compiles the child (short or long form) of a scenario. */
export function compileChildProgram(child: ChildWorkflowConfig, tasks: TaskFactory, errors: ErrorTally, key: StreamKey): ChildProgram {
  const compiler = new Compiler(tasks, errors, key);
  const start = child.states === undefined ? compiler.shortForm(child) : compiler.scope({ startAt: child.startAt, states: child.states }, 'childWorkflow');
  return { states: compiler.states, start, retrierStride: compiler.retrierStride, forks: compiler.forks };
}

class Compiler {
  readonly states: CompiledState[] = [];
  retrierStride = 0;
  forks = false;

  constructor(
    private readonly tasks: TaskFactory,
    private readonly errors: ErrorTally,
    private readonly key: StreamKey,
  ) {}

  shortForm(child: ChildWorkflowConfig): number {
    const before = child.statesBeforeTask;
    const after = child.statesAfterTask;
    const add = (name: string, kind: StateKind) => this.states[this.add(new CompiledState(name, `childWorkflow.${name}`, kind))] as CompiledState;
    for (let i = 0; i < before; i++) add(`statesBeforeTask[${i}]`, StateKind.Pass).next = i + 1;
    const taskIndex = this.states.length;
    const task = add('task', StateKind.Task);
    for (let i = 0; i < after; i++) add(`statesAfterTask[${i}]`, StateKind.Pass).next = i + 1 < after ? taskIndex + 2 + i : NO_STATE;
    task.next = after > 0 ? taskIndex + 1 : NO_STATE;
    task.task = this.tasks.lambda(undefined);
    task.timeoutMs = child.taskTimeoutSeconds === undefined ? Infinity : child.taskTimeoutSeconds * 1000;
    this.errorHandling(task, child.retry);
    task.catchPolicy = new CatchPolicy(child.catch);
    task.catchNext = Int32Array.from(child.catch, (catcher, i) => {
      const index = this.states.length;
      add(`catch[${i}]`, catcher.outcome === 'SUCCEEDED' ? StateKind.Pass : StateKind.Fail).errorCode = this.errors.code('States.Fail');
      return index;
    });
    return before > 0 ? 0 : taskIndex;
  }

  /** Compiles a scope's states; returns the index of its StartAt. */
  scope(scope: StateScopeConfig, at: string): number {
    const names = Object.keys(scope.states);
    const first = this.states.length;
    const indexOf = new Map(names.map((name, i) => [name, first + i]));
    for (const name of names) {
      const state = scope.states[name] as ChildStateConfig;
      this.add(new CompiledState(name, `${at}.states.${name}`, StateKind[state.type]));
    }
    const target = (name: string | undefined) => (name === undefined ? NO_STATE : (indexOf.get(name) as number));
    names.forEach((name, i) => this.fill(this.states[first + i] as CompiledState, scope.states[name] as ChildStateConfig, target));
    return target(scope.startAt ?? names[0]);
  }

  private fill(compiled: CompiledState, state: ChildStateConfig, target: (name: string | undefined) => number): void {
    switch (state.type) {
      case 'Pass':
        compiled.next = target(state.next);
        break;
      case 'Wait':
        compiled.next = target(state.next);
        compiled.drawWaitMs = drawFrom(state.durationMs ?? { type: 'constant', value: (state.seconds ?? 0) * 1000 }, this.key, `${compiled.path}.wait`);
        break;
      case 'Choice': {
        let cumulative = 0;
        compiled.choiceCumulative = Float64Array.from(state.choices, (rule) => (cumulative += rule.probability));
        compiled.choiceTargets = Int32Array.from(state.choices, (rule) => target(rule.next));
        compiled.choiceDefault = target(state.default);
        compiled.choiceRng = deriveStream(this.key.seed, this.key.replication, `${compiled.path}.choice`);
        compiled.errorCode = this.errors.code('States.NoChoiceMatched');
        break;
      }
      case 'Succeed':
        break;
      case 'Fail':
        compiled.errorCode = this.errors.code(state.error);
        break;
      case 'Task': {
        compiled.next = target(state.next);
        const resource = parseTaskResource(state.resource);
        if (!resource) throw new RangeError(`${compiled.path}.resource: not a task Resource ARN: ${state.resource}`);
        compiled.task = resource.kind === 'lambda' ? this.tasks.lambda(state.function) : this.tasks.service(state, resource, compiled.path);
        compiled.timeoutMs = state.timeoutSeconds === undefined ? Infinity : state.timeoutSeconds * 1000;
        compiled.heartbeatMs = state.heartbeatSeconds === undefined ? Infinity : state.heartbeatSeconds * 1000;
        compiled.requestsPerItem = Object.entries(state.requestsPerItem).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0);
        compiled.billsRequests = compiled.requestsPerItem.length > 0;
        this.catching(compiled, state, target);
        break;
      }
      case 'Parallel':
        this.forks = true;
        compiled.next = target(state.next);
        compiled.branchStarts = Int32Array.from(state.branches, (branch, i) => this.scope(branch, `${compiled.path}.branches[${i}]`));
        this.catching(compiled, state, target);
        break;
      case 'Map':
        this.forks = true;
        compiled.next = target(state.next);
        compiled.maxConcurrency = state.maxConcurrency === 0 ? INLINE_MAP_MAX_CONCURRENCY : Math.min(state.maxConcurrency, INLINE_MAP_MAX_CONCURRENCY);
        compiled.itemsPerIteration = state.itemsPerIteration;
        compiled.outputBytesPerIteration = state.outputBytesPerIteration;
        compiled.errorCode = this.errors.code('States.DataLimitExceeded');
        if (state.iterations !== undefined) compiled.drawIterations = drawFrom(state.iterations, this.key, `${compiled.path}.iterations`);
        compiled.iteratorStart = this.scope(state.itemProcessor, `${compiled.path}.itemProcessor`);
        this.catching(compiled, state, target);
        break;
    }
  }

  private catching(compiled: CompiledState, state: { retry: Retrier[]; catch: { errorEquals: string[]; next: string }[] }, target: (name: string) => number): void {
    this.errorHandling(compiled, state.retry);
    compiled.catchPolicy = new CatchPolicy(state.catch);
    compiled.catchNext = Int32Array.from(state.catch, (catcher) => target(catcher.next));
  }

  private errorHandling(compiled: CompiledState, retry: Retrier[]): void {
    compiled.retry = new RetryPolicy(retry);
    compiled.retryOffset = this.retrierStride;
    this.retrierStride += retry.length;
  }

  private add(state: CompiledState): number {
    this.states.push(state);
    return this.states.length - 1;
  }
}
