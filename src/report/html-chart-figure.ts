/**
 * One chart in an HTML report: a canvas the page's script draws from the configuration
 * in the JSON block beside it, with its heading and caption. Pure.
 */
import { escapeHtml, jsonForScript } from './html-escape.js';
import type { ChartSpec } from './report-model.js';
import { positive } from './report-sections.js';

export function chartFigureHtml(c: ChartSpec): string {
  const id = escapeHtml(c.id);
  const width = positive(c.widthPx, 800);
  const height = positive(c.heightPx, 400);
  return [
    `<figure class="chart" id="figure-${id}">`,
    `<h3>${escapeHtml(c.title)}</h3>`,
    `<div class="chart-box" style="max-width:${width}px;aspect-ratio:${width}/${height}">`,
    `<canvas data-chart-id="${id}" role="img" aria-label="${escapeHtml(c.title)}"></canvas>`,
    '</div>',
    `<script type="application/json" id="chart-${id}">${jsonForScript(c.config)}</script>`,
    `<figcaption><span class="caption">${escapeHtml(c.caption)}</span> ${escapeHtml(c.sentence)}</figcaption>`,
    '</figure>',
  ].join('\n');
}
