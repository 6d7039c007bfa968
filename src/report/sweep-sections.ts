/**
 * The pieces of the sweep report that HTML and Markdown share, as plain text: the
 * failed and timed-out configurations grouped by cause, the failure economics table, the
 * race's drop-outs and the method in words. The renderers escape them. Pure.
 */
import { percent } from '../planner/recommend.js';
import { formatCount } from './format-duration.js';
import { fineMoney } from './format-money.js';
import { displayCurrencyOf } from './currency-json.js';
import type { SweepJson } from './sweep-json.js';
import { shortSettings } from './sweep-text.js';

type Point = SweepJson['points'][number];

/** One line per cause: the configurations that share it, and the cause in words. */
export function failureLines(s: SweepJson): string[] {
  const byCause = new Map<string, Point[]>();
  for (const p of s.points) {
    if (p.failureProbability === 0 && p.timedOutItemsMean === 0) continue;
    const what = p.failureProbability > 0 ? `fails in ${percent(p.failureProbability)} of runs` : 'times children out';
    const key = `${what}: ${p.failureCause ?? 'the cause is not one dmap-planner recognises; see the error tallies of dmap simulate'}`;
    byCause.set(key, [...(byCause.get(key) ?? []), p]);
  }
  const fields = s.variations.map((v) => v.path.split('.').at(-1)).join(' × ');
  return [...byCause.entries()].map(([cause, points]) => `${points.map(shortSettings).join(', ')} (${fields}): ${cause}.`);
}

export const ECONOMICS_COLUMNS = ['Configuration', 'P(fail) (95 % CI)', 'P(miss deadline) (95 % CI)', 'Items to redrive (mean)', 'Expected cost', 'Cost at risk P90', 'Cost at risk P99'] as const;

export function economicsRows(s: SweepJson): { columns: string[]; rows: string[][] } {
  const deadline = s.goal.deadlineSeconds !== undefined;
  const columns = ECONOMICS_COLUMNS.filter((c) => deadline || c !== 'P(miss deadline) (95 % CI)');
  const money = fineMoney(displayCurrencyOf(s.currency));
  const interval = (p: number, ci: [number, number]) => `${percent(p)} (${(ci[0] * 100).toFixed(0)}–${(ci[1] * 100).toFixed(0)})`;
  const rows = s.points.map((p) => {
    const e = p.failureEconomics;
    if (!e) return [shortSettings(p), ...columns.slice(1).map(() => '')];
    return [
      shortSettings(p),
      interval(e.failure.probability, e.failure.ci95),
      ...(deadline ? [e.deadline ? interval(e.deadline.missProbability, e.deadline.ci95) : ''] : []),
      formatCount(Math.round(e.itemsToRedriveMean)),
      money(e.expectedCostUsd),
      money(e.costAtRiskUsd.p90),
      money(e.costAtRiskUsd.p99),
    ];
  });
  return { columns: [...columns], rows };
}

/** Why each point a race dropped left it, in sweep order. */
export function raceLines(s: SweepJson): string[] {
  return s.points.flatMap((p) => (p.race ? [`${shortSettings(p)}: out after ${formatCount(p.race.droppedAfterRuns)} runs; ${p.race.reason}.`] : []));
}

export function methodText(s: SweepJson): string[] {
  const lines = [
    `Every configuration runs replication r with the same seed (${s.seed}): common random numbers, so two configurations differ by their settings, not by luck, and are compared run by run (paired).`,
    'The probability of meeting the goal is the share of runs that meet it (a run that fails misses a deadline), with its 95 % Wilson interval; differences between configurations have paired Student\'s t 95 % intervals.',
    'Expected cost is the mean cost per run plus the redrive of the failed, timed-out, aborted and pending items, priced at the runs\' cost per item that ran; cost at risk is its P90 and P99.',
  ];
  if (s.race.enabled) {
    lines.push(
      'Racing (Maron & Moore\'s Hoeffding races, 1994; Birattari et al.\'s F-race, GECCO 2002): configurations run in rounds and leave as soon as the evidence is against them: they fail, clearly miss the goal (the upper end of the interval is below the target), duplicate an earlier configuration run for run, are beaten on the goal\'s figure by a configuration sure of the goal, or tie and clearly lose the tie rule. See docs/planning.md.',
    );
  }
  return lines;
}
