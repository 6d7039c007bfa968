/**
 * Finds every Map state in DISTRIBUTED mode in a set of state machines: at the top
 * level, inside Parallel branches, and inside other Map states (a Distributed Map's
 * child may run another). A map that runs more than once per execution of its state
 * machine is flagged with why (`repeats`): inside an inline Map (once per item), inside
 * another Distributed Map's child (once per child execution), or on a loop of states (a
 * Choice that jumps back), at its own level or around a Parallel or Map holding it.
 * The scenario is one Map Run, so the import says so in a note. Pure.
 */
import type { ImportNote } from './import-notes.js';
import { formatJsonPath, isObject, type JsonObject } from './json-value.js';
import type { StateMachine } from './load-definition.js';
import { hasOwnKey, ownValue } from '../own-key.js';

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
  /**
   * Set when the map runs many times per execution, innermost reason first:
   * `inside inline Map "Per region"`, `on a loop through "More pages?"`.
   */
  repeats?: string;
}

export interface MachineSurvey {
  machine: StateMachine;
  states: number;
  mapStates: number;
  distributed: FoundMap[];
}

export function surveyStateMachine(machine: StateMachine, inTemplate: boolean): MachineSurvey {
  const survey: MachineSurvey = { machine, states: 0, mapStates: 0, distributed: [] };
  walkWithReasons(machine.definition, [], [], (name, state, path, reasons) => {
    survey.states++;
    if (state['Type'] !== 'Map') return;
    survey.mapStates++;
    if (isDistributed(state)) {
      const pathText = formatJsonPath(path);
      const found: FoundMap = { machine, stateName: name, path, pathText, id: inTemplate ? `${machine.name}.${pathText}` : pathText, state };
      if (reasons.length > 0) found.repeats = [...reasons].reverse().join(', ');
      survey.distributed.push(found);
    }
  });
  return survey;
}

/** Mode DISTRIBUTED in the ItemProcessor's ProcessorConfig, or in the legacy Iterator's, which real definitions still use. */
export function isDistributed(state: JsonObject): boolean {
  const processor = state['ItemProcessor'] ?? state['Iterator'];
  return isObject(processor) && isObject(processor['ProcessorConfig']) && processor['ProcessorConfig']['Mode'] === 'DISTRIBUTED';
}

/** Calls `visit` for every state, depth first, in the order written. */
export function walk(definition: unknown, prefix: (string | number)[], visit: (name: string, state: JsonObject, path: (string | number)[]) => void): void {
  walkWithReasons(definition, prefix, [], visit);
}

/**
 * Notes that belong to the map as a whole, for the import to add to the scenario's:
 * that it runs many times per execution, and what reading its definition assumed
 * (a Terraform variable's default used, say).
 */
export function mapContextNotes(map: FoundMap): ImportNote[] {
  const notes: ImportNote[] = [];
  if (map.repeats) {
    notes.push({
      field: '',
      kind: 'unsupported',
      message: `"${map.stateName}" is ${map.repeats}, so it runs many times per execution of ${map.machine.name}: each run is a Map Run of its own, and this scenario is one of them; multiply its cost by the number of runs`,
      from: map.pathText,
    });
  }
  for (const assumption of map.machine.assumptions ?? []) notes.push({ field: '', kind: assumption.kind, message: assumption.message });
  return notes;
}

type Visit = (name: string, state: JsonObject, path: (string | number)[], reasons: string[]) => void;

/** `reasons`: why the states at this level may run many times, outermost first. */
function walkWithReasons(definition: unknown, prefix: (string | number)[], reasons: string[], visit: Visit): void {
  if (!isObject(definition) || !isObject(definition['States'])) return;
  const states = definition['States'];
  const loops = loopsOf(states);
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const path = [...prefix, 'States', name];
    const loop = loops.get(name);
    const here = loop === undefined ? reasons : [...reasons, `on a loop through "${loop}"`];
    visit(name, state, path, here);
    if (state['Type'] === 'Map') {
      const key = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
      const inside = isDistributed(state) ? `inside the child workflow of Distributed Map "${name}"` : `inside inline Map "${name}"`;
      walkWithReasons(state[key], [...path, key], [...here, inside], visit);
    }
    if (state['Type'] === 'Parallel' && Array.isArray(state['Branches'])) {
      state['Branches'].forEach((branch, i) => walkWithReasons(branch, [...path, 'Branches', i], here, visit));
    }
  }
}

/**
 * The states that lie on a loop (Next, Default and Choices[].Next lead back to them),
 * each with the name the loop goes by: its Choice state, or else its first state.
 * A Catch that leads back is not counted: that path runs only on failure.
 */
function loopsOf(states: JsonObject): Map<string, string> {
  const names = Object.keys(states);
  const next = (name: string): string[] => {
    const state = ownValue(states, name);
    if (!isObject(state)) return [];
    const choices = Array.isArray(state['Choices']) ? state['Choices'].map((c) => (isObject(c) ? c['Next'] : undefined)) : [];
    return [state['Next'], state['Default'], ...choices].filter((t): t is string => typeof t === 'string' && hasOwnKey(states, t));
  };
  const reachable = new Map<string, Set<string>>();
  for (const start of names) {
    const seen = new Set<string>();
    const queue = next(start);
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...next(name));
    }
    reachable.set(start, seen);
  }
  const loops = new Map<string, string>();
  for (const name of names) {
    if (!reachable.get(name)?.has(name)) continue;
    const cycle = names.filter((other) => reachable.get(name)?.has(other) && reachable.get(other)?.has(name));
    const choice = cycle.find((other) => isObject(ownValue(states, other)) && (ownValue(states, other) as JsonObject)['Type'] === 'Choice');
    loops.set(name, choice ?? (cycle[0] as string));
  }
  return loops;
}
