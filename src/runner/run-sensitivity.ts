/**
 * Runs a sensitivity analysis: the baseline and both ends of every assumption, each for
 * the same replications with the same seed (common random numbers), all on one
 * OutcomePool; an end equal to the baseline reuses the baseline's outcomes. The baseline
 * outcomes a caller already has (`dmap simulate --report` has run the scenario) are used
 * rather than run again.
 */
import type { AssumptionVariants } from '../analysis/assumption-variants.js';
import { assumptionVariants } from '../analysis/assumption-variants.js';
import { selectAssumptions } from '../analysis/select-assumptions.js';
import { analyseSensitivity, type RankBy, type SensitivityAnalysis } from '../analysis/sensitivity.js';
import type { ReplicationContext, ReplicationOutcome } from '../montecarlo/index.js';
import type { PriceCatalogue } from '../pricing/index.js';
import type { Scenario } from '../scenario/index.js';
import { OutcomePool, type OutcomeJob } from './outcome-pool.js';
import { usefulWorkers } from './run-simulation.js';
import { checkWork } from './work-guard.js';

export interface SensitivityRunOptions {
  /** The scenario document as written (before defaults), where the ends are applied. */
  document: unknown;
  /** The validated baseline, as it is simulated (pricing flags applied). */
  scenario: Scenario;
  seed: number;
  catalogue: PriceCatalogue;
  /** Replications of the baseline and of each end. */
  runs: number;
  workers: number;
  rankBy: RankBy;
  deadlineSeconds?: number;
  /** Only these assumption ids. */
  only?: readonly string[];
  /** Outcomes of baseline replications 0, 1, ... already run. */
  baselineOutcomes?: readonly ReplicationOutcome[];
  onProgress?: (done: number, total: number) => void;
  /** Run even when the work estimate is far beyond what a user could want (work-guard.ts). */
  force?: boolean;
}

export interface SensitivityRun {
  analysis: SensitivityAnalysis;
  /** Replications simulated for it (ends equal to the baseline and outcomes given cost none). */
  replications: number;
}

export async function runSensitivity(options: SensitivityRunOptions): Promise<SensitivityRun> {
  const { scenario, runs } = options;
  const { selected, notApplicable } = selectAssumptions(scenario, options.only);
  const variants = assumptionVariants(options.document, scenario, selected);
  const context = (s: Scenario): ReplicationContext => ({ scenario: s, seed: options.seed, catalogue: options.catalogue });

  // Context 0 is the baseline; each end that differs from it gets its own.
  const contexts: ReplicationContext[] = [context(scenario)];
  const jobs: OutcomeJob[] = [];
  const given = (options.baselineOutcomes ?? []).slice(0, runs);
  if (given.length < runs) jobs.push({ context: 0, from: given.length, to: runs });
  const jobOfEnd = new Map<object, number>();
  for (const v of variants) {
    for (const end of [v.low, v.high]) {
      if (end.sameAsBaseline) continue;
      jobOfEnd.set(end, jobs.length);
      jobs.push({ context: contexts.length, from: 0, to: runs });
      contexts.push(context(end.scenario));
    }
  }
  const total = jobs.reduce((sum, job) => sum + job.to - job.from, 0);
  checkWork(jobs.map((job) => ({ scenario: (contexts[job.context] as ReplicationContext).scenario, runs: job.to - job.from })), options.force);
  const pool = new OutcomePool(contexts, {
    workers: usefulWorkers(options.workers, total),
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress?.(done, total) } : {}),
  });
  let outcomes: ReplicationOutcome[][];
  try {
    outcomes = await pool.run(jobs);
  } finally {
    await pool.close();
  }
  const baseline = given.length < runs ? [...given, ...(outcomes[0] as ReplicationOutcome[])] : given;
  const of = (end: AssumptionVariants['low']) => (end.sameAsBaseline ? baseline : (outcomes[jobOfEnd.get(end) as number] as ReplicationOutcome[]));
  const analysis = analyseSensitivity({
    baseline,
    assumptions: variants.map((v) => ({ variants: v, low: of(v.low), high: of(v.high) })),
    rankBy: options.rankBy,
    ...(options.deadlineSeconds !== undefined ? { deadlineSeconds: options.deadlineSeconds } : {}),
    notApplicable,
  });
  return { analysis, replications: total };
}
