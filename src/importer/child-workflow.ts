/**
 * A Distributed Map's ItemProcessor → the short form of `childWorkflow`: the states a
 * child passes through before and after its one Lambda task (each one state
 * transition), and the task's Retry, Catch and TimeoutSeconds.
 *
 * Only for a child that fits it: Pass states, one Lambda task, Pass states, and on the
 * task's Catch paths only Pass, Succeed or Fail states (child-states.ts's
 * shortFormMisfits). Any other child is written in the long form (child-states.ts).
 * A Catch's outcome is FAILED when the path from its Next ends in a Fail state, else
 * SUCCEEDED; the transitions on that path are not counted. Pure.
 */
import { itemProcessorOf } from './child-states.js';
import { readNumberField } from './field-value.js';
import type { FoundMap } from './find-distributed-maps.js';
import { NoteList } from './import-notes.js';
import { isObject, objectOrEmpty, plural, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { retrier } from './child-states.js';
import { classifyTask, type LambdaTarget } from './task-kind.js';
import { ownValue } from '../own-key.js';

export type { LambdaTarget };

interface Step {
  name: string;
  state: JsonObject;
  /** The state the counted path goes to next, if any. */
  next?: string;
}

export interface ChildWorkflowImport {
  childWorkflow: JsonObject;
  /** The Lambda task simulated. */
  task?: { name: string; from: string; target: LambdaTarget };
}

/** The function a Task state invokes, or undefined when it is not a Lambda task. */
export function lambdaTarget(state: JsonObject, at: string, template?: TemplateInfo): LambdaTarget | undefined {
  if (state['Type'] !== 'Task') return undefined;
  const kind = classifyTask(state, at, template);
  return kind.kind === 'lambda' ? kind.target : undefined;
}

export function childWorkflowToScenario(map: FoundMap, notes: NoteList, template?: TemplateInfo): ChildWorkflowImport {
  const { processor, key } = itemProcessorOf(map.state);
  const states = objectOrEmpty(processor['States']);
  const at = `${map.pathText}.${key}`;
  const stateAt = (name: string) => `${at}.States.${name}`;

  const main = followPath(states, String(processor['StartAt']));
  const index = main.steps.findIndex((step) => lambdaTarget(step.state, stateAt(step.name), template) !== undefined);
  const task = main.steps[index];
  const before = main.steps.slice(0, Math.max(0, index));
  const after = main.steps.slice(index + 1);

  const childWorkflow: JsonObject = { statesBeforeTask: before.length, statesAfterTask: after.length };
  const what = task ? `the Lambda task "${task.name}"` : 'the task';
  notes.read('childWorkflow.statesBeforeTask', `${plural(before.length, 'state')} before ${what}${before.length > 0 ? `: ${names(before)}` : ''}`, `${at}.StartAt`);
  notes.read('childWorkflow.statesAfterTask', `${plural(after.length, 'state')} after it${after.length > 0 ? `: ${names(after)}` : ''}`, task ? stateAt(task.name) : at);
  if (main.loopsTo !== undefined) {
    notes.unsupported('childWorkflow.statesAfterTask', `the path loops back to "${main.loopsTo}": each state on it is counted once`, stateAt(main.loopsTo));
  }
  if (!task) return { childWorkflow };

  const taskAt = stateAt(task.name);
  const kind = classifyTask(task.state, taskAt, template);
  for (const note of kind.notes) if (note.short !== undefined) notes.add({ field: 'lambda', kind: note.kind, message: note.short, from: note.from });
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
  return { childWorkflow, task: { name: task.name, from: taskAt, target: lambdaTarget(task.state, taskAt, template) as LambdaTarget } };
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
  while (current !== undefined && isObject(ownValue(states, current))) {
    if (seen.has(current)) return { steps, loopsTo: current };
    seen.add(current);
    const state = ownValue(states, current) as JsonObject;
    const step: Step = { name: current, state };
    steps.push(step);
    if (state['End'] === true || state['Type'] === 'Succeed' || state['Type'] === 'Fail') break;
    current = nextOf(state);
    if (current !== undefined) step.next = current;
  }
  return { steps };
}

function names(steps: Step[]): string {
  return steps.map((s) => `"${s.name}"`).join(' → ');
}
