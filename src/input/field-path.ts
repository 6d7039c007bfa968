import type { FieldPath } from './document-issues.js';
import { ownValue } from '../own-key.js';

/** `['lambda', 'perItemDurationMs', 'percentiles', 2, 'p']` → `lambda.perItemDurationMs.percentiles[2].p` */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`),
    '',
  );
}

/** The value found at `path` inside a parsed document, or undefined. */
export function valueAt(document: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>(
    (value, segment) => (value !== null && typeof value === 'object' ? ownValue(value as Record<string, unknown>, String(segment)) : undefined),
    document,
  );
}
