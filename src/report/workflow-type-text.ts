/**
 * Standard versus Express as words and a table, shared by the terminal, Markdown and
 * HTML. Pure.
 * Costs per run have four significant figures, as everywhere (docs/pricing.md, "Which cost is which").
 */
import { formatCount, formatDuration } from './format-duration.js';
import { fineMoney, formatUsdFine, withCurrency } from './format-money.js';
import { displayCurrencyOf, noteLinesOf } from './currency-json.js';
import type { WorkflowTypeJson } from './workflow-type-json.js';

export const WORKFLOW_TYPE_COLUMNS = ['Batch size', 'Standard P50', 'Express P50', 'Express − Standard', 'Step Functions part (Std / Expr)', 'P90 time (Std / Expr)', 'Cheaper'] as const;

export function workflowTypeRows(w: WorkflowTypeJson): string[][] {
  const time = (s: number) => formatDuration(s * 1000);
  const currency = displayCurrencyOf(w.currency);
  const money = fineMoney(currency);
  const mark = (f: WorkflowTypeJson['rows'][number]['standard'], text: string) => (f.childrenTimeOut ? `${text} (children time out)` : f.failureProbability >= 0.5 ? `${text} (fails)` : text);
  return w.rows.map((r) => [
    formatCount(r.batchSize),
    mark(r.standard, money(r.standard.costUsdP50)),
    mark(r.express, money(r.express.costUsdP50)),
    // The sign stands before both amounts: +$0.0012 (EUR 0.0011).
    `${r.expressMinusStandardUsd < 0 ? '−' : '+'}${withCurrency(formatUsdFine(Math.abs(r.expressMinusStandardUsd)), Math.abs(r.expressMinusStandardUsd), currency)}`,
    `${money(r.standard.stepFunctionsUsdMean)} / ${money(r.express.stepFunctionsUsdMean)}`,
    `${time(r.standard.wallTimeSecondsP90)} / ${time(r.express.wallTimeSecondsP90)}`,
    r.cheaper === 'neither' ? 'neither (both fail)' : r.cheaper,
  ]);
}

/** The answer in a sentence or two. */
export function workflowTypeVerdict(w: WorkflowTypeJson): string {
  if (w.breakEvens.length === 0) {
    const kinds = new Set(w.rows.map((r) => r.cheaper));
    if (kinds.size === 1) {
      const [only] = [...kinds];
      return only === 'neither' ? 'Neither child type runs without failing at these batch sizes.' : `${only === 'EXPRESS' ? 'Express' : 'Standard'} children are cheaper at every batch size tried.`;
    }
    return 'The cheaper child type changes where the other one fails or times out; see the table.';
  }
  return w.breakEvens
    .map((b) => `Below a batch size of about ${formatCount(Math.round(b.batchSize))} (between ${formatCount(b.between[0])} and ${formatCount(b.between[1])}), ${b.cheaperBelow === 'EXPRESS' ? 'Express' : 'Standard'} children are cheaper; above it, ${b.cheaperBelow === 'EXPRESS' ? 'Standard' : 'Express'}.`)
    .join(' ');
}

export function renderWorkflowTypeText(w: WorkflowTypeJson): string {
  const rows = [Array.from(WORKFLOW_TYPE_COLUMNS), ...workflowTypeRows(w)];
  const widths = WORKFLOW_TYPE_COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] as string).length)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padStart(widths[i] as number))).join('  ').trimEnd();
  return [
    `${w.scenario.name}: Standard versus Express children, cost per run at each batch size`,
    `seed ${w.seed}, ${formatCount(w.runs)} runs per point, common random numbers, ${w.tool.name} ${w.tool.version}`,
    '',
    line(rows[0] as string[]),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
    '',
    workflowTypeVerdict(w),
    'Standard pays per state transition; Express per request and per GB-second of duration at its billed memory (https://aws.amazon.com/step-functions/pricing/). The parent pays one transition per child either way.',
    ...noteLinesOf(w.currency),
    '',
  ].join('\n');
}
