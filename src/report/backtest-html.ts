/** The Back-test section of the HTML report: status, the figures table, what was not compared. Every piece of text escaped. Pure. */
import { BACKTEST_COLUMNS, backtestRows, methodLine, statusLine } from './backtest-sections.js';
import type { BacktestJson } from './backtest-json.js';
import { escapeHtml } from './html-escape.js';

export function backtestSectionHtml(b: BacktestJson): string {
  const head = `<tr>${BACKTEST_COLUMNS.map((c, i) => `<th${i > 0 && i < BACKTEST_COLUMNS.length - 1 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = backtestRows(b).map((row) => `<tr>${row.map((cell, i) => `<td${i > 0 && i < row.length - 1 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`);
  const surprising = b.figures.some((f) => f.verdict.includes('P1') || f.verdict.includes('P99')) || b.status.verdict.startsWith('a surprise');
  return [
    '<section id="backtest">',
    '<h2>Back-test against the actual run</h2>',
    `<p class="callout ${surprising ? 'callout-warning' : 'callout-ok'}">${escapeHtml(statusLine(b))}</p>`,
    `<p class="muted">${escapeHtml(methodLine(b))} The wall-time and cost charts below mark the actual run.</p>`,
    '<div class="table-wrap"><table class="data">',
    `<thead>${head}</thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table></div>',
    ...(b.notCompared.length > 0 ? ['<p>Not compared:</p>', '<ul>', ...b.notCompared.map((n) => `<li>${escapeHtml(n)}</li>`), '</ul>'] : []),
    '</section>',
  ].join('\n');
}
