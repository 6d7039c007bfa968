/**
 * The error taxonomy, which decides exit codes at the CLI edge:
 * - UserInputError: the user's file or flags are wrong. A short precise message, exit 2.
 * - anything else is a bug in dmap-planner: stack trace and a request to report it, exit 3.
 */

/** One problem in a user's input, located as precisely as we can. */
export interface InputProblem {
  /** The file the problem is in, as the user named it. */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `itemBatcher.maxItemsPerBatch` or `lambda.perItemDurationMs.percentiles[2].p`. */
  field?: string;
  /** The rule broken, in words. */
  message: string;
  /** The offending value, if there is one. */
  value?: unknown;
}

export class UserInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'UserInputError';
  }
}

export function isUserInputError(error: unknown): error is UserInputError {
  return error instanceof UserInputError;
}

/** `file:line:col: field: rule (got value)`, leaving out what is unknown. */
export function formatProblem(problem: InputProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':');
  const parts = [where, problem.field].filter((p) => p !== undefined && p !== '');
  const got = problem.value === undefined ? '' : ` (got ${formatValue(problem.value)})`;
  return `${parts.length > 0 ? `${parts.join(': ')}: ` : ''}${problem.message}${got}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
