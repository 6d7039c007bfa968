/**
 * Writes the calibrated scenario. With a base scenario: its own text, comments and
 * order kept, the fitted fields replaced (or added) in place, each under a comment
 * saying where it came from, and the `provenance` block updated. Without one: a new
 * scenario holding the fitted fields and the configuration the records state, with
 * `null` under a `# REQUIRED:` comment for what no source can tell (where the items come
 * from, the time per item when no log was given), so `dmap validate` rejects exactly
 * those until they are filled in. YAML, or JSON (no comments; `provenance` says it all)
 * for a `.json` file. Pure.
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { loadYaml, parseYamlDocument } from '../input/yaml-loading.js';
import { scenarioSchema } from '../scenario/scenario-schema.js';
import type { CalibrationResult } from './calibrate.js';
import type { FittedField } from './fitted-field.js';
import { commentLines } from '../input/comment-lines.js';

export interface PatchRequest {
  /** The base scenario's text, when there is one. */
  baseText?: string;
  result: CalibrationResult;
  /** The source files, as given. */
  sources: string[];
  format: 'yaml' | 'json';
}

const WIDTH = 100;
const MARK = 'fitted by dmap calibrate';
const HEADER = 'Calibrated by dmap calibrate from';
const FRESH = 'Every fitted field says';
const FUNCTION_ORDER = ['memoryMb', 'durationMeasuredAtMemoryMb', 'cpuBoundFraction', 'initDurationMs', 'invocationOverheadMs', 'perItemDurationMs', 'batchDurationFactor'];

export function renderCalibratedScenario({ baseText, result, sources, format }: PatchRequest): string {
  const doc = baseText !== undefined ? parseYamlDocument(baseText).document : newDocument(result);
  const required: Array<{ path: string[]; message: string }> = [];
  if (baseText === undefined) {
    for (const fact of result.facts) {
      doc.setIn(fact.path, doc.createNode(fact.value));
      const pair = findPair(doc, fact.path);
      if (pair && isScalar(pair.value)) pair.value.comment = ` read from ${fact.from}`;
    }
  }
  for (const field of result.fields) setField(doc, field);
  for (const field of result.fields) doc.setIn(['provenance', field.path.join('.')], doc.createNode(provenanceOf(field)));
  if (baseText === undefined) {
    required.push(...requiredFields(doc, result));
    order(doc);
  }
  for (const { path, message } of required) {
    doc.setIn(path, null);
    const pair = findPair(doc, path);
    if (pair) (pair.key as Node).commentBefore = wrap(`REQUIRED: ${message}`, (path.length - 1) * 2).join('\n');
  }
  const root = doc.contents as YAMLMap;
  root.items.forEach((pair, i) => {
    if (i > 0 && (isMap(pair.value) || isMap(root.items[i - 1]?.value))) keyNode(pair).spaceBefore = true;
  });
  setHeader(doc, sources, baseText === undefined);
  // Converted by the one loader, with its alias limits, like every other YAML.
  if (format === 'json') return `${JSON.stringify(loadYaml(doc.toString(), 'the calibrated scenario').value, null, 2)}\n`;
  return doc.toString({ lineWidth: 0, indent: 2, flowCollectionPadding: false });
}

function newDocument(result: CalibrationResult): Document {
  const items = result.observed.mapRuns.find((run) => run.itemsTotal !== undefined)?.itemsTotal;
  const doc = new Document({ name: 'calibrated', description: 'Fitted by dmap calibrate; fill in what it could not tell (REQUIRED below).', itemReader: { source: null } });
  const pair = findPair(doc, ['itemReader', 'source']);
  if (pair) {
    (pair.key as Node).commentBefore = wrap(
      `REQUIRED: where the items come from: s3ListObjectsV2 with objectCount, inline with itemCount, or s3Object with inputType and itemCount (docs/scenario.md)${items !== undefined ? `; the Map Run had ${items.toLocaleString('en-US')} items` : ''}`,
      2,
    ).join('\n');
  }
  return doc;
}

function requiredFields(doc: Document, result: CalibrationResult): Array<{ path: string[]; message: string }> {
  const needed: Array<{ path: string[]; message: string }> = [];
  const lambdaPaths = result.fields.filter((f) => f.path[0] === 'lambda' || f.path[0] === 'functions').map((f) => f.path.slice(0, -1));
  const block = lambdaPaths[0] ?? ['lambda'];
  if (!doc.hasIn([...block, 'perItemDurationMs'])) {
    needed.push({ path: [...block, 'perItemDurationMs'], message: 'the time one item takes, in ms (no Lambda logs were given to fit it)' });
  }
  return needed;
}

function setField(doc: Document, field: FittedField): void {
  blockStyleAlong(doc, field.path);
  const value = typeof field.value === 'object' && field.value !== null ? doc.createNode(field.value, { flow: true }) : doc.createNode(field.value);
  doc.setIn(field.path, value);
  const pair = findPair(doc, field.path);
  if (!pair) return;
  const key = pair.key as Node;
  // A comment above a map's first key belongs, once parsed, to the map: an earlier calibration's is there.
  const parent = field.path.length > 1 ? doc.getIn(field.path.slice(0, -1), true) : doc.contents;
  let inherited: string[] = [];
  if (isMap(parent) && parent.items[0] === pair && parent.commentBefore) {
    inherited = withoutOurs(parent.commentBefore, MARK);
    parent.commentBefore = undefined;
  }
  const kept = [...inherited, ...withoutOurs(key.commentBefore ?? '', MARK)];
  const p = field.provenance;
  const observations = `${p.observations.toLocaleString('en-US')} ${p.observations === 1 ? 'observation' : 'observations'}`;
  const ours = wrap(
    `${MARK}: ${field.text}, from ${p.source} (${observations}). ${sentence(p.method)} ${sentence(p.quality)}${p.note ? ` ${sentence(p.note)}` : ''}`,
    (field.path.length - 1) * 2,
  );
  key.commentBefore = [...kept, ...ours].join('\n');
  if (isScalar(pair.value)) pair.value.comment = undefined;
}

/** A comment cannot sit inside a flow map (`{a: 1}`): the maps along `path` are written as blocks. */
function blockStyleAlong(doc: Document, path: string[]): void {
  for (let depth = 1; depth < path.length; depth++) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isMap(node)) node.flow = false;
  }
}

/** `text` with a capital and a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/** The lines of a comment without those an earlier calibration wrote (starting with `mark`, and their continuations). */
function withoutOurs(comment: string, mark: string): string[] {
  const kept: string[] = [];
  let ours = false;
  for (const line of comment.split('\n')) {
    if (line.trimStart().startsWith(mark)) ours = true;
    else if (!line.startsWith('   ')) ours = false;
    if (!ours && line.trim() !== '') kept.push(line);
  }
  return kept;
}

function provenanceOf(field: FittedField): Record<string, unknown> {
  const { source, observations, method, quality, note } = field.provenance;
  return { source, observations, method, quality, ...(note ? { note } : {}) };
}

function setHeader(doc: Document, sources: string[], fresh: boolean): void {
  const line = `${HEADER} ${sources.join(', ')}.`;
  const lines = withoutOurs(withoutOurs(doc.commentBefore ?? '', HEADER).join('\n'), FRESH);
  const header = wrap(line, 0);
  if (fresh) {
    header.push(
      ...wrap(`${FRESH} where it came from in the comment above it and in \`provenance\` at the end; fill in the REQUIRED fields, then run \`dmap validate\` on this file.`, 0),
    );
  }
  doc.commentBefore = [...header, ...lines.map((l) => (l.startsWith(' ') ? l : ` ${l}`))].join('\n');
}

/** A new scenario's keys in the order of the reference: the root, and the function block. */
function order(doc: Document): void {
  const rootOrder = Object.keys(scenarioSchema.shape);
  sortMap(doc.contents as YAMLMap, rootOrder);
  for (const path of [['lambda'], ...functionPaths(doc)]) {
    const node = doc.getIn(path, true);
    if (isMap(node)) sortMap(node, FUNCTION_ORDER);
  }
}

function functionPaths(doc: Document): string[][] {
  const functions = doc.getIn(['functions'], true);
  return isMap(functions) ? functions.items.map((pair) => ['functions', String((pair.key as { value?: unknown }).value)]) : [];
}

function sortMap(map: YAMLMap, keys: string[]): void {
  const rank = (pair: Pair) => {
    const index = keys.indexOf(String(isScalar(pair.key) ? pair.key.value : pair.key));
    return index < 0 ? keys.length : index;
  };
  map.items.sort((a, b) => rank(a as Pair) - rank(b as Pair));
}

/** The pair a path names. */
function findPair(doc: Document, path: string[]): Pair | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path[i]) as Pair | undefined;
    if (!pair) return undefined;
    if (i === path.length - 1) {
      keyNode(pair);
      return pair;
    }
    node = pair.value;
    if (isSeq(node)) return undefined;
  }
  return undefined;
}

/** The pair's key as a node that can carry comments (setIn makes plain strings of new keys). */
function keyNode(pair: Pair): Node {
  if (!isScalar(pair.key)) pair.key = new Scalar(pair.key);
  return pair.key as Node;
}

function wrap(text: string, indent: number): string[] {
  return commentLines(text, indent, WIDTH);
}
