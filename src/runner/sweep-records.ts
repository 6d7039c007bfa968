/**
 * A sweep's points run on common random numbers, given a way to run replications of a
 * point: the full grid, or the race in rounds (src/planner/racing.ts), and each point's
 * figures, evidence and failure cause in words. Pure: run-sweep.ts runs the replications
 * on worker threads, `dmap studio`'s page on Web Workers, a test replays a race over a
 * full grid's records; every point's replication r is the same in all of them.
 */
import { quantileSorted } from 'simple-statistics';
import { failureEconomics } from '../analysis/failure-economics.js';
import { estimateWork } from '../model/work-estimate.js';
import { summarizeReplications, type ReplicationRecord } from '../montecarlo/index.js';
import { goalProbability, pointEvidence, type GoalTest, type PointEvidence } from '../planner/point-evidence.js';
import { pointResult, type PointResult } from '../planner/point-result.js';
import { nextRoundEnd, raceDrops, raceSettled, type RaceDrop } from '../planner/racing.js';
import type { SweepPoint } from '../planner/sweep-points.js';
import type { PriceCatalogue } from '../pricing/index.js';
import { failureCauseWords } from '../report/sweep-failure-cause.js';
import type { DisplayCurrency } from '../report/format-money.js';

export interface SweepRunOptions {
  seed: number;
  /** Replications per point: all of them in the full grid, the most a point may get in a race. */
  runs: number;
  workers: number;
  catalogue: PriceCatalogue;
  onProgress?: (done: number, total: number) => void;
  /** Run even when the work estimate is far beyond what a user could want (work-guard.ts). */
  force?: boolean;
}

export interface SweepGoalOptions extends SweepRunOptions {
  /** The goal each run is tested against (deadline or budget), and the probability wanted. */
  goal?: GoalTest;
  /** Race the points (needs a goal); false runs the full grid. */
  racing?: boolean;
  /** Points by label in race reasons. */
  describe?: (index: number) => string;
  /** Amounts in race reasons in this currency too, beside USD. */
  currency?: DisplayCurrency;
}

export interface SweepRun {
  points: PointResult[];
  evidence: PointEvidence[];
  /** Points a race dropped as beaten by (or the same as) another: not candidates for the pick. */
  beaten: Set<number>;
  /** Points a race dropped as ties (duplicates, or tied and less robust), with the point each lost to. */
  raceTies: Map<number, number>;
  /** Replications simulated, and what the full grid takes. */
  replications: number;
  fullGridReplications: number;
  racing: boolean;
  /** Rounds of the race (1 for the full grid). */
  rounds: number;
}

/**
 * The sweep given a way to run replications [from, to) of a point: the full grid, or the
 * race in rounds. Apart from the pool, so that a test can replay a race over the records
 * of a full grid (every point's replication r is the same in both).
 */
export async function sweepFromRecords(
  points: readonly SweepPoint[],
  options: Pick<SweepGoalOptions, 'runs' | 'goal' | 'racing' | 'describe' | 'currency'>,
  runRange: (point: SweepPoint, from: number, to: number) => Promise<ReplicationRecord[]>,
): Promise<SweepRun> {
  const racing = options.racing !== false && options.goal !== undefined;
  const records = new Map<number, ReplicationRecord[]>(points.map((p) => [p.index, []]));
  const drops = new Map<number, RaceDrop & { afterRuns: number }>();
  let replications = 0;
  let rounds = 0;
  let alive = [...points];
  for (let done = 0; done < options.runs && alive.length > 0; ) {
    const next = racing ? nextRoundEnd(done, options.runs) : options.runs;
    for (const point of alive) {
      (records.get(point.index) as ReplicationRecord[]).push(...(await runRange(point, done, next)));
      replications += next - done;
    }
    done = next;
    rounds++;
    if (!racing) break;
    const evidence = alive.map((p) => evidenceOf(p, records.get(p.index) as ReplicationRecord[], options.goal));
    const describe = options.describe ?? ((index: number) => `point ${index}`);
    for (const drop of raceDrops(evidence, options.goal as GoalTest, describe, options.currency)) drops.set(drop.index, { ...drop, afterRuns: done });
    alive = alive.filter((p) => !drops.has(p.index));
    if (raceSettled(evidence.filter((e) => !drops.has(e.index)), options.goal as GoalTest)) break;
  }
  const evidence: PointEvidence[] = [];
  const results = points.map((point) => {
    const own = records.get(point.index) as ReplicationRecord[];
    evidence.push(evidenceOf(point, own, options.goal));
    return resultOf(point, own, options.goal, drops.get(point.index));
  });
  const beaten = new Set([...drops.values()].filter((d) => d.kind === 'beaten' || d.kind === 'duplicate' || d.kind === 'tie').map((d) => d.index));
  const raceTies = new Map([...drops.values()].filter((d) => (d.kind === 'duplicate' || d.kind === 'tie') && d.by !== undefined).map((d) => [d.index, d.by as number]));
  return { points: results, evidence, beaten, raceTies, replications, fullGridReplications: points.length * options.runs, racing, rounds };
}

function evidenceOf(point: SweepPoint, records: readonly ReplicationRecord[], goal?: GoalTest): PointEvidence {
  return pointEvidence(point.index, records, estimateWork(point.scenario).items, goal);
}

function resultOf(point: SweepPoint, records: readonly ReplicationRecord[], goal: GoalTest | undefined, drop?: RaceDrop & { afterRuns: number }): PointResult {
  const summary = summarizeReplications(records);
  const items = estimateWork(point.scenario).items;
  const economics = failureEconomics(records, items, goal?.kind === 'deadline' ? goal.limit : undefined);
  const evidence = pointEvidence(point.index, records, items, goal);
  const cause = failureCauseWords(point.scenario, summary);
  const p10 = (values: number[]) => quantileSorted(values.sort((a, b) => a - b), 0.1);
  return pointResult(point.index, point.settings, summary, {
    failureEconomics: economics,
    p10: { wallTimeSeconds: p10(records.map((r) => r.wallTimeMs / 1000)), costUsd: p10(records.map((r) => r.costUsd)) },
    ...(cause !== undefined ? { failureCause: cause } : {}),
    ...(goal ? { goal: goalProbability(evidence) } : {}),
    ...(drop ? { race: { droppedAfterRuns: drop.afterRuns, kind: drop.kind, ...(drop.by !== undefined ? { by: drop.by } : {}), reason: drop.reason } } : {}),
  });
}

