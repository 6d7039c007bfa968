/**
 * Translates zod's validation issues into precise, user-facing problems: the field path,
 * the rule in words, the offending value, and a "did you mean" for misspelt names and
 * values. Works for any schema: scenarios, usage documents, price catalogues.
 */
import type { z } from 'zod';
import { closestName } from './closest-name.js';
import { valueAt } from './field-path.js';
import { knownKeysAt, literalValuesAt } from './schema-introspection.js';

export type FieldPath = Array<string | number>;

export interface DocumentIssue {
  /** Where in the document, e.g. ['itemBatcher', 'maxItemsPerBatch']; [] for the whole document. */
  path: FieldPath;
  /** The rule broken, in words ("must be an integer ≥ 1"). */
  message: string;
  /** The offending value, when there is one to show. */
  value?: unknown;
}

export type DocumentValidation<T> = { ok: true; value: T } | { ok: false; issues: DocumentIssue[] };

/** Validates `document` against `schema`, listing every problem at once. */
export function validateDocument<S extends z.ZodType>(schema: S, document: unknown): DocumentValidation<z.output<S>> {
  const reserved = reservedKeyIssues(document, []);
  const parsed = schema.safeParse(document, { reportInput: true });
  if (parsed.success && reserved.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, issues: [...reserved, ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => toDocumentIssues(issue, schema, document)))] };
}

/**
 * `__proto__` as a name (of a function, a state, a quota, a field): zod drops such keys
 * without a word, so the entry would silently vanish. Said instead, wherever it is.
 */
function reservedKeyIssues(value: unknown, path: FieldPath): DocumentIssue[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => reservedKeyIssues(item, [...path, i]));
  return Object.keys(value).flatMap((key) =>
    key === '__proto__'
      ? [{ path: [...path, key], message: 'cannot be a name: JavaScript reserves `__proto__`; choose another' }]
      : reservedKeyIssues((value as Record<string, unknown>)[key], [...path, key]),
  );
}

type ZodIssue = z.core.$ZodIssue;

function toDocumentIssues(issue: ZodIssue, schema: z.ZodType, document: unknown): DocumentIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const result: DocumentIssue = {
          path: [...path, key],
          message: unknownFieldMessage(key, knownKeysAt(schema, path, document).filter((k) => k !== '$schema')),
        };
        const value = valueAt(document, result.path);
        if (value !== null && typeof value !== 'object') result.value = value;
        return result;
      });
    case 'invalid_union':
      return unionIssues(issue, path, schema, document);
    case 'invalid_value': {
      const suggestion = typeof issue.input === 'string' ? closestName(issue.input, issue.values.map(String)) : undefined;
      const rule = describeRule(issue);
      return [withValue({ path, message: suggestion ? `${rule}. Did you mean \`${suggestion}\`?` : rule }, issue)];
    }
    default:
      return [withValue({ path, message: describeRule(issue) }, issue)];
  }
}

/**
 * A distribution field accepts a number or an object; when both branches fail, the
 * branch that matches the kind of value given is the one worth reporting.
 */
function unionIssues(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: FieldPath,
  schema: z.ZodType,
  document: unknown,
): DocumentIssue[] {
  const input = issue.input;
  if (issue.errors.length === 0) {
    // A discriminated union whose tag (`type`, `source`) is missing or unknown; zod's
    // input here is the enclosing object, so read the tag from the document.
    const tag = valueAt(document, path);
    const allowed = literalValuesAt(schema, path, document);
    const suggestion = typeof tag === 'string' ? closestName(tag, allowed) : undefined;
    const rule = `${tag === undefined ? 'is required' : 'is not known'}; one of ${allowed.join(', ')}`;
    const result: DocumentIssue = { path, message: suggestion ? `${rule}. Did you mean \`${suggestion}\`?` : rule };
    if (tag !== undefined) result.value = tag;
    return [result];
  }
  // A field with two forms (a number or a distribution; a preset name or a list):
  // report the form that matches the kind of value given.
  const branches = issue.errors.filter((branch) => !branch.every((b) => b.code === 'invalid_type' && b.path.length === 0));
  if (branches.length === 1) {
    return (branches[0] as ZodIssue[]).flatMap((inner) =>
      toDocumentIssues({ ...inner, path: [...path, ...inner.path] } as ZodIssue, schema, document),
    );
  }
  if (input === undefined || input === null) return [{ path, message: 'is required (a number or a distribution)' }];
  return [withValue({ path, message: 'must be a number or a distribution object with a `type` (see docs/scenario.md)' }, issue)];
}

function describeRule(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // A field left empty (`objectCount:` is null in YAML) is as good as missing.
      if (issue.input === undefined || issue.input === null) return `is required (${article(issue.expected)} ${issue.expected})`;
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${article(issue.expected)} ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} entries`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${formatNumber(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${formatNumber(issue.maximum)}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function withValue(result: DocumentIssue, issue: ZodIssue): DocumentIssue {
  if (issue.input !== undefined && typeof issue.input !== 'object') result.value = issue.input;
  return result;
}

function unknownFieldMessage(key: string, known: string[]): string {
  const suggestion = closestName(key, known);
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : known.length > 0 ? `; known fields: ${known.join(', ')}` : '';
  return `unknown field${hint}`;
}


function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function formatNumber(value: number | bigint): string {
  return typeof value === 'number' && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
}
