/**
 * A light structural check of an Amazon States Language definition: enough to say
 * clearly that a file is not ASL, or where it is broken, before reading it. It checks
 * StartAt, States, each state's Type, and that every Next, Default and Choices[].Next
 * names a state, in the top level and inside Map and Parallel states. It is not the
 * full ASL validator Step Functions runs.
 */
import { isObject, type JsonObject } from './json-value.js';
import { hasOwnKey } from '../own-key.js';

export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;

export interface AslProblem {
  path: (string | number)[];
  message: string;
}

/** Every structural problem of the definition (or state list) at `path`; [] when it is fine. */
export function checkAsl(definition: unknown, path: (string | number)[] = []): AslProblem[] {
  if (!isObject(definition)) return [{ path, message: `must be an object with StartAt and States (got ${typeName(definition)})` }];
  const problems: AslProblem[] = [];
  const states = definition['States'];
  if (!isObject(states) || Object.keys(states).length === 0) {
    problems.push({ path: [...path, 'States'], message: states === undefined ? 'is missing: an ASL definition lists its states in States' : 'must be an object of states, one at least' });
  }
  const startAt = definition['StartAt'];
  if (typeof startAt !== 'string') {
    problems.push({ path: [...path, 'StartAt'], message: startAt === undefined ? 'is missing: an ASL definition names its first state in StartAt' : 'must be the name of a state' });
  } else if (isObject(states) && !hasOwnKey(states, startAt)) {
    problems.push({ path: [...path, 'StartAt'], message: `names "${startAt}", which is not in States` });
  }
  if (!isObject(states)) return problems;
  for (const [name, state] of Object.entries(states)) problems.push(...checkState(state, [...path, 'States', name], states));
  return problems;
}

function checkState(state: unknown, path: (string | number)[], siblings: JsonObject): AslProblem[] {
  if (!isObject(state)) return [{ path, message: `must be a state object (got ${typeName(state)})` }];
  const type = state['Type'];
  if (typeof type !== 'string' || !(STATE_TYPES as readonly string[]).includes(type)) {
    return [{ path: [...path, 'Type'], message: `must be one of ${STATE_TYPES.join(', ')} (got ${type === undefined ? 'nothing' : JSON.stringify(type)})` }];
  }
  const problems: AslProblem[] = [];
  const target = (value: unknown, at: (string | number)[]) => {
    if (value !== undefined && (typeof value !== 'string' || !hasOwnKey(siblings, value))) {
      problems.push({ path: at, message: `names ${JSON.stringify(value)}, which is not a state here` });
    }
  };
  target(state['Next'], [...path, 'Next']);
  if (type === 'Choice') {
    target(state['Default'], [...path, 'Default']);
    const choices = state['Choices'];
    if (!Array.isArray(choices) || choices.length === 0) problems.push({ path: [...path, 'Choices'], message: 'must be a non-empty list of choice rules' });
    else choices.forEach((choice, i) => target(isObject(choice) ? choice['Next'] : undefined, [...path, 'Choices', i, 'Next']));
  }
  for (const [i, c] of (Array.isArray(state['Catch']) ? state['Catch'] : []).entries()) target(isObject(c) ? c['Next'] : undefined, [...path, 'Catch', i, 'Next']);
  if (type === 'Map') {
    const processorKey = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
    problems.push(...checkAsl(state[processorKey], [...path, processorKey]));
  }
  if (type === 'Parallel') {
    const branches = state['Branches'];
    if (!Array.isArray(branches) || branches.length === 0) problems.push({ path: [...path, 'Branches'], message: 'must be a non-empty list of branches' });
    else branches.forEach((branch, i) => problems.push(...checkAsl(branch, [...path, 'Branches', i])));
  }
  return problems;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

