/**
 * Assembles the report view model from a simulation: its charts, the assumptions ledger,
 * the warnings a reviewer must not miss, and the command that reproduces it. Pure.
 */
import type { Scenario } from '../scenario/index.js';
import { assumptionsLedger } from './assumptions.js';
import { buildCharts } from './charts/build-charts.js';
import type { ReportModel } from './report-model.js';
import { reviewWarnings } from './review-warnings.js';
import type { SimulationJson } from './simulation-json.js';

export function buildReportModel(input: { result: SimulationJson; scenario: Scenario; rawDocument: unknown; command: string }): ReportModel {
  return {
    result: input.result,
    charts: buildCharts(input.result),
    assumptions: assumptionsLedger(input),
    warnings: reviewWarnings(input.scenario, input.result),
    rerunCommand: input.command,
  };
}
