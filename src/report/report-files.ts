/**
 * The files of a report directory, rendered in memory from one ReportModel, so that
 * nothing touches the disk until every file is ready. PNG rendering is the only
 * non-string step (chartjs-node-canvas).
 */
import type { ReportFile } from './report-file.js';
import { renderChartPng } from './charts/render-png.js';
import { renderCostCsv } from './cost-csv.js';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';
import type { ReportModel } from './report-model.js';
import { renderTimelineCsv } from './timeline-csv.js';
import type { CostReport } from '../pricing/index.js';

export const REPORT_FILE_NAMES = ['report.html', 'summary.md', 'result.json', 'cost-lines.csv', 'timeline.csv', 'charts/*.png'] as const;

export async function renderReportFiles(model: ReportModel, costReport: CostReport, assets: { chartJsSource: string }): Promise<ReportFile[]> {
  const charts = [...model.charts, ...(model.sensitivity?.charts ?? [])];
  const pngs = await Promise.all(charts.map(async (chart) => ({ path: `charts/${chart.id}.png`, content: await renderChartPng(chart) })));
  return [
    { path: 'report.html', content: renderHtmlReport(model, assets) },
    { path: 'summary.md', content: renderMarkdownReport(model) },
    { path: 'result.json', content: `${JSON.stringify(model.result, null, 2)}\n` },
    { path: 'cost-lines.csv', content: renderCostCsv(costReport) },
    { path: 'timeline.csv', content: renderTimelineCsv(model.result) },
    ...pngs,
  ];
}
