/**
 * sweep.md: the sweep report in GitHub-flavoured Markdown, the charts as images beside
 * it (`charts/<id>.png`): the recommendation and why, the charts, the heat map as a
 * table, every configuration, the failed ones explained, what failure costs and the
 * race. Every piece of text is escaped. Pure.
 */
import { escapeMarkdown, rerunFooter } from './markdown-escape.js';
import type { ChartSpec } from './report-model.js';
import { heatGrid } from './sweep-heat-grid.js';
import type { SweepJson } from './sweep-json.js';
import { noteLinesOf } from './currency-json.js';
import { economicsRows, failureLines, methodText, raceLines } from './sweep-sections.js';
import { goalWords, raceWords, sweepColumns, sweepRows } from './sweep-text.js';

export function renderSweepMarkdown(s: SweepJson, charts: readonly ChartSpec[], rerunCommand: string): string {
  const meta = [`seed ${s.seed}`, `${s.points.length} configurations`, `up to ${s.runsPerPoint.toLocaleString('en-US')} runs each`, ...(s.scenario.file !== undefined ? [s.scenario.file] : [])].join(' · ');
  const failures = failureLines(s);
  const drops = raceLines(s);
  const { columns, rows } = economicsRows(s);
  const fieldCount = s.variations.length;
  const sweepHeader = sweepColumns(s);
  const grid = heatGrid(s);
  return `${[
    `# ${escapeMarkdown(s.scenario.name)}: sweep`,
    '',
    ...(s.scenario.description ? [escapeMarkdown(s.scenario.description), ''] : []),
    escapeMarkdown(meta),
    '',
    ...noteLinesOf(s.currency).flatMap((l) => [escapeMarkdown(l), '']),
    '## Recommendation',
    '',
    `**Goal:** ${escapeMarkdown(goalWords(s))}.`,
    '',
    `> ${escapeMarkdown(s.recommendation.reason)}`,
    '',
    ...(s.recommendation.tieRule ? [`Tie rule: ${escapeMarkdown(s.recommendation.tieRule)}.`, ''] : []),
    escapeMarkdown(raceWords(s)),
    '',
    ...charts.flatMap((c) => [`## ${escapeMarkdown(c.title)}`, '', `![${escapeMarkdown(c.title)}](charts/${encodeURIComponent(c.id)}.png)`, '', `*${escapeMarkdown(c.caption)}* — ${escapeMarkdown(c.sentence)}`, '']),
    ...(grid
      ? [
          `The ${escapeMarkdown(grid.measure)} of each configuration${grid.slice ? `, ${escapeMarkdown(grid.slice)}` : ''}:`,
          '',
          table(
            [`${grid.yPath} \\ ${grid.xPath}`, ...grid.xValues],
            grid.yValues.map((y) => [y, ...grid.xValues.map((x) => {
              const p = grid.cell(x, y);
              return p ? grid.text(p) : '';
            })]),
            1,
          ),
          '',
        ]
      : []),
    '## Every configuration',
    '',
    table(
      ['', ...sweepHeader],
      sweepRows(s).map((row, i) => {
        const p = s.points[i];
        return [`${p?.index === s.recommendation.pointIndex ? '→' : ''}${p?.onFrontier ? '*' : ''}`, ...row];
      }),
      fieldCount + 1,
      sweepHeader.length,
    ),
    '',
    '\\* on the Pareto frontier of P90 time and P90 cost; → recommended. Expected cost includes the redrive of failed and pending items.',
    '',
    ...(failures.length > 0 ? ['## Configurations that fail or time out', '', ...failures.map((l) => `- ${escapeMarkdown(l)}`), ''] : []),
    '## What failure costs',
    '',
    table(columns, rows, 1),
    '',
    ...(drops.length > 0 ? ['## The race', '', ...drops.map((l) => `- ${escapeMarkdown(l)}`), ''] : []),
    '## Method',
    '',
    ...methodText(s).flatMap((t) => [escapeMarkdown(t), '']),
    ...rerunFooter(`${s.tool.name} ${s.tool.version}`, rerunCommand),
  ].join('\n')}\n`;
}

/** A table; columns from `firstNumeric` up to (not including) `lastText` are right-aligned. */
function table(header: readonly string[], rows: readonly string[][], firstNumeric: number, lastText = header.length): string {
  const rule = header.map((_, i) => (i >= firstNumeric && i < lastText ? '---:' : '---'));
  return [header.map(escapeMarkdown), rule, ...rows.map((r) => r.map(escapeMarkdown))].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

