/**
 * Draws a ChartSpec as a PNG with chartjs-node-canvas: the only file that loads the
 * native canvas. The spec's configuration is copied, then made fixed-size and still
 * (responsive and animation off) for drawing outside a browser.
 */
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartSpec } from '../report-model.js';

/** One renderer per size: creating one loads Chart.js afresh. */
const renderers = new Map<string, ChartJSNodeCanvas>();

export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  const key = `${spec.widthPx}x${spec.heightPx}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({ width: spec.widthPx, height: spec.heightPx, backgroundColour: 'white' });
    renderers.set(key, renderer);
  }
  const config = structuredClone(spec.config) as ChartConfiguration;
  config.options = { ...config.options, responsive: false, animation: false };
  return renderer.renderToBuffer(config, 'image/png');
}
