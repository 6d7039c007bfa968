/**
 * dmap-planner's public API. Side-effect free: importing it reads no file and starts
 * nothing. File loading lives in `loadScenarioFile`, the only export that does I/O.
 */
export { simulate } from './simulate.js';
export type { SimulateRequest, Simulation } from './simulate.js';
export { simulateMapRun, effectiveMaxConcurrency } from './model/index.js';
export type { MapRunResult, MapRunCounts, MapRunStatus, SimulateOptions } from './model/index.js';
export { scenarioSchema, validateScenario, parseScenarioText, formatFieldPath } from './scenario/index.js';
export type { Scenario, ScenarioInput, ScenarioIssue, ScenarioValidation } from './scenario/index.js';
export { loadScenarioFile } from './scenario/load-scenario.js';
export type { LoadedScenario } from './scenario/load-scenario.js';
export { buildSimulationJson, SIMULATE_FORMAT, SIMULATE_FORMAT_VERSION } from './report/simulation-json.js';
export type { SimulationJson, ScenarioIdentity } from './report/simulation-json.js';
export { renderSummaryText } from './report/summary-text.js';
export { formatDuration } from './report/format-duration.js';
export { SimulationKernel } from './core/index.js';
export type { DistributionSpec } from './random/distribution-spec.js';
export { UserInputError, formatProblem } from './errors.js';
export type { InputProblem } from './errors.js';
export { TOOL_NAME, TOOL_VERSION } from './version.js';
