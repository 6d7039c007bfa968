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
import type { SimulationJson } from './simulation-json.js';
import type { CostCsvOptions, CostStatisticRow } from './cost-csv.js';

export const REPORT_FILE_NAMES = ['report.html', 'summary.md', 'result.json', 'cost-lines.csv', 'timeline.csv', 'charts/*.png'] as const;

export async function renderReportFiles(model: ReportModel, costReport: CostReport, assets: { chartJsSource: string }): Promise<ReportFile[]> {
  const charts = [...model.charts, ...(model.sensitivity?.charts ?? [])];
  const pngs = await Promise.all(charts.map(async (chart) => ({ path: `charts/${chart.id}.png`, content: await renderChartPng(chart) })));
  return [
    { path: 'report.html', content: renderHtmlReport(model, assets) },
    { path: 'summary.md', content: renderMarkdownReport(model) },
    { path: 'result.json', content: `${JSON.stringify(model.result, null, 2)}\n` },
    { path: 'cost-lines.csv', content: renderCostCsv(costReport, costCsvOptions(model.result)) },
    { path: 'timeline.csv', content: renderTimelineCsv(model.result) },
    ...pngs,
  ];
}

/**
 * cost-lines.csv of a simulation: the first run's month (replication 0), its cost per run,
 * then each line's and the total's mean, P50 and P90 across the runs, per run and per month.
 */
export function costCsvOptions(r: SimulationJson): CostCsvOptions {
  const runs = r.cost.runsPerMonth;
  const month = `month of ${runs} run${runs === 1 ? '' : 's'}`;
  const statistics: CostStatisticRow[] = [];
  const add = (service: string, item: string, run: { mean: number; p50: number; p90: number }, perMonth: { mean: number; p50: number; p90: number }) => {
    for (const statistic of ['mean', 'p50', 'p90'] as const) {
      statistics.push({ service, item, statistic, scope: 'run', costUsd: run[statistic] });
      statistics.push({ service, item, statistic, scope: month, costUsd: perMonth[statistic] });
    }
  };
  for (const [key, m] of Object.entries(r.summary.costByLine)) {
    const at = key.indexOf(': ');
    add(key.slice(0, at), key.slice(at + 2), m, r.summary.monthlyCostByLine[key] ?? m);
  }
  add('', 'Total', r.summary.costUsd, r.summary.monthlyCostUsd);
  return {
    statistic: 'replication 0',
    scope: month,
    perRun: { costUsd: r.cost.perRunUsd, scope: 'run' },
    statistics,
    ...(r.cost.currency ? { currency: r.cost.currency } : {}),
  };
}
