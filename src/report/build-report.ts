/**
 * Assembles the report view model from a simulation: its charts, the assumptions ledger,
 * the warnings a reviewer must not miss, and the command that reproduces it. Pure.
 */
import type { Scenario } from '../scenario/index.js';
import { assumptionsLedger } from './assumptions.js';
import { buildCharts } from './charts/build-charts.js';
import type { ReportModel, ReviewWarning } from './report-model.js';
import { reviewWarnings } from './review-warnings.js';
import type { SimulationJson } from './simulation-json.js';
import { tornadoCharts } from './charts/tornado-charts.js';
import type { SensitivityJson } from './sensitivity-json.js';
import type { BacktestJson } from './backtest-json.js';

export function buildReportModel(input: {
  result: SimulationJson;
  scenario: Scenario;
  rawDocument: unknown;
  command: string;
  sensitivity?: SensitivityJson;
  backtest?: BacktestJson;
}): ReportModel {
  const { sensitivity, backtest } = input;
  const actual = backtest?.actual;
  return {
    result: input.result,
    charts: buildCharts(input.result, { ...(actual?.wallTimeSeconds !== undefined ? { wallTimeSeconds: actual.wallTimeSeconds } : {}), ...(actual?.costUsd !== undefined ? { costUsd: actual.costUsd } : {}) }),
    assumptions: assumptionsLedger(input),
    // An assumption whose plausible range flips the outcome is the first thing a reviewer must see.
    warnings: [...(sensitivity ? flipWarnings(sensitivity) : []), ...reviewWarnings(input.scenario, input.result)],
    rerunCommand: input.command,
    ...(sensitivity ? { sensitivity: { result: sensitivity, charts: tornadoCharts(sensitivity) } } : {}),
    ...(backtest ? { backtest } : {}),
  };
}

function flipWarnings(s: SensitivityJson): ReviewWarning[] {
  return s.flips.map((flip) => ({
    severity: 'warning',
    title: flip.kind === 'failure' ? 'An assumption flips whether the Map Run fails' : 'An assumption flips whether the deadline is met',
    detail: `${flip.text.charAt(0).toUpperCase()}${flip.text.slice(1)}. See the Sensitivity section.`,
  }));
}
