/**
 * The HTML report from real simulations: self-contained (no external URL), one canvas
 * and one parseable JSON block per chart, user text escaped, the cost table with the
 * total as AWS bills.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PriceCatalogue } from '../../src/pricing/index.js';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import { buildCharts } from '../../src/report/charts/build-charts.js';
import { escapeHtml, jsonForScript, renderHtmlReport } from '../../src/report/html-report.js';
import type { ChartSpec, ReportModel } from '../../src/report/report-model.js';
import { reviewWarnings } from '../../src/report/review-warnings.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';
import { FIXTURE_CATALOGUE } from '../pricing/fixture-catalogue.js';

const CHART_JS = readFileSync('node_modules/chart.js/dist/chart.umd.js', 'utf8');
const XSS = '<script>alert(1)</script>';

const SCENARIO = {
  name: XSS,
  description: `"quoted" & 'single' <img src=x onerror=alert(2)>`,
  itemReader: { source: 'inline', itemCount: 300 },
  itemBatcher: { maxItemsPerBatch: 10 },
  maxConcurrency: 10,
  childWorkflow: { retry: 'console-default' },
  lambda: { invocationOverheadMs: 50, perItemDurationMs: { type: 'triangular', min: 20, mode: 40, max: 120 } },
} satisfies ScenarioInput;

/** A chart whose strings try to close the script that holds its configuration. */
const NASTY_CHART: ChartSpec = {
  id: 'nasty',
  title: 'Title <b>bold</b> & more',
  caption: '5 runs, seed 1',
  sentence: 'It says </script><script>alert(3)</script>.',
  config: {
    type: 'bar',
    data: {
      labels: ['</script><script>alert(4)</script>', 'a & b', 'line\u2028separator\u2029', '<!-- comment'],
      datasets: [{ label: "it's > 3", data: [1, 2, 3, 4] }],
    },
    options: { plugins: { title: { display: true, text: 'inside' } } },
  },
  widthPx: 800,
  heightPx: 400,
};

async function buildModel(input: ScenarioInput, options: { runs?: number; catalogue?: PriceCatalogue; charts?: 'real' | 'hand-made' } = {}): Promise<ReportModel> {
  const runs = options.runs ?? 5;
  const { scenario, json } = await simulate(input, {
    runs,
    identity: { file: 'scenarios/<odd> & "name".yaml', sha256: '0'.repeat(64) },
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
  });
  const command = `dmap report 'scenarios/<odd> & "name".yaml' --runs ${runs}`;
  const charts = options.charts === 'real' ? [...buildCharts(json), NASTY_CHART] : [NASTY_CHART];
  return {
    result: json,
    charts,
    assumptions: assumptionsLedger({ scenario, rawDocument: input, result: json, command }),
    warnings: reviewWarnings(scenario, json),
    rerunCommand: command,
  };
}

function render(model: ReportModel): string {
  return renderHtmlReport(model, { chartJsSource: CHART_JS });
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('jsonForScript', () => {
  it('leaves nothing that could end a script, and parses back to the same value', () => {
    const value = { s: '</script><!-- & \u2028\u2029 >' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderHtmlReport', () => {
  it('references no external resource: everything is inline', async () => {
    const model = await buildModel(SCENARIO, { charts: 'real' });
    const html = render(model);
    const attributes = [...html.matchAll(/\b(?:src|href|action|poster|srcset)\s*=\s*(["']?)([^"'\s>]*)\1/gi)].map((m) => m[2] as string);
    expect(attributes.filter((value) => /^(?:[a-z]+:)?\/\//i.test(value))).toEqual([]);
    const cssUrls = [...html.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)].map((m) => m[2] as string);
    expect(cssUrls.filter((value) => /^(?:[a-z]+:)?\/\//i.test(value))).toEqual([]);
    expect(html).not.toMatch(/<link\b|@import|<iframe\b|<img\b/i);
    // Outside Chart.js's own licence comment, no URL at all.
    expect(html).toContain(CHART_JS);
    expect(html.replace(CHART_JS, '')).not.toMatch(/https?:\/\//);
  });

  it('has one canvas per chart, each with its JSON configuration that parses back to the config', async () => {
    const model = await buildModel(SCENARIO, { charts: 'real' });
    const html = render(model);
    const canvases = [...html.matchAll(/<canvas\b[^>]*\bdata-chart-id="([^"]*)"/g)].map((m) => m[1]);
    expect((html.match(/<canvas\b/g) ?? []).length).toBe(model.charts.length);
    expect(canvases).toEqual(model.charts.map((c) => escapeHtml(c.id)));
    const blocks = new Map(
      [...html.matchAll(/<script type="application\/json" id="chart-([^"]*)">([\s\S]*?)<\/script>/g)].map((m) => [m[1], m[2] as string]),
    );
    expect(blocks.size).toBe(model.charts.length);
    for (const chart of model.charts) expect(JSON.parse(blocks.get(chart.id) as string), chart.id).toEqual(chart.config);
    // Every <script> is Chart.js, the boot script or a chart's JSON: nothing injected.
    expect((html.match(/<script\b/gi) ?? []).length).toBe(model.charts.length + 2);
    expect(html).toContain("document.body.dataset.chartsReady = 'true'");
    for (const chart of model.charts) expect(html).toContain(`<h3>${escapeHtml(chart.title)}</h3>`);
  });

  it('renders user text as text, never as markup', async () => {
    const html = render(await buildModel(SCENARIO));
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`<title>&lt;script&gt;alert(1)&lt;/script&gt; — dmap-planner report</title>`);
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('</script><script>alert(4)');
    expect(html).not.toContain('alert(3)</script>');
    expect(html).toContain('scenarios/&lt;odd&gt; &amp; &quot;name&quot;.yaml');
    expect(html).toContain('Title &lt;b&gt;bold&lt;/b&gt; &amp; more');
  });

  it('shows the cost lines with the exact total and the total as AWS bills', async () => {
    const model = await buildModel(SCENARIO);
    const html = render(model);
    const cost = model.result.cost;
    expect(html).toContain('<th>Service</th><th>Item</th><th class="num">Quantity</th><th>Unit</th><th class="num">Unit price</th>');
    const billed = `$${Number(cost.monthlyTotalUsdAwsRounded).toFixed(2)}`;
    expect(html).toMatch(new RegExp(`Billed a month \\(each line rounded to the cent, as AWS bills\\)</th><td class="num">\\${billed}</td>`));
    expect(html).toContain(`Cost a month, exact</th><td class="num">$${cost.monthlyTotalUsd}</td>`);
    for (const line of cost.lines) expect(html).toContain(escapeHtml(line.item));
  });

  it('marks unpriced lines UNPRICED, never $0.00', async () => {
    const model = await buildModel(
      { ...SCENARIO, lambda: { ...SCENARIO.lambda, logBytesPerInvocation: 500 } },
      { catalogue: FIXTURE_CATALOGUE },
    );
    const html = render(model);
    const rows = [...html.matchAll(/<tr class="line-unpriced">([\s\S]*?)<\/tr>/g)].map((m) => m[1] as string);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toContain('UNPRICED');
      expect(row).not.toContain('$0.00');
    }
    expect(html).toContain('Some usage is unpriced');
  });

  it('shows the headline figures, the warnings with a text label, the Map Run counts, the ledger and the footer', async () => {
    const model = await buildModel(SCENARIO);
    const html = render(model);
    for (const label of ['Wall time P50', 'Wall time P90', 'Cost per run P50', 'Cost per run P90', 'Map Run fails', 'Throttles P50 / P90', 'Cold starts P50 / P90']) {
      expect(html).toContain(`<div class="card-label">${label}</div>`);
    }
    expect(model.warnings.length).toBeGreaterThan(0); // no tolerance set
    for (const w of model.warnings) expect(html).toContain(escapeHtml(w.title));
    expect(html).toMatch(/<span class="callout-label"><span aria-hidden="true">ℹ<\/span> Note<\/span>/);
    expect(html).toContain('<th scope="row">Succeeded</th><td class="num">300</td><td class="num">30</td>');
    expect(html).toContain('<code>lambda.perItemDurationMs</code></td><td>triangular 20–120 ms (mode 40 ms)</td>');
    expect(html).toContain(`<code class="command">${escapeHtml(model.rerunCommand)}</code>`);
    expect(html).toContain(escapeHtml(`${model.result.cost.catalogue.name} ${model.result.cost.catalogue.version}`));
    expect(html).toMatch(/@media print/);
  });

  it('gives the same bytes for the same model', async () => {
    const model = await buildModel(SCENARIO, { charts: 'real' });
    expect(render(model)).toBe(render(structuredClone(model)));
  });

  it('reads sensibly for a single run', async () => {
    const html = render(await buildModel(SCENARIO, { runs: 1 }));
    expect(html).toContain('<div class="card-label">Wall time</div>');
    expect(html).toContain('<h2>Map Run details</h2>');
  });

  it('puts a cost card\'s display-currency amount on its own line under the USD one', async () => {
    const currency = { code: 'EUR', perUsd: 0.5, date: '2026-11-30' };
    const html = render(await buildModel({ ...SCENARIO, pricing: { currency } } as ScenarioInput));
    const card = /<div class="card-label">Cost per run P50<\/div><div class="card-value">\$([0-9.]+)<\/div><div class="card-currency">EUR ([0-9.]+)<\/div>/.exec(html);
    expect(card).not.toBeNull();
    expect(Number(card?.[2])).toBeCloseTo(Number(card?.[1]) / 2, 4);
    expect(html).toMatch(/<div class="card-label">Billed a month<\/div><div class="card-value">\$[0-9.]+<\/div><div class="card-currency">EUR [0-9.]+<\/div>/);
    // Without a currency, no such line.
    expect(render(await buildModel(SCENARIO))).not.toContain('card-currency">');
  });
});
