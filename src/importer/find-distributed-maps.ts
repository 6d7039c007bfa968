/**
 * Finds every Map state in DISTRIBUTED mode in a set of state machines: at the top
 * level, inside Parallel branches, and inside other Map states (a Distributed Map's
 * child may run another). Pure.
 */
import { formatJsonPath, isObject, type JsonObject } from './json-value.js';
import type { StateMachine } from './load-definition.js';

export interface FoundMap {
  machine: StateMachine;
  stateName: string;
  /** Where the state is inside its definition: `['States', 'Fan out', 'Branches', 1, 'States', 'Reindex']`. */
  path: (string | number)[];
  /** The same as text: `States.Fan out.Branches[1].States.Reindex`. */
  pathText: string;
  /** What `--map` accepts in full: the path, prefixed with the logical ID in a template. */
  id: string;
  state: JsonObject;
}

export interface MachineSurvey {
  machine: StateMachine;
  states: number;
  mapStates: number;
  distributed: FoundMap[];
}

export function surveyStateMachine(machine: StateMachine, inTemplate: boolean): MachineSurvey {
  const survey: MachineSurvey = { machine, states: 0, mapStates: 0, distributed: [] };
  walk(machine.definition, [], (name, state, path) => {
    survey.states++;
    if (state['Type'] !== 'Map') return;
    survey.mapStates++;
    if (isDistributed(state)) {
      const pathText = formatJsonPath(path);
      survey.distributed.push({ machine, stateName: name, path, pathText, id: inTemplate ? `${machine.name}.${pathText}` : pathText, state });
    }
  });
  return survey;
}

export function isDistributed(state: JsonObject): boolean {
  const processor = state['ItemProcessor'];
  return isObject(processor) && isObject(processor['ProcessorConfig']) && processor['ProcessorConfig']['Mode'] === 'DISTRIBUTED';
}

/** Calls `visit` for every state, depth first, in the order written. */
export function walk(definition: unknown, prefix: (string | number)[], visit: (name: string, state: JsonObject, path: (string | number)[]) => void): void {
  if (!isObject(definition) || !isObject(definition['States'])) return;
  for (const [name, state] of Object.entries(definition['States'])) {
    if (!isObject(state)) continue;
    const path = [...prefix, 'States', name];
    visit(name, state, path);
    if (state['Type'] === 'Map') {
      const key = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
      walk(state[key], [...path, key], visit);
    }
    if (state['Type'] === 'Parallel' && Array.isArray(state['Branches'])) {
      state['Branches'].forEach((branch, i) => walk(branch, [...path, 'Branches', i], visit));
    }
  }
}
