/**
 * Parses a YAML or JSON text (JSON is YAML 1.2) and validates it, locating every
 * problem at its line and column. Pure: the caller reads the file.
 */
import { isNode, type Document, type LineCounter } from 'yaml';
import { UserInputError, type InputProblem } from '../errors.js';
import type { DocumentIssue, FieldPath } from './document-issues.js';
import { formatFieldPath } from './field-path.js';
import { loadYaml, parseYamlDocument, position } from './yaml-loading.js';

/**
 * Problems listed at most: a list of 200,000 items of the wrong type is one mistake made
 * 200,000 times, and locating and printing every one took seconds and screens. The
 * rest are counted in a last line.
 */
export const MAX_LISTED_PROBLEMS = 100;

export type Validation<T> = { ok: true; value: T; warnings: DocumentIssue[] } | { ok: false; issues: DocumentIssue[] };

export interface Located<T> {
  value: T;
  warnings: InputProblem[];
  /** The document as parsed, before validation filled in defaults. */
  document: unknown;
}

/** Throws a UserInputError listing every problem, each with file, line, column and field. */
export function parseLocated<T>(text: string, fileName: string, validate: (document: unknown) => Validation<T>): Located<T> {
  const { value: raw, document, lineCounter } = loadYaml(text, fileName, { uniqueKeys: true });
  const validation = validate(raw);
  const locate = (issue: DocumentIssue): InputProblem => ({
    file: fileName,
    ...locateIssue(document, lineCounter, issue.path),
    field: formatFieldPath(issue.path),
    message: issue.message,
    value: issue.value,
  });
  if (!validation.ok) {
    const listed = validation.issues.slice(0, MAX_LISTED_PROBLEMS).map(locate).sort(byPosition);
    const more = validation.issues.length - listed.length;
    throw new UserInputError(more > 0 ? [...listed, { file: fileName, message: `and ${more.toLocaleString('en-US')} more problems, not listed` }] : listed);
  }
  return { value: validation.value, warnings: validation.warnings.map(locate), document: raw };
}

/** The position of the deepest node that exists along `path` (a missing field points at its parent). */
function locateIssue(document: Document, lineCounter: LineCounter, path: FieldPath) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return position(lineCounter, node.range[0]);
  }
  return {};
}

function byPosition(a: InputProblem, b: InputProblem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Line and column of the field at `path` in a YAML or JSON text (its parent when absent). */
export function locatePath(text: string, path: FieldPath): { line?: number; column?: number } {
  const { document, lineCounter } = parseYamlDocument(text);
  return locateIssue(document, lineCounter, path);
}
