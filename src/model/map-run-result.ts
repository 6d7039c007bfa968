/**
 * What one simulated Map Run reports, shaped like DescribeMapRun where AWS has a name
 * for the figure. https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html
 */

/** MapRunItemCounts / MapRunExecutionCounts. */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
}

export type MapRunStatus = 'SUCCEEDED' | 'FAILED';

export interface MapRunResult {
  status: MapRunStatus;
  /** From the Map Run's start to its end, in ms of simulated time. */
  wallTimeMs: number;
  itemCounts: MapRunCounts;
  executionCounts: MapRunCounts;
  /** MaxConcurrency as the service applies it (0 and absent mean 10,000). */
  effectiveMaxConcurrency: number;
  peakRunningChildren: number;
  peakConcurrentInvocations: number;
  itemReader: {
    listRequests: number;
    readCompleteMs: number;
  };
  lambda: {
    invocations: number;
    totalDurationMs: number;
  };
  /** Simulation events processed; a measure of the simulator's own work. */
  eventCount: number;
}
