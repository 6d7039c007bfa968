/**
 * The files of `dmap sweep --report`, rendered in memory so that nothing touches the
 * disk until every file is ready: sweep.html (self-contained, offline), sweep.md,
 * sweep.json, sweep.csv and the charts as PNGs (the frontier, and the heat map when two
 * or more fields vary).
 */
import { renderChartPng } from './charts/render-png.js';
import { sweepFrontierChart } from './charts/sweep-frontier-chart.js';
import { sweepHeatmapChart } from './charts/sweep-heatmap-chart.js';
import type { ReportFile } from './report-file.js';
import { renderSweepCsv } from './sweep-csv.js';
import { renderSweepHtml } from './sweep-html.js';
import type { SweepJson } from './sweep-json.js';
import { renderSweepMarkdown } from './sweep-markdown.js';

export async function renderSweepReportFiles(s: SweepJson, assets: { chartJsSource: string; rerunCommand: string }): Promise<ReportFile[]> {
  const frontier = sweepFrontierChart(s);
  const heatmap = sweepHeatmapChart(s);
  const charts = heatmap ? [frontier, heatmap] : [frontier];
  const pngs = await Promise.all(charts.map(async (chart) => ({ path: `charts/${chart.id}.png`, content: await renderChartPng(chart) })));
  return [
    { path: 'sweep.html', content: renderSweepHtml(s, { frontier, ...(heatmap ? { heatmap } : {}) }, assets) },
    { path: 'sweep.md', content: renderSweepMarkdown(s, charts, assets.rerunCommand) },
    { path: 'sweep.json', content: `${JSON.stringify(s, null, 2)}\n` },
    { path: 'sweep.csv', content: renderSweepCsv(s) },
    ...pngs,
  ];
}
