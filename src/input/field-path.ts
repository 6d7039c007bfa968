import type { FieldPath } from './document-issues.js';

/** `['lambda', 'perItemDurationMs', 'percentiles', 2, 'p']` → `lambda.perItemDurationMs.percentiles[2].p` */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`),
    '',
  );
}

/** The value found at `path` inside a parsed document, or undefined. */
export function valueAt(document: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown> | undefined)?.[segment], document);
}
