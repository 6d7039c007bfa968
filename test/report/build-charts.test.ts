import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts/build-charts.js';
import type { ChartSpec } from '../../src/report/report-model.js';
import type { SimulationJson } from '../../src/report/simulation-json.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const IDS = ['concurrency', 'items-completed', 'wall-time', 'bounded-by', 'cost-by-line', 'cost-distribution'];
/** A unit in an axis title: (s), (min), (count), (per s) or USD. */
const UNIT = /\((s|min|count|per s|%)\)|USD/;

async function simulateText(text: string, file: string, runs: number): Promise<SimulationJson> {
  const { scenario } = parseScenarioText(text, file);
  return (await simulate(scenario, { runs, workers: 1 })).json;
}

async function simulateFile(file: string, runs: number): Promise<SimulationJson> {
  return simulateText(readFileSync(file, 'utf8'), file, runs);
}

/** The flagship with an S3 listing fast enough that 3,000 children outrun Lambda's 1,000. */
function throttlingScenarioText(): string {
  const flagship = readFileSync('scenarios/reinvent-500k.yaml', 'utf8');
  // Fast listing and a fast dispatch: children arrive faster than Lambda's 1,000.
  const text = `${flagship.replace(/^(\s*)pageLatencyMs:.*$/m, '$1pageLatencyMs: 10')}\nchildStarts:\n  dispatchPerSecond: 1000\n`;
  expect(text).toMatch(/pageLatencyMs: 10$/m);
  // The flagship already has MaxConcurrency 3,000, a 1,000 account limit and the console's
  // Retry, which retries Lambda.TooManyRequestsException.
  expect(text).toMatch(/^maxConcurrency: 3000$/m);
  expect(text).toMatch(/^\s+accountConcurrency: 1000$/m);
  expect(text).toMatch(/retry: console-default/);
  return text;
}

interface Axis {
  type?: string;
  title?: { display?: boolean; text?: string };
}

function scalesOf(spec: ChartSpec): Record<string, Axis> {
  return (spec.config.options?.scales ?? {}) as Record<string, Axis>;
}

interface AnyDataset {
  label?: string;
  type?: string;
  fill?: unknown;
  yAxisID?: string;
  data: Array<{ x: number; y: number } | number | null>;
}

function datasetsOf(spec: ChartSpec): AnyDataset[] {
  return spec.config.data.datasets as unknown as AnyDataset[];
}

function chart(charts: ChartSpec[], id: string): ChartSpec {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

/** Paths of values JSON cannot carry: functions, undefined, NaN and infinities. */
function unserialisable(value: unknown, path = 'config'): string[] {
  if (typeof value === 'function' || value === undefined) return [path];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => unserialisable(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unserialisable(v, `${path}.${k}`));
  return [];
}

function histogramTotal(spec: ChartSpec): number {
  const bars = datasetsOf(spec).filter((d) => d.type === 'bar');
  expect(bars).toHaveLength(1);
  return (bars[0]?.data as Array<{ y: number }>).reduce((sum, p) => sum + p.y, 0);
}

let flagship: SimulationJson;
let throttling: SimulationJson;
let small: SimulationJson;
let single: SimulationJson;

beforeAll(async () => {
  flagship = await simulateFile('scenarios/reinvent-500k.yaml', 30);
  throttling = await simulateText(throttlingScenarioText(), 'throttling.yaml', 30);
  small = await simulateFile('scenarios/small-inline.yaml', 30);
  single = await simulateFile('scenarios/small-inline.yaml', 1);
}, 120_000);

describe('buildCharts', () => {
  const cases = () => [
    ['flagship', flagship],
    ['throttling', throttling],
    ['small-inline', small],
    ['one run', single],
  ] as const;

  it('gives six charts with unique ids, titles, captions and sentences, 960 × 480', () => {
    for (const [name, result] of cases()) {
      const charts = buildCharts(result);
      expect(charts.map((c) => c.id), name).toEqual(IDS);
      for (const spec of charts) {
        const where = `${name} ${spec.id}`;
        expect(spec.id, where).toMatch(/^[a-z0-9-]+$/);
        expect(spec.title.length, where).toBeGreaterThan(0);
        expect(spec.caption, where).toBe(`${result.runs} ${result.runs === 1 ? 'run' : 'runs'}, seed ${result.seed}`);
        expect(spec.sentence, where).toMatch(/^[A-Z].*\.$/);
        expect(spec.sentence, where).not.toMatch(/\.\s|NaN|undefined|Infinity/);
        expect([spec.widthPx, spec.heightPx], where).toEqual([960, 480]);
      }
    }
  });

  it('sets the title, legend and sizing options the HTML and PNG renderers expect', () => {
    for (const spec of buildCharts(flagship)) {
      const options = spec.config.options ?? {};
      expect(options.plugins?.title?.display, spec.id).toBe(true);
      expect(options.plugins?.title?.text, spec.id).toBe(spec.title);
      expect(options.plugins?.legend?.display, spec.id).toBe(true);
      expect(options.animation, spec.id).toBe(false);
      expect(options.responsive, spec.id).toBe(true);
      expect(options.maintainAspectRatio, spec.id).toBe(false);
    }
  });

  it('titles every numeric axis with its unit', () => {
    for (const [name, result] of cases()) {
      for (const spec of buildCharts(result)) {
        const scales = scalesOf(spec);
        expect(Object.keys(scales), `${name} ${spec.id}`).toEqual(expect.arrayContaining(['x', 'y']));
        for (const [id, axis] of Object.entries(scales)) {
          if (axis.type !== 'linear') continue;
          expect(axis.title?.display, `${name} ${spec.id} ${id}`).toBe(true);
          expect(axis.title?.text, `${name} ${spec.id} ${id}`).toMatch(UNIT);
        }
      }
    }
    expect(scalesOf(chart(buildCharts(flagship), 'cost-by-line'))['x']?.title?.text).toMatch(/USD per run/);
    expect(scalesOf(chart(buildCharts(flagship), 'cost-distribution'))['x']?.title?.text).toMatch(/USD per run/);
    expect(scalesOf(chart(buildCharts(flagship), 'concurrency'))['x']?.title?.text).toMatch(/\(s\)/);
  });

  it('holds no functions: every configuration survives JSON unchanged', () => {
    for (const [name, result] of cases()) {
      for (const spec of buildCharts(result)) {
        expect(unserialisable(spec.config), `${name} ${spec.id}`).toEqual([]);
        expect(JSON.parse(JSON.stringify(spec.config)), `${name} ${spec.id}`).toStrictEqual(spec.config);
      }
    }
  });

  it('is deterministic and leaves its input alone', () => {
    const before = structuredClone(flagship);
    const first = buildCharts(flagship);
    expect(flagship).toStrictEqual(before);
    expect(buildCharts(structuredClone(flagship))).toStrictEqual(first);
  });

  it('says when Lambda throttled, and when it did not', () => {
    expect(throttling.mapRun.attempts.throttled).toBeGreaterThan(0);
    const throttled = chart(buildCharts(throttling), 'concurrency');
    expect(throttled.sentence).toMatch(/Lambda throttled (during the first|from) \d/);
    expect(throttled.sentence).not.toMatch(/no throttling/);
    expect(datasetsOf(throttled).some((d) => d.yAxisID === 'throttles')).toBe(true);
    expect(scalesOf(throttled)['throttles']?.title?.text).toMatch(UNIT);

    for (const result of [flagship, small, single]) {
      expect(result.summary.counters['throttles']?.max).toBe(0);
      expect(chart(buildCharts(result), 'concurrency').sentence).toMatch(/; no throttling\.$/);
    }
  });

  it('computes "throttled from A to B" from the first and last throttled buckets of the median or P90 run', () => {
    const band = throttling.summary.timeSeries.throttles;
    let first = -1;
    let last = -1;
    band.p50.forEach((_, i) => {
      if ((band.p50[i] as number) > 0 || (band.p90[i] as number) > 0) {
        if (first < 0) first = i;
        last = i;
      }
    });
    const bucketSeconds = throttling.summary.timeSeries.bucketSeconds;
    const [startSeconds, endSeconds] = [first * bucketSeconds, (last + 1) * bucketSeconds];
    // The children arrive once listing is done, so throttling starts a few seconds in.
    expect(startSeconds).toBeGreaterThan(endSeconds / 4);
    expect(endSeconds).toBeLessThan(60);
    expect(chart(buildCharts(throttling), 'concurrency').sentence).toContain(`throttled from ${Number(startSeconds.toFixed(1))} s to ${Number(endSeconds.toFixed(1))} s`);
  });

  it('ends the items-completed curve at the median total: every item, when every run succeeds', () => {
    for (const [name, result] of cases()) {
      const items = chart(buildCharts(result), 'items-completed');
      const curve = datasetsOf(items)[0]?.data as Array<{ x: number; y: number }>;
      const ys = curve.map((p) => p.y);
      expect(ys.every((y, i) => i === 0 || y >= (ys[i - 1] as number)), name).toBe(true);
      if (result.summary.failure.runsFailed === 0) expect(ys.at(-1), name).toBe(result.mapRun.itemCounts.total);
    }
  });

  it('draws median lines with p10–p90 bands filled between two datasets for several runs', () => {
    const concurrency = chart(buildCharts(flagship), 'concurrency');
    const datasets = datasetsOf(concurrency);
    const bands = datasets.map((d, i) => ({ d, i })).filter(({ d }) => d.fill === '-1');
    expect(bands).toHaveLength(2);
    for (const { d, i } of bands) {
      const upper = d.data as Array<{ x: number; y: number }>;
      const lower = datasets[i - 1]?.data as Array<{ x: number; y: number }>;
      expect(lower.map((p) => p.x)).toEqual(upper.map((p) => p.x));
      upper.forEach((p, j) => expect(p.y).toBeGreaterThanOrEqual((lower[j] as { y: number }).y));
    }
    expect(datasets.filter((d) => /median/.test(d.label ?? ''))).toHaveLength(2);
    const xs = (datasets[0]?.data as Array<{ x: number }>).map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('plots the run itself, without bands, for one run', () => {
    const concurrency = chart(buildCharts(single), 'concurrency');
    const datasets = datasetsOf(concurrency);
    expect(datasets.some((d) => d.fill === '-1')).toBe(false);
    const children = datasets.find((d) => /Running children/.test(d.label ?? ''));
    expect((children?.data as Array<{ y: number }>).map((p) => p.y)).toEqual(single.timeSeries.runningChildren);
    const items = datasetsOf(chart(buildCharts(single), 'items-completed'))[0]?.data as Array<{ y: number }>;
    expect(items.at(-1)?.y).toBe(single.timeSeries.itemsCompleted.reduce((a, b) => a + b, 0));
  });

  it('accumulates items completed into a rising curve that ends near the item count', () => {
    for (const result of [flagship, small, single]) {
      const spec = chart(buildCharts(result), 'items-completed');
      const ys = (datasetsOf(spec)[0]?.data as Array<{ y: number }>).map((p) => p.y);
      expect(ys[0]).toBe(0);
      ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i] as number));
      // A running sum of per-bucket medians approximates the median run: close, not exact.
      expect(Math.abs((ys.at(-1) as number) / result.mapRun.itemCounts.total - 1)).toBeLessThan(0.05);
      expect(spec.sentence).toMatch(/^Half of the [\d,]+ items were done by .+ and 90 % by .+\.$/);
    }
  });

  it('bins every run once in the histograms and marks P50 and P90', () => {
    for (const result of [flagship, throttling, small, single]) {
      const charts = buildCharts(result);
      for (const id of ['wall-time', 'cost-distribution']) {
        const spec = chart(charts, id);
        expect(histogramTotal(spec), `${result.runs} ${id}`).toBe(result.runs);
        const markers = datasetsOf(spec).filter((d) => d.type === 'line');
        expect(markers.length).toBe(result.runs === 1 ? 1 : 2);
        for (const m of markers) {
          const [bottom, top] = m.data as Array<{ x: number; y: number }>;
          expect(bottom?.x).toBe(top?.x);
          expect(bottom?.y).toBe(0);
        }
      }
    }
    const wall = datasetsOf(chart(buildCharts(flagship), 'wall-time')).filter((d) => d.type === 'line');
    expect(wall.map((d) => (d.data[0] as { x: number }).x)).toEqual([flagship.summary.wallTimeSeconds.p50, flagship.summary.wallTimeSeconds.p90]);
    expect(chart(buildCharts(flagship), 'wall-time').sentence).toMatch(/^P50 wall time .+ and P90 .+; the slowest of 30 runs took .+\.$/);
  });

  it('sorts the cost lines by their mean cost per run, which add up to the mean cost per run', () => {
    const spec = chart(buildCharts(flagship), 'cost-by-line');
    const labels = spec.config.data.labels as string[];
    expect(labels).toHaveLength(Object.keys(flagship.summary.costByLine).length);
    const rows = labels.map((_, row) => datasetsOf(spec).map((d) => d.data[row]).find((v) => v !== null) as number);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
    expect(rows.reduce((a, b) => a + b, 0)).toBeCloseTo(flagship.summary.costUsd.mean, 6);
    expect(labels[0]).toMatch(/^Lambda: Duration \(x86\) — \$0\.\d+$/);
    expect(spec.sentence).toMatch(/^AWS Lambda: Duration \(x86\) is \d+ % of the mean cost per run of \$0\.\d+\.$/);
  });

  it('with a display currency, titles the money axes with the rate and gives both amounts in the sentences and the actual run\'s marker', () => {
    const currency = { code: 'EUR', perUsd: 0.5, date: '2026-11-30' };
    const converted = { ...flagship, cost: { ...flagship.cost, currency: { ...currency, note: '', monthlyTotal: '0', monthlyTotalAwsRounded: '0', perRun: '0' } } };
    const charts = buildCharts(converted, { costUsd: 0.5 });
    const xTitle = (id: string) => ((chart(charts, id).config.options?.scales as Record<string, Axis>)['x']?.title?.text ?? '');
    expect(xTitle('cost-distribution')).toBe('Cost per run (USD per run); EUR = USD × 0.5 (rate of 2026-11-30)');
    expect(xTitle('cost-by-line')).toBe('USD per run (mean across runs); EUR = USD × 0.5 (rate of 2026-11-30)');
    expect(chart(charts, 'cost-by-line').sentence).toMatch(/mean cost per run of \$0\.\d+ \(EUR 0\.\d+\)\.$/);
    expect(chart(charts, 'cost-distribution').sentence).toMatch(/^P50 cost per run \$[\d.]+ \(EUR [\d.]+\)/);
    expect(datasetsOf(chart(charts, 'cost-distribution')).map((d) => d.label)).toContain('Actual run $0.50 (EUR 0.25)');
    // Without one, the axes stay as they were.
    expect((chart(buildCharts(flagship), 'cost-distribution').config.options?.scales as Record<string, Axis>)['x']?.title?.text).toBe('Cost per run (USD per run)');
  });
});
