/**
 * sensitivity.html: the sensitivity analysis as one self-contained page, styled like
 * the simulation report, with Chart.js and the charts' configurations inlined so it
 * opens offline. No clock: the same analysis gives the same bytes. Pure.
 */
import type { HtmlAssets } from './html-report.js';
import { escapeHtml } from './html-escape.js';
import { standalonePageHtml } from './standalone-page-html.js';
import type { ChartSpec } from './report-model.js';
import { sensitivitySectionHtml } from './sensitivity-html.js';
import type { SensitivityJson } from './sensitivity-json.js';
import { noteLinesOf } from './currency-json.js';

export function renderSensitivityHtml(s: SensitivityJson, charts: readonly ChartSpec[], assets: HtmlAssets & { rerunCommand: string }): string {
  const meta = [`seed ${s.seed}`, `${s.runsPerEnd.toLocaleString('en-US')} runs per end`, ...(s.scenario.file !== undefined ? [s.scenario.file] : [])].join(' · ');
  return standalonePageHtml(
    {
      title: `${s.scenario.name} — ${s.tool.name} sensitivity`,
      eyebrow: 'Distributed Map sensitivity report',
      heading: s.scenario.name,
      ...(s.scenario.description ? { description: s.scenario.description } : {}),
      meta,
      generator: `${s.tool.name} ${s.tool.version}`,
      main: [...noteLinesOf(s.currency).map((l) => `<p class="muted">${escapeHtml(l)}</p>`), sensitivitySectionHtml(s, charts, 'What the assumptions change')].join('\n'),
      footer: [`<p>${escapeHtml(`${s.tool.name} ${s.tool.version}`)}</p>`, `<p>Rerun: <code class="command">${escapeHtml(assets.rerunCommand)}</code></p>`],
    },
    assets.chartJsSource,
  );
}
