/**
 * sensitivity.html: the sensitivity analysis as one self-contained page, styled like
 * the simulation report, with Chart.js and the charts' configurations inlined so it
 * opens offline. No clock: the same analysis gives the same bytes. Pure.
 */
import { CHART_BOOT, STYLES, type HtmlAssets } from './html-report.js';
import { escapeHtml, inlineScriptSource } from './html-escape.js';
import type { ChartSpec } from './report-model.js';
import { sensitivitySectionHtml } from './sensitivity-html.js';
import type { SensitivityJson } from './sensitivity-json.js';

export function renderSensitivityHtml(s: SensitivityJson, charts: readonly ChartSpec[], assets: HtmlAssets & { rerunCommand: string }): string {
  const meta = [`seed ${s.seed}`, `${s.runsPerEnd.toLocaleString('en-US')} runs per end`, ...(s.scenario.file !== undefined ? [s.scenario.file] : [])].join(' · ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${s.tool.name} ${s.tool.version}`)}">`,
    `<title>${escapeHtml(`${s.scenario.name} — ${s.tool.name} sensitivity`)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<header class="report-header">',
    '<p class="eyebrow">Distributed Map sensitivity report</p>',
    `<h1>${escapeHtml(s.scenario.name)}</h1>`,
    s.scenario.description ? `<p class="description">${escapeHtml(s.scenario.description)}</p>` : '',
    `<p class="meta">${escapeHtml(meta)}</p>`,
    '</header>',
    '<main>',
    sensitivitySectionHtml(s, charts, 'What the assumptions change'),
    '</main>',
    '<footer class="report-footer">',
    `<p>${escapeHtml(`${s.tool.name} ${s.tool.version}`)}</p>`,
    `<p>Rerun: <code class="command">${escapeHtml(assets.rerunCommand)}</code></p>`,
    '</footer>',
    `<script>${inlineScriptSource(assets.chartJsSource)}</script>`,
    `<script>${CHART_BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .concat('')
    .join('\n');
}
