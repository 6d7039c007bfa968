/**
 * The sensitivity analysis in GitHub-flavoured Markdown: the simulate report's
 * Sensitivity section and sensitivity.md. The flips first, then the baseline, the
 * tornado charts as images beside the file (`charts/<id>.png`) and the ranked table.
 * Every piece of text is escaped. Pure.
 */
import { codeSpan, escapeMarkdown, rerunFooter } from './markdown-escape.js';
import type { ChartSpec } from './report-model.js';
import type { SensitivityJson } from './sensitivity-json.js';
import { CONFIDENCE_NAMES, RANGES_NOTE, baselineRow, flipLines, methodText, notApplicableText, baselineText, rankByText, sensitivityTable } from './sensitivity-sections.js';
import { noteLinesOf } from './currency-json.js';

/** The section, under a heading of `level` (2 in the simulate report). */
export function sensitivitySectionMarkdown(s: SensitivityJson, charts: readonly ChartSpec[], level = 2, title = 'Sensitivity'): string {
  const h = '#'.repeat(level);
  const { flipped, lines } = flipLines(s);
  const flips = flipped ? lines.map((line) => `> **⚠ Flip:** ${escapeMarkdown(line)}`).join('\n>\n') : `✔ ${escapeMarkdown(lines[0] as string)}`;
  const { columns, rows } = sensitivityTable(s);
  const field = columns.findIndex((c) => c.header === 'Field');
  const body = [baselineRow(s), ...rows].map((row, r) => row.map((cell, i) => (i === field && r > 0 ? codeSpan(cell) : r === 0 && i === 1 ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))));
  const figures = charts.map((c) =>
    [`${h}# ${escapeMarkdown(c.title)}`, '', `![${escapeMarkdown(c.title)}](charts/${encodeURIComponent(c.id)}.png)`, '', `*${escapeMarkdown(c.caption)}* — ${escapeMarkdown(c.sentence)}`].join('\n'),
  );
  const notApplicable = notApplicableText(s);
  const ranges = s.assumptions.map(
    (a) => `- ${codeSpan(a.path)} (${escapeMarkdown(CONFIDENCE_NAMES[a.confidence])}; baseline ${escapeMarkdown(a.baselineValue)}; low ${escapeMarkdown(a.low.valueText)}; high ${escapeMarkdown(a.high.valueText)}): ${escapeMarkdown(a.why)}`,
  );
  return [
    `${h} ${escapeMarkdown(title)}`,
    '',
    flips,
    '',
    escapeMarkdown(`${capitalise(methodText(s))}.`),
    '',
    `**Baseline:** ${escapeMarkdown(baselineText(s))}`,
    ...(figures.length > 0 ? ['', figures.join('\n\n')] : []),
    '',
    escapeMarkdown(`Ranked by the swing in ${rankByText(s)}: the larger change of the two ends from the baseline.`),
    '',
    table(
      columns.map((c) => escapeMarkdown(c.header)),
      body,
      columns.map((c) => (c.numeric ? 'right' : 'left')),
    ),
    '',
    escapeMarkdown(RANGES_NOTE),
    ...(notApplicable ? ['', escapeMarkdown(notApplicable)] : []),
    ...(ranges.length > 0 ? ['', `${h}# Where each range comes from`, '', ...ranges] : []),
  ].join('\n');
}

/** sensitivity.md. */
export function renderSensitivityMarkdown(s: SensitivityJson, charts: readonly ChartSpec[], rerunCommand: string): string {
  const meta = [`seed ${s.seed}`, `${s.runsPerEnd.toLocaleString('en-US')} runs per end`, ...(s.scenario.file !== undefined ? [s.scenario.file] : [])].join(' · ');
  return `${[
    `# ${escapeMarkdown(s.scenario.name)}: sensitivity`,
    '',
    ...(s.scenario.description ? [escapeMarkdown(s.scenario.description), ''] : []),
    escapeMarkdown(meta),
    '',
    ...noteLinesOf(s.currency).flatMap((l) => [escapeMarkdown(l), '']),
    sensitivitySectionMarkdown(s, charts, 2, 'What the assumptions change'),
    '',
    ...rerunFooter(`${s.tool.name} ${s.tool.version}`, rerunCommand),
  ].join('\n')}\n`;
}

function table(header: string[], rows: string[][], align: Array<'left' | 'right'>): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}



function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
