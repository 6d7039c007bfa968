/**
 * `dmap compare` output: a plain-text table for the terminal and GitHub Markdown for a
 * pull-request comment. Both render the same Comparison.
 * Costs per run have four significant figures, as everywhere (docs/pricing.md, "Which cost is which").
 */
import { formatDelta, formatMetricValue, metricLabel, type Comparison } from '../planner/compare.js';
import type { Breach } from '../planner/fail-if.js';
import { formatUsdFine } from './format-money.js';
import { escapeMarkdown } from './markdown-escape.js';

export function renderComparisonText(c: Comparison, breached: Breach[]): string {
  const rows = [
    ['', `A: ${c.a.name}`, `B: ${c.b.name}`, 'B − A'],
    ...c.metrics.map((m) => [metricLabel(m.metric), formatMetricValue(m.metric, m.a), formatMetricValue(m.metric, m.b), formatDelta(m)]),
  ];
  const lineRows = [['Cost line (mean per run)', 'A', 'B', 'B − A'], ...c.lines.map((l) => [l.line, formatUsdFine(l.aMeanUsd), formatUsdFine(l.bMeanUsd), signedUsd(l.deltaUsd)])];
  return [c.verdict, '', table(rows), '', table(lineRows), '', runsNote(c), ...breachLines(breached), ''].join('\n');
}

export function renderComparisonMarkdown(c: Comparison, breached: Breach[]): string {
  const md = (rows: string[][]) =>
    [rows[0] as string[], (rows[0] as string[]).map((_, i) => (i === 0 ? '---' : '---:')), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const a = escapeMarkdown(c.a.name);
  const b = escapeMarkdown(c.b.name);
  return [
    `### dmap-planner: ${b} against ${a}`,
    '',
    `**${escapeMarkdown(c.verdict)}**`,
    '',
    md([['', `A: ${a}`, `B: ${b}`, 'B − A'], ...c.metrics.map((m) => [metricLabel(m.metric), formatMetricValue(m.metric, m.a), formatMetricValue(m.metric, m.b), formatDelta(m)])]),
    '',
    md([['Cost line (mean per run)', 'A', 'B', 'B − A'], ...c.lines.map((l) => [escapeMarkdown(l.line), formatUsdFine(l.aMeanUsd), formatUsdFine(l.bMeanUsd), signedUsd(l.deltaUsd)])]),
    '',
    `_${runsNote(c)}_`,
    ...breachLines(breached).map((l) => `\n**${escapeMarkdown(l)}**`),
    '',
  ].join('\n');
}

function runsNote(c: Comparison): string {
  return `A: ${c.a.runs} runs, B: ${c.b.runs} runs, same seed (common random numbers).`;
}

function breachLines(breached: Breach[]): string[] {
  return breached.map((b) => `FAILED GUARD ${b.guard.text}: observed ${b.observed}`);
}

function signedUsd(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${formatUsdFine(Math.abs(value))}`;
}

function table(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')).join('\n');
}
