import { describe, expect, it } from 'vitest';
import type { PriceCatalogue } from '../../src/pricing/index.js';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import { buildCharts } from '../../src/report/charts/build-charts.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import type { ChartSpec, ReportModel } from '../../src/report/report-model.js';
import { reviewWarnings } from '../../src/report/review-warnings.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';
import { FIXTURE_CATALOGUE } from '../pricing/fixture-catalogue.js';

const SCENARIO = {
  name: '<script>alert(1)</script> | *bold* [link](x)',
  description: '# not a heading\nsecond line with `code` & <b>tags</b> and $5',
  itemReader: { source: 'inline', itemCount: 300 },
  itemBatcher: { maxItemsPerBatch: 10 },
  maxConcurrency: 10,
  childWorkflow: { retry: 'console-default' },
  lambda: { invocationOverheadMs: 50, perItemDurationMs: 30 },
} satisfies ScenarioInput;

const HAND_MADE: ChartSpec = {
  id: 'wall-time',
  title: 'Wall time | runs',
  caption: '5 runs, seed 1',
  sentence: 'P90 wall time 2 m 20 s.',
  config: { type: 'bar', data: { labels: ['a'], datasets: [{ label: 'x', data: [1] }] } },
  widthPx: 800,
  heightPx: 400,
};

async function buildModel(input: ScenarioInput, options: { catalogue?: PriceCatalogue; charts?: ChartSpec[] } = {}): Promise<ReportModel> {
  const { scenario, json } = await simulate(input, { runs: 5, ...(options.catalogue ? { catalogue: options.catalogue } : {}) });
  const command = 'dmap report scenarios/odd.yaml --runs 5';
  return {
    result: json,
    charts: options.charts ?? [HAND_MADE],
    assumptions: assumptionsLedger({ scenario, rawDocument: input, result: json, command }),
    warnings: reviewWarnings(scenario, json),
    rerunCommand: command,
  };
}

/** Cells of a table row, splitting on pipes that are not escaped. */
function cells(line: string): number {
  return line.split(/(?<!\\)\|/).length - 2;
}

describe('renderMarkdownReport', () => {
  it('has every section, in order', async () => {
    const md = renderMarkdownReport(await buildModel(SCENARIO));
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Headline figures',
      '## Review warnings',
      '## Charts',
      '## Cost',
      '## First run: Map Run details',
      '## Assumptions',
    ]);
    expect(md.split('\n').filter((l) => /^# /.test(l))).toHaveLength(1);
  });

  it('shows each chart as charts/<id>.png with its caption and sentence beneath', async () => {
    const model = await buildModel(SCENARIO);
    const charts = [...buildCharts(model.result), HAND_MADE];
    const md = renderMarkdownReport({ ...model, charts });
    for (const chart of charts) {
      const image = md.indexOf(`](charts/${chart.id}.png)`);
      expect(image, chart.id).toBeGreaterThan(0);
      const after = md.slice(image).split('\n')[2] as string;
      expect(after).toContain(chart.caption.replace(/[|*_]/g, (c) => `\\${c}`));
    }
    expect(md).toContain('![Wall time \\| runs](charts/wall-time.png)\n\n*5 runs, seed 1* — P90 wall time 2 m 20 s.');
  });

  it('escapes what would start a list or a heading, and leaves plain numbers alone', async () => {
    const model = await buildModel({ ...SCENARIO, name: '1. first', description: '- item' });
    const md = renderMarkdownReport(model);
    expect(md).toContain('# 1\\. first');
    expect(md).toContain('\n\\- item\n');
    expect(md).toMatch(/\| \d+\.\d+ \| GB-seconds \|/);
  });

  it('escapes user text: no raw HTML, no broken table, no stray formatting', async () => {
    const md = renderMarkdownReport(await buildModel(SCENARIO));
    expect(md).not.toMatch(/<[a-z/!]/i);
    expect(md).toContain('# &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| \\*bold\\* \\[link\\]\\(x\\)');
    expect(md).toContain('\\# not a heading second line with \\`code\\` &amp; &lt;b&gt;tags&lt;/b&gt; and \\$5');
    // Every row of a table has as many cells as its header.
    const lines = md.split('\n');
    let header: number | undefined;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= cells(line);
      expect(cells(line), line).toBe(header);
    }
  });

  it('gives the cost lines and both totals, and marks unpriced lines', async () => {
    const model = await buildModel({ ...SCENARIO, lambda: { ...SCENARIO.lambda, logBytesPerInvocation: 500 } }, { catalogue: FIXTURE_CATALOGUE });
    const md = renderMarkdownReport(model);
    const cost = model.result.cost;
    expect(md).toContain('| Service | Item | Quantity | Unit | Unit price | Cost (exact) | Cost (as billed) |');
    expect(md).toContain('| --- | --- | ---: | --- | ---: | ---: | ---: |');
    expect(md).toContain(`**Billed a month \\(each line rounded to the cent, as AWS bills\\)** |  |  |  |  | **\\$${Number(cost.monthlyTotalUsdAwsRounded).toFixed(2)}** |`);
    expect(md).toContain(`**\\$${cost.monthlyTotalUsd}**`);
    const unpriced = md.split('\n').filter((l) => l.includes('CloudWatch'));
    expect(unpriced.some((l) => l.includes('**⚠ UNPRICED**') && !l.includes('$0.00'))).toBe(true);
    expect(md).toContain('**⚠ Warning: Some usage is unpriced**');
  });

  it('ends with the tool, the catalogue and the rerun command in a code block', async () => {
    const model = await buildModel(SCENARIO);
    const md = renderMarkdownReport(model);
    expect(md.endsWith('```sh\ndmap report scenarios/odd.yaml --runs 5\n```\n')).toBe(true);
    expect(md).toContain(`dmap-planner ${model.result.tool.version} · prices: ${model.result.cost.catalogue.name}`);
    expect(md).toContain('| `lambda.perItemDurationMs` | constant 30 ms | scenario file | yours |  |');
    expect(renderMarkdownReport(structuredClone(model))).toBe(md);
  });
});
