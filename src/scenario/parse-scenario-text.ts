/**
 * Parses and validates the text of a scenario file. Pure: the caller reads the file.
 */
import type { InputProblem } from '../errors.js';
import { parseLocated } from '../input/parse-located.js';
import type { Scenario } from './scenario-schema.js';
import { validateScenario } from './validate-scenario.js';

export interface ParsedScenario {
  scenario: Scenario;
  warnings: InputProblem[];
  /** The file's content as parsed, before defaults: tells given values from defaults. */
  document: unknown;
}

export function parseScenarioText(text: string, fileName: string): ParsedScenario {
  const { value, warnings, document: raw } = parseLocated(text, fileName, (document) => {
    const validation = validateScenario(document);
    return validation.ok ? { ok: true, value: validation.scenario, warnings: validation.warnings } : validation;
  });
  return { scenario: value, warnings, document: raw };
}
