/**
 * What `dmap simulate` loads: a scenario file, or, with `--workload`, a state machine
 * definition (or template) whose Distributed Map is imported and completed by a small
 * workload file. Returns the same shape as loadScenarioFile, so the command goes on
 * exactly as with a scenario file. Reads files; the work is done by the pure modules.
 */
import { stringify } from 'yaml';
import { isUserInputError, UserInputError } from '../errors.js';
import { parseLocated } from '../input/parse-located.js';
import { readTextFile } from '../input/read-text-file.js';
import { loadScenarioFile, type LoadedScenario } from '../scenario/load-scenario.js';
import { validateScenario } from '../scenario/validate-scenario.js';
import { parseCfnText } from './cfn-yaml.js';
import { formatByName } from './definition-syntax.js';
import { importDefinition } from './import-definition.js';
import { isObject, plural, type JsonObject } from './json-value.js';
import { locateMergedIssue, mergeWorkload, type WorkloadContext } from './merge-workload.js';
import { readDefinitionFile } from './read-definition-file.js';

export interface DefinitionFlags {
  /** A workload file: `file` is then a state machine definition or template. */
  workload?: string;
  /** Which Distributed Map, when the definition has several. */
  map?: string;
}

export async function loadScenarioOrDefinition(file: string, flags: DefinitionFlags): Promise<LoadedScenario> {
  if (flags.workload === undefined) {
    if (flags.map !== undefined) {
      throw new UserInputError([{ field: '--map', message: 'picks a Distributed Map of a state machine definition: give the definition with --workload <file>' }]);
    }
    try {
      return await loadScenarioFile(file);
    } catch (error) {
      if (isUserInputError(error)) await explainDefinitionGivenAsScenario(file);
      throw error;
    }
  }
  const definition = await readDefinitionFile(file);
  const { maps } = importDefinition(definition, flags.map !== undefined ? { map: flags.map } : {});
  if (maps.length > 1) {
    throw new UserInputError([
      { file, field: '--map', message: `is missing: the definition has ${plural(maps.length, 'Distributed Map')} (${maps.map((m) => m.map.id).join(', ')}); pick one with --map` },
    ]);
  }
  const imported = maps[0] as (typeof maps)[number];
  const workloadFile = flags.workload;
  const workloadText = await readTextFile(workloadFile, 'workload');
  const { value: workload } = parseLocated<JsonObject>(workloadText, workloadFile, (document) =>
    isObject(document)
      ? { ok: true, value: document, warnings: [] }
      : { ok: false, issues: [{ path: [], message: 'must be a mapping of scenario fields: a partial scenario such as `itemReader: { objectCount: 1000 }`' }] },
  );
  const merged = mergeWorkload(imported.document, workload);
  const context: WorkloadContext = { imported, definitionFile: file, workload, workloadText, workloadFile };
  const validation = validateScenario(merged);
  if (!validation.ok) throw new UserInputError(validation.issues.map((issue) => locateMergedIssue(issue, context)));
  return {
    scenario: validation.scenario,
    warnings: validation.warnings.map((issue) => locateMergedIssue(issue, context)),
    document: merged,
    // The scenario actually simulated, so its hash changes with the definition or the workload.
    text: stringify(merged),
    file: workloadFile,
  };
}

/** A definition given where a scenario was expected: say what to do instead of listing ASL fields as unknown. */
async function explainDefinitionGivenAsScenario(file: string): Promise<void> {
  let value: unknown;
  // A Terraform file is never a scenario: say so rather than list YAML errors.
  const terraform = formatByName(file) === 'hcl';
  if (!terraform) {
    try {
      value = parseCfnText(await readTextFile(file, 'scenario'), file).value;
    } catch {
      return;
    }
  }
  const definition = terraform || (isObject(value) && (('StartAt' in value && 'States' in value) || isObject(value['Resources'])));
  if (!definition) return;
  throw new UserInputError([
    {
      file,
      message:
        'is a state machine definition or template, not a scenario: add `--workload <file>` with the workload facts ' +
        `(item count, durations), or run \`dmap import ${file}\` to write a scenario to complete`,
    },
  ]);
}
