/**
 * The files of `dmap workflow-type --report`, rendered in memory before anything is
 * written: workflow-type.html (self-contained, offline), workflow-type.md,
 * workflow-type.json and the chart as a PNG. Every piece of user text is escaped.
 */
import { renderChartPng } from './charts/render-png.js';
import { workflowTypeChart } from './charts/workflow-type-chart.js';
import { chartFigureHtml } from './html-chart-figure.js';
import { escapeHtml } from './html-escape.js';
import { standalonePageHtml } from './standalone-page-html.js';
import { escapeMarkdown } from './markdown-escape.js';
import type { ReportFile } from './report-file.js';
import type { WorkflowTypeJson } from './workflow-type-json.js';
import { WORKFLOW_TYPE_COLUMNS, workflowTypeRows, workflowTypeVerdict } from './workflow-type-text.js';
import { noteLinesOf } from './currency-json.js';

export async function renderWorkflowTypeReportFiles(w: WorkflowTypeJson, assets: { chartJsSource: string; rerunCommand: string }): Promise<ReportFile[]> {
  const chart = workflowTypeChart(w);
  return [
    { path: 'workflow-type.html', content: html(w, chart, assets) },
    { path: 'workflow-type.md', content: markdown(w, chart.id, assets.rerunCommand) },
    { path: 'workflow-type.json', content: `${JSON.stringify(w, null, 2)}\n` },
    { path: `charts/${chart.id}.png`, content: await renderChartPng(chart) },
  ];
}

function html(w: WorkflowTypeJson, chart: ReturnType<typeof workflowTypeChart>, assets: { chartJsSource: string; rerunCommand: string }): string {
  const head = `<tr>${WORKFLOW_TYPE_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = workflowTypeRows(w).map((row) => `<tr>${row.map((cell, i) => `<td${i < row.length - 1 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`);
  return standalonePageHtml(
    {
      title: `${w.scenario.name} — Standard versus Express`,
      eyebrow: 'Distributed Map child type',
      heading: w.scenario.name,
      meta: `seed ${w.seed} · ${w.runs} runs per point${w.scenario.file ? ` · ${w.scenario.file}` : ''}`,
      main: [
        `<p class="callout callout-ok">${escapeHtml(workflowTypeVerdict(w))}</p>`,
        chartFigureHtml(chart),
        '<div class="table-wrap"><table class="data">',
        `<thead>${head}</thead>`,
        `<tbody>\n${body.join('\n')}\n</tbody>`,
        '</table></div>',
        ...noteLinesOf(w.currency).map((l) => `<p class="muted">${escapeHtml(l)}</p>`),
      ].join('\n'),
      footer: [`<p>Rerun: <code class="command">${escapeHtml(assets.rerunCommand)}</code></p>`],
    },
    assets.chartJsSource,
  );
}

function markdown(w: WorkflowTypeJson, chartId: string, rerunCommand: string): string {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    `# ${escapeMarkdown(w.scenario.name)}: Standard versus Express children`,
    '',
    escapeMarkdown(workflowTypeVerdict(w)),
    '',
    `![Standard versus Express](charts/${chartId}.png)`,
    '',
    row(WORKFLOW_TYPE_COLUMNS),
    `|${WORKFLOW_TYPE_COLUMNS.map(() => '---').join('|')}|`,
    ...workflowTypeRows(w).map(row),
    '',
    ...noteLinesOf(w.currency).flatMap((l) => [escapeMarkdown(l), '']),
    `Rerun: \`${rerunCommand.replace(/`/g, "'")}\``,
    '',
  ].join('\n');
}
