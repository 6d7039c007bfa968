/**
 * A source file dmap calibrate cannot read: a UserInputError (exit 2) naming the file,
 * and the line or the field where it is known, and what was expected there. Pure.
 */
import { UserInputError, type InputProblem } from '../errors.js';

export interface ProblemPlace {
  line?: number;
  column?: number;
  field?: string;
  value?: unknown;
}

export function sourceProblem(file: string, message: string, place: ProblemPlace = {}): UserInputError {
  const problem: InputProblem = { file, message };
  if (place.line !== undefined) problem.line = place.line;
  if (place.column !== undefined) problem.column = place.column;
  if (place.field !== undefined) problem.field = place.field;
  if (place.value !== undefined) problem.value = place.value;
  return new UserInputError([problem]);
}
