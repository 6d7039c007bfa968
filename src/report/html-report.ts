/**
 * The report as one self-contained HTML5 file: styles, Chart.js and every chart's
 * configuration inlined, no external URL, so it opens offline from disk, from an e-mail
 * attachment or an artefact store, and prints cleanly. No clock: the same model gives
 * the same bytes.
 *
 * Everything that came from a user (the scenario's name, description, file, any string
 * of the scenario or result) goes through `escapeHtml`; chart configurations go into
 * `<script type="application/json">` blocks with `<`, `>`, `&`, U+2028 and U+2029
 * escaped, so no string can close the script. Pure.
 *
 * The section builders (report-sections.ts) return plain, unescaped text; the Markdown
 * renderer uses them too, so both reports agree.
 */
import { confidenceLegend } from './default-confidence.js';
import type { AssumptionRow, ChartSpec, ReportModel, ReviewWarning } from './report-model.js';
import type { SimulationJson } from './simulation-json.js';
import { chartFigureHtml } from './html-chart-figure.js';
import { escapeHtml, inlineScriptSource } from './html-escape.js';
import { htmlHeadLines } from './html-head.js';
import { COST_BY_LINE_COLUMNS, COST_COLUMNS, costByLineTable, costTable, headlineFigures, mapRunCountRows, mapRunDetailRows, runMeta, runStatus, warningLabel } from './report-sections.js';
import { sensitivitySectionHtml } from './sensitivity-html.js';
import { backtestSectionHtml } from './backtest-html.js';

export { escapeHtml, jsonForScript } from './html-escape.js';

export interface HtmlAssets {
  /** Chart.js's UMD build (node_modules/chart.js/dist/chart.umd.js), read by the caller. */
  chartJsSource: string;
}

export function renderHtmlReport(model: ReportModel, assets: HtmlAssets): string {
  const r = model.result;
  const title = `${r.scenario.name} — ${r.tool.name} report`;
  return [
    ...htmlHeadLines({ title, generator: `${r.tool.name} ${r.tool.version}`, css: STYLES }),
    '<body>',
    headerHtml(r),
    '<main>',
    headlineHtml(r),
    warningsHtml(model.warnings),
    ...(model.backtest ? [backtestSectionHtml(model.backtest)] : []),
    chartsHtml(model.charts),
    ...(model.sensitivity ? [sensitivitySectionHtml(model.sensitivity.result, model.sensitivity.charts)] : []),
    costHtml(r),
    mapRunHtml(r),
    assumptionsHtml(model.assumptions),
    '</main>',
    footerHtml(model),
    `<script>${inlineScriptSource(assets.chartJsSource)}</script>`,
    `<script>${CHART_BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Section contents as plain text, shared with the Markdown report.

function headerHtml(r: SimulationJson): string {
  const status = runStatus(r);
  return [
    '<header class="report-header">',
    '<p class="eyebrow">Distributed Map simulation report</p>',
    `<h1>${escapeHtml(r.scenario.name)}</h1>`,
    r.scenario.description ? `<p class="description">${escapeHtml(r.scenario.description)}</p>` : '',
    `<p class="status ${status.ok ? 'status-ok' : 'status-failed'}"><span aria-hidden="true">${status.ok ? '✔' : '✖'}</span> ${escapeHtml(status.text)}</p>`,
    `<p class="meta">${escapeHtml(runMeta(r))}</p>`,
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

function headlineHtml(r: SimulationJson): string {
  const cards = headlineFigures(r).map(
    (f) =>
      `<div class="card"><div class="card-label">${escapeHtml(f.label)}</div><div class="card-value">${escapeHtml(f.value)}</div>` +
      `${f.valueInCurrency ? `<div class="card-currency">${escapeHtml(f.valueInCurrency)}</div>` : ''}` +
      `${f.detail ? `<div class="card-detail">${escapeHtml(f.detail)}</div>` : ''}</div>`,
  );
  return section('headline', 'Headline figures', `<div class="cards">\n${cards.join('\n')}\n</div>`);
}

function warningsHtml(warnings: ReviewWarning[]): string {
  const body =
    warnings.length === 0
      ? '<p class="callout callout-ok"><span class="callout-label"><span aria-hidden="true">✔</span> Nothing to flag</span> No review warnings for this scenario.</p>'
      : warnings
          .map((w) => {
            const { icon, label } = warningLabel(w);
            return (
              `<div class="callout callout-${w.severity === 'warning' ? 'warning' : 'info'}" role="note">` +
              `<p class="callout-title"><span class="callout-label"><span aria-hidden="true">${icon}</span> ${label}</span> ${escapeHtml(w.title)}</p>` +
              `<p>${escapeHtml(w.detail)}</p></div>`
            );
          })
          .join('\n');
  return section('review', 'Review warnings', body);
}

function chartsHtml(charts: ChartSpec[]): string {
  if (charts.length === 0) return section('charts', 'Charts', '<p class="muted">No charts.</p>', true);
  const figures = charts.map(chartFigureHtml);
  return section('charts', 'Charts', figures.join('\n'), true);
}

function costHtml(r: SimulationJson): string {
  const table = costTable(r);
  const numeric = new Set([2, 4, 5, 6]);
  const head = `<tr>${COST_COLUMNS.map((c, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = table.rows.map((row) => {
    const unpriced = row.kind === 'unpriced';
    const cells = row.cells.map((text, i) => {
      const classes = [numeric.has(i) ? 'num' : '', unpriced && text === 'UNPRICED' ? 'unpriced' : ''].filter(Boolean).join(' ');
      const title = i === 1 ? row.formula : i === 2 && text !== row.quantityExact ? row.quantityExact : undefined;
      const content = unpriced && text === 'UNPRICED' ? '<span class="badge badge-unpriced">UNPRICED</span>' : escapeHtml(text);
      return `<td${classes ? ` class="${classes}"` : ''}${title ? ` title="${escapeHtml(title)}"` : ''}>${content}</td>`;
    });
    return `<tr class="line-${escapeHtml(row.kind)}">${cells.join('')}</tr>`;
  });
  const foot = table.totals.map(
    ([label, value]) => `<tr><th colspan="${COST_COLUMNS.length - 1}" scope="row">${escapeHtml(label)}</th><td class="num">${escapeHtml(value)}</td></tr>`,
  );
  const notes = table.notes.map((n) => `<p class="callout callout-warning"><span class="callout-label"><span aria-hidden="true">⚠</span> Unpriced</span> ${escapeHtml(n)}</p>`);
  return section(
    'cost',
    'Cost',
    [
      `<p>${escapeHtml(table.intro)}</p>`,
      '<div class="table-wrap"><table class="data cost">',
      `<thead>${head}</thead>`,
      `<tbody>\n${body.join('\n')}\n</tbody>`,
      `<tfoot>\n${foot.join('\n')}\n</tfoot>`,
      '</table></div>',
      '<p class="muted">Hover an item for its formula. AWS rounds each line of a bill to the cent; the exact column keeps every digit.</p>',
      ...notes,
      ...(r.runs > 1 ? [costByLineHtml(r)] : []),
    ].join('\n'),
    true,
  );
}

function costByLineHtml(r: SimulationJson): string {
  const t = costByLineTable(r);
  const head = `<tr>${COST_BY_LINE_COLUMNS.map((c, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = t.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="num">${escapeHtml(cell)}</td>`)).join('')}</tr>`);
  return [
    '<h3>Cost per line across runs</h3>',
    `<p>${escapeHtml(t.intro)}</p>`,
    '<div class="table-wrap"><table class="data cost-by-line">',
    `<thead>${head}</thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}

function mapRunHtml(r: SimulationJson): string {
  const counts = mapRunCountRows(r)
    .map(([label, items, executions]) => `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${escapeHtml(items)}</td><td class="num">${escapeHtml(executions)}</td></tr>`)
    .join('\n');
  const details = mapRunDetailRows(r)
    .map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  return section(
    'map-run',
    r.runs > 1 ? 'First run: Map Run details' : 'Map Run details',
    [
      '<p class="muted">The counts <code>DescribeMapRun</code> would report for the first simulated run (replication 0).</p>',
      '<div class="two-col">',
      '<div class="table-wrap"><table class="data counts">',
      '<thead><tr><th>Counter</th><th class="num">Items</th><th class="num">Child executions</th></tr></thead>',
      `<tbody>\n${counts}\n</tbody>`,
      '</table></div>',
      '<div class="table-wrap"><table class="data details">',
      `<tbody>\n${details}\n</tbody>`,
      '</table></div>',
      '</div>',
    ].join('\n'),
    true,
  );
}

function assumptionsHtml(rows: AssumptionRow[]): string {
  const body = rows
    .map(
      (a) =>
        `<tr><td><code>${escapeHtml(a.name)}</code></td><td>${escapeHtml(a.value)}</td>` +
        `<td><span class="badge badge-${sourceClass(a.source)}">${escapeHtml(a.source)}</span></td><td>${escapeHtml(a.confidence ?? '')}</td><td class="note">${escapeHtml(a.note ?? '')}</td></tr>`,
    )
    .join('\n');
  return section(
    'assumptions',
    'Assumptions',
    [
      '<p class="muted">Every input and every default the run used. <em>scenario file</em>: the author wrote it; <em>default</em>: the tool filled it in, for the reason given.</p>',
      `<p class="muted">${escapeHtml(confidenceLegend())}</p>`,
      '<div class="table-wrap"><table class="data assumptions">',
      '<colgroup><col class="c-name"><col class="c-value"><col class="c-source"><col class="c-confidence"><col class="c-note"></colgroup>',
      '<thead><tr><th>Name</th><th>Value</th><th>Source</th><th>Confidence</th><th>Note</th></tr></thead>',
      `<tbody>\n${body}\n</tbody>`,
      '</table></div>',
    ].join('\n'),
    true,
  );
}

function footerHtml(model: ReportModel): string {
  const r = model.result;
  const c = r.cost.catalogue;
  return [
    '<footer class="report-footer">',
    `<p>${escapeHtml(`${r.tool.name} ${r.tool.version}`)} · prices: ${escapeHtml(`${c.name} ${c.version} (as of ${c.effectiveDate})`)}</p>`,
    `<p>Rerun: <code class="command">${escapeHtml(model.rerunCommand)}</code></p>`,
    '</footer>',
  ].join('\n');
}

function section(id: string, title: string, body: string, newPage = false): string {
  return `<section id="${id}"${newPage ? ' class="new-page"' : ''}>\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function sourceClass(source: string): string {
  return source === 'scenario file' ? 'file' : source === 'default' ? 'default' : source === 'command line' ? 'cli' : 'other';
}

// ---------------------------------------------------------------------------
// Formatting.

export const STYLES = `
:root {
  --fg: #1b1f24; --muted: #5b6470; --line: #d8dee4; --zebra: #f6f8fa; --bg: #ffffff; --accent: #0b5cad;
  --warn-bg: #fff5e0; --warn-line: #d97706; --warn-fg: #7a3e00;
  --info-bg: #eaf3fc; --info-line: #2f7fd1; --info-fg: #0b3d70;
  --ok-bg: #e9f7ef; --ok-line: #1f8a4c; --ok-fg: #115c32;
  --bad-bg: #fdecec; --bad-line: #c62828; --bad-fg: #8a1414;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
}
header.report-header, main, footer.report-footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header.report-header { padding-top: 32px; padding-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 4px; font-size: 30px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 0 0 12px; font-size: 21px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { margin: 0 0 8px; font-size: 16px; }
.description { margin: 0 0 12px; font-size: 17px; color: #333a42; overflow-wrap: anywhere; }
.meta { margin: 8px 0 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.status { display: inline-block; margin: 4px 0 0; padding: 4px 12px; border-radius: 999px; font-weight: 600; font-size: 14px; border: 1px solid; }
.status-ok { background: var(--ok-bg); color: var(--ok-fg); border-color: var(--ok-line); }
.status-failed { background: var(--bad-bg); color: var(--bad-fg); border-color: var(--bad-line); }
section { margin: 32px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: #fbfcfd; break-inside: avoid; }
.card-label { color: var(--muted); font-size: 13px; }
.card-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; }
.card-currency { font-size: 15px; font-weight: 600; font-variant-numeric: tabular-nums; margin-bottom: 2px; }
.card-detail { color: var(--muted); font-size: 12.5px; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.callout { margin: 0 0 10px; padding: 10px 14px; border-left: 5px solid; border-radius: 6px; break-inside: avoid; }
.callout p { margin: 4px 0 0; }
.callout p.callout-title { margin: 0; font-weight: 600; }
.callout-label { display: inline-block; margin-right: 6px; font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .05em; }
.callout-warning { background: var(--warn-bg); border-color: var(--warn-line); color: var(--warn-fg); }
.callout-info { background: var(--info-bg); border-color: var(--info-line); color: var(--info-fg); }
.callout-ok { background: var(--ok-bg); border-color: var(--ok-line); color: var(--ok-fg); }
figure.chart { margin: 0 0 28px; break-inside: avoid; }
.chart-box { position: relative; width: 100%; }
.chart-box canvas { display: block; }
figcaption { margin-top: 6px; color: #333a42; font-size: 14px; }
figcaption .caption { color: var(--muted); font-size: 13px; margin-right: 4px; }
figcaption .caption::after { content: " —"; }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.data thead th { background: #eef1f4; font-weight: 600; border-bottom: 2px solid #c3cbd3; white-space: nowrap; }
table.data tbody tr:nth-child(even) { background: var(--zebra); }
table.data .num { text-align: right; white-space: nowrap; }
table.data tfoot th { text-align: right; font-weight: 600; }
table.data tfoot td { font-weight: 650; }
table.data tfoot tr:first-child th, table.data tfoot tr:first-child td { border-top: 2px solid #c3cbd3; }
table.details th { width: 40%; font-weight: 500; color: #333a42; }
table.assumptions { table-layout: fixed; }
table.assumptions col.c-name { width: 25%; }
table.assumptions col.c-value { width: 22%; }
table.assumptions col.c-source { width: 128px; }
table.assumptions col.c-confidence { width: 96px; }
table.assumptions td { overflow-wrap: anywhere; }
table.assumptions td.note { color: var(--muted); font-size: 13px; }
td.unpriced { background: var(--bad-bg); }
tr.line-freeTier td, tr.line-discount td { color: var(--ok-fg); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid; }
.badge-unpriced { background: var(--bad-bg); color: var(--bad-fg); border-color: var(--bad-line); letter-spacing: .04em; }
.badge-file { background: var(--info-bg); color: var(--info-fg); border-color: var(--info-line); }
.badge-default { background: #f1f1f1; color: #444; border-color: #bbb; }
.badge-cli { background: var(--warn-bg); color: var(--warn-fg); border-color: var(--warn-line); }
.badge-other { background: #f4f0fb; color: #4b2a84; border-color: #9d85c9; }
.two-col { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 20px; align-items: start; }
@media (max-width: 800px) { .two-col { grid-template-columns: 1fr; } }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; overflow-wrap: anywhere; }
code.command { display: block; margin-top: 4px; padding: 8px 10px; background: #f3f5f7; border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; }
.muted { color: var(--muted); font-size: 13.5px; }
footer.report-footer { margin-top: 40px; padding-top: 12px; padding-bottom: 32px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
footer.report-footer p { margin: 4px 0; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  header.report-header, main, footer.report-footer { max-width: none; padding: 0; }
  section { margin: 0 0 16px; }
  section.new-page { break-before: page; }
  h2, h3 { break-after: avoid; }
  figure.chart, .callout, .card, tr { break-inside: avoid; }
  .chart-box { max-width: 100% !important; }
  .chart-box canvas { width: 100% !important; height: 100% !important; }
  .table-wrap { overflow: visible; }
  table.data { font-size: 9pt; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Draws every chart from its JSON block onto its canvas, with animation off (a report
 * is read, not watched), then sets `data-charts-ready` on the body.
 */
export const CHART_BOOT = `
(function () {
  var charts = [];
  var failed = 0;
  var canvases = document.querySelectorAll('canvas[data-chart-id]');
  for (var i = 0; i < canvases.length; i++) {
    var canvas = canvases[i];
    try {
      var block = document.getElementById('chart-' + canvas.getAttribute('data-chart-id'));
      var config = JSON.parse(block.textContent);
      var options = config.options || {};
      var plugins = options.plugins || {};
      // The figure's heading and caption already say what the title and subtitle say.
      config.options = Object.assign({}, options, {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: Object.assign({}, plugins, {
          title: Object.assign({}, plugins.title, { display: false }),
          subtitle: Object.assign({}, plugins.subtitle, { display: false })
        })
      });
      charts.push(new Chart(canvas, config));
    } catch (error) {
      failed++;
      var note = document.createElement('p');
      note.className = 'callout callout-warning';
      note.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : String(error));
      canvas.parentNode.parentNode.insertBefore(note, canvas.parentNode.nextSibling);
    }
  }
  function resizeAll() { for (var j = 0; j < charts.length; j++) charts[j].resize(); }
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
  document.body.dataset.chartsFailed = String(failed);
  document.body.dataset.chartsReady = 'true';
})();
`;
