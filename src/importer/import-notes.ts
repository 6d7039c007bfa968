/**
 * What an import found out about each scenario field, for the user: values read from
 * the definition, values known only at run time, workload facts to fill in, and what
 * the simulator does not model. Printed by `dmap import` and written as comments into
 * the scenario it produces.
 */

export type ImportNoteKind = 'read' | 'runtime' | 'required' | 'unsupported';

export interface ImportNote {
  /** Scenario field, dotted (`itemBatcher.maxItemsPerBatch`); '' for the Map state as a whole. */
  field: string;
  /**
   * The field as segments, set when one of them holds a dot (a state named `v1.2` in
   * `childWorkflow.states`), so `field` cannot be split back: read it with fieldPath().
   */
  path?: string[];
  kind: ImportNoteKind;
  message: string;
  /** Where in the definition or template the value came from (`States.DistributedMap.MaxConcurrency`). */
  from?: string;
}

/** Collects notes in order, so the list reads top to bottom like the scenario. */
export class NoteList {
  readonly notes: ImportNote[] = [];

  read(field: string, message: string, from?: string): void {
    this.add({ field, kind: 'read', message, ...(from !== undefined ? { from } : {}) });
  }
  runtime(field: string, message: string, from?: string): void {
    this.add({ field, kind: 'runtime', message, ...(from !== undefined ? { from } : {}) });
  }
  required(field: string, message: string, from?: string): void {
    this.add({ field, kind: 'required', message, ...(from !== undefined ? { from } : {}) });
  }
  unsupported(field: string, message: string, from?: string): void {
    this.add({ field, kind: 'unsupported', message, ...(from !== undefined ? { from } : {}) });
  }
  add(note: ImportNote): void {
    this.notes.push(note);
  }
}

/** The segments of a note's field. */
export function fieldPath(note: Pick<ImportNote, 'field' | 'path'>): string[] {
  return note.path ?? note.field.split('.');
}
