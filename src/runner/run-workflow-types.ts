/**
 * Runs a scenario with Standard and with Express children at each batch size (the same
 * seed everywhere: common random numbers) and compares the two child types.
 */
import type { SimulationSummary } from '../montecarlo/index.js';
import { sweepPoints } from '../planner/sweep-points.js';
import { compareWorkflowTypes, type ChildTypeFigures, type WorkflowTypeComparison } from '../planner/workflow-types.js';
import type { Scenario } from '../scenario/index.js';
import { runSweepSummaries, type SweepRunOptions } from './run-sweep.js';

const STEP_FUNCTIONS = 'AWS Step Functions: ';

export async function runWorkflowTypes(document: unknown, scenario: Scenario, batchSizes: readonly number[], options: SweepRunOptions): Promise<WorkflowTypeComparison> {
  const points = sweepPoints(document, scenario, [
    { path: 'itemBatcher.maxItemsPerBatch', values: [...batchSizes] },
    { path: 'executionType', values: ['STANDARD', 'EXPRESS'] },
  ]);
  const results = await runSweepSummaries(points, options);
  const figuresAt = (batchSize: number, type: string): ChildTypeFigures => {
    const found = results.find(({ point }) => point.settings['itemBatcher.maxItemsPerBatch'] === batchSize && point.settings['executionType'] === type);
    if (!found) throw new Error(`no sweep point for batch ${batchSize}, ${type}`);
    return figuresOf(found.summary);
  };
  return compareWorkflowTypes(batchSizes.map((batchSize) => ({ batchSize, standard: figuresAt(batchSize, 'STANDARD'), express: figuresAt(batchSize, 'EXPRESS') })));
}

export function figuresOf(summary: SimulationSummary): ChildTypeFigures {
  const stepFunctions = Object.entries(summary.costByLine)
    .filter(([line]) => line.startsWith(STEP_FUNCTIONS))
    .reduce((sum, [, metric]) => sum + metric.mean, 0);
  return {
    costUsdP50: summary.costUsd.p50,
    costUsdP90: summary.costUsd.p90,
    stepFunctionsUsdMean: stepFunctions,
    wallTimeSecondsP50: summary.wallTimeSeconds.p50,
    wallTimeSecondsP90: summary.wallTimeSeconds.p90,
    failureProbability: summary.failure.probability,
    childrenTimeOut: summary.counters.timedOutItems.max > 0,
  };
}
