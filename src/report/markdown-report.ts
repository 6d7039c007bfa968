/**
 * The report as GitHub-flavoured Markdown, for wikis and pull requests: the same
 * sections as the HTML report, with each chart as an image beside the file
 * (`charts/<id>.png`, drawn by the PNG renderer). Every piece of text is escaped, so a
 * scenario named `<script>` or `a | b` cannot inject HTML or break a table. Pure.
 */
import { confidenceLegend } from './default-confidence.js';
import { codeSpan, escapeMarkdown, rerunFooter } from './markdown-escape.js';
import { sensitivitySectionMarkdown } from './sensitivity-markdown.js';
import { backtestSectionMarkdown } from './backtest-markdown.js';
import {
  COST_BY_LINE_COLUMNS,
  COST_COLUMNS,
  costByLineTable,
  costTable,
  headlineFigures,
  mapRunCountRows,
  mapRunDetailRows,
  runMeta,
  runStatus,
  warningLabel,
} from './report-sections.js';
import type { AssumptionRow, ChartSpec, ReportModel, ReviewWarning } from './report-model.js';
import type { SimulationJson } from './simulation-json.js';

export function renderMarkdownReport(model: ReportModel): string {
  const r = model.result;
  const sections = [
    header(r),
    headline(r),
    warnings(model.warnings),
    ...(model.backtest ? [backtestSectionMarkdown(model.backtest)] : []),
    charts(model.charts),
    ...(model.sensitivity ? [sensitivitySectionMarkdown(model.sensitivity.result, model.sensitivity.charts)] : []),
    cost(r),
    mapRun(r),
    assumptions(model.assumptions),
    footer(model),
  ];
  return `${sections.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------
// Escaping.

/**
 * Text that renders as itself in Markdown: characters with a meaning inline are
 * backslash-escaped, `<`, `>` and `&` become entities (no raw HTML, no autolink), line
 * breaks become spaces (a table row is one line), and a line start that would open a
 * heading, list or quote is escaped.
 */


function table(header: string[], rows: string[][], align: Array<'left' | 'right'> = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

// ---------------------------------------------------------------------------
// Sections.

function header(r: SimulationJson): string {
  const status = runStatus(r);
  return [
    `# ${escapeMarkdown(r.scenario.name)}`,
    '',
    ...(r.scenario.description ? [escapeMarkdown(r.scenario.description), ''] : []),
    `**Status: ${status.ok ? '✔' : '✖'} ${escapeMarkdown(status.text)}**  `,
    escapeMarkdown(runMeta(r)),
  ].join('\n');
}

function headline(r: SimulationJson): string {
  const rows = headlineFigures(r).map((f) => [
    escapeMarkdown(f.label),
    `**${escapeMarkdown(f.valueInCurrency ? `${f.value} (${f.valueInCurrency})` : f.value)}**`,
    escapeMarkdown(f.detail ?? ''),
  ]);
  return ['## Headline figures', '', table(['Figure', 'Value', 'Detail'], rows, ['left', 'right', 'left'])].join('\n');
}

function warnings(list: ReviewWarning[]): string {
  if (list.length === 0) return '## Review warnings\n\n✔ Nothing to flag: no review warnings for this scenario.';
  const blocks = list.map((w) => {
    const { icon, label } = warningLabel(w);
    return `> **${icon} ${label}: ${escapeMarkdown(w.title)}**  \n> ${escapeMarkdown(w.detail)}`;
  });
  return ['## Review warnings', '', blocks.join('\n\n')].join('\n');
}

function charts(list: ChartSpec[]): string {
  if (list.length === 0) return '## Charts\n\nNo charts.';
  const blocks = list.map((c) =>
    [
      `### ${escapeMarkdown(c.title)}`,
      '',
      `![${escapeMarkdown(c.title)}](charts/${encodeURIComponent(c.id)}.png)`,
      '',
      `*${escapeMarkdown(c.caption)}* — ${escapeMarkdown(c.sentence)}`,
    ].join('\n'),
  );
  return ['## Charts', '', blocks.join('\n\n')].join('\n');
}

function cost(r: SimulationJson): string {
  const t = costTable(r);
  const width = COST_COLUMNS.length;
  const rows = t.rows.map((row) =>
    row.cells.map((text) => (row.kind === 'unpriced' && text === 'UNPRICED' ? '**⚠ UNPRICED**' : escapeMarkdown(text))),
  );
  for (const [label, value] of t.totals) {
    rows.push(['', `**${escapeMarkdown(label)}**`, ...Array<string>(width - 3).fill(''), `**${escapeMarkdown(value)}**`]);
  }
  const align: Array<'left' | 'right'> = ['left', 'left', 'right', 'left', 'right', 'right', 'right'];
  return [
    '## Cost',
    '',
    escapeMarkdown(t.intro),
    '',
    table([...COST_COLUMNS], rows, align),
    ...t.notes.map((n) => `\n> **⚠ Unpriced:** ${escapeMarkdown(n)}`),
    ...(r.runs > 1 ? ['', costByLine(r)] : []),
  ].join('\n');
}

function costByLine(r: SimulationJson): string {
  const t = costByLineTable(r);
  return [
    '### Cost per line across runs',
    '',
    escapeMarkdown(t.intro),
    '',
    table([...COST_BY_LINE_COLUMNS], t.rows.map((row) => row.map(escapeMarkdown)), ['left', 'right', 'right', 'right', 'right', 'right']),
  ].join('\n');
}

function mapRun(r: SimulationJson): string {
  const counts = mapRunCountRows(r).map((cells) => cells.map(escapeMarkdown));
  const details = mapRunDetailRows(r).map((cells) => cells.map(escapeMarkdown));
  return [
    `## ${r.runs > 1 ? 'First run: Map Run details' : 'Map Run details'}`,
    '',
    'The counts `DescribeMapRun` would report for the first simulated run (replication 0).',
    '',
    table(['Counter', 'Items', 'Child executions'], counts, ['left', 'right', 'right']),
    '',
    table(['Figure', 'Value'], details),
  ].join('\n');
}

function assumptions(rows: AssumptionRow[]): string {
  const body = rows.map((a) => [codeSpan(a.name), escapeMarkdown(a.value), escapeMarkdown(a.source), escapeMarkdown(a.confidence ?? ''), escapeMarkdown(a.note ?? '')]);
  return [
    '## Assumptions',
    '',
    'Every input and every default the run used. *scenario file*: the author wrote it; *default*: the tool filled it in, for the reason given.',
    escapeMarkdown(confidenceLegend()),
    '',
    table(['Name', 'Value', 'Source', 'Confidence', 'Note'], body),
  ].join('\n');
}

function footer(model: ReportModel): string {
  const r = model.result;
  const c = r.cost.catalogue;
  return rerunFooter(`${r.tool.name} ${r.tool.version} · prices: ${c.name} ${c.version} (as of ${c.effectiveDate})`, model.rerunCommand).join('\n');
}
