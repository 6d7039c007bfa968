/**
 * The Sensitivity section of an HTML report (the simulate report's, and the body of
 * sensitivity.html): the flips first, as callouts, then the method and the baseline,
 * the tornado charts and the ranked table, with where each range comes from. Every
 * piece of user text is escaped. Pure.
 */
import type { AssumptionJson, SensitivityJson } from './sensitivity-json.js';
import { chartFigureHtml } from './html-chart-figure.js';
import { escapeHtml } from './html-escape.js';
import type { ChartSpec } from './report-model.js';
import { CONFIDENCE_NAMES, RANGES_NOTE, baselineRow, flipLines, methodText, notApplicableText, baselineText, rankByText, sensitivityTable } from './sensitivity-sections.js';

const CONFIDENCE_BADGE: Record<AssumptionJson['confidence'], string> = { L: 'cli', M: 'other', user: 'file' };

export function sensitivitySectionHtml(s: SensitivityJson, charts: readonly ChartSpec[], title = 'Sensitivity'): string {
  return [
    `<section id="sensitivity" class="new-page">`,
    `<h2>${escapeHtml(title)}</h2>`,
    flipsHtml(s),
    `<p class="muted">${escapeHtml(`${capitalise(methodText(s))}.`)}</p>`,
    `<p><strong>Baseline:</strong> ${escapeHtml(baselineText(s))}</p>`,
    ...charts.map(chartFigureHtml),
    tableHtml(s),
    `<p class="muted">${escapeHtml(RANGES_NOTE)}</p>`,
    ...(notApplicableText(s) ? [`<p class="muted">${escapeHtml(notApplicableText(s) as string)}</p>`] : []),
    rangesHtml(s),
    '</section>',
  ].join('\n');
}

function flipsHtml(s: SensitivityJson): string {
  const { flipped, lines } = flipLines(s);
  if (!flipped) return `<p class="callout callout-ok"><span class="callout-label"><span aria-hidden="true">✔</span> No flips</span> ${escapeHtml(lines[0] as string)}</p>`;
  return lines
    .map(
      (line) =>
        `<div class="callout callout-warning" role="note"><p class="callout-title"><span class="callout-label"><span aria-hidden="true">⚠</span> Flip</span> ${escapeHtml(line)}</p></div>`,
    )
    .join('\n');
}

function tableHtml(s: SensitivityJson): string {
  const { columns, rows } = sensitivityTable(s);
  const head = `<tr>${columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const cell = (text: string, i: number, assumption?: AssumptionJson) => {
    const header = columns[i]?.header;
    const numeric = columns[i]?.numeric ? ' class="num"' : '';
    if (assumption && header === 'Assumption') return `<td title="${escapeHtml(assumption.why)}">${escapeHtml(text)}</td>`;
    if (assumption && header === 'Field') return `<td><code>${escapeHtml(text)}</code></td>`;
    if (assumption && header === 'Confidence') return `<td><span class="badge badge-${CONFIDENCE_BADGE[assumption.confidence]}">${escapeHtml(text)}</span></td>`;
    return `<td${numeric}>${escapeHtml(text)}</td>`;
  };
  const baseline = `<tr class="baseline">${baselineRow(s).map((text, i) => (i === 1 ? `<th scope="row">${escapeHtml(text)}</th>` : cell(text, i))).join('')}</tr>`;
  const body = rows.map((row, r) => `<tr>${row.map((text, i) => cell(text, i, s.assumptions[r])).join('')}</tr>`);
  return [
    `<p>Ranked by the swing in ${escapeHtml(rankByText(s))}: the larger change of the two ends from the baseline.</p>`,
    '<div class="table-wrap"><table class="data sensitivity">',
    `<thead>${head}</thead>`,
    `<tbody>\n${[baseline, ...body].join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}

function rangesHtml(s: SensitivityJson): string {
  if (s.assumptions.length === 0) return '';
  const items = s.assumptions.map(
    (a) => `<li><code>${escapeHtml(a.path)}</code> (${escapeHtml(CONFIDENCE_NAMES[a.confidence])}; baseline ${escapeHtml(a.baselineValue)}; low ${escapeHtml(a.low.valueText)}; high ${escapeHtml(a.high.valueText)}): ${escapeHtml(a.why)}</li>`,
  );
  return ['<details>', '<summary>Where each range comes from</summary>', '<ul>', ...items, '</ul>', '</details>'].join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
