/**
 * Writes an imported scenario as commented YAML: a header saying where it came from and
 * what to fill in, `# REQUIRED: ...` above each workload fact to give, `# runtime value:
 * ...` above each value the definition sets only when it runs, and `# read from ...`
 * beside each value read from the definition. Required and runtime fields hold `null`,
 * so `dmap validate` rejects exactly those until they are filled in. Pure.
 */
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { fieldPath, type ImportNote } from './import-notes.js';
import type { JsonObject } from './json-value.js';
import { commentLines } from '../input/comment-lines.js';

const WIDTH = 100;

export interface RenderRequest {
  document: JsonObject;
  notes: ImportNote[];
  /** Lines of the header comment, without `#`. */
  header: string[];
}

export function renderScenarioYaml({ document, notes, header }: RenderRequest): string {
  const doc = new Document(document);
  const root = doc.contents as YAMLMap;
  flowStyle(root);
  root.items.forEach((pair, i) => {
    if (i > 0 && (isMap(pair.value) || isMap(root.items[i - 1]?.value))) (pair.key as Node).spaceBefore = true;
  });

  const homeless: ImportNote[] = [];
  const byPair = new Map<Pair, ImportNote[]>();
  for (const note of notes) {
    const pair = note.field === '' ? undefined : findPair(root, fieldPath(note));
    if (!pair) {
      if (note.kind !== 'read') homeless.push(note);
      continue;
    }
    byPair.set(pair, [...(byPair.get(pair) ?? []), note]);
  }
  for (const [pair, pairNotes] of byPair) {
    const depth = note0Depth(pairNotes);
    const before: string[] = [];
    const reads = collapse([...new Set(pairNotes.filter((n) => n.kind === 'read' && n.from).map((n) => n.from as string))]);
    for (const note of pairNotes) {
      if (note.kind === 'required') before.push(...wrap(`REQUIRED: ${note.message}`, depth));
      if (note.kind === 'runtime') before.push(...wrap(`runtime value: ${note.message} — fill in`, depth));
      if (note.kind === 'unsupported') before.push(...wrap(`not modelled: ${note.message}`, depth));
    }
    const value = pair.value as Node | null;
    if (reads.length > 0) {
      const comment = ` read from ${reads.join(', ')}`;
      if (isScalar(value) && value.value !== null) value.comment = comment;
      else before.push(comment);
    }
    if (before.length > 0) (pair.key as Node).commentBefore = before.join('\n');
  }

  const lines = header.flatMap((line) => (line ? wrap(line, 0) : ['']));
  if (homeless.length > 0) {
    lines.push('', ' Not modelled:');
    for (const note of homeless) lines.push(...wrap(`- ${note.field ? `${note.field}: ` : ''}${note.message}`, 0));
  }
  doc.commentBefore = lines.join('\n');
  return doc.toString({ lineWidth: 0, indent: 2, flowCollectionPadding: false });
}

/** errorEquals lists and distributions on one line, as people write them. */
function flowStyle(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && pair.key.value === 'errorEquals' && isSeq(pair.value)) pair.value.flow = true;
      flowStyle(pair.value);
    }
  } else if (isSeq(node)) node.items.forEach(flowStyle);
}

/** `X.Catch[0]`, `X.Catch[1]` → `X.Catch`: one source, not a list of its entries. */
function collapse(froms: string[]): string[] {
  const bases = new Set(froms.map((from) => from.replace(/\[\d+\]$/, '')));
  return froms.length > 1 && bases.size === 1 ? [...bases] : froms;
}

/** The pair a dotted field names; a numeric segment steps into a list (`choices.0.probability`). */
function findPair(root: YAMLMap, segments: string[]): Pair | undefined {
  let map: YAMLMap = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === segment) as Pair | undefined;
    if (!pair) return undefined;
    if (i === segments.length - 1) return pair;
    let value = pair.value as unknown;
    while (isSeq(value) && i + 1 < segments.length - 1 && /^\d+$/.test(segments[i + 1] as string)) {
      value = value.items[Number(segments[i + 1])];
      i++;
    }
    if (!isMap(value)) return undefined;
    map = value;
  }
  return undefined;
}

function note0Depth(notes: ImportNote[]): number {
  return notes[0] ? (fieldPath(notes[0]).length - 1) * 2 : 0;
}

function wrap(text: string, indent: number): string[] {
  return commentLines(text, indent, WIDTH);
}
