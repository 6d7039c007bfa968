/** The back-test as `dmap backtest` prints it on a terminal. Pure. */
import { BACKTEST_COLUMNS, backtestCurrencyLines, backtestRows, methodLine, statusLine } from './backtest-sections.js';
import type { BacktestJson } from './backtest-json.js';

export function renderBacktestText(b: BacktestJson): string {
  const rows = [Array.from(BACKTEST_COLUMNS), ...backtestRows(b)];
  const widths = BACKTEST_COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 || i === row.length - 1 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ').trimEnd();
  return [
    `${b.scenario.name}: back-test of ${b.mapRunArn}`,
    methodLine(b),
    '',
    statusLine(b),
    '',
    line(rows[0] as string[]),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
    ...backtestCurrencyLines(b),
    ...(b.notCompared.length > 0 ? ['', 'Not compared:', ...b.notCompared.map((n) => `  - ${n}`)] : []),
    '',
  ].join('\n');
}
