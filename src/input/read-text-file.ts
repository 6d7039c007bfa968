/**
 * Reads a user's input file, turning "not found" and the like into a UserInputError
 * that names the file. The only file reading in src/scenario.
 */
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../errors.js';

export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new UserInputError([{ file, message: `cannot read the ${what}: ${reason}` }]);
  }
}
