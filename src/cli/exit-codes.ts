/**
 * Exit codes, documented in the README and `dmap --help`:
 * 0 success; 1 a result breached a threshold the user set; 2 bad input (file, field or
 * flag); 3 an internal error, which is a bug in dmap-planner.
 */
export const ExitCode = {
  ok: 0,
  thresholdBreached: 1,
  badInput: 2,
  internalError: 3,
} as const;
