/**
 * `dmap sweep`'s table: one row per point, frontier points starred, the recommended
 * one marked, with each point's runs, its probability of meeting the goal and its
 * expected cost (redrives included); then how far the race got, the recommendation and
 * the tie rule.
 */
import type { PointResult } from '../planner/point-result.js';
import { percent } from '../planner/recommend.js';
import { formatCount, formatDuration } from './format-duration.js';
import { fineMoney, formatUsd, withCurrency } from './format-money.js';
import { displayCurrencyOf, noteLinesOf } from './currency-json.js';
import type { SweepJson } from './sweep-json.js';

export function describeSettings(point: Pick<PointResult, 'settings'>): string {
  return Object.entries(point.settings)
    .map(([path, value]) => `${path}=${value}`)
    .join(', ');
}

/** The settings' values alone, for tight places: "500 × 1000". */
export function shortSettings(point: Pick<PointResult, 'settings'>): string {
  return Object.values(point.settings).map(String).join(' × ');
}

export function goalWords(sweep: SweepJson): string {
  const target = sweep.goal.confidence !== undefined ? ` in ${percent(sweep.goal.confidence)} of runs` : ' at P90';
  if (sweep.goal.deadlineSeconds !== undefined) return `finish within ${formatDuration(sweep.goal.deadlineSeconds * 1000)}${target}`;
  if (sweep.goal.budgetUsd !== undefined) return `cost at most ${withCurrency(formatUsd(sweep.goal.budgetUsd), sweep.goal.budgetUsd, displayCurrencyOf(sweep.currency))} per run${target}`;
  return 'balanced time and cost';
}

export function raceWords(sweep: SweepJson): string {
  const { race } = sweep;
  const share = race.fullGridReplications === 0 ? 0 : race.replications / race.fullGridReplications;
  if (!race.enabled) return `Full grid: ${formatCount(race.replications)} replications (every point × ${formatCount(sweep.runsPerPoint)} runs).`;
  return (
    `Racing: ${formatCount(race.replications)} of the full grid's ${formatCount(race.fullGridReplications)} replications (${percent(share)}), ` +
    `in ${race.rounds} round${race.rounds === 1 ? '' : 's'} (a screen of ${race.screenRuns} runs, then rounds to every ${race.roundRuns} runs, for the points still in the race); --no-racing runs the full grid.`
  );
}

/** A point's flags and, when a race dropped it, why, shortly. */
export function pointNotes(p: SweepJson['points'][number], sweep: SweepJson): string {
  const notes = [...p.flags];
  if (p.race && p.race.kind !== 'fails') {
    const other = p.race.by === undefined ? undefined : sweep.points.find((q) => q.index === p.race?.by);
    const what = p.race.kind === 'misses' ? 'misses the goal' : p.race.kind === 'duplicate' ? `same as ${other ? shortSettings(other) : '?'}` : p.race.kind === 'tie' ? `loses the tie to ${other ? shortSettings(other) : '?'}` : `beaten by ${other ? shortSettings(other) : '?'}`;
    notes.push(`out after ${p.race.droppedAfterRuns} runs: ${what}`);
  }
  return notes.join('; ');
}

export function goalCell(p: SweepJson['points'][number]): string {
  if (!p.goal) return '';
  return `${percent(p.goal.probability)} (${(p.goal.ci95[0] * 100).toFixed(0)}–${(p.goal.ci95[1] * 100).toFixed(0)})`;
}

export function sweepColumns(sweep: SweepJson): string[] {
  const withGoal = sweep.goal.confidence !== undefined;
  return [
    ...sweep.variations.map((v) => shortName(v.path)),
    'runs',
    'P50 time',
    'P90 time',
    'P90 cost',
    'expected cost',
    ...(withGoal ? ['P(meet goal) (95 % CI)'] : []),
    'throttles P90',
    'flags',
  ];
}

export function sweepRows(sweep: SweepJson): string[][] {
  const withGoal = sweep.goal.confidence !== undefined;
  const money = fineMoney(displayCurrencyOf(sweep.currency));
  return sweep.points.map((p) => [
    ...sweep.variations.map((v) => String(p.settings[v.path])),
    formatCount(p.runs ?? sweep.runsPerPoint),
    formatDuration(p.wallTimeSeconds.p50 * 1000),
    formatDuration(p.wallTimeSeconds.p90 * 1000),
    money(p.costUsd.p90),
    p.failureEconomics ? money(p.failureEconomics.expectedCostUsd) : '',
    ...(withGoal ? [goalCell(p)] : []),
    formatCount(Math.round(p.throttles.p90)),
    pointNotes(p, sweep),
  ]);
}

export function renderSweepText(sweep: SweepJson): string {
  const header = ['', ...sweepColumns(sweep)];
  const rows = sweepRows(sweep).map((row, i) => {
    const p = sweep.points[i] as SweepJson['points'][number];
    return [`${p.index === sweep.recommendation.pointIndex ? '→' : ' '}${p.onFrontier ? '*' : ' '}`, ...row];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const last = header.length - 1;
  const line = (cells: string[]) => cells.map((c, i) => (i > 0 && i < last ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  return [
    `${sweep.scenario.name}: ${formatCount(sweep.points.length)} configurations × up to ${formatCount(sweep.runsPerPoint)} runs, seed ${sweep.seed}, common random numbers; goal: ${goalWords(sweep)}`,
    '',
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
    '',
    '* on the Pareto frontier of P90 time and P90 cost (among configurations that neither fail nor time out)   → recommended',
    'expected cost: mean cost per run plus the redrive of failed, timed-out and pending items, priced per item that ran',
    raceWords(sweep),
    ...noteLinesOf(sweep.currency),
    '',
    `Recommendation: ${sweep.recommendation.reason}`,
    ...(sweep.recommendation.tieRule ? ['', `Tie rule: ${sweep.recommendation.tieRule}.`] : []),
    '',
  ].join('\n');
}

function shortName(path: string): string {
  return path.split('.').at(-1) as string;
}
