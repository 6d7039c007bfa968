/**
 * A Distributed Map's ItemProcessor → the scenario's `childWorkflow`: the states a
 * child passes through before and after its Lambda task (each one state transition),
 * and the task's Retry, Catch and TimeoutSeconds.
 *
 * The simulator models a child as: states before, one Lambda task, states after. A real
 * child may branch, wait or call other services, so the import approximates, and says so
 * in an 'unsupported' note each time:
 * - a Choice counts one transition, and the path follows its Default (or, without one,
 *   its first rule's Next); the other branches are not modelled;
 * - Wait states, other Task states and further Lambda tasks count one transition each;
 *   their time must be folded into the Lambda durations;
 * - a Parallel or Map state inside the child counts one transition; its inner states do not;
 * - a Catch's outcome is FAILED when the path from its Next ends in a Fail state, else
 *   SUCCEEDED; the transitions on that path are not counted.
 * Pure.
 */
import { readNumberField } from './field-value.js';
import { isDistributed, type FoundMap } from './find-distributed-maps.js';
import { NoteList } from './import-notes.js';
import { renderIntrinsic } from './intrinsics.js';
import { isObject, objectOrEmpty, plural, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { findFunctionResource } from './template-functions.js';

interface Step {
  name: string;
  state: JsonObject;
  /** The state the counted path goes to next, if any. */
  next?: string;
}

/** How a Lambda task names its function. */
export type LambdaTarget =
  | { kind: 'reference'; reference: unknown; from: string }
  | { kind: 'runtime'; message: string; from: string };

export interface ChildWorkflowImport {
  childWorkflow: JsonObject;
  /** The Lambda task simulated, if the child has one. */
  task?: { name: string; from: string; target: LambdaTarget };
}

const LAMBDA_INVOKE = /^arn:aws[\w-]*:states:::(aws-sdk:)?lambda:invoke(\.\w+)?$/;
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:/;

/** The function a Task state invokes, or undefined when it is not a Lambda task. */
export function lambdaTarget(state: JsonObject, at: string, template?: TemplateInfo): LambdaTarget | undefined {
  if (state['Type'] !== 'Task') return undefined;
  const resource = renderIntrinsic(state['Resource']);
  if (LAMBDA_INVOKE.test(resource)) {
    const key = 'Parameters' in state ? 'Parameters' : 'Arguments';
    const args = objectOrEmpty(state[key]);
    if (args['FunctionName.$'] !== undefined) {
      return { kind: 'runtime', message: `FunctionName.$ ${JSON.stringify(args['FunctionName.$'])} picks the function when the state runs`, from: `${at}.${key}.FunctionName.$` };
    }
    const name = args['FunctionName'];
    if (typeof name === 'string' && /^\s*\{%/.test(name)) {
      return { kind: 'runtime', message: `FunctionName is the JSONata expression ${JSON.stringify(name)}, evaluated when the state runs`, from: `${at}.${key}.FunctionName` };
    }
    return { kind: 'reference', reference: name, from: `${at}.${key}.FunctionName` };
  }
  if (LAMBDA_ARN.test(resource) || (resource.includes('${') && findFunctionResource(resource, template))) {
    return { kind: 'reference', reference: resource, from: `${at}.Resource` };
  }
  return undefined;
}

export function childWorkflowToScenario(map: FoundMap, notes: NoteList, template?: TemplateInfo): ChildWorkflowImport {
  const processor = objectOrEmpty(map.state['ItemProcessor']);
  const states = objectOrEmpty(processor['States']);
  const at = `${map.pathText}.ItemProcessor`;
  const stateAt = (name: string) => `${at}.States.${name}`;
  const isLambda = (step: Step) => lambdaTarget(step.state, stateAt(step.name), template) !== undefined;

  const main = followPath(states, String(processor['StartAt']));
  let before: Step[];
  let task: Step | undefined;
  let after: Step[];
  let loop = main.loopsTo;
  const index = main.steps.findIndex(isLambda);
  if (index >= 0) {
    before = main.steps.slice(0, index);
    task = main.steps[index];
    after = main.steps.slice(index + 1);
  } else {
    const route = shortestRouteTo(states, String(processor['StartAt']), isLambda);
    if (route) {
      task = route[route.length - 1] as Step;
      before = route.slice(0, -1);
      const rest = followPath(states, nextOf(task.state));
      after = rest.steps;
      loop = rest.loopsTo;
      notes.unsupported(
        'childWorkflow.statesBeforeTask',
        `the Lambda task "${task.name}" is reached only through a Choice rule that is not the default: states counted along the shortest route to it (${names(route)})`,
        stateAt(task.name),
      );
    } else {
      // No Lambda task at all: the first Task (or Map, Parallel) stands in for it, so the
      // transitions still add up, and the user describes the child's work as Lambda time.
      const standIn = Math.max(0, main.steps.findIndex((s) => ['Task', 'Map', 'Parallel'].includes(String(s.state['Type']))));
      before = main.steps.slice(0, standIn);
      after = main.steps.slice(standIn + 1);
      const work = main.steps[standIn];
      const nested = work && work.state['Type'] === 'Map' && isDistributed(work.state) ? `; "${work.name}" is a Distributed Map with a Map Run of its own: import it separately with --map` : '';
      notes.unsupported(
        'lambda',
        `the child workflow invokes no Lambda function (it runs ${names(main.steps)}); the simulator models each child as one Lambda invocation: ${work ? `"${work.name}" stands in for it, and ` : ''}lambda.invocationOverheadMs and lambda.perItemDurationMs must describe the child's work (the Lambda cost then stands for the child's own)${nested}`,
        at,
      );
    }
  }

  const childWorkflow: JsonObject = { statesBeforeTask: before.length, statesAfterTask: after.length };
  const what = task ? `the Lambda task "${task.name}"` : 'the task';
  notes.read('childWorkflow.statesBeforeTask', `${plural(before.length, 'state')} before ${what}${before.length > 0 ? `: ${names(before)}` : ''}`, `${at}.StartAt`);
  notes.read('childWorkflow.statesAfterTask', `${plural(after.length, 'state')} after it${after.length > 0 ? `: ${names(after)}` : ''}`, task ? stateAt(task.name) : at);
  describeSkipped(before, 'childWorkflow.statesBeforeTask', stateAt, notes, template);
  describeSkipped(after, 'childWorkflow.statesAfterTask', stateAt, notes, template);
  if (loop !== undefined) {
    notes.unsupported('childWorkflow.statesAfterTask', `the path loops back to "${loop}": each state on it is counted once`, stateAt(loop));
  }
  if (!task) return { childWorkflow };

  const taskAt = stateAt(task.name);
  const target = lambdaTarget(task.state, taskAt, template);
  if (typeof task.state['Resource'] === 'string' && /\.waitForTaskToken$/.test(task.state['Resource'])) {
    notes.unsupported('lambda', `"${task.name}" waits for a task token (.waitForTaskToken): the wait for the callback is not modelled, only the invocation`, `${taskAt}.Resource`);
  }
  const retry = task.state['Retry'];
  if (Array.isArray(retry) && retry.length > 0) {
    childWorkflow['retry'] = retry.map((r) => retrier(objectOrEmpty(r)));
    notes.read('childWorkflow.retry', `Retry of "${task.name}": ${retry.length} ${retry.length === 1 ? 'retrier' : 'retriers'}`, `${taskAt}.Retry`);
  } else {
    notes.read('childWorkflow.retry', `"${task.name}" has no Retry: none`, taskAt);
  }
  const catchers = task.state['Catch'];
  if (Array.isArray(catchers) && catchers.length > 0) {
    childWorkflow['catch'] = catchers.map((c, i) => {
      const catcher = objectOrEmpty(c);
      const fallback = followPath(states, String(catcher['Next']));
      const last = fallback.steps[fallback.steps.length - 1];
      const outcome = last?.state['Type'] === 'Fail' ? 'FAILED' : 'SUCCEEDED';
      notes.read(
        'childWorkflow.catch',
        `Catch[${i}] → ${names(fallback.steps)}: ${outcome}${fallback.steps.length > 1 ? ` (the ${fallback.steps.length} states on that path are not counted as transitions)` : ''}`,
        `${taskAt}.Catch[${i}]`,
      );
      return { errorEquals: catcher['ErrorEquals'], outcome };
    });
  }
  const timeout = readNumberField(task.state, 'TimeoutSeconds', taskAt, template);
  if (timeout.kind === 'value') {
    childWorkflow['taskTimeoutSeconds'] = timeout.value;
    notes.read('childWorkflow.taskTimeoutSeconds', `TimeoutSeconds ${timeout.value} of "${task.name}"${timeout.via ? `, ${timeout.via}` : ''}`, timeout.from);
  } else if (timeout.kind !== 'absent') {
    childWorkflow['taskTimeoutSeconds'] = null;
    notes.add({ field: 'childWorkflow.taskTimeoutSeconds', kind: timeout.kind === 'invalid' ? 'required' : timeout.kind, message: timeout.message, from: timeout.from });
  }
  return { childWorkflow, task: { name: task.name, from: taskAt, target: target as LambdaTarget } };
}

/** Notes on the states counted only as transitions: what about them is not modelled. */
function describeSkipped(steps: Step[], field: string, stateAt: (name: string) => string, notes: NoteList, template?: TemplateInfo): void {
  for (const { name, state, next } of steps) {
    const type = state['Type'];
    const at = stateAt(name);
    if (type === 'Choice') {
      const how =
        next !== undefined && next === state['Default']
          ? `its Default "${next}"`
          : next !== undefined && next === nextOf(state)
            ? `its first rule's Next "${next}" (it has no Default)`
            : `a rule to "${next}", on the route to the Lambda task`;
      notes.unsupported(field, `Choice "${name}" counts one transition; the path follows ${how}, other branches are not modelled`, at);
    } else if (type === 'Wait') {
      const wait = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'].find((k) => state[k] !== undefined);
      notes.unsupported(field, `Wait "${name}" counts one transition; its wait${wait ? ` (${wait} ${JSON.stringify(state[wait])})` : ''} is not simulated: add it to lambda.invocationOverheadMs`, at);
    } else if (type === 'Task' && lambdaTarget(state, at, template)) {
      notes.unsupported(
        field,
        `several Lambda tasks: only the first is simulated; "${name}" counts one transition, and its time must be folded into lambda.invocationOverheadMs and lambda.perItemDurationMs (its invocations are not priced)`,
        at,
      );
    } else if (type === 'Task') {
      notes.unsupported(field, `Task "${name}" (${renderIntrinsic(state['Resource'])}) counts one transition; its run time is not simulated: fold it into lambda.invocationOverheadMs`, at);
    } else if (type === 'Map' || type === 'Parallel') {
      const mode = type === 'Map' ? String(objectOrEmpty(objectOrEmpty(state['ItemProcessor'])['ProcessorConfig'])['Mode'] ?? 'INLINE') : '';
      const nested = mode === 'DISTRIBUTED' ? '; it starts a Map Run of its own: import it separately with --map' : '';
      notes.unsupported(field, `${type} "${name}"${mode ? ` (${mode})` : ''} counts one transition; the states inside it are not counted and their time is not simulated${nested}`, at);
    }
  }
}

function retrier(r: JsonObject): JsonObject {
  const out: JsonObject = { errorEquals: r['ErrorEquals'] };
  const fields: [string, string][] = [
    ['IntervalSeconds', 'intervalSeconds'],
    ['MaxAttempts', 'maxAttempts'],
    ['BackoffRate', 'backoffRate'],
    ['MaxDelaySeconds', 'maxDelaySeconds'],
    ['JitterStrategy', 'jitterStrategy'],
  ];
  for (const [asl, scenario] of fields) if (r[asl] !== undefined) out[scenario] = r[asl];
  return out;
}

/** The state after `state` on the modelled path: Next, or a Choice's Default, or its first rule's Next. */
function nextOf(state: JsonObject): string | undefined {
  if (state['Type'] === 'Choice') {
    if (typeof state['Default'] === 'string') return state['Default'];
    const first = Array.isArray(state['Choices']) ? state['Choices'][0] : undefined;
    return isObject(first) && typeof first['Next'] === 'string' ? first['Next'] : undefined;
  }
  return typeof state['Next'] === 'string' ? state['Next'] : undefined;
}

/** The states from `start` along Next (and each Choice's Default) to the end; stops at a loop. */
function followPath(states: JsonObject, start: string | undefined): { steps: Step[]; loopsTo?: string } {
  const steps: Step[] = [];
  const seen = new Set<string>();
  let current = start;
  while (current !== undefined && isObject(states[current])) {
    if (seen.has(current)) return { steps, loopsTo: current };
    seen.add(current);
    const state = states[current] as JsonObject;
    const step: Step = { name: current, state };
    steps.push(step);
    if (state['End'] === true || state['Type'] === 'Succeed' || state['Type'] === 'Fail') break;
    current = nextOf(state);
    if (current !== undefined) step.next = current;
  }
  return { steps };
}

/** The shortest route from `start` to a state that passes `test`, over every Next, Default and Choices[].Next. */
function shortestRouteTo(states: JsonObject, start: string, test: (step: Step) => boolean): Step[] | undefined {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const state = states[name];
    if (!isObject(state)) continue;
    if (test({ name, state })) {
      const route: Step[] = [];
      let next: string | undefined;
      for (let at: string | null | undefined = name; at; at = previous.get(at)) {
        route.unshift({ name: at, state: states[at] as JsonObject, ...(next !== undefined ? { next } : {}) });
        next = at;
      }
      return route;
    }
    const targets = [state['Next'], state['Default'], ...(Array.isArray(state['Choices']) ? state['Choices'].map((c) => objectOrEmpty(c)['Next']) : [])];
    for (const target of targets) {
      if (typeof target === 'string' && !previous.has(target)) {
        previous.set(target, name);
        queue.push(target);
      }
    }
  }
  return undefined;
}

function names(steps: Step[]): string {
  return steps.map((s) => `"${s.name}"`).join(' → ');
}
