/**
 * `dmap sweep`'s table: one row per point, frontier points starred, the recommended
 * one marked, then the recommendation's reason.
 */
import type { PointResult } from '../planner/point-result.js';
import { formatCount, formatDuration } from './format-duration.js';
import { formatUsd } from './format-money.js';
import type { SweepJson } from './sweep-json.js';

export function describeSettings(point: Pick<PointResult, 'settings'>): string {
  return Object.entries(point.settings)
    .map(([path, value]) => `${path}=${value}`)
    .join(', ');
}

export function renderSweepText(sweep: SweepJson): string {
  const paths = sweep.variations.map((v) => v.path);
  const header = ['', ...paths.map(shortName), 'P50 time', 'P90 time', 'P50 cost', 'P90 cost', 'throttles P90', 'flags'];
  const rows = sweep.points.map((p) => [
    `${p.index === sweep.recommendation.pointIndex ? '→' : ' '}${p.onFrontier ? '*' : ' '}`,
    ...paths.map((path) => String(p.settings[path])),
    formatDuration(p.wallTimeSeconds.p50 * 1000),
    formatDuration(p.wallTimeSeconds.p90 * 1000),
    formatUsd(p.costUsd.p50),
    formatUsd(p.costUsd.p90),
    formatCount(Math.round(p.throttles.p90)),
    p.flags.join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const numeric = (i: number) => i > paths.length && i < header.length - 1;
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric(i) || (i > 0 && i <= paths.length) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const goal = sweep.goal.deadlineSeconds !== undefined
    ? `deadline ${formatDuration(sweep.goal.deadlineSeconds * 1000)} at P90`
    : sweep.goal.budgetUsd !== undefined
      ? `budget ${formatUsd(sweep.goal.budgetUsd)} per run at P90`
      : 'balanced time and cost';
  return [
    `${sweep.scenario.name}: ${formatCount(sweep.points.length)} configurations × ${formatCount(sweep.runsPerPoint)} runs, seed ${sweep.seed}, common random numbers; goal: ${goal}`,
    '',
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
    '',
    '* on the Pareto frontier of P90 time and P90 cost (among configurations that neither fail nor time out)   → recommended',
    '',
    `Recommendation: ${sweep.recommendation.reason}`,
    '',
  ].join('\n');
}

function shortName(path: string): string {
  return path.split('.').at(-1) as string;
}
