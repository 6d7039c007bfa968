/**
 * The files of `dmap sensitivity --report`, rendered in memory so that nothing touches
 * the disk until every file is ready: sensitivity.html, sensitivity.md, sensitivity.json,
 * sensitivity.csv and the tornado charts as PNGs.
 */
import { renderChartPng } from './charts/render-png.js';
import { tornadoCharts } from './charts/tornado-charts.js';
import type { ReportFile } from './report-file.js';
import { renderSensitivityCsv } from './sensitivity-csv.js';
import type { SensitivityJson } from './sensitivity-json.js';
import { renderSensitivityMarkdown } from './sensitivity-markdown.js';
import { renderSensitivityHtml } from './sensitivity-page-html.js';

export async function renderSensitivityReportFiles(s: SensitivityJson, assets: { chartJsSource: string; rerunCommand: string }): Promise<ReportFile[]> {
  const charts = tornadoCharts(s);
  const pngs = await Promise.all(charts.map(async (chart) => ({ path: `charts/${chart.id}.png`, content: await renderChartPng(chart) })));
  return [
    { path: 'sensitivity.html', content: renderSensitivityHtml(s, charts, assets) },
    { path: 'sensitivity.md', content: renderSensitivityMarkdown(s, charts, assets.rerunCommand) },
    { path: 'sensitivity.json', content: `${JSON.stringify(s, null, 2)}\n` },
    { path: 'sensitivity.csv', content: renderSensitivityCsv(s) },
    ...pngs,
  ];
}
