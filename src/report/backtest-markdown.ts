/** The Back-test section of the Markdown report. Every piece of text escaped. Pure. */
import { BACKTEST_COLUMNS, backtestRows, methodLine, statusLine } from './backtest-sections.js';
import type { BacktestJson } from './backtest-json.js';
import { escapeMarkdown } from './markdown-escape.js';

export function backtestSectionMarkdown(b: BacktestJson): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    '## Back-test against the actual run',
    '',
    `**${escapeMarkdown(statusLine(b))}**`,
    '',
    escapeMarkdown(`${methodLine(b)} The wall-time and cost charts mark the actual run.`),
    '',
    row(BACKTEST_COLUMNS),
    `|${BACKTEST_COLUMNS.map((_, i) => (i > 0 && i < BACKTEST_COLUMNS.length - 1 ? '---:' : '---')).join('|')}|`,
    ...backtestRows(b).map(row),
    ...(b.notCompared.length > 0 ? ['', 'Not compared:', '', ...b.notCompared.map((n) => `- ${escapeMarkdown(n)}`)] : []),
  ].join('\n');
}
