/// <reference lib="dom" />
/**
 * The page's charts, drawn with Chart.js (bundled into the page) from the report's own
 * chart configurations (src/report/charts/build-charts.ts): the concurrency band, the
 * wall-time and cost distributions and the cost lines, redrawn in place as the figures
 * change, plus the sweep's time-against-cost chart.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { CHART_PALETTE, withAlpha } from '../../report/charts/build-charts.js';
import type { ChartSpec } from '../../report/report-model.js';
import { append, el, replaceChildren } from './dom.js';

Chart.register(...registerables);

export class ChartPanel {
  private readonly charts = new Map<string, { chart: Chart; caption: HTMLElement; heading: HTMLElement; canvas: HTMLCanvasElement }>();

  constructor(private readonly container: HTMLElement) {}

  /** Draws `specs` (creating a figure the first time each is seen), in their order. */
  show(specs: readonly ChartSpec[]): void {
    for (const spec of specs) {
      const config = pageConfig(spec.config);
      const existing = this.charts.get(spec.id);
      if (existing) {
        existing.chart.data = config.data;
        existing.chart.options = config.options ?? {};
        existing.chart.update('none');
        existing.heading.textContent = spec.title;
        existing.canvas.setAttribute('aria-label', `${spec.title}: ${spec.sentence}`);
        replaceChildren(existing.caption, el('span', { class: 'caption' }, spec.caption), ' ', spec.sentence);
        continue;
      }
      const canvas = el('canvas', { 'data-chart-id': spec.id, role: 'img', 'aria-label': `${spec.title}: ${spec.sentence}` });
      const heading = el('h3', {}, spec.title);
      const caption = el('figcaption', {}, el('span', { class: 'caption' }, spec.caption), ' ', spec.sentence);
      append(this.container, el('figure', { class: 'chart', id: `figure-${spec.id}` }, heading, el('div', { class: 'chart-box' }, canvas), caption));
      this.charts.set(spec.id, { chart: new Chart(canvas, config), caption, heading, canvas });
    }
  }

  resize(): void {
    for (const { chart } of this.charts.values()) chart.resize();
  }
}

/** The report's configuration as the page draws it: no animation, sized by its box, heading and caption in the page. */
export function pageConfig(config: ChartConfiguration): ChartConfiguration {
  // A fresh copy each time: Chart.js keeps (and changes) what it is given.
  const copy = structuredClone(config);
  const options = copy.options ?? {};
  const plugins = options.plugins ?? {};
  copy.options = {
    ...options,
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { ...plugins, title: { ...plugins.title, display: false }, subtitle: { ...plugins.subtitle, display: false } },
  } as typeof copy.options;
  return copy;
}

/** A sweep point as the frontier chart shows it. */
export interface FrontierMark {
  label: string;
  timeSeconds: number;
  costUsd: number;
  onFrontier: boolean;
  safe: boolean;
  current: boolean;
}

/** P90 wall time against P90 cost, one dot per configuration, the frontier joined up. */
export function frontierChartConfig(marks: readonly FrontierMark[]): ChartConfiguration {
  const dots = (filter: (m: FrontierMark) => boolean) => marks.filter(filter).map((m) => ({ x: m.timeSeconds, y: m.costUsd, label: m.label }));
  const frontier = marks.filter((m) => m.onFrontier).sort((a, b) => a.timeSeconds - b.timeSeconds);
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          type: 'line',
          label: 'Frontier',
          data: frontier.map((m) => ({ x: m.timeSeconds, y: m.costUsd })),
          borderColor: CHART_PALETTE.blue,
          backgroundColor: CHART_PALETTE.blue,
          borderWidth: 2,
          pointRadius: 6,
          pointStyle: 'circle',
          order: 1,
        },
        { label: 'Other configurations', data: dots((m) => m.safe && !m.onFrontier), backgroundColor: withAlpha(CHART_PALETTE.grey, 0.7), pointRadius: 5, pointStyle: 'rect', order: 2 },
        { label: 'Fails or times out', data: dots((m) => !m.safe), backgroundColor: CHART_PALETTE.vermillion, pointRadius: 6, pointStyle: 'crossRot', borderColor: CHART_PALETTE.vermillion, borderWidth: 2, order: 3 },
        { label: 'Current settings', data: dots((m) => m.current), backgroundColor: 'rgba(0,0,0,0)', borderColor: CHART_PALETTE.black, borderWidth: 2, pointRadius: 10, pointStyle: 'circle', order: 0 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'P90 wall time (s)' } },
        y: { type: 'linear', title: { display: true, text: 'P90 cost per run (USD)' } },
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
    },
  } as ChartConfiguration;
}

/** One chart the page owns outright (the frontier's), replaced in place. */
export class SingleChart {
  private chart: Chart | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  show(config: ChartConfiguration): void {
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      this.chart.update('none');
    } else this.chart = new Chart(this.canvas, config);
  }

  resize(): void {
    this.chart?.resize();
  }
}
