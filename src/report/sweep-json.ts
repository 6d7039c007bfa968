/**
 * The machine-readable result of `dmap sweep --json`: every point with its figures and
 * flags, the Pareto frontier and the recommendation. Versioned like the simulate output.
 */
import type { PointResult } from '../planner/point-result.js';
import type { Recommendation } from '../planner/recommend.js';
import type { Variation } from '../planner/variation.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import type { ScenarioIdentity } from './simulation-json.js';

export const SWEEP_FORMAT = 'dmap-planner/sweep';

export interface SweepJson {
  format: typeof SWEEP_FORMAT;
  formatVersion: 1;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  runsPerPoint: number;
  variations: Variation[];
  goal: { deadlineSeconds?: number; budgetUsd?: number };
  points: Array<PointResult & { onFrontier: boolean }>;
  /** Indexes of the frontier's points, fastest first. */
  frontier: number[];
  recommendation: Recommendation;
}

export function buildSweepJson(input: {
  identity: ScenarioIdentity;
  seed: number;
  runsPerPoint: number;
  variations: Variation[];
  goal: SweepJson['goal'];
  points: PointResult[];
  frontier: PointResult[];
  recommendation: Recommendation;
}): SweepJson {
  const onFrontier = new Set(input.frontier.map((p) => p.index));
  const r = roundTo;
  return {
    format: SWEEP_FORMAT,
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runsPerPoint: input.runsPerPoint,
    variations: input.variations,
    goal: input.goal,
    points: input.points.map((p) => ({
      ...p,
      wallTimeSeconds: { p50: r(p.wallTimeSeconds.p50, 3), p90: r(p.wallTimeSeconds.p90, 3), ci95p90: [r(p.wallTimeSeconds.ci95p90[0], 3), r(p.wallTimeSeconds.ci95p90[1], 3)] },
      costUsd: { p50: r(p.costUsd.p50, 8), p90: r(p.costUsd.p90, 8) },
      throttles: { p50: r(p.throttles.p50, 3), p90: r(p.throttles.p90, 3) },
      failureProbability: r(p.failureProbability, 6),
      timedOutItemsMean: r(p.timedOutItemsMean, 3),
      onFrontier: onFrontier.has(p.index),
    })),
    frontier: input.frontier.map((p) => p.index),
    recommendation: input.recommendation,
  };
}
