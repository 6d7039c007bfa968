/**
 * The versioned result of `dmap workflow-type --json` (docs/json-output.md): Standard and
 * Express children side by side per batch size, and the break-even. Rounded so it is
 * byte-identical for the same inputs, seed, run count and version. Pure.
 */
import type { ChildTypeFigures, WorkflowTypeComparison } from '../planner/workflow-types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import type { ScenarioIdentity } from './simulation-json.js';

export const WORKFLOW_TYPE_FORMAT = 'dmap-planner/workflow-type';
export const WORKFLOW_TYPE_FORMAT_VERSION = 1;

export interface WorkflowTypeJson extends WorkflowTypeComparison {
  format: typeof WORKFLOW_TYPE_FORMAT;
  formatVersion: typeof WORKFLOW_TYPE_FORMAT_VERSION;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  runs: number;
}

export function buildWorkflowTypeJson(input: { identity: ScenarioIdentity; seed: number; runs: number; comparison: WorkflowTypeComparison }): WorkflowTypeJson {
  const money = (v: number) => roundTo(v, 8);
  const figures = (f: ChildTypeFigures): ChildTypeFigures => ({
    costUsdP50: money(f.costUsdP50),
    costUsdP90: money(f.costUsdP90),
    stepFunctionsUsdMean: money(f.stepFunctionsUsdMean),
    wallTimeSecondsP50: roundTo(f.wallTimeSecondsP50, 3),
    wallTimeSecondsP90: roundTo(f.wallTimeSecondsP90, 3),
    failureProbability: roundTo(f.failureProbability, 6),
    childrenTimeOut: f.childrenTimeOut,
  });
  return {
    format: WORKFLOW_TYPE_FORMAT,
    formatVersion: WORKFLOW_TYPE_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runs: input.runs,
    rows: input.comparison.rows.map((r) => ({ ...r, standard: figures(r.standard), express: figures(r.express), expressMinusStandardUsd: money(r.expressMinusStandardUsd) })),
    breakEvens: input.comparison.breakEvens.map((b) => ({ ...b, batchSize: roundTo(b.batchSize, 1) })),
  };
}
