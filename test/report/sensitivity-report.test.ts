/**
 * The sensitivity renderers from one analysis made by hand: tornado charts sorted by
 * swing around the baseline, sensitivity.html self-contained with every user string
 * escaped, the flips first in every format, the CSV, a PNG; and the simulate report's
 * Sensitivity section.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factor, values, type AssumptionRange } from '../../src/analysis/assumption-ranges.js';
import type { AssumptionVariants } from '../../src/analysis/assumption-variants.js';
import { analyseSensitivity } from '../../src/analysis/sensitivity.js';
import type { ReplicationOutcome } from '../../src/montecarlo/index.js';
import { buildReportModel } from '../../src/report/build-report.js';
import { renderChartPng } from '../../src/report/charts/render-png.js';
import { tornadoCharts } from '../../src/report/charts/tornado-charts.js';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { renderSensitivityCsv } from '../../src/report/sensitivity-csv.js';
import { buildSensitivityJson, type SensitivityJson } from '../../src/report/sensitivity-json.js';
import { renderSensitivityMarkdown } from '../../src/report/sensitivity-markdown.js';
import { renderSensitivityHtml } from '../../src/report/sensitivity-page-html.js';
import { renderSensitivityText } from '../../src/report/sensitivity-text.js';
import type { Scenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const XSS = '<script>alert(1)</script>';
const CHART_JS = readFileSync('node_modules/chart.js/dist/chart.umd.js', 'utf8');

function outcomes(n: number, start: number, step: number, options: { costUsd?: number; failed?: (i: number) => boolean } = {}): ReplicationOutcome[] {
  return Array.from({ length: n }, (_, i) => ({ wallTimeMs: (start + i * step) * 1000, costUsd: options.costUsd ?? 0.5, failed: options.failed?.(i) ?? false }));
}

function variantsOf(range: AssumptionRange): AssumptionVariants {
  const end = (name: 'low' | 'high') => ({ assumption: range, end: name, setting: range[name], value: range[name], scenario: {} as Scenario, sameAsBaseline: false });
  return { assumption: range, baselineValue: 1, low: end('low'), high: end('high') };
}

const pages = factor('itemReader.pageLatencyMs', 0.5, 2, { confidence: 'L', label: 'ListObjectsV2 page latency', words: ['listing 2× faster', 'listing 2× slower'], why: 'No AWS figure.' });
const hostile = { ...factor(`functions.${XSS}.perItemDurationMs`, 0.75, 1.25, { confidence: 'user', label: `Time per item, function ${XSS}`, why: 'Your <b>own</b> figure.' }), keys: ['functions', XSS, 'perItemDurationMs'] };
const listing = values('itemReader.listBeforeProcessing', false, true, { confidence: 'L', label: 'Whole listing first', why: 'AWS does not say.' });

function sensitivity(options: { failing?: boolean } = {}): SensitivityJson {
  const analysis = analyseSensitivity({
    baseline: outcomes(50, 100, 0.2),
    assumptions: [
      { variants: variantsOf(listing), low: outcomes(50, 95, 0.2), high: outcomes(50, 100, 0.2) },
      { variants: variantsOf(hostile), low: outcomes(50, 90, 0.2, { costUsd: 0.4 }), high: outcomes(50, 112, 0.2, { costUsd: 0.7, failed: options.failing ? () => true : undefined }) },
      { variants: variantsOf(pages), low: outcomes(50, 60, 0.2), high: outcomes(50, 180, 0.2) },
    ],
    rankBy: 'time',
  });
  return buildSensitivityJson({ identity: { name: XSS, description: `"quoted" & <img src=x onerror=alert(2)>`, file: 'scenarios/<odd>.yaml', sha256: '0'.repeat(64) }, seed: 7, analysis });
}

describe('tornado charts', () => {
  it('draw one row per assumption, largest swing first, from the baseline to each end', () => {
    const s = sensitivity();
    const charts = tornadoCharts(s);
    expect(charts.map((c) => c.id)).toEqual(['tornado-wall-time', 'tornado-cost']);
    const [time, cost] = charts;
    const data = time?.config.data as { labels: string[]; datasets: Array<{ label: string; data: unknown[] }> };
    expect(data.labels).toEqual(['ListObjectsV2 page latency (×0.5 / ×2)', 'Time per item, function <script>alert(1)</s… (×0.75 / ×1.25)', 'Whole listing first (false / true)']);
    const base = s.baseline.wallTimeSeconds.p90;
    expect(data.datasets[0]?.data[0]).toEqual([base, s.assumptions[0]?.low.wallTimeSeconds.p90]);
    expect(data.datasets[1]?.data[0]).toEqual([base, s.assumptions[0]?.high.wallTimeSeconds.p90]);
    expect(data.datasets[2]?.data).toEqual([{ x: base, y: data.labels[0] }, { x: base, y: data.labels[2] }]);
    // The cost chart has its own order: only the function's per-item time moves the cost.
    const costLabels = (cost?.config.data as { labels: string[] }).labels;
    expect(costLabels[0]).toMatch(/^Time per item/);
    expect(cost?.sentence).toMatch(/moves the P90 cost per run most: \$0\.4000 at the low end \(×0\.75\) and \$0\.7000 at the high end \(×1\.25\), against \$0\.5000 at baseline\.$/);
    expect(JSON.parse(JSON.stringify(time?.config))).toEqual(time?.config);
  });

  it('add a chart of the chance the Map Run fails when any run failed', () => {
    expect(tornadoCharts(sensitivity({ failing: true })).map((c) => c.id)).toEqual(['tornado-wall-time', 'tornado-cost', 'tornado-failure']);
  });

  it('render as PNGs of the height their rows need', async () => {
    const [chart] = tornadoCharts(sensitivity());
    const png = await renderChartPng(chart as NonNullable<typeof chart>);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(20)).toBe(chart?.heightPx);
  });
});

describe('sensitivity.html, .md, .csv and the terminal table', () => {
  const s = sensitivity({ failing: true });
  const charts = tornadoCharts(s);

  it('html: self-contained, every user string escaped, the flips before anything else', () => {
    const html = renderSensitivityHtml(s, charts, { chartJsSource: CHART_JS, rerunCommand: `dmap sensitivity 'scenarios/<odd>.yaml'` });
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>own</b>');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('Your &lt;b&gt;own&lt;/b&gt; figure.');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain(CHART_JS.slice(0, 200));
    for (const chart of charts) {
      const block = new RegExp(`<script type="application/json" id="chart-${chart.id}">([^<]*)</script>`).exec(html);
      expect(JSON.parse(block?.[1] ?? 'null')).toEqual(chart.config);
    }
    const flip = html.indexOf('Flip</span> With Time per item, function &lt;script&gt;alert(1)&lt;/script&gt; ×1.25 (functions.&lt;script&gt;');
    expect(flip).toBeGreaterThan(0);
    expect(flip).toBeLessThan(html.indexOf('<canvas'));
    expect(flip).toBeLessThan(html.indexOf('<table'));
  });

  it('markdown: escaped, charts as images, flips first', () => {
    const md = renderSensitivityMarkdown(s, charts, 'dmap sensitivity x');
    // Only inside code spans, which show their text as it is.
    expect(md.replace(/`[^`]*`/g, '')).not.toContain(XSS);
    expect(md).toContain('# &lt;script&gt;alert\\(1\\)&lt;/script&gt;: sensitivity');
    expect(md).toContain('![Sensitivity: P90 wall time](charts/tornado-wall-time.png)');
    const section = md.slice(md.indexOf('## What the assumptions change'));
    expect(section.split('\n')[2]).toMatch(/^> \*\*⚠ Flip:\*\* With Time per item, function &lt;script&gt;alert\\\(1\\\)/);
  });

  it('csv: the baseline and two rows per assumption', () => {
    const rows = renderSensitivityCsv(s).trim().split('\n');
    expect(rows).toHaveLength(1 + 1 + 2 * 3);
    expect(rows[1]).toMatch(/^,baseline,,Baseline,/);
    expect(rows[2]).toMatch(/^1,itemReader\.pageLatencyMs,itemReader\.pageLatencyMs,ListObjectsV2 page latency,L,low,×0\.5,/);
  });

  it('text: the flip on the first line', () => {
    expect(renderSensitivityText(s).split('\n')[0]).toMatch(/^Flip: with Time per item, function <script>/);
    expect(renderSensitivityText(sensitivity()).split('\n')[0]).toBe('No flips: at every end of every plausible range the Map Run succeeds in most runs, as at baseline.');
  });
});

describe('the simulate report with a Sensitivity section', () => {
  it('states the flips first, as review warnings, and adds the section and its charts', async () => {
    const { scenario, json } = await simulate({ name: 'small', itemReader: { source: 'inline', itemCount: 50 }, itemBatcher: { maxItemsPerBatch: 10 }, lambda: { perItemDurationMs: 20 } }, { runs: 3 });
    const model = buildReportModel({ result: json, scenario, rawDocument: {}, command: 'dmap simulate small.yaml', sensitivity: sensitivity({ failing: true }) });
    expect(model.warnings[0]?.title).toBe('An assumption flips whether the Map Run fails');
    expect(model.sensitivity?.charts.map((c) => c.id)).toEqual(['tornado-wall-time', 'tornado-cost', 'tornado-failure']);
    const html = renderHtmlReport(model, { chartJsSource: CHART_JS });
    expect(html).toContain('<section id="sensitivity" class="new-page">\n<h2>Sensitivity</h2>');
    expect(html).not.toContain(XSS);
    const md = renderMarkdownReport(model);
    expect(md.replace(/`[^`]*`/g, '')).not.toContain(XSS);
    expect(md).toContain('\n## Sensitivity\n\n> **⚠ Flip:** With Time per item');
    expect(md).toContain('![Sensitivity: P90 cost per run](charts/tornado-cost.png)');
  });
});
