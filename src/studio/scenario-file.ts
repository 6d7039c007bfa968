/**
 * The scenario file the page saves, and the command that reproduces its figures. The file
 * is the scenario's own text with only the changed fields rewritten (comments and layout
 * kept), headed by a comment naming the changes; if editing the text in place would not
 * read back as exactly the changed scenario, the changed scenario is written out whole
 * instead. Either way `dmap simulate` reads it as the very scenario the page simulated.
 * Pure.
 */
import { isMap, isNode, stringify } from 'yaml';
import { commentLines } from '../input/comment-lines.js';
import { loadYaml, parseYamlDocument } from '../input/yaml-loading.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { Change } from './studio-state.js';

export interface ScenarioFileInput {
  /** The scenario's text as loaded, and the file it came from. */
  text: string;
  file: string;
  /** The scenario as written, and with the page's changes applied. */
  document: unknown;
  changed: unknown;
  changes: readonly Change[];
  /** The name the file is saved under, and the runs and seed that reproduce the page. */
  fileName: string;
  runs: number;
  seed: number;
  /** Pricing flags the page was written with, repeated in the command. */
  pricingArgs?: readonly string[];
}

export function scenarioFileText(input: ScenarioFileInput): string {
  const header = headerComment(input);
  const edited = editedInPlace(input, header);
  if (edited !== undefined) return edited;
  return `${header.map((line) => `#${line}`).join('\n')}\n${stringify(input.changed)}`;
}

/** `dmap simulate <file> --runs N --seed S --json [pricing flags]`: the page's figures, from the saved file. */
export function simulateCommand(fileName: string, runs: number, seed: number, pricingArgs: readonly string[] = []): string {
  return ['dmap', 'simulate', fileName, '--runs', String(runs), '--seed', String(seed), '--json', ...pricingArgs].map(shellQuote).join(' ');
}

/** A file name for the saved scenario: the scenario's name made safe, then `-studio.yaml`. */
export function savedFileName(scenarioName: string): string {
  const slug = scenarioName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'scenario';
  return `${slug.slice(0, 80)}-studio.yaml`;
}

/** How a change reads: `itemBatcher.maxItemsPerBatch 250 → 100`, `lambda.perItemDurationMs ×1.25`. */
export function describeChange(change: Change): string {
  if (change.control.kind === 'scale') return `${change.control.id} ×${change.to}`;
  return `${change.control.id} ${change.from === undefined ? 'unset' : String(change.from)} → ${String(change.to)}`;
}

function headerComment(input: ScenarioFileInput): string[] {
  const what =
    input.changes.length === 0
      ? `Saved by dmap studio (${TOOL_NAME} ${TOOL_VERSION}) from ${input.file}, unchanged.`
      : `Saved by dmap studio (${TOOL_NAME} ${TOOL_VERSION}) from ${input.file}, with ${input.changes.map(describeChange).join('; ')}.`;
  return [...commentLines(what, 0), ...commentLines(`The page's figures: ${simulateCommand(input.fileName, input.runs, input.seed, input.pricingArgs)}`, 0)];
}

/** The original text with the changed fields set, or undefined when that would not read back as `changed`. */
function editedInPlace(input: ScenarioFileInput, header: string[]): string | undefined {
  const yaml = parseYamlDocument(input.text, { uniqueKeys: true }).document;
  if (yaml.errors.length > 0) return undefined;
  for (const [keys, value] of differences(input.document, input.changed, [])) yaml.setIn(keys, value !== null && typeof value === 'object' ? yaml.createNode(value) : value);
  // An editor's schema line stays first, where yaml-language-server looks for it: it is
  // the start of the document's comment, or of its first field's when nothing separates them.
  const first = isMap(yaml.contents) ? yaml.contents.items[0]?.key : undefined;
  const holder = yaml.commentBefore ? yaml : isNode(first) && first.commentBefore ? first : undefined;
  const [line, ...rest] = (holder?.commentBefore ?? '').split('\n');
  const modeline = line !== undefined && /^\s*yaml-language-server:/.test(line) ? line : undefined;
  if (holder && modeline !== undefined) {
    while (rest.length > 0 && (rest[0] as string).trim() === '') rest.shift();
    holder.commentBefore = rest.length > 0 ? rest.join('\n') : null;
  }
  const below = yaml.commentBefore ? ['', yaml.commentBefore] : [];
  yaml.commentBefore = [...(modeline !== undefined ? [modeline] : []), ...header, ...below].join('\n');
  let text: string;
  try {
    text = yaml.toString({ lineWidth: 0 });
    if (!sameValue(loadYaml(text, input.fileName, { uniqueKeys: true }).value, input.changed)) return undefined;
  } catch {
    return undefined;
  }
  return text;
}

type Difference = [keys: string[], value: unknown];

/** Where `after` differs from `before`: the deepest keys whose values differ, or a whole value that changed kind. */
function differences(before: unknown, after: unknown, keys: string[]): Difference[] {
  if (isRecord(before) && isRecord(after)) {
    return Object.keys(after).flatMap((key) => (Object.hasOwn(before, key) ? differences(before[key], after[key], [...keys, key]) : [[[...keys, key], after[key]] as Difference]));
  }
  return sameValue(before, after) ? [] : [[keys, after]];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
