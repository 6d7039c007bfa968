/**
 * The sweep's frontier chart: every configuration at its P90 wall time (x) and P90 cost
 * per run (y), with whiskers from P10 to P90 on both axes (how much a run varies), the
 * Pareto frontier joined by a line, the recommendation marked, and configurations that
 * fail or time out crossed out. Whiskers are line segments separated by empty points,
 * so the configuration stays plain JSON (no plugin, no functions). Pure.
 */
import type { ChartSpec } from '../report-model.js';
import { roundTo } from '../round.js';
import { formatCount } from '../format-duration.js';
import type { SweepJson } from '../sweep-json.js';
import { shortSettings } from '../sweep-text.js';
import { moneyAxisTitle, withCurrency } from '../format-money.js';
import { displayCurrencyOf } from '../currency-json.js';
import { CHART_PALETTE, baseOptions, spec, withAlpha } from './build-charts.js';

type Point = SweepJson['points'][number];
type XY = { x: number | null; y: number | null; label?: string };

export function sweepFrontierChart(s: SweepJson): ChartSpec {
  const currency = displayCurrencyOf(s.currency);
  const minutes = Math.max(...s.points.map((p) => p.wallTimeSeconds.p90)) > 1800;
  const unit = minutes ? 60 : 1;
  const t = (seconds: number) => roundTo(seconds / unit, 3);
  const c = (usd: number) => roundTo(usd, 8);
  const xy = (p: Point): XY => ({ x: t(p.wallTimeSeconds.p90), y: c(p.costUsd.p90), label: shortSettings(p) });
  const safe = (p: Point) => p.failureProbability === 0 && p.timedOutItemsMean === 0;
  const frontier = s.frontier.map((i) => s.points.find((p) => p.index === i) as Point);
  const pick = s.points.find((p) => p.index === s.recommendation.pointIndex);
  const whiskers: XY[] = s.points.flatMap((p) => [
    { x: t(p.wallTimeSeconds.p10 ?? p.wallTimeSeconds.p90), y: c(p.costUsd.p90) },
    { x: t(p.wallTimeSeconds.p90), y: c(p.costUsd.p90) },
    { x: null, y: null },
    { x: t(p.wallTimeSeconds.p90), y: c(p.costUsd.p10 ?? p.costUsd.p90) },
    { x: t(p.wallTimeSeconds.p90), y: c(p.costUsd.p90) },
    { x: null, y: null },
  ]);
  const marker = (label: string, data: XY[], colour: string, style: string, radius: number, extra: object = {}) => ({
    label,
    data,
    borderColor: colour,
    backgroundColor: withAlpha(colour, 0.35),
    pointStyle: style,
    pointRadius: radius,
    borderWidth: 1.5,
    showLine: false,
    ...extra,
  });
  const datasets = [
    ...(pick ? [marker('Recommended', [xy(pick)], CHART_PALETTE.vermillion, 'rectRot', 10, { backgroundColor: CHART_PALETTE.vermillion })] : []),
    marker('Pareto frontier (P90 time against P90 cost)', frontier.map(xy), CHART_PALETTE.blue, 'circle', 5, { showLine: true, borderWidth: 2 }),
    marker('Other configurations', s.points.filter((p) => safe(p) && !p.onFrontier).map(xy), CHART_PALETTE.grey, 'circle', 4),
    marker('Fails or times out', s.points.filter((p) => !safe(p)).map(xy), CHART_PALETTE.black, 'crossRot', 7),
    { label: 'P10–P90 of runs', data: whiskers, borderColor: withAlpha(CHART_PALETTE.grey, 0.6), borderWidth: 1, pointRadius: 0, showLine: true, spanGaps: false },
  ];
  const caption = `${formatCount(s.points.length)} configurations, up to ${formatCount(s.runsPerPoint)} runs each, seed ${s.seed}`;
  const sentence = pick
    ? `Recommended: ${shortSettings(pick)} at P90 ${roundTo(pick.wallTimeSeconds.p90, 1)} s for ${withCurrency(`$${pick.costUsd.p90.toPrecision(3)}`, pick.costUsd.p90, currency)} per run; ${s.frontier.length} configuration${s.frontier.length === 1 ? '' : 's'} on the frontier.`
    : `No configuration is recommended; ${s.frontier.length} configuration${s.frontier.length === 1 ? '' : 's'} on the frontier.`;
  const base = baseOptions('P90 wall time against P90 cost per run', caption);
  const options = {
    ...base,
    scales: {
      x: { type: 'linear', title: { display: true, text: `P90 wall time (${minutes ? 'min' : 's'}); whiskers from P10` } },
      y: { type: 'linear', title: { display: true, text: moneyAxisTitle('P90 cost per run (USD); whiskers from P10', currency) } },
    },
  };
  return spec('sweep-frontier', 'P90 wall time against P90 cost per run', caption, sentence, { type: 'scatter', data: { datasets }, options });
}
