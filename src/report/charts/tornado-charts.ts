/**
 * Tornado charts of a sensitivity analysis: one row per assumption, sorted by its swing
 * in the chart's figure, with a bar from the baseline to the low end's value and one to
 * the high end's, and the baseline as a vertical line. One chart for the P90 wall time,
 * one for the P90 cost, and one for the chance that the Map Run fails when any run
 * failed. Plain Chart.js configurations (no functions), drawn alike in the HTML and as
 * PNGs. Pure.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatDuration } from '../format-duration.js';
import { percent } from '../report-sections.js';
import type { ChartSpec } from '../report-model.js';
import { roundTo } from '../round.js';
import type { AssumptionJson, OutcomeJson, SensitivityJson } from '../sensitivity-json.js';
import { CHART_PALETTE, CHART_WIDTH_PX, baseOptions } from './build-charts.js';
import { moneyAxisTitle } from '../format-money.js';
import { displayCurrencyOf } from '../currency-json.js';
import { sensitivityMoney } from '../sensitivity-sections.js';

interface Figure {
  id: string;
  title: string;
  /** The figure, in the axis unit. */
  of: (o: OutcomeJson) => number;
  swing: (a: AssumptionJson) => number;
  axisTitle: string;
  /** A value of the figure (in the axis unit) as text. */
  text: (v: number) => string;
  decimals: number;
  /** No value of the figure is below this. */
  floor: number;
}

const LABEL_MAX_CHARS = 44;
const ROW_HEIGHT_PX = 40;
const FRAME_HEIGHT_PX = 170;

export function tornadoCharts(s: SensitivityJson): ChartSpec[] {
  if (s.assumptions.length === 0) return [];
  const minutes = Math.max(s.baseline.wallTimeSeconds.p90, ...s.assumptions.flatMap((a) => [a.low.wallTimeSeconds.p90, a.high.wallTimeSeconds.p90])) > 1800;
  const scale = minutes ? 60 : 1;
  const figures: Figure[] = [
    {
      id: 'tornado-wall-time',
      title: 'Sensitivity: P90 wall time',
      of: (o) => o.wallTimeSeconds.p90 / scale,
      swing: (a) => a.swing.wallTimeSeconds,
      axisTitle: `P90 wall time (${minutes ? 'min' : 's'})`,
      text: (v) => formatDuration(v * scale * 1000),
      decimals: 3,
      floor: 0,
    },
    {
      id: 'tornado-cost',
      title: 'Sensitivity: P90 cost per run',
      of: (o) => o.costUsd.p90,
      swing: (a) => a.swing.costUsd,
      axisTitle: moneyAxisTitle('P90 cost per run (USD)', displayCurrencyOf(s.currency)),
      text: sensitivityMoney(s),
      decimals: 8,
      floor: 0,
    },
  ];
  const anyFailure = s.baseline.failure.runsFailed > 0 || s.assumptions.some((a) => a.low.failure.runsFailed > 0 || a.high.failure.runsFailed > 0);
  if (anyFailure) {
    figures.push({
      id: 'tornado-failure',
      title: 'Sensitivity: chance the Map Run fails',
      of: (o) => o.failure.probability * 100,
      swing: (a) => a.swing.failureProbability,
      axisTitle: 'Runs whose Map Run fails (%)',
      text: (v) => percent(v / 100),
      decimals: 4,
      floor: 0,
    });
  }
  const caption = `${s.runsPerEnd.toLocaleString('en-US')} runs per end, seed ${s.seed}, common random numbers`;
  return figures.map((figure) => tornado(s, figure, caption));
}

function tornado(s: SensitivityJson, figure: Figure, caption: string): ChartSpec {
  // Largest swing on top; ties keep the analysis's ranking.
  const rows = s.assumptions.map((a, i) => ({ a, i })).sort((x, y) => figure.swing(y.a) - figure.swing(x.a) || x.i - y.i).map(({ a }) => a);
  const base = roundTo(figure.of(s.baseline), figure.decimals);
  const labels = rows.map((a) => `${shorten(a.label)} (${a.low.settingText} / ${a.high.settingText})`);
  const bar = (label: string, colour: string, end: 'low' | 'high'): ChartDataset<'bar', Array<[number, number]>> => ({
    type: 'bar',
    label,
    data: rows.map((a) => [base, roundTo(figure.of(a[end]), figure.decimals)]),
    backgroundColor: colour,
    borderColor: colour,
    borderWidth: 1,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
    pointStyle: 'rect',
    order: 2,
  });
  const baseline: ChartDataset<'line', Array<{ x: number; y: string }>> = {
    type: 'line',
    label: `Baseline ${figure.text(base)}`,
    data: [
      { x: base, y: labels[0] as string },
      { x: base, y: labels[labels.length - 1] as string },
    ],
    borderColor: CHART_PALETTE.black,
    backgroundColor: CHART_PALETTE.black,
    borderWidth: 2,
    borderDash: [6, 4],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: 'line',
    order: 0,
  };
  const options = baseOptions(figure.title, caption) as NonNullable<ChartConfiguration<'bar'>['options']>;
  options.indexAxis = 'y';
  // The axis spans the values, not zero to them: a tornado shows changes around the baseline.
  const values = [base, ...rows.flatMap((a) => [figure.of(a.low), figure.of(a.high)])];
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  const pad = (highest - lowest) * 0.06 || Math.abs(base) * 0.05 || 1;
  options.scales = {
    x: {
      type: 'linear',
      min: roundTo(Math.max(figure.floor, lowest - pad), figure.decimals),
      max: roundTo(highest + pad, figure.decimals),
      title: { display: true, text: figure.axisTitle },
      ticks: { includeBounds: false },
    },
    y: { type: 'category', ticks: { autoSkip: false, font: { size: 12 } } },
  };
  const config = { type: 'bar', data: { labels, datasets: [bar('Low end of the range', CHART_PALETTE.blue, 'low'), bar('High end of the range', CHART_PALETTE.orange, 'high'), baseline] }, options };
  return {
    id: figure.id,
    title: figure.title,
    caption,
    sentence: sentenceOf(rows[0] as AssumptionJson, figure, base),
    config: config as unknown as ChartSpec['config'],
    widthPx: CHART_WIDTH_PX,
    heightPx: FRAME_HEIGHT_PX + ROW_HEIGHT_PX * rows.length,
  };
}

function sentenceOf(top: AssumptionJson, figure: Figure, base: number): string {
  const low = figure.of(top.low);
  const high = figure.of(top.high);
  const what = figure.title.replace(/^Sensitivity: /, '');
  if (figure.swing(top) === 0) return `No assumption changes the ${what} (baseline ${figure.text(base)}).`;
  return `${top.label} moves the ${what} most: ${figure.text(low)} at the low end (${top.low.settingText}) and ${figure.text(high)} at the high end (${top.high.settingText}), against ${figure.text(base)} at baseline.`;
}

function shorten(text: string): string {
  return text.length <= LABEL_MAX_CHARS ? text : `${text.slice(0, LABEL_MAX_CHARS - 1).trimEnd()}…`;
}
