/**
 * Cost per run of Standard and Express children against the batch size, with the
 * break-even marked: one chart, drawn alike in the HTML and as a PNG. Pure.
 */
import type { ChartSpec } from '../report-model.js';
import { roundTo } from '../round.js';
import { formatCount } from '../format-duration.js';
import type { WorkflowTypeJson } from '../workflow-type-json.js';
import { workflowTypeVerdict } from '../workflow-type-text.js';
import { baseOptions, CHART_PALETTE, spec } from './build-charts.js';
import { moneyAxisTitle } from '../format-money.js';
import { displayCurrencyOf } from '../currency-json.js';

export function workflowTypeChart(w: WorkflowTypeJson): ChartSpec {
  const points = (of: (r: WorkflowTypeJson['rows'][number]) => number) => w.rows.map((r) => ({ x: r.batchSize, y: roundTo(of(r), 6) }));
  const series = (label: string, data: Array<{ x: number; y: number }>, colour: string, dash: number[] = []) => ({
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2.5,
    borderDash: dash,
    pointRadius: 4,
    pointStyle: 'circle',
    fill: false,
  });
  const top = Math.max(...w.rows.flatMap((r) => [r.standard.costUsdP50, r.express.costUsdP50]), 0);
  const datasets = [
    series('Standard children, P50 cost per run', points((r) => r.standard.costUsdP50), CHART_PALETTE.blue),
    series('Express children, P50 cost per run', points((r) => r.express.costUsdP50), CHART_PALETTE.vermillion, [8, 4]),
    ...w.breakEvens.map((b) =>
      series(`Break-even ≈ ${formatCount(Math.round(b.batchSize))} items per batch`, [{ x: roundTo(b.batchSize, 1), y: 0 }, { x: roundTo(b.batchSize, 1), y: roundTo(top, 6) }], CHART_PALETTE.grey, [3, 3]),
    ),
  ];
  const caption = `${formatCount(w.runs)} runs per point, seed ${w.seed}`;
  const base = baseOptions('Standard versus Express children', caption);
  const options = {
    ...base,
    scales: {
      x: { type: 'logarithmic', title: { display: true, text: 'Items per batch (count)' } },
      y: { type: 'linear', beginAtZero: true, title: { display: true, text: moneyAxisTitle('Cost per run, P50 (USD)', displayCurrencyOf(w.currency)) } },
    },
  };
  return spec('workflow-type-cost', 'Standard versus Express children', caption, workflowTypeVerdict(w), { type: 'line', data: { datasets }, options });
}
