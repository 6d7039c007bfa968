/**
 * The heat map of a sweep over two of its varied fields (the first two): one cell per
 * pair of values, coloured by what decides the recommendation: with a goal, the
 * probability of meeting it (at or above the target, at least half, below half, or the
 * configuration fails); without, the P90 wall time in five equal steps. With more than
 * two fields, the grid is the slice through the recommended (or closest) configuration.
 * The chart, the HTML table and the Markdown table all draw from this. Pure.
 */
import { percent } from '../planner/recommend.js';
import { CHART_PALETTE } from './charts/build-charts.js';
import { formatDuration } from './format-duration.js';
import type { SweepJson } from './sweep-json.js';

type Point = SweepJson['points'][number];

export interface HeatBin {
  label: string;
  colour: string;
}

export interface HeatGrid {
  xPath: string;
  yPath: string;
  xValues: string[];
  yValues: string[];
  /** Row-major (y then x): the point at each cell, or undefined when the slice has none. */
  cell: (x: string, y: string) => Point | undefined;
  /** "with lambda.memoryMb=1024" when other fields are held; empty otherwise. */
  slice: string;
  /** What the colour shows, in words. */
  measure: string;
  bins: HeatBin[];
  binOf: (p: Point) => HeatBin;
  text: (p: Point) => string;
}

export function heatGrid(s: SweepJson): HeatGrid | undefined {
  if (s.variations.length < 2) return undefined;
  const [xv, yv] = s.variations as [SweepJson['variations'][number], SweepJson['variations'][number]];
  const anchorIndex = s.recommendation.pointIndex ?? s.recommendation.closestIndex ?? s.points[0]?.index;
  const anchor = s.points.find((p) => p.index === anchorIndex);
  const held = s.variations.slice(2);
  const inSlice = (p: Point) => held.every((v) => anchor === undefined || p.settings[v.path] === anchor.settings[v.path]);
  const points = s.points.filter(inSlice);
  const cell = (x: string, y: string) => points.find((p) => String(p.settings[xv.path]) === x && String(p.settings[yv.path]) === y);
  const fails = { label: 'fails or times out', colour: CHART_PALETTE.black };
  const safe = (p: Point) => p.failureProbability === 0 && p.timedOutItemsMean === 0;
  const slice = held.length === 0 || !anchor ? '' : `with ${held.map((v) => `${v.path}=${String(anchor.settings[v.path])}`).join(', ')}`;
  const confidence = s.goal.confidence;
  if (confidence !== undefined) {
    const bins = [
      { label: `meets the goal in ≥ ${percent(confidence)} of runs`, colour: CHART_PALETTE.bluishGreen },
      { label: `in 50 % to ${percent(confidence)}`, colour: CHART_PALETTE.yellow },
      { label: 'in under 50 %', colour: CHART_PALETTE.orange },
      fails,
    ];
    const binOf = (p: Point): HeatBin => {
      if (!safe(p)) return fails;
      const probability = p.goal?.probability ?? 0;
      return (probability >= confidence ? bins[0] : probability >= 0.5 ? bins[1] : bins[2]) as HeatBin;
    };
    return { xPath: xv.path, yPath: yv.path, xValues: xv.values.map(String), yValues: yv.values.map(String), cell, slice, measure: 'probability of meeting the goal', bins, binOf, text: (p) => (safe(p) ? percent(p.goal?.probability ?? 0) : 'fails') };
  }
  const times = points.filter(safe).map((p) => p.wallTimeSeconds.p90);
  const low = Math.min(...times);
  const high = Math.max(...times);
  const step = (high - low) / 5;
  const shades = [0.95, 0.75, 0.55, 0.35, 0.18];
  const edges = [0, 1, 2, 3, 4].map((k) => [low + k * step, low + (k + 1) * step] as const);
  const bins = edges.map(([a, b], k) => ({ label: `P90 ${formatDuration(a * 1000)}–${formatDuration(b * 1000)}`, colour: blueShade(shades[k] as number) }));
  const binOf = (p: Point): HeatBin => {
    if (!safe(p)) return fails;
    const k = step > 0 ? Math.min(4, Math.floor((p.wallTimeSeconds.p90 - low) / step)) : 0;
    return bins[k] as HeatBin;
  };
  return {
    xPath: xv.path,
    yPath: yv.path,
    xValues: xv.values.map(String),
    yValues: yv.values.map(String),
    cell,
    slice,
    measure: 'P90 wall time',
    bins: times.length > 0 ? [...bins, fails] : [fails],
    binOf,
    text: (p) => (safe(p) ? formatDuration(p.wallTimeSeconds.p90 * 1000) : 'fails'),
  };
}

/** The palette's blue at an opacity over white, as an opaque colour (darker = faster). */
function blueShade(alpha: number): string {
  const [r, g, b] = [0x00, 0x72, 0xb2];
  const mix = (c: number) => Math.round(255 - (255 - c) * alpha);
  return `#${[mix(r), mix(g), mix(b)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
