/**
 * Turns whatever a scenario file held into a validated Scenario, or into the complete
 * list of what is wrong with it. Pure: reading the file is load-scenario.ts's job.
 */
import { MAP_RUN_MAX_PARALLEL_CHILDREN } from '../aws/quotas.js';
import { validateDocument, type DocumentIssue, type FieldPath } from '../input/document-issues.js';
import { childStateWarnings } from './child-states-rules.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';

export type { FieldPath };
export type ScenarioIssue = DocumentIssue;

export type ScenarioValidation =
  | { ok: true; scenario: Scenario; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

export function validateScenario(document: unknown): ScenarioValidation {
  const validation = validateDocument(scenarioSchema, document);
  if (!validation.ok) return validation;
  return { ok: true, scenario: validation.value, warnings: scenarioWarnings(validation.value) };
}

/** Things that are valid but probably not what the author meant. */
function scenarioWarnings(scenario: Scenario): ScenarioIssue[] {
  const warnings: ScenarioIssue[] = [];
  if (scenario.maxConcurrency > MAP_RUN_MAX_PARALLEL_CHILDREN) {
    warnings.push({
      path: ['maxConcurrency'],
      message: `Step Functions runs at most ${MAP_RUN_MAX_PARALLEL_CHILDREN} child executions in parallel; simulating ${MAP_RUN_MAX_PARALLEL_CHILDREN}`,
      value: scenario.maxConcurrency,
    });
  }
  warnings.push(...childStateWarnings(scenario));
  return warnings;
}
