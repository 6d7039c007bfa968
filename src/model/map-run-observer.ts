/**
 * Watches a simulated Map Run as it happens: every Lambda invocation and every child
 * execution, for tests and tools that write a simulated run out the way AWS would record
 * it (REPORT lines, ListExecutions). Absent in normal runs, where each report costs one
 * check of an undefined field.
 */
export interface InvocationRecord {
  /** The function's name in `functions`, or `lambda` for the short form's. */
  functionName: string;
  /** When the invocation started, in ms of simulated time. */
  startMs: number;
  /** Run time without INIT, as a REPORT line's Duration (up to the function's timeout). */
  durationMs: number;
  /** INIT time, as a REPORT line's Init Duration; 0 for a warm start. */
  initMs: number;
  items: number;
  memoryMb: number;
  /** The error the invocation ended with, or undefined when it succeeded. */
  error?: string;
}

export interface ChildExecutionRecord {
  startMs: number;
  endMs: number;
  items: number;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
}

export interface MapRunObserver {
  invocation?(record: InvocationRecord): void;
  childEnded?(record: ChildExecutionRecord): void;
}
