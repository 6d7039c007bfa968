/**
 * Reads a scenario file from disk.
 */
import { parseScenarioText, type ParsedScenario } from './parse-scenario-text.js';
import { readTextFile } from '../input/read-text-file.js';

export interface LoadedScenario extends ParsedScenario {
  /** The file's exact text, so reports can hash it and name the input they came from. */
  text: string;
  file: string;
}

export async function loadScenarioFile(file: string): Promise<LoadedScenario> {
  const text = await readTextFile(file, 'scenario');
  return { ...parseScenarioText(text, file), text, file };
}
