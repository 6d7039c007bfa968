export { scenarioSchema } from './scenario-schema.js';
export type { Scenario, ScenarioInput } from './scenario-schema.js';
export { validateScenario } from './validate-scenario.js';
export type { ScenarioIssue, ScenarioValidation, FieldPath } from './validate-scenario.js';
export { parseScenarioText } from './parse-scenario-text.js';
export type { ParsedScenario } from './parse-scenario-text.js';
export { formatFieldPath } from '../input/field-path.js';
