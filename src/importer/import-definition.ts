/**
 * The import as a whole: finds the Distributed Maps of a loaded definition, picks the
 * one `--map` names (or takes them all), and turns each into a commented scenario.
 * Says what was found when there is nothing to import. Pure.
 */
import { UserInputError } from '../errors.js';
import { closestName } from '../input/closest-name.js';
import { mapContextNotes, surveyStateMachine, type FoundMap, type MachineSurvey } from './find-distributed-maps.js';
import { fieldPath, type ImportNote } from './import-notes.js';
import { isObject, plural, type JsonObject } from './json-value.js';
import { valueAt } from '../input/field-path.js';
import type { LoadedDefinition } from './load-definition.js';
import { mapToScenario } from './map-to-scenario.js';
import { renderScenarioYaml } from './render-scenario-yaml.js';

export interface ImportedMap {
  map: FoundMap;
  /** The scenario before validation; required and runtime fields are null. */
  document: JsonObject;
  notes: ImportNote[];
  /** The scenario as commented YAML. */
  yaml: string;
}

export interface DefinitionImport {
  definition: LoadedDefinition;
  surveys: MachineSurvey[];
  /** Every Distributed Map, or the one `--map` named. */
  maps: ImportedMap[];
}

export function importDefinition(definition: LoadedDefinition, options: { map?: string } = {}): DefinitionImport {
  const surveys = definition.machines.map((machine) => surveyStateMachine(machine, definition.kind === 'template'));
  const all = surveys.flatMap((survey) => survey.distributed);
  if (all.length === 0) throw new UserInputError([{ file: definition.file, message: noDistributedMapMessage(definition, surveys) }]);
  const chosen = options.map === undefined ? all : [selectMap(all, options.map, definition.file)];
  const maps = chosen.map((map): ImportedMap => {
    const scenario = mapToScenario(map, definition.template);
    const { document } = scenario;
    const notes = [...mapContextNotes(map), ...scenario.notes];
    return { map, document, notes, yaml: renderScenarioYaml({ document, notes, header: header(map, definition, document, notes) }) };
  });
  return { definition, surveys, maps };
}

/** "found a SAM template with 3 resources and 1 state machine (Orders) with 2 Map states, all INLINE". */
export function noDistributedMapMessage(definition: LoadedDefinition, surveys: MachineSurvey[]): string {
  const maps = surveys.reduce((sum, s) => sum + s.mapStates, 0);
  const states = surveys.reduce((sum, s) => sum + s.states, 0);
  const mapPhrase = maps === 0 ? 'no Map state' : maps === 1 ? '1 Map state, INLINE' : `${maps} Map states, all INLINE`;
  const skipped = definition.skipped.map((s) => `${s.logicalId} was not read: ${s.reason}`);
  const found =
    definition.kind === 'asl'
      ? `${definition.description} with ${plural(states, 'state')} and ${mapPhrase}`
      : surveys.length === 0
        ? `${definition.description} and no state machine it could read`
        : `${definition.description} and ${plural(surveys.length, 'state machine')} (${surveys.map((s) => s.machine.name).join(', ')}) with ${plural(states, 'state')} and ${mapPhrase}`;
  return `no Distributed Map (a Map state whose ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED): found ${found}${skipped.length > 0 ? `; ${skipped.join('; ')}` : ''}`;
}

/** The map `--map` names: by full id, path, state name, or (in a template) state machine, with or without the state name. */
export function selectMap(maps: FoundMap[], selector: string, file: string): FoundMap {
  const names = (m: FoundMap) => [m.id, m.pathText, m.stateName, `${m.machine.name}.${m.stateName}`, m.machine.logicalId ?? ''];
  const matches = maps.filter((m) => names(m).includes(selector));
  if (matches.length === 1) return matches[0] as FoundMap;
  const ids = maps.map((m) => m.id);
  if (matches.length > 1) {
    throw new UserInputError([{ file, field: '--map', message: `names ${matches.length} Distributed Maps (${matches.map((m) => m.id).join(', ')}): give the full path of one`, value: selector }]);
  }
  const suggestion = closestName(selector, maps.flatMap(names).filter(Boolean));
  throw new UserInputError([
    {
      file,
      field: '--map',
      message: `names no Distributed Map; the definition has ${ids.join(', ')}${suggestion ? `. Did you mean \`${suggestion}\`?` : ''}`,
      value: selector,
    },
  ]);
}

function header(map: FoundMap, definition: LoadedDefinition, document: JsonObject, notes: ImportNote[]): string[] {
  const toFill = (kind: ImportNote['kind']) => fieldsToFill({ document, notes: notes.filter((n) => n.kind === kind) }).length;
  const required = toFill('required');
  const runtime = toFill('runtime');
  const todo = [required > 0 ? `${plural(required, 'REQUIRED field')} (workload facts)` : '', runtime > 0 ? `${plural(runtime, 'runtime value')} (set only when the state machine runs)` : '']
    .filter(Boolean)
    .join(' and ');
  return [
    `Imported by \`dmap import\` from ${definition.file}`,
    ...(definition.kind === 'template' ? [`State machine ${map.machine.name} (${map.machine.origin})`] : []),
    `Distributed Map "${map.stateName}" at ${map.pathText}`,
    '',
    todo ? `Fill in the ${todo} below, then check it with \`dmap validate\`.` : 'Every field was read from the definition; check it with `dmap validate`.',
    isObject(document['childWorkflow']) && document['childWorkflow']['states'] !== undefined
      ? `Worth setting too (defaults in docs/scenario.md): ${document['functions'] !== undefined ? 'functions.<name>.initDurationMs and errors, lambdaAccountConcurrency, ' : ''}each Task's errors, quota (with serviceQuotas), itemsPerRequest and requestsPerItem, childWorkflow.outputBytes, itemReader.itemSizeBytes.`
      : 'Worth setting too (defaults in docs/scenario.md): lambda.initDurationMs, lambda.accountConcurrency, lambda.errors, childWorkflow.outputBytes, itemReader.itemSizeBytes.',
  ];
}

/** The names of the fields still to fill in (null in the document), in order. */
export function fieldsToFill(imported: Pick<ImportedMap, 'document' | 'notes'>): string[] {
  return [...new Set(imported.notes.filter((n) => (n.kind === 'required' || n.kind === 'runtime') && valueAt(imported.document, fieldPath(n)) === null).map((n) => n.field))];
}
