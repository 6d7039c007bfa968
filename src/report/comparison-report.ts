/**
 * `dmap compare` output: a plain-text table for the terminal and GitHub Markdown for a
 * pull-request comment. Both render the same Comparison.
 * Costs per run have four significant figures, as everywhere (docs/pricing.md, "Which cost is which").
 */
import { formatDelta, formatMetricValue, metricLabel, type Comparison } from '../planner/compare.js';
import type { Breach } from '../planner/fail-if.js';
import { currencyNoteLines, fineMoney, formatUsdFine, withCurrency, type DisplayCurrency } from './format-money.js';
import { escapeMarkdown } from './markdown-escape.js';

/** `currency`: each amount in it too, beside USD, and the rate said once under the tables. */
export function renderComparisonText(c: Comparison, breached: Breach[], currency?: DisplayCurrency): string {
  const rows = [
    ['', `A: ${c.a.name}`, `B: ${c.b.name}`, 'B − A'],
    ...c.metrics.map((m) => [metricLabel(m.metric), formatMetricValue(m.metric, m.a, currency), formatMetricValue(m.metric, m.b, currency), formatDelta(m, currency)]),
  ];
  const money = fineMoney(currency);
  const lineRows = [['Cost line (mean per run)', 'A', 'B', 'B − A'], ...c.lines.map((l) => [l.line, money(l.aMeanUsd), money(l.bMeanUsd), signedUsd(l.deltaUsd, currency)])];
  return [c.verdict, '', table(rows), '', table(lineRows), '', runsNote(c), ...currencyNoteLines(currency), ...breachLines(breached), ''].join('\n');
}

export function renderComparisonMarkdown(c: Comparison, breached: Breach[], currency?: DisplayCurrency): string {
  const money = fineMoney(currency);
  const md = (rows: string[][]) =>
    [rows[0] as string[], (rows[0] as string[]).map((_, i) => (i === 0 ? '---' : '---:')), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const a = escapeMarkdown(c.a.name);
  const b = escapeMarkdown(c.b.name);
  return [
    `### dmap-planner: ${b} against ${a}`,
    '',
    `**${escapeMarkdown(c.verdict)}**`,
    '',
    md([['', `A: ${a}`, `B: ${b}`, 'B − A'], ...c.metrics.map((m) => [metricLabel(m.metric), formatMetricValue(m.metric, m.a, currency), formatMetricValue(m.metric, m.b, currency), formatDelta(m, currency)])]),
    '',
    md([['Cost line (mean per run)', 'A', 'B', 'B − A'], ...c.lines.map((l) => [escapeMarkdown(l.line), money(l.aMeanUsd), money(l.bMeanUsd), signedUsd(l.deltaUsd, currency)])]),
    '',
    `_${runsNote(c)}_`,
    ...currencyNoteLines(currency).flatMap((l) => ['', `_${escapeMarkdown(l)}_`]),
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

function signedUsd(value: number, currency: DisplayCurrency | undefined): string {
  if (value === 0) return '0';
  // The sign stands before both amounts: +$0.31 (EUR 0.29).
  return `${value > 0 ? '+' : '−'}${withCurrency(formatUsdFine(Math.abs(value)), Math.abs(value), currency)}`;
}

function table(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')).join('\n');
}
