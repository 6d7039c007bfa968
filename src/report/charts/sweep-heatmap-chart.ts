/**
 * The heat map of a sweep (sweep-heat-grid.ts) as a chart: a square per configuration on
 * two category axes, one dataset per colour band so the legend says what each colour
 * means. Plain Chart.js (scatter points drawn as squares), no plugin. Pure.
 */
import { formatCount } from '../format-duration.js';
import type { ChartSpec } from '../report-model.js';
import { heatGrid } from '../sweep-heat-grid.js';
import type { SweepJson } from '../sweep-json.js';
import { baseOptions, spec } from './build-charts.js';

export function sweepHeatmapChart(s: SweepJson): ChartSpec | undefined {
  const grid = heatGrid(s);
  if (!grid) return undefined;
  const radius = Math.max(8, Math.min(34, Math.floor(300 / Math.max(grid.xValues.length, grid.yValues.length))));
  const datasets = grid.bins.map((bin) => ({
    label: bin.label,
    data: grid.yValues.flatMap((y) => grid.xValues.flatMap((x) => {
      const p = grid.cell(x, y);
      return p && grid.binOf(p) === bin ? [{ x, y }] : [];
    })),
    pointStyle: 'rect',
    pointRadius: radius,
    pointHoverRadius: radius,
    backgroundColor: bin.colour,
    borderColor: '#ffffff',
    borderWidth: 1,
  })).filter((d) => d.data.length > 0);
  const title = `${grid.measure[0]?.toUpperCase()}${grid.measure.slice(1)} by ${grid.xPath} and ${grid.yPath}`;
  const caption = `${formatCount(s.points.length)} configurations, seed ${s.seed}${grid.slice ? `, ${grid.slice}` : ''}`;
  const base = baseOptions(title, caption);
  const options = {
    ...base,
    scales: {
      x: { type: 'category', labels: grid.xValues, offset: true, title: { display: true, text: grid.xPath }, grid: { display: false } },
      y: { type: 'category', labels: [...grid.yValues].reverse(), offset: true, title: { display: true, text: grid.yPath }, grid: { display: false } },
    },
  };
  const sentence = `Each square is one configuration, coloured by its ${grid.measure}.`;
  return spec('sweep-heatmap', title, caption, sentence, { type: 'scatter', data: { datasets }, options });
}
