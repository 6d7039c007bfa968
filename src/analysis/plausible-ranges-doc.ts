/**
 * The "Plausible ranges" table of docs/model.md, generated from the registry by `npm run
 * generate` so that it cannot drift from what `dmap sensitivity` varies; a test fails
 * when the checked-in table is stale. Pure.
 */
import { ASSUMPTION_RANGES, type AssumptionRange } from './assumption-ranges.js';
import { settingText } from './assumption-variants.js';

export const RANGES_START_MARKER = '<!-- plausible-ranges:start (generated from src/analysis/assumption-ranges.ts by `npm run generate`; do not edit by hand) -->';
export const RANGES_END_MARKER = '<!-- plausible-ranges:end -->';

const CONFIDENCE: Record<AssumptionRange['confidence'], string> = { L: '[L]', M: '[M]', user: 'yours' };

export function renderPlausibleRangesTable(registry: readonly AssumptionRange[] = ASSUMPTION_RANGES): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = registry.map((r) =>
    [`\`${r.id}\``, cell(r.label), CONFIDENCE[r.confidence], cell(settingText(r, r.low)), cell(settingText(r, r.high)), cell(r.appliesWhen), cell(r.why)].join(' | '),
  );
  return [
    RANGES_START_MARKER,
    '',
    '| Assumption | What | Confidence | Low | High | Applies to | Why this range |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    '× is a factor on the value in effect, whether the file gives it or a default does (every parameter of a distribution scales alike: the mean, the median, every percentile); otherwise the value itself. Entries under `lambda.` apply to the short form\'s `lambda` block and, as `functions.<name>.…`, to each function of `functions`.',
    '',
    RANGES_END_MARKER,
  ].join('\n');
}

/** `document` with its generated table replaced by the current one. */
export function withPlausibleRangesTable(document: string, table = renderPlausibleRangesTable()): string {
  const start = document.indexOf(RANGES_START_MARKER);
  const end = document.indexOf(RANGES_END_MARKER);
  if (start < 0 || end < start) throw new Error('docs/model.md has no plausible-ranges markers');
  return document.slice(0, start) + table + document.slice(end + RANGES_END_MARKER.length);
}
