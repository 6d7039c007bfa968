/**
 * A small sweep computed in the page: one or two controls, a few values each, every
 * combination applied to the page's current state, then run as `dmap sweep` runs it
 * (src/runner/sweep-records.ts: the same seed at every point, common random numbers; with
 * a deadline or a budget, the race), the Pareto frontier of P90 wall time against P90 cost
 * among the configurations that neither fail nor time out, and the recommendation
 * (src/planner/recommend.ts): balanced without a goal, with its probability with one.
 * Pure.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import type { ReplicationContext } from '../montecarlo/index.js';
import { paretoFrontier } from '../planner/pareto-frontier.js';
import { isSafe, type PointResult } from '../planner/point-result.js';
import { DEFAULT_CONFIDENCE, goalTest, recommend, type Goal, type Recommendation } from '../planner/recommend.js';
import type { SweepPoint } from '../planner/sweep-points.js';
import { combinations } from '../planner/variation.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import { regionOrThrow } from '../pricing/default-catalogue.js';
import { sweepFromRecords } from '../runner/sweep-records.js';
import { checkWork } from '../runner/work-guard.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { acceptsValue, type Control, type ControlValue } from './controls.js';
import { scenarioOfState, type StudioPool } from './run-state.js';
import { withValue, type StudioBase, type StudioState } from './studio-state.js';

export interface SweepAxis {
  control: Control;
  values: ControlValue[];
}

/** Most configurations a page sweep runs: a small sweep, not `dmap sweep`. */
export const MAX_SWEEP_POINTS = 36;

export interface FrontierPoint {
  result: PointResult;
  /** The page's state at this point: what "apply" switches to. */
  state: StudioState;
}

export interface FrontierResult {
  points: FrontierPoint[];
  /** Indexes of the frontier's points, fastest first. */
  frontier: number[];
  recommendation: Recommendation;
  runsPerPoint: number;
  goal: Goal;
  /** With a goal, the points raced: the replications run, of the full grid's. */
  race: { enabled: boolean; replications: number; fullGridReplications: number };
}

/** The states of a sweep over `axes` from `state`, each validated; every problem listed at once. */
export function sweepStates(base: StudioBase, state: StudioState, axes: readonly SweepAxis[]): Array<{ settings: Record<string, ControlValue>; state: StudioState; scenario: Scenario }> {
  const problems: InputProblem[] = [];
  for (const axis of axes) {
    if (axis.values.length === 0) problems.push({ field: axis.control.id, message: 'needs at least one value to try' });
    for (const value of axis.values) {
      if (!acceptsValue(axis.control, value)) problems.push({ field: axis.control.id, message: 'is not a value this control takes', value });
    }
  }
  if (new Set(axes.map((a) => a.control.id)).size !== axes.length) problems.push({ field: axes[0]?.control.id ?? '', message: 'is swept twice: pick two different fields' });
  const settingsList = combinations(axes.map((axis) => ({ path: axis.control.id, values: axis.values })));
  if (settingsList.length > MAX_SWEEP_POINTS) problems.push({ message: `${settingsList.length} configurations: the page runs at most ${MAX_SWEEP_POINTS}; use \`dmap sweep\` for more` });
  if (problems.length > 0) throw new UserInputError(problems);
  const states = settingsList.map((settings) => {
    const pointState = axes.reduce((s, axis) => withValue(s, axis.control, settings[axis.control.id] as ControlValue), state);
    try {
      return { settings: settings as Record<string, ControlValue>, state: pointState, scenario: scenarioOfState(base, pointState).scenario };
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      const where = Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ');
      problems.push(...error.problems.map((p) => ({ ...p, message: `${p.message} (sweep point ${where})` })));
      return undefined;
    }
  });
  if (problems.length > 0) throw new UserInputError(problems);
  return states as Array<NonNullable<(typeof states)[number]>>;
}

export interface FrontierRequest {
  axes: readonly SweepAxis[];
  runsPerPoint: number;
  /** A deadline (seconds) or a budget (USD per run): the recommendation meets it with `confidence`, and the points race. */
  goal?: Goal;
  confidence?: number;
  /** Replications done, of the most the sweep may run. */
  onProgress?: (done: number, total: number) => void;
}

export async function runFrontier(pool: StudioPool, base: StudioBase, state: StudioState, catalogue: PriceCatalogue, request: FrontierRequest): Promise<FrontierResult> {
  const states = sweepStates(base, state, request.axes);
  for (const point of states) regionOrThrow(catalogue, point.scenario.region);
  const runs = request.runsPerPoint;
  checkWork(states.map((point) => ({ scenario: point.scenario, runs })));
  const points: SweepPoint[] = states.map((point, index) => ({ index, settings: point.settings, scenario: point.scenario }));
  const goal = request.goal ?? {};
  const confidence = request.confidence ?? DEFAULT_CONFIDENCE;
  const test = goalTest(goal, confidence);
  const describe = pointDescriber(request.axes);
  let current: SweepPoint | undefined;
  let done = 0;
  const run = await sweepFromRecords(
    points,
    { runs, ...(test ? { goal: test } : {}), racing: true, describe: (index) => describe(points[index] as SweepPoint) },
    async (point, from, to) => {
      if (point !== current) {
        const context: ReplicationContext = { scenario: point.scenario, seed: state.seed, catalogue };
        pool.setContext(context);
        current = point;
      }
      const records = await pool.run(from, to);
      done += to - from;
      request.onProgress?.(done, points.length * runs);
      return records;
    },
  );
  // A configuration that fails or times out is no trade-off: the frontier is of the rest.
  const frontier = paretoFrontier(run.points.filter(isSafe)).map((p) => p.index);
  const recommendation = recommend(run.points, goal, describe, { evidence: run.evidence, confidence, beaten: run.beaten, raceTies: run.raceTies });
  return {
    points: run.points.map((result, i) => ({ result, state: (states[i] as (typeof states)[number]).state })),
    frontier,
    recommendation,
    runsPerPoint: runs,
    goal,
    race: { enabled: run.racing, replications: run.replications, fullGridReplications: run.fullGridReplications },
  };
}

/** How a point reads, as `dmap sweep` writes it: `itemBatcher.maxItemsPerBatch=100, lambda.perItemDurationMs ×1.25`. */
export function pointDescriber(axes: readonly SweepAxis[]): (point: Pick<PointResult, 'settings'>) => string {
  const scaled = new Set(axes.filter((axis) => axis.control.kind === 'scale').map((axis) => axis.control.id));
  return (point) =>
    Object.entries(point.settings)
      .map(([path, value]) => (scaled.has(path) ? `${path} ×${value}` : `${path}=${value}`))
      .join(', ');
}
