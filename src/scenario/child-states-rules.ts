/**
 * Rules of a long-form child that one field's schema cannot see: every `next` names a
 * state of the same scope, each state either goes on or ends, a Lambda task's function
 * exists, a service task says how long it takes, and the rules AWS enforces on the
 * child as a whole:
 * - Express workflows support neither `.sync` nor `.waitForTaskToken`
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html,
 *   "Express Workflows do not support Job-run (.sync) or Callback (.waitForTaskToken)
 *   service integration patterns");
 * - the short-form fields and `states` do not mix;
 * - no loop of states is one the child can never leave (expected-visits.ts).
 * Each problem is one issue at its field path, all reported at once.
 */
import type { z } from 'zod';
import { INLINE_MAP_MAX_CONCURRENCY, patternSupported } from '../aws/service-integrations.js';
import { parseTaskResource } from '../aws/task-resource.js';
import type { ChildStateConfig, StateScopeConfig } from './child-states-schema.js';
import type { ChildWorkflowConfig } from './child-workflow-schema.js';
import type { ServiceQuotaConfig } from './service-quota-schema.js';
import { hasOwnKey } from '../own-key.js';
import { expectedVisits } from './expected-visits.js';

interface ScenarioView {
  executionType: 'STANDARD' | 'EXPRESS';
  lambda?: unknown;
  functions: Record<string, unknown>;
  serviceQuotas: Record<string, ServiceQuotaConfig>;
  childWorkflow: ChildWorkflowConfig;
}

type Path = (string | number)[];

export function checkChildStates(scenario: ScenarioView, ctx: z.RefinementCtx): void {
  const child = scenario.childWorkflow;
  const issue = (path: Path, message: string, input?: unknown) => ctx.addIssue({ code: 'custom', path, message, input });
  if (child.states === undefined) {
    if (scenario.lambda === undefined) issue(['lambda'], 'is required: the short-form child (no childWorkflow.states) invokes this function');
    return;
  }
  const shortForm: [keyof ChildWorkflowConfig, boolean][] = [
    ['statesBeforeTask', child.statesBeforeTask !== 0],
    ['statesAfterTask', child.statesAfterTask !== 0],
    ['retry', child.retry.length > 0],
    ['catch', child.catch.length > 0],
    ['taskTimeoutSeconds', child.taskTimeoutSeconds !== undefined],
  ];
  for (const [field, set] of shortForm) {
    if (set) issue(['childWorkflow', field], 'belongs to the short form; with childWorkflow.states, give it on the Task state instead');
  }
  checkScope({ startAt: child.startAt, states: child.states }, ['childWorkflow'], scenario, issue);
}

function checkScope(scope: StateScopeConfig, at: Path, scenario: ScenarioView, issue: (path: Path, message: string, input?: unknown) => void): void {
  const names = Object.keys(scope.states);
  if (names.length === 0) {
    issue([...at, 'states'], 'must hold at least one state');
    return;
  }
  if (scope.startAt !== undefined && !names.includes(scope.startAt)) {
    issue([...at, 'startAt'], `names no state of this scope (${names.join(', ')})`, scope.startAt);
  }
  let unknownTarget = false;
  const target = (path: Path, name: string | undefined) => {
    if (name !== undefined && !names.includes(name)) {
      unknownTarget = true;
      issue(path, `names no state of this scope (${names.join(', ')})`, name);
    }
  };
  for (const [name, state] of Object.entries(scope.states)) {
    const path = [...at, 'states', name];
    checkFlow(state, path, target, issue);
    switch (state.type) {
      case 'Choice': {
        state.choices.forEach((rule, i) => target([...path, 'choices', i, 'next'], rule.next));
        target([...path, 'default'], state.default);
        const total = state.choices.reduce((sum, rule) => sum + rule.probability, 0);
        if (total > 1 + 1e-9) issue([...path, 'choices'], 'the probabilities add up to more than 1', total);
        break;
      }
      case 'Wait':
        if ((state.seconds === undefined) === (state.durationMs === undefined)) issue(path, 'give either seconds or durationMs');
        break;
      case 'Task':
        checkTask(state, path, scenario, issue);
        break;
      case 'Parallel':
        state.branches.forEach((branch, i) => checkScope(branch, [...path, 'branches', i], scenario, issue));
        break;
      case 'Map':
        checkScope(state.itemProcessor, [...path, 'itemProcessor'], scenario, issue);
        break;
      default:
        break;
    }
    if (state.type === 'Task' || state.type === 'Parallel' || state.type === 'Map') {
      state.catch.forEach((catcher, i) => target([...path, 'catch', i, 'next'], catcher.next));
    }
  }
  if (unknownTarget || (scope.startAt !== undefined && !names.includes(scope.startAt))) return;
  const visits = expectedVisits(scope);
  if (visits.kind === 'endless') {
    issue([...at, 'states', visits.state], 'is in a loop that never ends: no Choice rule, default, end or Succeed leads out of it, so the child would run for ever');
  }
}

/** A state that goes on has exactly one of next and end; Choice, Succeed and Fail have neither. */
function checkFlow(state: ChildStateConfig, path: Path, target: (path: Path, name: string | undefined) => void, issue: (path: Path, message: string) => void): void {
  if (state.type === 'Choice' || state.type === 'Succeed' || state.type === 'Fail') return;
  if (state.next === undefined && state.end === undefined) issue(path, 'needs next or end: true');
  else if (state.next !== undefined && state.end !== undefined) issue([...path, 'end'], 'cannot be given with next');
  target([...path, 'next'], state.next);
}

function checkTask(
  task: Extract<ChildStateConfig, { type: 'Task' }>,
  path: Path,
  scenario: ScenarioView,
  issue: (path: Path, message: string, input?: unknown) => void,
): void {
  const resource = parseTaskResource(task.resource);
  if (!resource) {
    issue([...path, 'resource'], 'is not a Resource ARN Step Functions accepts for a Task state', task.resource);
    return;
  }
  if (!patternSupported(scenario.executionType, resource.pattern, resource.sdk)) {
    const pattern = resource.pattern === 'sync' ? 'run a job (.sync)' : 'callback (.waitForTaskToken)';
    issue(
      [...path, 'resource'],
      scenario.executionType === 'EXPRESS'
        ? `uses the ${pattern} pattern, which Express children do not support (https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html)`
        : `uses the ${pattern} pattern, which AWS SDK integrations do not support (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html)`,
      task.resource,
    );
  }
  if (resource.kind === 'lambda') {
    if (task.function !== undefined && !hasOwnKey(scenario.functions, task.function)) {
      issue([...path, 'function'], `names no function in \`functions\` (${Object.keys(scenario.functions).join(', ') || 'none given'})`, task.function);
    } else if (task.function === undefined && scenario.lambda === undefined) {
      issue([...path, 'function'], 'is required: name a function of `functions`, or give the `lambda` block');
    }
  } else {
    if (task.function !== undefined) issue([...path, 'function'], `applies to Lambda tasks only; this task calls ${resource.service}:${resource.action}`);
    if (task.durationMs === undefined) issue([...path, 'durationMs'], 'is required: how long the call takes is a workload fact the definition does not hold');
  }
  if (resource.kind === 'nested' && task.execution === undefined) {
    issue([...path, 'execution'], 'is required for a nested execution: its type (STANDARD or EXPRESS) and, for Standard, its state transitions');
  }
  if (resource.kind === 'nested' && resource.pattern !== 'sync' && task.execution?.type === 'EXPRESS' && task.execution.durationMs === undefined) {
    issue([...path, 'execution', 'durationMs'], 'is required: the task does not wait for the nested Express execution, so its own run time (what it is billed for) is not the task\'s durationMs');
  }
  if (task.quota !== undefined && !hasOwnKey(scenario.serviceQuotas, task.quota)) {
    issue([...path, 'quota'], `names no entry of \`serviceQuotas\` (${Object.keys(scenario.serviceQuotas).join(', ') || 'none given'})`, task.quota);
  }
  if (task.heartbeatSeconds !== undefined && task.timeoutSeconds !== undefined && task.heartbeatSeconds >= task.timeoutSeconds) {
    issue([...path, 'heartbeatSeconds'], `must be smaller than timeoutSeconds (${task.timeoutSeconds}), as ASL requires`, task.heartbeatSeconds);
  }
  const errorTotal = task.errors.reduce((sum, e) => sum + e.probability, 0);
  if (errorTotal > 1) issue([...path, 'errors'], 'the probabilities add up to more than 1', errorTotal);
}

/** Valid, but not what AWS will run: an inline Map never runs more than 40 iterations at once. */
export function childStateWarnings(scenario: ScenarioView): { path: Path; message: string; value?: unknown }[] {
  const warnings: { path: Path; message: string; value?: unknown }[] = [];
  const visit = (scope: StateScopeConfig, at: Path) => {
    for (const [name, state] of Object.entries(scope.states)) {
      const path = [...at, 'states', name];
      if (state.type === 'Map') {
        if (state.maxConcurrency > INLINE_MAP_MAX_CONCURRENCY) {
          warnings.push({
            path: [...path, 'maxConcurrency'],
            message: `an inline Map runs at most ${INLINE_MAP_MAX_CONCURRENCY} iterations at once (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html); simulating ${INLINE_MAP_MAX_CONCURRENCY}`,
            value: state.maxConcurrency,
          });
        }
        visit(state.itemProcessor, [...path, 'itemProcessor']);
      } else if (state.type === 'Parallel') {
        state.branches.forEach((branch, i) => visit(branch, [...path, 'branches', i]));
      }
    }
  };
  if (scenario.childWorkflow.states) visit({ startAt: scenario.childWorkflow.startAt, states: scenario.childWorkflow.states }, ['childWorkflow']);
  return warnings;
}
