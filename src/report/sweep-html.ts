/**
 * sweep.html: the sweep as one self-contained page, styled like the simulation report,
 * with Chart.js and the charts inlined so it opens offline: the recommendation and why,
 * the frontier chart, the heat map (chart and table), the table of every configuration,
 * the failed ones explained, what failure costs, and how the race went. Every piece of
 * user text is escaped. No clock: the same sweep gives the same bytes. Pure.
 */
import { chartFigureHtml } from './html-chart-figure.js';
import { escapeHtml } from './html-escape.js';
import type { ChartSpec } from './report-model.js';
import { standalonePageHtml } from './standalone-page-html.js';
import { heatGrid } from './sweep-heat-grid.js';
import type { SweepJson } from './sweep-json.js';
import { noteLinesOf } from './currency-json.js';
import { economicsRows, failureLines, methodText, raceLines } from './sweep-sections.js';
import { goalWords, raceWords, sweepColumns, sweepRows } from './sweep-text.js';

export function renderSweepHtml(s: SweepJson, charts: { frontier: ChartSpec; heatmap?: ChartSpec }, assets: { chartJsSource: string; rerunCommand: string }): string {
  const meta = [`seed ${s.seed}`, `${s.points.length} configurations`, `up to ${s.runsPerPoint.toLocaleString('en-US')} runs each`, ...(s.scenario.file !== undefined ? [s.scenario.file] : [])].join(' · ');
  const picked = s.recommendation.pointIndex !== null;
  const failures = failureLines(s);
  const drops = raceLines(s);
  const main = [
    section('recommendation', 'Recommendation', [
      `<p><strong>Goal:</strong> ${escapeHtml(goalWords(s))}.</p>`,
      ...noteLinesOf(s.currency).map((l) => `<p class="muted">${escapeHtml(l)}</p>`),
      `<div class="callout callout-${picked ? 'ok' : 'warning'}" role="note"><p>${escapeHtml(s.recommendation.reason)}</p></div>`,
      ...(s.recommendation.tieRule ? [`<p class="muted">Tie rule: ${escapeHtml(s.recommendation.tieRule)}.</p>`] : []),
      `<p class="muted">${escapeHtml(raceWords(s))}</p>`,
    ]),
    section('frontier', 'Time against cost', [chartFigureHtml(charts.frontier)]),
    ...(charts.heatmap ? [section('heatmap', 'Heat map', [chartFigureHtml(charts.heatmap), heatTableHtml(s)])] : []),
    section('configurations', 'Every configuration', [tableHtml(sweepColumns(s), sweepRows(s), s)]),
    ...(failures.length > 0 ? [section('failures', 'Configurations that fail or time out', [`<ul>${failures.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}</ul>`])] : []),
    section('failure-economics', 'What failure costs', [economicsHtml(s)]),
    ...(drops.length > 0 ? [section('race', 'The race', [`<p>${escapeHtml(raceWords(s))}</p>`, `<ul>${drops.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}</ul>`])] : []),
    section('method', 'Method', methodText(s).map((t) => `<p class="muted">${escapeHtml(t)}</p>`)),
  ].join('\n');
  return standalonePageHtml(
    {
      title: `${s.scenario.name} — ${s.tool.name} sweep`,
      eyebrow: 'Distributed Map sweep report',
      heading: s.scenario.name,
      ...(s.scenario.description ? { description: s.scenario.description } : {}),
      meta,
      generator: `${s.tool.name} ${s.tool.version}`,
      main,
      footer: [`<p>${escapeHtml(`${s.tool.name} ${s.tool.version}`)}</p>`, `<p>Rerun: <code class="command">${escapeHtml(assets.rerunCommand)}</code></p>`],
    },
    assets.chartJsSource,
  );
}

function section(id: string, title: string, body: string[]): string {
  return [`<section id="${id}">`, `<h2>${escapeHtml(title)}</h2>`, ...body, '</section>'].join('\n');
}

function tableHtml(columns: string[], rows: string[][], s: SweepJson): string {
  const last = columns.length - 1;
  const fieldCount = s.variations.length;
  const head = `<tr>${columns.map((c, i) => `<th${i >= fieldCount && i < last ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.map((row, r) => {
    const p = s.points[r];
    const mark = p?.index === s.recommendation.pointIndex ? ' style="font-weight:bold"' : '';
    return `<tr${mark}>${row.map((cell, i) => `<td${i < last ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  return ['<div class="table-wrap"><table class="data">', `<thead>${head}</thead>`, `<tbody>\n${body.join('\n')}\n</tbody>`, '</table></div>', '<p class="muted">The recommended configuration is in bold. Expected cost includes the redrive of failed and pending items.</p>'].join('\n');
}

function economicsHtml(s: SweepJson): string {
  const { columns, rows } = economicsRows(s);
  const head = `<tr>${columns.map((c, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`);
  return ['<div class="table-wrap"><table class="data">', `<thead>${head}</thead>`, `<tbody>\n${body.join('\n')}\n</tbody>`, '</table></div>'].join('\n');
}

function heatTableHtml(s: SweepJson): string {
  const grid = heatGrid(s);
  if (!grid) return '';
  const head = `<tr><th>${escapeHtml(`${grid.yPath} \\ ${grid.xPath}`)}</th>${grid.xValues.map((x) => `<th class="num">${escapeHtml(x)}</th>`).join('')}</tr>`;
  const body = grid.yValues.map((y) => {
    const cells = grid.xValues.map((x) => {
      const p = grid.cell(x, y);
      if (!p) return '<td></td>';
      const bin = grid.binOf(p);
      const dark = luminance(bin.colour) < 0.45;
      return `<td class="num" style="background:${bin.colour};color:${dark ? '#ffffff' : '#000000'}" title="${escapeHtml(bin.label)}">${escapeHtml(grid.text(p))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(y)}</th>${cells.join('')}</tr>`;
  });
  const legend = grid.bins.map((b) => `<span style="display:inline-block;width:0.9em;height:0.9em;background:${b.colour};border:1px solid #999;vertical-align:middle"></span> ${escapeHtml(b.label)}`).join(' &nbsp; ');
  return [
    `<p>${escapeHtml(`The ${grid.measure} of each configuration${grid.slice ? `, ${grid.slice}` : ''}:`)}</p>`,
    '<div class="table-wrap"><table class="data heat">',
    `<thead>${head}</thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table></div>',
    `<p class="muted">${legend}</p>`,
  ].join('\n');
}

/** Relative brightness of a #rrggbb colour (0 black, 1 white), to pick legible text on it. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}
