/**
 * Racing: spend replications only on configurations that can still be the answer.
 *
 * The sweep runs in rounds (a screen of RACE_SCREEN_RUNS replications, then rounds up to
 * every multiple of RACE_ROUND_RUNS, for every point still in the race, the same
 * replication indices for all, so the rounds keep common random numbers).
 * After each round a point leaves the race when it is clearly out, by one of four rules:
 * - it failed its tolerance or timed children out in some run: the recommendation never
 *   picks such a point, whatever its other runs do;
 * - it clearly misses the goal: the upper end of the 95 % Wilson interval of its
 *   probability of meeting it is below the target (`--confidence`);
 * - it is a duplicate: every run so far gave exactly the figures of an earlier point (a
 *   MaxConcurrency no run reaches, say), and a tie on every figure goes to the first in
 *   sweep order;
 * - it is beaten: another point still in the race is better on the goal's figure with
 *   confidence (the paired 95 % interval of the difference is above zero and the
 *   difference is not a tie, tie-rule.ts), meets the goal in every run in which this one
 *   does, and is itself sure of the goal: the lower end of its interval is at or above
 *   the target, or it has met the goal in every run so far. (Meeting it in most runs is
 *   not enough: two points that each meet a deadline in 19 runs of 20 can turn out 84 %
 *   and 96 % over 100, and the better one must not be dropped for the worse.)
 * - it loses the tie: it ties with another point on the goal's figure, both have met the
 *   goal in every run so far (so neither is more robust on it), and the other has clearly
 *   more headroom (deadline: a shorter mean wall time; budget: a lower expected cost; a
 *   paired interval above zero and not a tie), which is how the tie rule settles it.
 * The race ends when no point is left, or one is left and its probability of meeting the
 * goal is settled (its interval is wholly above or below the target), or every point has
 * run the sweep's runs.
 *
 * This is a race in the sense of Maron and Moore's Hoeffding races (Maron & Moore, "The
 * racing algorithm: model selection for lazy learners", Artificial Intelligence Review
 * 11, 1997; NIPS 1994) and of F-race (Birattari, Stützle, Paquete & Varrentrapp, "A
 * racing algorithm for configuring metaheuristics", GECCO 2002): candidates are
 * evaluated on the same instances in turn and dropped as soon as the evidence is against
 * them. F-race's Friedman test ranks candidates on one figure; here a point must meet a
 * probabilistic goal and is ranked on another figure, so elimination uses the Wilson
 * bound of the goal and paired t intervals on the figure instead. Pure.
 */
import { formatDuration } from '../report/format-duration.js';
import { formatUsd, withCurrency, type DisplayCurrency } from '../report/format-money.js';
import { pairedDifference } from './paired-difference.js';
import { goalProbability, isSafeEvidence, meanOf, type GoalTest, type PointEvidence } from './point-evidence.js';
import { isTie } from './tie-rule.js';

/** Replications per point per round: enough for a paired interval and a Wilson bound to decide the clear cases at once. */
export const RACE_ROUND_RUNS = 20;

/**
 * The first round is a screen of this many runs: a point that fails, or meets the goal in
 * none of 5 runs (Wilson upper bound 43 %), is out at once. Comparisons between points
 * wait for a full round: a point that has "never missed" in 5 runs may still miss one run
 * in five.
 */
export const RACE_SCREEN_RUNS = 5;

/** Where the race's rounds end: 5, 20, 40, 60, ... up to the sweep's runs. */
export function nextRoundEnd(done: number, runs: number): number {
  return Math.min(runs, done === 0 ? RACE_SCREEN_RUNS : (Math.floor(done / RACE_ROUND_RUNS) + 1) * RACE_ROUND_RUNS);
}

export interface RaceDrop {
  index: number;
  reason: string;
  kind: 'fails' | 'misses' | 'duplicate' | 'beaten' | 'tie';
  /** The point that beat it, or that it duplicates. */
  by?: number;
}

/** `currency`: amounts in reasons in it too, beside USD (the race decides on USD). */
export function raceDrops(alive: readonly PointEvidence[], test: GoalTest, describe: (index: number) => string, currency?: DisplayCurrency): RaceDrop[] {
  const money = (usd: number) => withCurrency(formatUsd(usd), usd, currency);
  // Before a full round, only the first two rules (failing, clearly missing) apply.
  const compare = alive.every((e) => e.wallSeconds.length >= RACE_ROUND_RUNS);
  const drops: RaceDrop[] = [];
  const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
  const left: PointEvidence[] = [];
  for (const e of alive) {
    const n = e.wallSeconds.length;
    if (!isSafeEvidence(e)) {
      const reason = e.failedRuns > 0 ? `failed its tolerance in ${e.failedRuns} of ${n} runs` : `timed children out in ${e.timedOutRuns} of ${n} runs`;
      drops.push({ index: e.index, kind: 'fails', reason });
      continue;
    }
    const p = goalProbability(e);
    if (p.ci95[1] < test.confidence) {
      drops.push({ index: e.index, kind: 'misses', reason: `met the goal in ${p.runsMet} of ${p.runs} runs: at most ${percent(p.ci95[1])} (95 % upper bound), below the ${percent(test.confidence)} target` });
      continue;
    }
    left.push(e);
  }
  if (!compare) return drops.sort((a, b) => a.index - b.index);
  const ranked = (e: PointEvidence) => (test.kind === 'deadline' ? e.costUsd : e.wallSeconds);
  const kept: PointEvidence[] = [];
  for (const e of left) {
    const twin = kept.find((q) => q.index < e.index && sameRuns(q, e));
    if (twin) {
      drops.push({ index: e.index, kind: 'duplicate', by: twin.index, reason: `gave the same figures as ${describe(twin.index)} in every run; a tie on every figure goes to the first in sweep order` });
      continue;
    }
    kept.push(e);
  }
  for (const e of kept) {
    const winner = kept.find((q) => {
      if (q === e) return false;
      const d = pairedDifference(ranked(e), ranked(q));
      return d.ci95 !== null && d.ci95[0] > 0 && !isTie(d, meanOf(ranked(q))) && meetsWheneverOtherDoes(q, e) && sureOfGoal(q, test);
    });
    if (winner) {
      const d = pairedDifference(ranked(e), ranked(winner));
      const amount = test.kind === 'deadline' ? `${money(d.mean)} more per run` : `${formatDuration(d.mean * 1000)} longer on average`;
      drops.push({ index: e.index, kind: 'beaten', by: winner.index, reason: `beaten by ${describe(winner.index)}: ${amount} over the same runs, and it met the goal in every run this one did` });
    }
  }
  const headroom = (e: PointEvidence) => (test.kind === 'deadline' ? e.wallSeconds : e.costUsd);
  const gone = new Set(drops.map((d) => d.index));
  for (const e of kept) {
    if (gone.has(e.index) || !neverMissed(e)) continue;
    const winner = kept.find((q) => {
      if (q === e || gone.has(q.index) || !neverMissed(q)) return false;
      if (!isTie(pairedDifference(ranked(e), ranked(q)), Math.min(meanOf(ranked(e)), meanOf(ranked(q))))) return false;
      const d = pairedDifference(headroom(e), headroom(q));
      return d.ci95 !== null && d.ci95[0] > 0 && !isTie(d, meanOf(headroom(q)));
    });
    if (winner) {
      const d = pairedDifference(headroom(e), headroom(winner));
      const amount = test.kind === 'deadline' ? `${formatDuration(d.mean * 1000)} longer on average` : `${money(d.mean)} more per run`;
      drops.push({ index: e.index, kind: 'tie', by: winner.index, reason: `ties with ${describe(winner.index)} on the goal's figure and loses the tie rule: ${amount} over the same runs, both meeting the goal in every run` });
      gone.add(e.index);
    }
  }
  return drops.sort((a, b) => a.index - b.index);
}

/** The race can stop: nothing is left, or one point is left and its interval is settled against the target. */
export function raceSettled(alive: readonly PointEvidence[], test: GoalTest): boolean {
  if (alive.length === 0) return true;
  if (alive.length > 1) return false;
  const [low, high] = goalProbability(alive[0] as PointEvidence).ci95;
  return low >= test.confidence || high < test.confidence;
}

/** The point meets the goal surely enough to beat others: its interval is above the target, or it has never missed. */
function sureOfGoal(e: PointEvidence, test: GoalTest): boolean {
  const p = goalProbability(e);
  return p.ci95[0] >= test.confidence || p.runsMet === p.runs;
}

function neverMissed(e: PointEvidence): boolean {
  return e.met.every(Boolean);
}

function sameRuns(a: PointEvidence, b: PointEvidence): boolean {
  return equalArrays(a.wallSeconds, b.wallSeconds) && equalArrays(a.costUsd, b.costUsd) && equalArrays(a.met, b.met);
}

function equalArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** q meets the goal in every replication in which e does (over the replications both ran). */
function meetsWheneverOtherDoes(q: PointEvidence, e: PointEvidence): boolean {
  const n = Math.min(q.met.length, e.met.length);
  for (let r = 0; r < n; r++) if (e.met[r] && !q.met[r]) return false;
  return true;
}
