/**
 * Reads a scenario file from disk: the only I/O in src/scenario.
 */
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../errors.js';
import { parseScenarioText, type ParsedScenario } from './parse-scenario-text.js';

export interface LoadedScenario extends ParsedScenario {
  /** The file's exact text, so reports can hash it and name the input they came from. */
  text: string;
  file: string;
}

export async function loadScenarioFile(file: string): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new UserInputError([{ file, message: `cannot read the scenario: ${reason}` }]);
  }
  return { ...parseScenarioText(text, file), text, file };
}
