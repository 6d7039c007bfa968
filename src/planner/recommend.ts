/**
 * The recommendation, by a named strategy with a documented tie rule:
 * - deadline: among the configurations that meet the deadline in at least `confidence`
 *   of their runs (default 95 %), the one with the least expected cost per run (run
 *   cost plus the redrive of what it left undone);
 * - budget: among those whose cost per run, redrive included, is within the budget in
 *   at least `confidence` of their runs, the one with the least mean wall time;
 * - balanced: on the frontier, the least of P90 time and P90 cost each scaled to 0–1
 *   over the frontier and weighted equally (tie: cheaper).
 * Goals are compared pairwise on the same replications (common random numbers, see
 * paired-difference.ts); a difference within the noise is a tie, said as such, and goes
 * to the more robust configuration (tie-rule.ts). Points that fail their tolerance or
 * time out children are never recommended; points a race dropped as beaten are not
 * candidates. When nothing qualifies, the answer says so and names the nearest point.
 */
import { formatDuration } from '../report/format-duration.js';
import { fineMoney, formatUsd, withCurrency, type DisplayCurrency } from '../report/format-money.js';
import { pairedDifference, type PairedDifference } from './paired-difference.js';
import { paretoFrontier } from './pareto-frontier.js';
import { goalProbability, isSafeEvidence, meanOf, type GoalProbability, type GoalTest, type PointEvidence } from './point-evidence.js';
import { isSafe, type PointResult } from './point-result.js';
import { byRobustness, isTie, tieRuleText, type RobustnessFigures } from './tie-rule.js';

export type Strategy = 'deadline' | 'budget' | 'balanced';

export const DEFAULT_CONFIDENCE = 0.95;

/** The pick against another candidate that meets the goal, on the figure the goal ranks by. */
export interface PairedComparison {
  index: number;
  /** `expectedCostUsd` (deadline) or `meanWallTimeSeconds` (budget). */
  figure: 'expectedCostUsd' | 'meanWallTimeSeconds';
  /** The other point's figure minus the pick's, over the replications both ran. */
  difference: number;
  ci95: [number, number] | null;
  runs: number;
  tie: boolean;
}

export interface Recommendation {
  strategy: Strategy;
  /** The recommended point, or null when none meets the goal. */
  pointIndex: number | null;
  /** When no point meets the goal: the point that comes closest. */
  closestIndex?: number;
  reason: string;
  /** With a goal: the probability of meeting it that a pick must reach. */
  confidence?: number;
  /** With a goal: the pick's (or the closest point's) probability of meeting it. */
  goalProbability?: GoalProbability;
  /** Points tied with the cheapest (deadline) or fastest (budget) candidate, the pick among them. */
  tiedWith?: number[];
  /** With a goal: the rule that settles ties, in words. */
  tieRule?: string;
  /** With a goal: the pick against every other candidate meeting it. */
  comparisons?: PairedComparison[];
}

export interface Goal {
  deadlineSeconds?: number;
  budgetUsd?: number;
}

export interface RecommendOptions {
  /** Per-replication figures of every point: needed with a deadline or a budget. */
  evidence?: readonly PointEvidence[];
  confidence?: number;
  /** Points a race dropped as beaten by another: never picked. */
  beaten?: ReadonlySet<number>;
  /** Points a race dropped as ties (identical, or tied and less robust), with the point each lost to. */
  raceTies?: ReadonlyMap<number, number>;
  /** Show each amount in this currency too, beside USD (the figures compared stay USD). */
  currency?: DisplayCurrency;
}

/** How an amount reads in a reason: USD to four significant figures, and the display currency if any. */
type MoneyText = (usd: number) => string;

export function goalTest(goal: Goal, confidence = DEFAULT_CONFIDENCE): GoalTest | undefined {
  if (goal.deadlineSeconds !== undefined) return { kind: 'deadline', limit: goal.deadlineSeconds, confidence };
  if (goal.budgetUsd !== undefined) return { kind: 'budget', limit: goal.budgetUsd, confidence };
  return undefined;
}

export function recommend(points: readonly PointResult[], goal: Goal, describe: (p: PointResult) => string, options: RecommendOptions = {}): Recommendation {
  const safe = points.filter(isSafe);
  const excluded = points.length - safe.length;
  const note =
    excluded === 0 ? '' : excluded === 1 ? ' (1 configuration that fails or times out was left out)' : ` (${excluded} configurations that fail or time out were left out)`;
  const test = goalTest(goal, options.confidence);
  if (safe.length === 0) {
    return { strategy: strategyOf(goal), pointIndex: null, reason: `Every configuration fails its tolerance or times out children; none can be recommended.` };
  }
  const money = fineMoney(options.currency);
  if (test) return recommendForGoal(points, test, describe, options, note, money);
  const frontier = paretoFrontier(safe);
  const [tMin, tMax] = range(frontier.map((p) => p.wallTimeSeconds.p90));
  const [cMin, cMax] = range(frontier.map((p) => p.costUsd.p90));
  const score = (p: PointResult) => 0.5 * scale(p.wallTimeSeconds.p90, tMin, tMax) + 0.5 * scale(p.costUsd.p90, cMin, cMax);
  const pick = [...frontier].sort((a, b) => score(a) - score(b) || a.costUsd.p90 - b.costUsd.p90 || a.index - b.index)[0] as PointResult;
  return {
    strategy: 'balanced',
    pointIndex: pick.index,
    reason: `${describe(pick)} balances time and cost best among the ${frontier.length} configurations on the Pareto frontier: P90 ${formatDuration(pick.wallTimeSeconds.p90 * 1000)} for ${money(pick.costUsd.p90)} per run, against ${formatDuration(tMin * 1000)}–${formatDuration(tMax * 1000)} and ${money(cMin)}–${money(cMax)} on the frontier (time and cost weighted equally)${note}.`,
  };
}

interface Candidate extends RobustnessFigures {
  point: PointResult;
  evidence: PointEvidence;
  probability: GoalProbability;
  /** What the goal ranks by, per replication: cost with redrive (deadline) or wall time (budget). */
  ranked: number[];
  rankedMean: number;
}

function recommendForGoal(points: readonly PointResult[], test: GoalTest, describe: (p: PointResult) => string, options: RecommendOptions, note: string, money: MoneyText): Recommendation {
  const evidence = new Map((options.evidence ?? []).map((e) => [e.index, e]));
  const deadline = test.kind === 'deadline';
  const candidates: Candidate[] = points.flatMap((point) => {
    const e = evidence.get(point.index);
    if (!e) throw new RangeError(`no per-replication figures for sweep point ${point.index}`);
    if (!isSafeEvidence(e) || !isSafe(point)) return [];
    const probability = goalProbability(e);
    const ranked = deadline ? e.costUsd : e.wallSeconds;
    return [{ point, evidence: e, probability, ranked, rankedMean: meanOf(ranked), index: point.index, goalLowerBound: probability.ci95[0], p90WallSeconds: point.wallTimeSeconds.p90, expectedCostUsd: meanOf(e.costUsd) }];
  });
  const goalWords = deadline ? `the ${formatDuration(test.limit * 1000)} deadline` : `the ${withCurrency(formatUsd(test.limit), test.limit, options.currency)} budget`;
  const target = percent(test.confidence);
  const base = { strategy: test.kind, confidence: test.confidence, tieRule: tieRuleText(test.kind) } as const;
  const open = candidates.filter((c) => !options.beaten?.has(c.index));
  const qualifying = open.filter((c) => c.probability.probability >= test.confidence);
  if (candidates.length === 0) {
    return { ...base, pointIndex: null, reason: `Every configuration fails its tolerance or times out children; none can be recommended.` };
  }
  if (qualifying.length === 0) {
    // The nearest: the most likely to meet the goal, then the most headroom.
    const closest = [...candidates].sort((a, b) => b.probability.probability - a.probability.probability || byRobustness(test.kind)(a, b))[0] as Candidate;
    const p = closest.point;
    // Points as close, within the noise on both the chance of meeting the goal and the wall time, are ties.
    const asNumbers = (c: Candidate) => c.evidence.met.map((m) => (m ? 1 : 0));
    const closeTies = candidates
      .filter(
        (c) =>
          c !== closest &&
          isTie(pairedDifference(asNumbers(c), asNumbers(closest)), Math.max(closest.probability.probability, 1e-9)) &&
          isTie(pairedDifference(c.evidence.wallSeconds, closest.evidence.wallSeconds), meanOf(closest.evidence.wallSeconds)),
      )
      .sort(byRobustness(test.kind));
    const over = deadline
      ? `P90 ${formatDuration(p.wallTimeSeconds.p90 * 1000)}${p.wallTimeSeconds.p90 > test.limit ? `, ${formatDuration((p.wallTimeSeconds.p90 - test.limit) * 1000)} over` : ''}, at ${money(closest.expectedCostUsd)} per run`
      : `expected cost ${money(closest.expectedCostUsd)} per run${closest.expectedCostUsd > test.limit ? `, ${money(closest.expectedCostUsd - test.limit)} over` : ''}, P90 ${formatDuration(p.wallTimeSeconds.p90 * 1000)}`;
    return {
      ...base,
      pointIndex: null,
      closestIndex: p.index,
      goalProbability: closest.probability,
      ...(closeTies.length > 0 ? { tiedWith: closeTies.map((c) => c.index) } : {}),
      reason: [
        `No configuration meets ${goalWords} in ${target} of runs${note}. The closest is ${describe(p)}: it meets it in ${probabilityWords(closest.probability)}; ${over}.`,
        ...(closeTies.length > 0 ? [tieSentence(closest, closeTies, describe, test.kind, 'the probability and the wall time', money)] : []),
      ].join(' '),
    };
  }
  const robust = byRobustness(test.kind);
  const best = [...qualifying].sort((a, b) => a.rankedMean - b.rankedMean || robust(a, b))[0] as Candidate;
  const tiedWithBest = qualifying.filter((c) => c !== best && isTie(pairedDifference(c.ranked, best.ranked), best.rankedMean));
  const group = [best, ...tiedWithBest].sort(robust);
  const pick = group[0] as Candidate;
  const comparisons = qualifying
    .filter((c) => c !== pick)
    .map((c) => comparison(c, pick, deadline))
    .sort((a, b) => a.difference - b.difference || a.index - b.index);
  const p = pick.point;
  const sentences = [
    `${describe(p)} meets ${goalWords} in ${probabilityWords(pick.probability, target)}: P90 ${formatDuration(p.wallTimeSeconds.p90 * 1000)}, expected cost ${money(pick.expectedCostUsd)} per run${note}.`,
  ];
  if (pick.probability.ci95[0] < test.confidence) sentences.push(`Its interval reaches below ${target}: more runs (--runs) would settle whether it meets the goal that often.`);
  const tied = group.filter((c) => c !== pick);
  if (tied.length > 0) sentences.push(tieSentence(pick, tied, describe, test.kind, deadline ? 'cost' : 'time', money));
  const lostTies = [...(options.raceTies ?? new Map<number, number>()).entries()].filter(([, by]) => by === p.index || tied.some((c) => c.index === by)).map(([index]) => index).sort((a, b) => a - b);
  if (lostTies.length > 0) {
    const names = lostTies.map((index) => points.find((q) => q.index === index) as PointResult).map(describe);
    const list = names.length <= 3 ? names.join('; ') : `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`;
    sentences.push(`It also ties with ${list}: the race found ${names.length === 1 ? 'it' : 'them'} the same in every run or tied and less robust, and dropped ${names.length === 1 ? 'it' : 'them'} by the tie rule.`);
  }
  const nextBetter = comparisons.find((c) => !c.tie && c.difference > 0);
  if (nextBetter) {
    const other = qualifying.find((c) => c.index === nextBetter.index) as Candidate;
    const amount = deadline ? money(Math.abs(nextBetter.difference)) : formatDuration(Math.abs(nextBetter.difference) * 1000);
    const more = deadline ? 'more' : 'longer';
    sentences.push(
      `The next ${deadline ? 'cheapest' : 'fastest'} that meets it, ${describe(other.point)}, ${deadline ? 'costs' : 'takes'} ${amount} ${more} per run on average${intervalWords(nextBetter.ci95, deadline, money)}.`,
    );
  }
  const betterButMissing = open
    .filter((c) => c.rankedMean < pick.rankedMean && c.probability.probability < test.confidence)
    .sort((a, b) => b.probability.probability - a.probability.probability || a.index - b.index)[0];
  if (betterButMissing) {
    sentences.push(
      `${deadline ? 'Cheaper' : 'Faster'} configurations meet it too rarely: the likeliest, ${describe(betterButMissing.point)}, in ${probabilityWords(betterButMissing.probability)}.`,
    );
  }
  return {
    ...base,
    pointIndex: p.index,
    goalProbability: pick.probability,
    ...(tied.length > 0 || lostTies.length > 0 ? { tiedWith: [...tied.map((c) => c.index), ...lostTies].sort((a, b) => a - b) } : {}),
    comparisons,
    reason: sentences.join(' '),
  };
}

function comparison(other: Candidate, pick: Candidate, deadline: boolean): PairedComparison {
  const d: PairedDifference = pairedDifference(other.ranked, pick.ranked);
  return {
    index: other.index,
    figure: deadline ? 'expectedCostUsd' : 'meanWallTimeSeconds',
    difference: d.mean,
    ci95: d.ci95,
    runs: d.n,
    tie: isTie(d, Math.min(other.rankedMean, pick.rankedMean)),
  };
}

function tieSentence(pick: Candidate, tied: readonly Candidate[], describe: (p: PointResult) => string, kind: 'deadline' | 'budget', on: string, money: MoneyText): string {
  const names = tied.map((c) => describe(c.point));
  const list = names.length <= 3 ? names.join('; ') : `${names.slice(0, 3).join('; ')} and ${names.length - 3} more`;
  const runner = tied[0] as Candidate;
  let why: string;
  if (pick.goalLowerBound !== runner.goalLowerBound) {
    why = `it meets the goal more surely (lower bound ${percent(pick.goalLowerBound)} against ${percent(runner.goalLowerBound)})`;
  } else if (kind === 'deadline' && pick.p90WallSeconds !== runner.p90WallSeconds) {
    why = `it has more headroom (P90 ${formatDuration(pick.p90WallSeconds * 1000)} against ${formatDuration(runner.p90WallSeconds * 1000)})`;
  } else if (pick.expectedCostUsd !== runner.expectedCostUsd) {
    why = `it costs less on average (${money(pick.expectedCostUsd)} against ${money(runner.expectedCostUsd)})`;
  } else if (pick.p90WallSeconds !== runner.p90WallSeconds) {
    why = `it is faster at P90 (${formatDuration(pick.p90WallSeconds * 1000)} against ${formatDuration(runner.p90WallSeconds * 1000)})`;
  } else {
    why = 'every figure is the same, and it comes first in sweep order';
  }
  return `It is a tie on ${on} with ${list} (the differences are within the noise), and the tie goes to the more robust configuration: ${why}.`;
}

function probabilityWords(p: GoalProbability, target?: string): string {
  return `${percent(p.probability)} of ${p.runs} runs (95 % interval ${percentRange(p.ci95)}${target ? `; target ${target}` : ''})`;
}

function intervalWords(ci: [number, number] | null, isMoney: boolean, money: MoneyText): string {
  if (ci === null) return '';
  const f = (x: number) => (isMoney ? money(x) : formatDuration(x * 1000));
  return ` (paired 95 % interval ${f(ci[0])} to ${f(ci[1])})`;
}

export function percent(share: number): string {
  const text = (share * 100).toFixed(1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text} %`;
}

function percentRange([low, high]: [number, number]): string {
  return `${percent(low).replace(' %', '')}–${percent(high)}`;
}

function strategyOf(goal: Goal): Strategy {
  return goal.deadlineSeconds !== undefined ? 'deadline' : goal.budgetUsd !== undefined ? 'budget' : 'balanced';
}

function range(values: number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function scale(value: number, min: number, max: number): number {
  return max > min ? (value - min) / (max - min) : 0;
}
