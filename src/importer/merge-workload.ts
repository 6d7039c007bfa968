/**
 * `dmap simulate <definition> --workload <file>`: the workload file is a partial
 * scenario (item counts, durations, ...) laid over the scenario imported from the
 * definition; its fields win. When the result does not validate, each problem names the
 * file the user must change: the workload file for what it gives or must add, the
 * definition for a value read from it. Pure.
 */
import type { InputProblem } from '../errors.js';
import type { DocumentIssue } from '../input/document-issues.js';
import { formatFieldPath, valueAt } from '../input/field-path.js';
import { locatePath } from '../input/parse-located.js';
import type { ImportedMap } from './import-definition.js';
import { fieldPath, type ImportNote } from './import-notes.js';
import { isObject, type JsonObject } from './json-value.js';
import { ownValue, setOwn } from '../own-key.js';

/**
 * `workload` over `imported`: objects merge field by field, anything else is replaced.
 * An object whose `source` (item reader) or `type` (distribution) differs replaces the
 * imported one whole, so no field of the other form is left behind.
 */
export function mergeWorkload(imported: JsonObject, workload: JsonObject): JsonObject {
  const merged: JsonObject = { ...imported };
  for (const [key, value] of Object.entries(workload)) {
    const base = ownValue(merged, key);
    setOwn(merged, key, isObject(value) && isObject(base) && sameForm(base, value) ? mergeWorkload(base, value) : value);
  }
  return merged;
}

function sameForm(base: JsonObject, over: JsonObject): boolean {
  return ['source', 'type'].every((tag) => over[tag] === undefined || over[tag] === base[tag]);
}

export interface WorkloadContext {
  imported: Pick<ImportedMap, 'document' | 'notes' | 'map'>;
  /** The definition or template given on the command line. */
  definitionFile: string;
  workload: unknown;
  workloadText: string;
  workloadFile: string;
}

/** A validation problem of the merged scenario, pinned on the file to change. */
export function locateMergedIssue(issue: DocumentIssue, context: WorkloadContext): InputProblem {
  const field = formatFieldPath(issue.path);
  const withValue = (problem: InputProblem): InputProblem => (issue.value === undefined ? problem : { ...problem, value: issue.value });
  if (valueAt(context.workload, issue.path) !== undefined) {
    return withValue({ file: context.workloadFile, ...locatePath(context.workloadText, issue.path), field, message: issue.message });
  }
  // The notes on this field or on one holding it; notes name list entries as segments too (`choices.0.probability`).
  const onField = (n: ImportNote, exact: boolean) => {
    const segments = fieldPath(n);
    return (exact ? segments.length === issue.path.length : segments.length <= issue.path.length) && segments.every((segment, i) => segment === String(issue.path[i]));
  };
  const notes = context.imported.notes.filter((n) => n.field !== '' && onField(n, false));
  const importedValue = valueAt(context.imported.document, issue.path);
  if (importedValue === null) {
    const note = notes.find((n) => onField(n, true) && (n.kind === 'required' || n.kind === 'runtime'));
    if (note) {
      const why = note.kind === 'runtime' ? `the definition sets it only when the state machine runs (${note.message})` : note.message;
      return { file: context.workloadFile, field, message: `is required: ${why}; add it to the workload file` };
    }
  }
  if (importedValue !== undefined) {
    const from = notes.find((n) => n.kind === 'read' && n.from)?.from;
    const file = from && /^(Resources|Globals)\./.test(from) ? context.definitionFile : context.imported.map.machine.file;
    return withValue({ file, field, message: `${issue.message}${from ? ` (read from ${from}; override it in the workload file)` : ''}` });
  }
  return withValue({ file: context.workloadFile, ...locatePath(context.workloadText, issue.path), field, message: issue.message });
}
