/**
 * The machine-readable result of `dmap sweep --json`: every point with its figures,
 * flags and what failure costs, the Pareto frontier, the race (how many replications it
 * took against the full grid) and the recommendation with its probability of meeting
 * the goal and its paired comparisons. Versioned like the simulate output; fields are
 * only ever added within a version.
 */
import type { PairedComparison, Recommendation } from '../planner/recommend.js';
import type { GoalProbability } from '../planner/point-evidence.js';
import type { PointResult } from '../planner/point-result.js';
import { RACE_ROUND_RUNS, RACE_SCREEN_RUNS } from '../planner/racing.js';
import type { Variation } from '../planner/variation.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import { roundEconomics, type ScenarioIdentity } from './simulation-json.js';
import { currencyHead, usdInCurrency, type CurrencyHeadJson } from './currency-json.js';
import type { DisplayCurrency } from './format-money.js';

export const SWEEP_FORMAT = 'dmap-planner/sweep';

export interface SweepRaceJson {
  /** Racing on (a goal was given and --no-racing was not). */
  enabled: boolean;
  /** Replications per point per round (after a first screen of `screenRuns`). */
  roundRuns: number;
  screenRuns: number;
  rounds: number;
  /** Replications simulated, and what every point at `runsPerPoint` takes. */
  replications: number;
  fullGridReplications: number;
}

export interface SweepJson {
  format: typeof SWEEP_FORMAT;
  formatVersion: 1;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  /** Replications per point: every point's in the full grid, the most a point gets in a race. */
  runsPerPoint: number;
  variations: Variation[];
  goal: { deadlineSeconds?: number; budgetUsd?: number; confidence?: number };
  race: SweepRaceJson;
  points: Array<PointResult & { onFrontier: boolean; costInCurrency?: PointCostInCurrency }>;
  /** Indexes of the frontier's points, fastest first. */
  frontier: number[];
  recommendation: Recommendation;
  /** With a display currency (--currency): the user's rate; each point then has costInCurrency. */
  currency?: CurrencyHeadJson;
}

/** A point's money figures in the display currency: the rounded USD figures × the rate, exact. */
export interface PointCostInCurrency {
  p10?: number;
  p50: number;
  p90: number;
  expectedCost?: number;
  costAtRiskP90?: number;
  costAtRiskP99?: number;
}

export function buildSweepJson(input: {
  identity: ScenarioIdentity;
  seed: number;
  runsPerPoint: number;
  variations: Variation[];
  goal: SweepJson['goal'];
  race: Omit<SweepRaceJson, 'roundRuns' | 'screenRuns'>;
  points: PointResult[];
  frontier: PointResult[];
  recommendation: Recommendation;
  currency?: DisplayCurrency;
}): SweepJson {
  const onFrontier = new Set(input.frontier.map((p) => p.index));
  const r = roundTo;
  const currency = input.currency;
  const points = input.points.map((p) => ({
    ...p,
    wallTimeSeconds: {
      ...(p.wallTimeSeconds.p10 !== undefined ? { p10: r(p.wallTimeSeconds.p10, 3) } : {}),
      p50: r(p.wallTimeSeconds.p50, 3),
      p90: r(p.wallTimeSeconds.p90, 3),
      ci95p90: [r(p.wallTimeSeconds.ci95p90[0], 3), r(p.wallTimeSeconds.ci95p90[1], 3)] as [number, number],
    },
    costUsd: { ...(p.costUsd.p10 !== undefined ? { p10: r(p.costUsd.p10, 8) } : {}), p50: r(p.costUsd.p50, 8), p90: r(p.costUsd.p90, 8) },
    throttles: { p50: r(p.throttles.p50, 3), p90: r(p.throttles.p90, 3) },
    failureProbability: r(p.failureProbability, 6),
    timedOutItemsMean: r(p.timedOutItemsMean, 3),
    ...(p.goal ? { goal: roundProbability(p.goal) } : {}),
    ...(p.failureEconomics ? { failureEconomics: roundEconomics(p.failureEconomics) } : {}),
    onFrontier: onFrontier.has(p.index),
  }));
  return {
    format: SWEEP_FORMAT,
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runsPerPoint: input.runsPerPoint,
    variations: input.variations,
    goal: input.goal,
    race: {
      ...input.race,
      roundRuns: input.race.enabled ? Math.min(RACE_ROUND_RUNS, input.runsPerPoint) : input.runsPerPoint,
      screenRuns: input.race.enabled ? Math.min(RACE_SCREEN_RUNS, input.runsPerPoint) : input.runsPerPoint,
    },
    points: currency ? points.map((p) => ({ ...p, costInCurrency: pointCostInCurrency(p, currency) })) : points,
    frontier: input.frontier.map((p) => p.index),
    recommendation: roundRecommendation(input.recommendation),
    ...(currency ? { currency: currencyHead(currency) } : {}),
  };
}

function pointCostInCurrency(p: Pick<PointResult, 'costUsd' | 'failureEconomics'>, currency: DisplayCurrency): PointCostInCurrency {
  const c = (usd: number) => usdInCurrency(usd, currency);
  const e = p.failureEconomics;
  return {
    ...(p.costUsd.p10 !== undefined ? { p10: c(p.costUsd.p10) } : {}),
    p50: c(p.costUsd.p50),
    p90: c(p.costUsd.p90),
    ...(e ? { expectedCost: c(e.expectedCostUsd), costAtRiskP90: c(e.costAtRiskUsd.p90), costAtRiskP99: c(e.costAtRiskUsd.p99) } : {}),
  };
}

function roundProbability(p: GoalProbability): GoalProbability {
  return { ...p, probability: roundTo(p.probability, 6), ci95: [roundTo(p.ci95[0], 6), roundTo(p.ci95[1], 6)] };
}

function roundRecommendation(rec: Recommendation): Recommendation {
  const digits = (c: PairedComparison) => (c.figure === 'expectedCostUsd' ? 8 : 3);
  return {
    ...rec,
    ...(rec.goalProbability ? { goalProbability: roundProbability(rec.goalProbability) } : {}),
    ...(rec.comparisons
      ? {
          comparisons: rec.comparisons.map((c) => ({
            ...c,
            difference: roundTo(c.difference, digits(c)),
            ci95: c.ci95 === null ? null : [roundTo(c.ci95[0], digits(c)), roundTo(c.ci95[1], digits(c))],
          })),
        }
      : {}),
  };
}
