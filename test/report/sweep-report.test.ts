/**
 * The sweep report from a sweep made by hand: the frontier chart with its whiskers and
 * marks, the heat map, sweep.html self-contained with every user string escaped, the
 * Markdown with the recommendation, the failed points in words and the race, the CSV,
 * and PNGs that render.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pointResult, type PointResult } from '../../src/planner/point-result.js';
import type { Recommendation } from '../../src/planner/recommend.js';
import { sweepFrontierChart } from '../../src/report/charts/sweep-frontier-chart.js';
import { sweepHeatmapChart } from '../../src/report/charts/sweep-heatmap-chart.js';
import { renderChartPng } from '../../src/report/charts/render-png.js';
import { renderSweepCsv } from '../../src/report/sweep-csv.js';
import { buildSweepJson, type SweepJson } from '../../src/report/sweep-json.js';
import { renderSweepReportFiles } from '../../src/report/sweep-report-files.js';
import { renderSweepText } from '../../src/report/sweep-text.js';
import type { MetricSummary, SimulationSummary } from '../../src/montecarlo/index.js';

const XSS = '<script>alert(1)</script>';
const CHART_JS = readFileSync('node_modules/chart.js/dist/chart.umd.js', 'utf8');

function metric(p50: number, p90: number): MetricSummary {
  return { n: 40, mean: p50, sd: 1, min: p50, max: p90, p50, p90, p95: p90, p99: p90, ci95: { mean: [p50, p50], p50: [p50, p50], p90: [p90 - 1, p90 + 1], p95: [p90, p90], p99: [p90, p90] } } as MetricSummary;
}

function summary(seconds: number, usd: number, failure = 0): SimulationSummary {
  const zero = metric(0, 0);
  return {
    runs: 40,
    wallTimeSeconds: metric(seconds, seconds + 5),
    costUsd: metric(usd, usd),
    counters: { throttles: zero, timedOutItems: zero },
    failure: { runsFailed: failure * 40, probability: failure, ci95: [0, 1] },
    failuresByError: failure > 0 ? { 'Lambda.Unknown': 40 } : {},
  } as unknown as SimulationSummary;
}

const economics = (usd: number, failure = 0) => ({
  runs: 40,
  failure: { probability: failure, ci95: [failure === 0 ? 0 : 0.9, failure === 0 ? 0.09 : 1] as [number, number] },
  deadline: { seconds: 100, missProbability: failure, ci95: [0, 0.09] as [number, number] },
  redriveUsdPerItem: 0.0001,
  itemsToRedriveMean: failure * 1000,
  expectedCostUsd: usd * (1 + failure),
  costAtRiskUsd: { p90: usd * (1 + failure), p99: usd * (1 + failure) },
});

function sweep(): SweepJson {
  const settings = (batch: number, name: string) => ({ 'itemBatcher.maxItemsPerBatch': batch, 'lambda.name': name });
  const goal = (p: number) => ({ runs: 40, runsMet: Math.round(p * 40), probability: p, ci95: [Math.max(0, p - 0.1), Math.min(1, p + 0.05)] as [number, number] });
  const points: PointResult[] = [
    pointResult(0, settings(100, XSS), summary(120, 0.8), { goal: goal(0), failureEconomics: economics(0.8), p10: { wallTimeSeconds: 110, costUsd: 0.79 }, race: { droppedAfterRuns: 20, kind: 'misses', reason: 'met the goal in 0 of 20 runs' } }),
    pointResult(1, settings(500, XSS), summary(80, 0.6), { goal: goal(1), failureEconomics: economics(0.6), p10: { wallTimeSeconds: 75, costUsd: 0.6 } }),
    pointResult(2, settings(100, 'b'), summary(110, 0.75), { goal: goal(0.5), failureEconomics: economics(0.75), p10: { wallTimeSeconds: 100, costUsd: 0.74 } }),
    pointResult(3, settings(500, 'b'), summary(70, 0.5, 1), {
      goal: goal(0),
      failureEconomics: economics(0.5, 1),
      failureCause: "a batch of 500 items takes about 62 s (P50), past the function's 60 s timeout",
      p10: { wallTimeSeconds: 65, costUsd: 0.5 },
    }),
  ];
  const recommendation: Recommendation = { strategy: 'deadline', pointIndex: 1, confidence: 0.95, reason: `Pick ${XSS} because.`, tieRule: 'a tie goes to the more robust', comparisons: [] };
  return buildSweepJson({
    identity: { name: `flagship ${XSS}`, description: XSS, file: 'x.yaml', sha256: 'abc' },
    seed: 7,
    runsPerPoint: 40,
    variations: [
      { path: 'itemBatcher.maxItemsPerBatch', values: [100, 500] },
      { path: 'lambda.name', values: [XSS, 'b'] },
    ],
    goal: { deadlineSeconds: 100, confidence: 0.95 },
    race: { enabled: true, rounds: 2, replications: 100, fullGridReplications: 160 },
    points,
    frontier: [points[1] as PointResult],
    recommendation,
  });
}

describe('sweep report', () => {
  it('draws the frontier with P10–P90 whiskers, the pick marked and failing points crossed', () => {
    const chart = sweepFrontierChart(sweep());
    const datasets = (chart.config.data as { datasets: Array<{ label: string; data: Array<{ x: number | null; y: number | null }> }> }).datasets;
    const byLabel = new Map(datasets.map((d) => [d.label, d.data]));
    expect(byLabel.get('Recommended')).toEqual([{ x: 85, y: 0.6, label: `500 × ${XSS}` }]);
    expect(byLabel.get('Fails or times out')?.map((p) => p.x)).toEqual([75]);
    const whiskers = byLabel.get('P10–P90 of runs') ?? [];
    expect(whiskers).toHaveLength(4 * 6);
    // Point 0: from P10 110 s to P90 125 s at its P90 cost, then a gap.
    expect(whiskers.slice(0, 3)).toEqual([{ x: 110, y: 0.8 }, { x: 125, y: 0.8 }, { x: null, y: null }]);
    expect(JSON.parse(JSON.stringify(chart.config))).toEqual(chart.config);
  });

  it('colours the heat map by the probability of meeting the goal', () => {
    const chart = sweepHeatmapChart(sweep());
    const datasets = (chart?.config.data as unknown as { datasets: Array<{ label: string; data: Array<{ x: string; y: string }> }> }).datasets;
    expect(datasets.map((d) => [d.label, d.data])).toEqual([
      ['meets the goal in ≥ 95 % of runs', [{ x: '500', y: XSS }]],
      ['in 50 % to 95 %', [{ x: '100', y: 'b' }]],
      ['in under 50 %', [{ x: '100', y: XSS }]],
      ['fails or times out', [{ x: '500', y: 'b' }]],
    ]);
  });

  it('writes HTML with every user string escaped, Markdown, JSON, CSV and PNGs', async () => {
    const s = sweep();
    const files = await renderSweepReportFiles(s, { chartJsSource: CHART_JS, rerunCommand: `dmap sweep '${XSS}'` });
    expect(files.map((f) => f.path)).toEqual(['sweep.html', 'sweep.md', 'sweep.json', 'sweep.csv', 'charts/sweep-frontier.png', 'charts/sweep-heatmap.png']);
    const html = String(files[0]?.content);
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="num">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('a batch of 500 items takes about 62 s (P50), past the function&#39;s 60 s timeout');
    const md = String(files[1]?.content);
    expect(md).toContain('## Configurations that fail or time out');
    expect(md).toContain("- 500 × b \\(maxItemsPerBatch × name\\): fails in 100 % of runs: a batch of 500 items takes about 62 s \\(P50\\), past the function's 60 s timeout.");
    expect(md).toContain('## The race');
    expect(md).toContain('![P90 wall time against P90 cost per run](charts/sweep-frontier.png)');
    expect(JSON.parse(String(files[2]?.content))).toEqual(s);
    for (const png of files.slice(4)) expect((png.content as Buffer).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes one CSV row per configuration with its failure economics and race', () => {
    const csv = renderSweepCsv(sweep()).trim().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toMatch(/^index,itemBatcher.maxItemsPerBatch,lambda.name,runs,wall_time_seconds_p10,/);
    expect(csv[1]).toContain(',met the goal in 0 of 20 runs');
    expect(csv[4]).toContain(",\"a batch of 500 items takes about 62 s (P50), past the function's 60 s timeout\",");
  });

  it('prints the table with runs, the probability of meeting the goal, the race and the tie rule', () => {
    const text = renderSweepText(sweep());
    expect(text).toContain('goal: finish within 1 m 40 s in 95 % of runs');
    expect(text).toContain('out after 20 runs: misses the goal');
    expect(text).toContain('Racing: 100 of the full grid\'s 160 replications (62.5 %)');
    expect(text).toContain('Tie rule: a tie goes to the more robust.');
  });
});
