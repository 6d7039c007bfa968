/**
 * The report's six charts, as Chart.js configurations plus the words around them: a
 * title, a caption (runs and seed) and one sentence computed from the data. Pure and
 * deterministic. The configurations hold no functions (no tick or legend callbacks), so
 * they survive JSON: the HTML report embeds them and the PNG renderer draws them as they
 * are. Units live in the axis titles for the same reason.
 *
 * Time series are drawn per bucket: gauges (running children, running invocations) at
 * the bucket's middle, cumulative counts at its end. Long runs are thinned to at most
 * MAX_POINTS points by merging neighbouring buckets (the peak of a gauge, the sum of a
 * count), which keeps the embedded JSON small without hiding a peak. Their tooltips pick
 * the points nearest in time (all series share their x values), so the two-point limit
 * lines do not intrude the way index mode would make them.
 */
import type { ChartConfiguration, ChartDataset, ChartOptions, Point } from 'chart.js';
import { formatCount, formatDuration } from '../format-duration.js';
import { formatUsd, moneyAxisTitle, withCurrency } from '../format-money.js';
import { roundTo } from '../round.js';
import type { ChartSpec } from '../report-model.js';
import type { SimulationJson } from '../simulation-json.js';
import { boundedByChart } from './bounded-by-chart.js';

export const CHART_WIDTH_PX = 960;
export const CHART_HEIGHT_PX = 480;

/** Okabe & Ito's palette, safe for the common forms of colour blindness. */
export const CHART_PALETTE = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
  grey: '#6E6E6E',
} as const;

/** Most points one time-series line carries; longer series merge neighbouring buckets. */
const MAX_POINTS = 600;
/** Above this span (in seconds) time axes are in minutes rather than seconds. */
const MINUTES_ABOVE_SECONDS = 1800;
const TRANSPARENT = 'rgba(0,0,0,0)';
const TEXT_COLOUR = '#333333';

type TimeSeriesName = 'runningChildren' | 'runningInvocations' | 'throttles' | 'itemsCompleted' | 'itemsCompletedSoFar';
type LineDataset = ChartDataset<'line', Point[]>;

interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

/** A real run to mark on the distributions (a back-test). */
export interface ActualMarks {
  wallTimeSeconds?: number;
  costUsd?: number;
}

export function buildCharts(result: SimulationJson, actual: ActualMarks = {}): ChartSpec[] {
  const caption = `${formatCount(result.runs)} ${result.runs === 1 ? 'run' : 'runs'}, seed ${result.seed}`;
  return [
    concurrencyChart(result, caption),
    itemsCompletedChart(result, caption),
    wallTimeChart(result, caption, actual.wallTimeSeconds),
    boundedByChart(result, caption),
    costByLineChart(result, caption),
    costDistributionChart(result, caption, actual.costUsd),
  ];
}

// ---------------------------------------------------------------------------------------
// Concurrency over time

function concurrencyChart(result: SimulationJson, caption: string): ChartSpec {
  const axis = timeAxisOf(result);
  const banded = result.runs > 1;
  const children = downsampleBand(bandOf(result, 'runningChildren'), axis, 'max');
  const invocations = downsampleBand(bandOf(result, 'runningInvocations'), axis, 'max');
  const mids = axis.groups.map((g) => roundTo((g.startSeconds + g.endSeconds) / 2 / axis.scale, 3));
  const which = banded ? 'median' : 'one run';

  // Legend order follows `order`; drawing goes from the highest order to the lowest, so
  // the invocations' thin line lies on top of the children's thick one (with one Lambda
  // invocation per child the two curves often coincide) and both on top of the bands.
  const datasets: LineDataset[] = [];
  const addSeries = (name: string, band: Band, colour: string, width: number, order: number) => {
    datasets.push(line(`${name} (${which})`, points(mids, band.p50), colour, { order, borderWidth: width }));
    if (!banded) return;
    // The p10–p90 band: the lower edge (invisible; empty label, last in the legend) and the
    // upper edge, filled down to it with fill '-1'.
    datasets.push(
      line('', points(mids, band.p10), TRANSPARENT, { order: 30 + order, borderWidth: 0, backgroundColor: TRANSPARENT, pointHoverRadius: 0 }),
      line(`${name} (P10–P90 of runs)`, points(mids, band.p90), withAlpha(colour, 0.22), {
        order: order + 10,
        borderWidth: 0,
        backgroundColor: withAlpha(colour, 0.22),
        fill: '-1',
        pointStyle: 'rect',
        pointHoverRadius: 0,
      }),
    );
  };
  addSeries('Running children', children, CHART_PALETTE.blue, 4, 1);
  addSeries('Lambda invocations', invocations, CHART_PALETTE.bluishGreen, 1.75, 0);
  let order = 20;
  // Throttles on the right axis, when there were any: the median per second, or the P90
  // when the median run was never throttled.
  const throttleBand = bandOf(result, 'throttles');
  const medianThrottled = throttleBand.p50.some((v) => v > 0);
  if (medianThrottled || throttleBand.p90.some((v) => v > 0)) {
    const series = medianThrottled ? throttleBand.p50 : throttleBand.p90;
    const rate = downsample(series, axis, 'sum').map((count, i) => {
      const g = axis.groups[i] as BucketGroup;
      return roundTo(count / (g.endSeconds - g.startSeconds), 3);
    });
    datasets.push(
      line(`Throttled attempts/s (${medianThrottled ? which : 'P90 of runs'}, right axis)`, points(mids, rate), CHART_PALETTE.vermillion, {
        order: order++,
        borderWidth: 1.5,
        yAxisID: 'throttles',
      }),
    );
  }

  // Limits that shape the curves, drawn when they are within reach of the data (a limit
  // far above every curve would squash them against the axis).
  const peak = Math.max(maxOf(children.p90), maxOf(invocations.p90));
  const limits = [
    { label: `Lambda concurrency limit ${formatCount(result.mapRun.lambdaConcurrencyLimit)}`, value: result.mapRun.lambdaConcurrencyLimit, colour: CHART_PALETTE.bluishGreen },
    { label: `MaxConcurrency ${formatCount(result.mapRun.maxConcurrency)}`, value: result.mapRun.maxConcurrency, colour: CHART_PALETTE.blue },
  ];
  for (const limit of limits) {
    if (!(limit.value > 0 && limit.value <= 2 * peak)) continue;
    datasets.push(
      line(limit.label, [{ x: 0, y: limit.value }, { x: axis.max, y: limit.value }], limit.colour, {
        order: order++,
        borderWidth: 1.5,
        borderDash: [6, 4],
        pointHoverRadius: 0,
      }),
    );
  }

  const peakChildren = formatCount(roundTo(maxOf(bandOf(result, 'runningChildren').p50), 0));
  const peakInvocations = roundTo(maxOf(bandOf(result, 'runningInvocations').p50), 0);
  const limit = result.mapRun.lambdaConcurrencyLimit;
  const concurrencyPhrase =
    limit > 0 && peakInvocations >= limit
      ? `At most ${peakChildren} child executions ran at once and Lambda invocations reached the ${formatCount(limit)} concurrency limit`
      : `At most ${peakChildren} child executions and ${formatCount(peakInvocations)} Lambda invocations ran at once`;
  const sentence = `${concurrencyPhrase} (${banded ? 'median across runs' : 'one run'}); ${throttlingPhrase(result)}.`;

  const options = baseOptions('Concurrency over time', caption);
  options.interaction = { mode: 'nearest', axis: 'x', intersect: false };
  options.scales = {
    x: timeScale(axis),
    y: { type: 'linear', beginAtZero: true, title: { display: true, text: 'Running at once (count)' }, ticks: { precision: 0 } },
  };
  if (datasets.some((d) => d.yAxisID === 'throttles')) {
    options.scales['throttles'] = {
      type: 'linear',
      position: 'right',
      beginAtZero: true,
      title: { display: true, text: result.usage.tasks ? 'Throttled attempts, Lambda and quotas (per s)' : 'Throttled Lambda attempts (per s)', color: CHART_PALETTE.vermillion },
      ticks: { precision: 0, color: CHART_PALETTE.vermillion },
      grid: { drawOnChartArea: false },
    };
  }
  const config: ChartConfiguration<'line', Point[]> = { type: 'line', data: { datasets }, options };
  return spec('concurrency', 'Concurrency over time', caption, sentence, config);
}

/**
 * "Lambda throttled during the first 18 s", from the last bucket in which the median or
 * the P90 run was throttled; "no throttling" when no bucket was.
 */
function throttlingPhrase(result: SimulationJson): string {
  const who = result.usage.tasks ? 'tasks' : 'Lambda';
  const band = bandOf(result, 'throttles');
  const bucketSeconds = bucketSecondsOf(result);
  const throttled = (i: number) => (band.p50[i] ?? 0) > 0 || (band.p90[i] ?? 0) > 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < band.p50.length; i++) {
    if (!throttled(i)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (last < 0) {
    const any = result.summary.counters['throttles'];
    return any && any.max > 0 ? `${who} throttled in a few runs only` : 'no throttling';
  }
  const startMs = first * bucketSeconds * 1000;
  const endMs = (last + 1) * bucketSeconds * 1000;
  if (startMs <= endMs / 4) return `${who} throttled during the first ${formatDuration(endMs)}`;
  return `${who} throttled from ${formatDuration(startMs)} to ${formatDuration(endMs)}`;
}

// ---------------------------------------------------------------------------------------
// Items completed over time

/**
 * Cumulative items completed. With one run this is the run's own series. With several it
 * is the running sum of the per-bucket medians: an approximation of the median run's
 * progress (a sum of medians is not the median of sums; it usually ends within a few
 * percent of the true total). No p10–p90 band is drawn because summing per-bucket P10s
 * or P90s would be far wider than any run (a P90 curve could pass the item count);
 * the wall-time histogram shows the spread between runs instead.
 */
function itemsCompletedChart(result: SimulationJson, caption: string): ChartSpec {
  const axis = timeAxisOf(result);
  const banded = result.runs > 1;
  // The median across runs of the items done so far (a finished run keeps its total), so
  // the curve ends at the median total; a running sum of per-bucket medians would not.
  const soFar = bandOf(result, 'itemsCompletedSoFar').p50;
  const atGroupEnds = downsample(soFar, axis, 'max');
  const cumulative: Point[] = [{ x: 0, y: 0 }, ...atGroupEnds.map((count, i) => ({ x: roundTo((axis.groups[i] as BucketGroup).endSeconds / axis.scale, 3), y: roundTo(count, 3) }))];
  const sum = soFar[soFar.length - 1] ?? 0;
  const total = result.mapRun.itemCounts.total;
  const datasets: LineDataset[] = [
    line(
      banded ? 'Items completed so far: succeeded, failed or timed out (median across runs)' : 'Items completed so far: succeeded, failed or timed out',
      cumulative,
      CHART_PALETTE.blue,
      { borderWidth: 2.5, fill: 'origin', backgroundColor: withAlpha(CHART_PALETTE.blue, 0.12), pointStyle: 'rect' },
    ),
  ];
  if (total > 0) {
    datasets.push(
      line(`All ${formatCount(total)} items`, [{ x: 0, y: total }, { x: axis.max, y: total }], CHART_PALETTE.grey, {
        borderWidth: 1.5,
        borderDash: [6, 4],
        pointHoverRadius: 0,
      }),
    );
  }

  // When the curve first reaches a share of all items (ms), interpolated within the
  // bucket as the chart's line is.
  const reach = (share: number): number | undefined => {
    const target = share * total;
    const bucketMs = bucketSecondsOf(result) * 1000;
    for (let i = 0; i < soFar.length; i++) {
      const before = i === 0 ? 0 : (soFar[i - 1] as number);
      const after = soFar[i] as number;
      if (after >= target && after > before) return (i + (target - before) / (after - before)) * bucketMs;
    }
    return undefined;
  };
  const half = total > 0 ? reach(0.5) : undefined;
  const most = total > 0 ? reach(0.9) : undefined;
  const who = banded ? 'medians across runs' : 'one run';
  let sentence: string;
  if (total <= 0) sentence = 'The Map Run had no items.';
  else if (half === undefined) sentence = `Only ${formatPercent(sum / total)} of the ${formatCount(total)} items completed (${who}).`;
  else if (most === undefined)
    sentence = `Half of the ${formatCount(total)} items were done by ${formatDuration(half)}, but only ${formatPercent(sum / total)} ever completed (${who}).`;
  else sentence = `Half of the ${formatCount(total)} items were done by ${formatDuration(half)} and 90 % by ${formatDuration(most)} (${who}).`;

  const options = baseOptions('Items completed over time', caption);
  options.interaction = { mode: 'nearest', axis: 'x', intersect: false };
  options.scales = {
    x: timeScale(axis),
    y: { type: 'linear', beginAtZero: true, grace: '5%', title: { display: true, text: 'Items completed, cumulative (count)' }, ticks: { precision: 0 } },
  };
  const config: ChartConfiguration<'line', Point[]> = { type: 'line', data: { datasets }, options };
  return spec('items-completed', 'Items completed over time', caption, sentence, config);
}

// ---------------------------------------------------------------------------------------
// Histograms: wall time and cost per run

function wallTimeChart(result: SimulationJson, caption: string, actualSeconds?: number): ChartSpec {
  const stats = result.summary.wallTimeSeconds;
  const minutes = stats.max > MINUTES_ABOVE_SECONDS;
  const scale = minutes ? 60 : 1;
  const label = (seconds: number) => formatDuration(seconds * 1000);
  const failed = result.summary.failure.runsFailed;
  const failedPhrase = failed > 0 ? `; ${formatPercent(failed / result.runs)} of runs failed` : '';
  const sentence =
    result.runs === 1
      ? `Wall time ${label(stats.p50)} (one run)${failedPhrase}.`
      : label(stats.p50) === label(stats.p90)
        ? `P50 and P90 wall time ${label(stats.p50)}; the slowest of ${formatCount(result.runs)} runs took ${label(stats.max)}${failedPhrase}.`
        : `P50 wall time ${label(stats.p50)} and P90 ${label(stats.p90)}; the slowest of ${formatCount(result.runs)} runs took ${label(stats.max)}${failedPhrase}.`;
  return histogramChart({
    id: 'wall-time',
    title: 'Map Run wall time',
    caption,
    sentence,
    histogram: result.summary.histograms.wallTimeSeconds,
    scale,
    decimals: 3,
    xTitle: `Wall time, start to results written (${minutes ? 'min' : 's'})`,
    binText: (width) => formatDuration(width * 1000),
    p50: { value: stats.p50, text: label(stats.p50) },
    p90: { value: stats.p90, text: label(stats.p90) },
    ...(actualSeconds !== undefined ? { actual: { value: actualSeconds, text: label(actualSeconds) } } : {}),
  });
}

function costDistributionChart(result: SimulationJson, caption: string, actualUsd?: number): ChartSpec {
  const stats = result.summary.costUsd;
  // With a display currency, the sentence gives each amount in it too (the axis ticks stay USD; its title gives the rate).
  const [p50, p90, max] = distinctUsd([stats.p50, stats.p90, stats.max]).map((text, i) => withCurrency(text, [stats.p50, stats.p90, stats.max][i] as number, result.cost.currency)) as [string, string, string];
  const apart = stats.p50 > 0 ? ` (${formatPercent((stats.p90 - stats.p50) / stats.p50)} more)` : '';
  const runs = formatCount(result.runs);
  let sentence: string;
  if (result.runs === 1) sentence = `Cost per run ${p50} (one run).`;
  else if (stats.min === stats.max) sentence = `Each of the ${runs} runs cost ${p50}.`;
  else if (p50 === p90) sentence = `P50 and P90 cost per run ${p50}; the dearest of ${runs} runs cost ${max}.`;
  else sentence = `P50 cost per run ${p50} and P90 ${p90}${apart}; the dearest of ${runs} runs cost ${max}.`;
  return histogramChart({
    id: 'cost-distribution',
    title: 'Cost per run',
    caption,
    sentence,
    histogram: result.summary.histograms.costUsd,
    scale: 1,
    decimals: 8,
    xTitle: moneyAxisTitle('Cost per run (USD per run)', result.cost.currency),
    binText: (width) => usdSignificant(width, 2),
    p50: { value: stats.p50, text: p50 },
    p90: { value: stats.p90, text: p90 },
    ...(actualUsd !== undefined ? { actual: { value: actualUsd, text: withCurrency(formatUsd(actualUsd), actualUsd, result.cost.currency) } } : {}),
  });
}

interface HistogramInput {
  id: string;
  title: string;
  caption: string;
  sentence: string;
  histogram: { edges: number[]; counts: number[] };
  /** Data units per axis unit (60: seconds shown as minutes). */
  scale: number;
  decimals: number;
  xTitle: string;
  /** A bin's width (in data units) as text. */
  binText: (width: number) => string;
  p50: { value: number; text: string };
  p90: { value: number; text: string };
  /** A real run's value, marked on top (a back-test). */
  actual?: { value: number; text: string };
}

/**
 * Bars on a linear x axis, one per bin, centred on the bin's middle and as wide as the
 * bin (barThickness 'flex'); P50 and P90 as vertical line datasets (no plugin needed).
 */
function histogramChart(input: HistogramInput): ChartSpec {
  const { edges, counts, synthetic } = binsOf(input.histogram);
  const s = (v: number) => roundTo(v / input.scale, input.decimals);
  const bars: Point[] = counts.map((count, i) => ({ x: s(((edges[i] as number) + (edges[i + 1] as number)) / 2), y: count }));
  const maxCount = Math.max(1, maxOf(counts));
  const width = (edges[1] as number) - (edges[0] as number);
  // The actual run may lie outside every predicted bin: the axis reaches it.
  const actualAt = input.actual?.value;
  const xMin = s(Math.min((edges[0] as number) - width / 2, actualAt ?? Infinity));
  const xMax = s(Math.max((edges[edges.length - 1] as number) + width / 2, actualAt ?? -Infinity));

  const barDataset: ChartDataset<'bar', Point[]> = {
    type: 'bar',
    label: synthetic ? 'Runs' : `Runs per bin (bins ${input.binText(width)} wide)`,
    data: bars,
    backgroundColor: withAlpha(CHART_PALETTE.skyBlue, 0.75),
    borderColor: CHART_PALETTE.skyBlue,
    borderWidth: 1,
    barThickness: 'flex',
    categoryPercentage: 1,
    barPercentage: 0.94,
    pointStyle: 'rect',
    order: 2,
  };
  // Markers are drawn over the bars (lower order); the legend is reversed so it reads
  // bars, P50, P90.
  const marker = (name: string, value: number, text: string, colour: string, dash: number[], order: number): ChartDataset<'line', Point[]> => ({
    ...line(`${name} ${text}`, [{ x: s(value), y: 0 }, { x: s(value), y: maxCount }], colour, { borderWidth: 2.5, borderDash: dash, order, pointHoverRadius: 0 }),
    type: 'line',
  });
  const markers =
    input.p50.value === input.p90.value
      ? [marker('P50 = P90', input.p50.value, input.p50.text, CHART_PALETTE.blue, [], 1)]
      : [
          marker('P50', input.p50.value, input.p50.text, CHART_PALETTE.blue, [], 1),
          marker('P90', input.p90.value, input.p90.text, CHART_PALETTE.vermillion, [8, 4], 0),
        ];
  if (input.actual) markers.push(marker('Actual run', input.actual.value, input.actual.text, CHART_PALETTE.reddishPurple, [2, 3], -1));

  const options = baseOptions(input.title, input.caption) as ChartOptions<'bar' | 'line'>;
  if (options.plugins?.legend) options.plugins.legend.reverse = true;
  options.scales = {
    x: {
      type: 'linear',
      min: xMin,
      max: xMax,
      offset: false,
      title: { display: true, text: input.xTitle },
      ticks: { includeBounds: false, maxTicksLimit: 12 },
    },
    y: { type: 'linear', beginAtZero: true, grace: '8%', title: { display: true, text: 'Runs (count)' }, ticks: { precision: 0 } },
  };
  const config: ChartConfiguration<'bar' | 'line', Point[]> = { type: 'bar', data: { datasets: [barDataset, ...markers] }, options };
  return spec(input.id, input.title, input.caption, input.sentence, config);
}

/**
 * The histogram's bins; a single bin of zero width (one run, or every run alike) becomes
 * three bins of 1 % of the value (±) with the runs in the middle one, so the bar has a width.
 */
function binsOf(histogram: { edges: number[]; counts: number[] }): { edges: number[]; counts: number[]; synthetic: boolean } {
  const first = histogram.edges[0] ?? 0;
  const last = histogram.edges[histogram.edges.length - 1] ?? first;
  if (last > first && histogram.counts.length > 0) return { ...histogram, synthetic: false };
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  const width = Math.abs(first) * 0.02 || 1;
  return { edges: [first - 1.5 * width, first - 0.5 * width, first + 0.5 * width, first + 1.5 * width], counts: [0, total, 0], synthetic: true };
}

// ---------------------------------------------------------------------------------------
// Cost by line

/** Mean cost per run of each line: means add up to the mean cost per run. */
function costByLineChart(result: SimulationJson, caption: string): ChartSpec {
  const lines = Object.entries(result.summary.costByLine)
    .map(([key, stats]) => ({ key, service: serviceOf(key), mean: stats.mean }))
    .sort((a, b) => b.mean - a.mean || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const services = [...new Set(lines.map((l) => l.service))];
  const colours = serviceColours(services);
  // One dataset per service, stacked, so each bar has its service's colour and the legend
  // names the services; every row has exactly one non-null value.
  const datasets: Array<ChartDataset<'bar', Array<number | null>>> = services.map((service, i) => ({
    label: service,
    data: lines.map((l) => (l.service === service ? l.mean : null)),
    backgroundColor: colours[i] as string,
    borderColor: colours[i] as string,
    borderWidth: 1,
    pointStyle: 'rect',
    categoryPercentage: 0.85,
    barPercentage: 0.9,
  }));

  // Shares are of the charges before credits (free tier, discounts), so they stay ≤ 100 %.
  // Four significant figures, as every cost per run is shown (docs/pricing.md): $0.6280, not $0.63.
  const net = withCurrency(usdSignificant(result.summary.costUsd.mean, 4), result.summary.costUsd.mean, result.cost.currency);
  const gross = lines.reduce((sum, l) => sum + Math.max(0, l.mean), 0);
  const credited = lines.some((l) => l.mean < 0);
  const top = lines[0];
  let sentence: string;
  if (!top || gross <= 0) sentence = `The mean cost per run is ${net}.`;
  else if (!credited) sentence = `${top.key} is ${formatPercent(top.mean / gross)} of the mean cost per run of ${net}.`;
  else sentence = `${top.key} is ${formatPercent(top.mean / gross)} of the charges per run; after credits the mean cost per run is ${net}.`;

  // Labels name the line and its amount (no data-label plugin); "AWS "/"Amazon " go, as
  // the legend names the services in full. No y-axis title: Chart.js gives the y axis at
  // most half the width, and long labels would run into it.
  const labels = lines.map((l) => `${shortService(l.service)}${l.key.slice(l.service.length)} — ${usdSignificant(l.mean, 3, true)}`);
  const longest = maxOf(labels.map((l) => l.length));
  const options = baseOptions('Cost per run by line', caption) as ChartOptions<'bar'>;
  options.indexAxis = 'y';
  options.scales = {
    x: { type: 'linear', stacked: true, beginAtZero: true, title: { display: true, text: moneyAxisTitle('USD per run (mean across runs)', result.cost.currency) } },
    y: { type: 'category', stacked: true, ticks: { autoSkip: false, font: { size: longest > 60 || lines.length > 12 ? 11 : 12 } } },
  };
  const config: ChartConfiguration<'bar', Array<number | null>, string> = {
    type: 'bar',
    data: { labels, datasets },
    options,
  };
  return spec('cost-by-line', 'Cost per run by line', caption, sentence, config);
}

function shortService(service: string): string {
  return service.replace(/^(AWS|Amazon) /, '');
}

function serviceOf(key: string): string {
  const at = key.indexOf(': ');
  return at < 0 ? key : key.slice(0, at);
}

/** A colour per service, the same for the same service in every report. */
function serviceColours(services: string[]): string[] {
  const known: Array<[RegExp, string]> = [
    [/lambda/i, CHART_PALETTE.orange],
    [/step functions/i, CHART_PALETTE.reddishPurple],
    [/\bs3\b/i, CHART_PALETTE.bluishGreen],
  ];
  const spare = [CHART_PALETTE.skyBlue, CHART_PALETTE.blue, CHART_PALETTE.vermillion, CHART_PALETTE.yellow, CHART_PALETTE.grey];
  let next = 0;
  return services.map((service) => known.find(([pattern]) => pattern.test(service))?.[1] ?? (spare[next++ % spare.length] as string));
}

// ---------------------------------------------------------------------------------------
// Shared pieces

export function spec(id: string, title: string, caption: string, sentence: string, config: object): ChartSpec {
  // The typed configurations above are narrower than ChartSpec's ChartConfiguration union.
  return { id, title, caption, sentence, config: config as ChartConfiguration, widthPx: CHART_WIDTH_PX, heightPx: CHART_HEIGHT_PX };
}

export function baseOptions(title: string, caption: string): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    color: TEXT_COLOUR,
    layout: { padding: { left: 8, right: 16, top: 4, bottom: 4 } },
    plugins: {
      title: { display: true, text: title, color: TEXT_COLOUR, font: { size: 16, weight: 'bold' }, padding: { top: 6, bottom: 2 } },
      subtitle: { display: true, text: caption, color: CHART_PALETTE.grey, padding: { bottom: 10 } },
      // Point styles draw a line dataset as a line (dashes included) and a band or bar as a box.
      legend: { display: true, position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 28, boxHeight: 10, padding: 14 } },
    },
  };
}

function line(label: string, data: Point[], colour: string, extra: Partial<LineDataset> = {}): LineDataset {
  return {
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    pointRadius: 0,
    pointHoverRadius: 3,
    pointStyle: 'line',
    fill: false,
    ...extra,
  };
}

function points(xs: number[], ys: number[]): Point[] {
  return xs.map((x, i) => ({ x, y: roundTo(ys[i] ?? 0, 3) }));
}

interface BucketGroup {
  from: number;
  to: number;
  startSeconds: number;
  endSeconds: number;
}

interface TimeAxis {
  groups: BucketGroup[];
  /** Seconds per axis unit. */
  scale: number;
  unit: 's' | 'min';
  /** End of the last bucket, in axis units. */
  max: number;
}

function bandOf(result: SimulationJson, name: TimeSeriesName): Band {
  if (result.runs === 1) {
    let sum = 0;
    const raw = name === 'itemsCompletedSoFar' ? result.timeSeries.itemsCompleted.map((v) => (sum += v)) : result.timeSeries[name];
    return { p10: raw, p50: raw, p90: raw };
  }
  return result.summary.timeSeries[name];
}

function bucketSecondsOf(result: SimulationJson): number {
  return result.runs === 1 ? result.timeSeries.bucketSeconds : result.summary.timeSeries.bucketSeconds;
}

function timeAxisOf(result: SimulationJson): TimeAxis {
  const bucketSeconds = bucketSecondsOf(result);
  const buckets = bandOf(result, 'runningChildren').p50.length;
  const perGroup = Math.max(1, Math.ceil(buckets / MAX_POINTS));
  const groups: BucketGroup[] = [];
  for (let from = 0; from < buckets; from += perGroup) {
    const to = Math.min(buckets, from + perGroup);
    groups.push({ from, to, startSeconds: from * bucketSeconds, endSeconds: to * bucketSeconds });
  }
  const span = buckets * bucketSeconds;
  const minutes = span > MINUTES_ABOVE_SECONDS;
  const scale = minutes ? 60 : 1;
  return { groups, scale, unit: minutes ? 'min' : 's', max: roundTo(span / scale, 3) };
}

function downsample(values: number[], axis: TimeAxis, how: 'max' | 'sum'): number[] {
  return axis.groups.map((g) => {
    let acc = how === 'max' ? -Infinity : 0;
    for (let i = g.from; i < g.to; i++) {
      const v = values[i] ?? 0;
      acc = how === 'max' ? Math.max(acc, v) : acc + v;
    }
    return acc === -Infinity ? 0 : acc;
  });
}

function downsampleBand(band: Band, axis: TimeAxis, how: 'max' | 'sum'): Band {
  return { p10: downsample(band.p10, axis, how), p50: downsample(band.p50, axis, how), p90: downsample(band.p90, axis, how) };
}

function timeScale(axis: TimeAxis) {
  return {
    type: 'linear' as const,
    min: 0,
    max: axis.max,
    title: { display: true, text: `Time since the Map Run started (${axis.unit})` },
    ticks: { includeBounds: false, maxTicksLimit: 16 },
  };
}

/** `#RRGGBB` → `rgba(r,g,b,alpha)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

function formatPercent(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 0.1) return '< 0.1 %';
  return `${percent >= 10 ? Math.round(percent) : trimZero(percent.toFixed(1))} %`;
}

/**
 * formatUsd, with more significant digits when it would show different amounts alike
 * ($0.63 and $0.63 → $0.626 and $0.629), up to 10.
 */
function distinctUsd(values: number[]): string[] {
  const clash = (texts: string[]) => values.some((v, i) => values.some((w, j) => j > i && v !== w && texts[i] === texts[j]));
  let texts = values.map(formatUsd);
  for (let significant = 3; significant <= 10 && clash(texts); significant++) {
    texts = values.map((v) => usdSignificant(v, significant));
  }
  return texts;
}

/**
 * $0.537, $0.0500, $0.000400: `significant` digits, at least cents, thousands separated;
 * `trim` drops zeros after the cents ($0.05, $0.0004).
 */
function usdSignificant(value: number, significant: number, trim = false): string {
  const abs = Math.abs(value);
  const decimals = abs === 0 ? 2 : Math.min(14, Math.max(2, significant - 1 - Math.floor(Math.log10(abs))));
  let digits = abs.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  if (trim) digits = digits.replace(/(\.\d\d\d*?)0+$/, '$1');
  return `${value < 0 ? '−' : ''}$${digits}`;
}

/** The largest value, 0 for none (no spread: series can be long). */
function maxOf(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}


