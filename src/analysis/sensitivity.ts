/**
 * What each assumption's plausible range does to the outcome: for the baseline and for
 * both ends of every assumption, the P90 wall time, the P90 cost per run, the chance
 * that the Map Run fails (with its Wilson interval) and, given a deadline, the chance of
 * missing it; the swing of each against the baseline; the assumptions ranked by their
 * largest swing; and the flips: ends where the outcome most runs see changes (the Map
 * Run failing in most runs or not; the deadline met at P90 or not).
 *
 * Every end runs the same replication indices with the same seed as the baseline
 * (common random numbers), so a difference is the assumption's, not noise: an end that
 * changes nothing gives exactly the baseline's figures. Pure.
 */
import { proportionInterval, summarizeMetric, type ReplicationOutcome } from '../montecarlo/index.js';
import { NON_NEGATIVE } from '../montecarlo/metric-summary.js';
import type { AssumptionRange, EndName, RangeEnd } from './assumption-ranges.js';
import { settingText, valueText, type AssumptionEnd, type AssumptionVariants } from './assumption-variants.js';

export type RankBy = 'time' | 'cost' | 'failure';
export const RANK_BY: readonly RankBy[] = ['time', 'cost', 'failure'];

export interface OutcomeStats {
  runs: number;
  wallTimeSeconds: { p50: number; p90: number; ci95p90: [number, number] };
  costUsd: { p50: number; p90: number; ci95p90: [number, number] };
  /** Runs whose Map Run ended FAILED. */
  failure: { runsFailed: number; probability: number; ci95: [number, number] };
  /** With a deadline: runs that failed or ended after it, and whether the P90 wall time is within it. */
  deadline?: { runsMissed: number; missProbability: number; ci95: [number, number]; metAtP90: boolean };
}

export interface EndResult {
  end: EndName;
  setting: RangeEnd;
  /** `×0.5`, or the value set. */
  settingText: string;
  /** What the scenario held at the path at this end. */
  value: unknown;
  valueText: string;
  /** The end in plain words: "listing 2× faster". */
  words: string;
  /** Nothing changed: the baseline's runs stand for this end. */
  sameAsBaseline: boolean;
  stats: OutcomeStats;
  /** This end minus the baseline. */
  change: { wallTimeSecondsP90: number; costUsdP90: number; failureProbability: number };
}

export interface AssumptionResult {
  assumption: AssumptionRange;
  baselineValueText: string;
  low: EndResult;
  high: EndResult;
  /** The larger distance of the two ends from the baseline, per figure. */
  swing: { wallTimeSeconds: number; costUsd: number; failureProbability: number };
}

export type FlipKind = 'failure' | 'deadline';

/** An end at which the outcome most runs see is not the baseline's. */
export interface Flip {
  assumption: AssumptionRange;
  end: EndResult;
  kind: FlipKind;
  /** failure: the probability that the Map Run fails; deadline: the P90 wall time in seconds. */
  baseline: number;
  value: number;
}

export interface SensitivityAnalysis {
  runsPerEnd: number;
  rankBy: RankBy;
  deadlineSeconds?: number;
  baseline: OutcomeStats;
  /** Largest swing of the ranking figure first. */
  assumptions: AssumptionResult[];
  /** Failures first, then deadlines; the largest change first. */
  flips: Flip[];
  notApplicable: AssumptionRange[];
}

export interface SensitivityInput {
  baseline: readonly ReplicationOutcome[];
  /** Each assumption's variants and the outcomes of its ends (the baseline's when an end is the same). */
  assumptions: ReadonlyArray<{ variants: AssumptionVariants; low: readonly ReplicationOutcome[]; high: readonly ReplicationOutcome[] }>;
  rankBy: RankBy;
  deadlineSeconds?: number;
  notApplicable?: readonly AssumptionRange[];
}

/** A Map Run whose status is FAILED in more runs than not. */
export const MAJORITY = 0.5;

export function analyseSensitivity(input: SensitivityInput): SensitivityAnalysis {
  const { deadlineSeconds } = input;
  const baseline = outcomeStats(input.baseline, deadlineSeconds);
  const results = input.assumptions.map(({ variants, low, high }): AssumptionResult => {
    const lowEnd = endResult(variants.low, low, baseline, deadlineSeconds);
    const highEnd = endResult(variants.high, high, baseline, deadlineSeconds);
    const swing = (pick: (c: EndResult['change']) => number) => Math.max(Math.abs(pick(lowEnd.change)), Math.abs(pick(highEnd.change)));
    return {
      assumption: variants.assumption,
      baselineValueText: valueText(variants.assumption.path, variants.baselineValue),
      low: lowEnd,
      high: highEnd,
      swing: { wallTimeSeconds: swing((c) => c.wallTimeSecondsP90), costUsd: swing((c) => c.costUsdP90), failureProbability: swing((c) => c.failureProbability) },
    };
  });
  const assumptions = rank(results, input.rankBy);
  return {
    runsPerEnd: baseline.runs,
    rankBy: input.rankBy,
    ...(deadlineSeconds !== undefined ? { deadlineSeconds } : {}),
    baseline,
    assumptions,
    flips: flipsOf(assumptions, baseline, deadlineSeconds),
    notApplicable: [...(input.notApplicable ?? [])],
  };
}

export function outcomeStats(outcomes: readonly ReplicationOutcome[], deadlineSeconds?: number): OutcomeStats {
  if (outcomes.length === 0) throw new RangeError('no runs to summarise');
  const n = outcomes.length;
  const wall = summarizeMetric(outcomes.map((o) => o.wallTimeMs / 1000), NON_NEGATIVE);
  const cost = summarizeMetric(outcomes.map((o) => o.costUsd), NON_NEGATIVE);
  const runsFailed = outcomes.filter((o) => o.failed).length;
  const stats: OutcomeStats = {
    runs: n,
    wallTimeSeconds: { p50: wall.p50, p90: wall.p90, ci95p90: wall.ci95.p90 },
    costUsd: { p50: cost.p50, p90: cost.p90, ci95p90: cost.ci95.p90 },
    failure: { runsFailed, probability: runsFailed / n, ci95: proportionInterval(runsFailed, n) },
  };
  if (deadlineSeconds !== undefined) {
    const runsMissed = outcomes.filter((o) => o.failed || o.wallTimeMs / 1000 > deadlineSeconds).length;
    stats.deadline = { runsMissed, missProbability: runsMissed / n, ci95: proportionInterval(runsMissed, n), metAtP90: wall.p90 <= deadlineSeconds };
  }
  return stats;
}

function endResult(end: AssumptionEnd, outcomes: readonly ReplicationOutcome[], baseline: OutcomeStats, deadlineSeconds: number | undefined): EndResult {
  const { assumption } = end;
  const stats = outcomeStats(outcomes, deadlineSeconds);
  if (stats.runs !== baseline.runs) throw new RangeError(`${assumption.id} ${end.end}: ${stats.runs} runs against the baseline's ${baseline.runs}`);
  const text = settingText(assumption, end.setting);
  const index = end.end === 'low' ? 0 : 1;
  return {
    end: end.end,
    setting: end.setting,
    settingText: text,
    value: end.value,
    valueText: valueText(assumption.path, end.value),
    words: assumption.words?.[index] ?? `${assumption.label} ${text}`,
    sameAsBaseline: end.sameAsBaseline,
    stats,
    change: {
      wallTimeSecondsP90: stats.wallTimeSeconds.p90 - baseline.wallTimeSeconds.p90,
      costUsdP90: stats.costUsd.p90 - baseline.costUsd.p90,
      failureProbability: stats.failure.probability - baseline.failure.probability,
    },
  };
}

/** Largest swing of the chosen figure first; then the other figures' swings; then the registry's order. */
function rank(results: AssumptionResult[], rankBy: RankBy): AssumptionResult[] {
  const order: ReadonlyArray<keyof AssumptionResult['swing']> = {
    time: ['wallTimeSeconds', 'costUsd', 'failureProbability'] as const,
    cost: ['costUsd', 'wallTimeSeconds', 'failureProbability'] as const,
    failure: ['failureProbability', 'wallTimeSeconds', 'costUsd'] as const,
  }[rankBy];
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => {
      for (const key of order) {
        const d = b.result.swing[key] - a.result.swing[key];
        if (d !== 0) return d;
      }
      return a.index - b.index;
    })
    .map(({ result }) => result);
}

function flipsOf(assumptions: readonly AssumptionResult[], baseline: OutcomeStats, deadlineSeconds: number | undefined): Flip[] {
  const flips: Flip[] = [];
  const baseFails = baseline.failure.probability >= MAJORITY;
  for (const result of assumptions) {
    for (const end of [result.low, result.high]) {
      const p = end.stats.failure.probability;
      if (p >= MAJORITY !== baseFails) flips.push({ assumption: result.assumption, end, kind: 'failure', baseline: baseline.failure.probability, value: p });
    }
  }
  if (deadlineSeconds !== undefined) {
    const baseMet = baseline.wallTimeSeconds.p90 <= deadlineSeconds;
    for (const result of assumptions) {
      for (const end of [result.low, result.high]) {
        const p90 = end.stats.wallTimeSeconds.p90;
        if (p90 <= deadlineSeconds !== baseMet) flips.push({ assumption: result.assumption, end, kind: 'deadline', baseline: baseline.wallTimeSeconds.p90, value: p90 });
      }
    }
  }
  // Stable: within a kind, the largest change first, ties in ranked order.
  const kindOrder: Record<FlipKind, number> = { failure: 0, deadline: 1 };
  const change = (f: Flip) => (f.kind === 'failure' ? Math.abs(f.value - f.baseline) : Math.abs(f.value - f.baseline) / Math.max(f.baseline, 1e-9));
  return flips
    .map((flip, index) => ({ flip, index }))
    .sort((a, b) => kindOrder[a.flip.kind] - kindOrder[b.flip.kind] || change(b.flip) - change(a.flip) || a.index - b.index)
    .map(({ flip }) => flip);
}
