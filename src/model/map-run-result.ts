/**
 * What one simulated Map Run reports, shaped like DescribeMapRun where AWS has a name
 * for the figure. https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html
 */
import type { ItemReaderStats } from './item-reader.js';
import type { RunBounds } from './run-bounds.js';
import type { TimeSeries } from './time-series.js';
import type { MapRunUsage } from './usage.js';

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

/** Why a Map Run (or the Map state around it) failed. */
export type MapRunError = 'States.ExceedToleratedFailureThreshold' | 'States.DataLimitExceeded';

export interface MapRunResult {
  status: MapRunStatus;
  error?: MapRunError;
  /** From the Map Run's start to its end (results written), in ms of simulated time. */
  wallTimeMs: number;
  /** When the last child execution ended, in ms. */
  childrenCompleteMs: number;
  /** The wall time split along the critical path by what bounded it (src/model/run-bounds.ts); adds up to wallTimeMs. */
  boundBy: RunBounds;
  /** When the first child execution started (0 without children), and the mean span of an ended child from its start to its end, in ms: what ListExecutions shows of a real run. */
  children: { firstStartMs: number; meanDurationMs: number };
  itemCounts: MapRunCounts;
  executionCounts: MapRunCounts;
  /** MaxConcurrency as the service applies it (0 and absent mean 10,000). */
  effectiveMaxConcurrency: number;
  /** The concurrency the Lambda function may use: its reserved concurrency, or the account quota. */
  lambdaConcurrencyLimit: number;
  peakRunningChildren: number;
  peakConcurrentInvocations: number;
  peakEnvironments: number;
  itemReader: ItemReaderStats;
  /** Counters of what happened to invocation attempts. */
  attempts: {
    total: number;
    throttled: number;
    retries: number;
    caught: number;
    /** Failed attempts by error name, throttles included, sorted by name. Attempts are of every Task state, Lambda or not. */
    failuresByError: Record<string, number>;
  };
  lambda: {
    invocations: number;
    /** Sum of invocation durations (INIT included), unrounded. */
    totalDurationMs: number;
  };
  /** Per function of `functions` (the long-form child), by name. */
  functions?: Record<string, { invocations: number; throttles: number; coldStarts: number; peakConcurrentInvocations: number; peakEnvironments: number; totalDurationMs: number }>;
  /** Per entry of `serviceQuotas`: throttled calls, units taken and most calls in flight. */
  serviceQuotas?: Record<string, { throttles: number; unitsAccepted: number; peakInFlight: number }>;
  resultWriter?: { files: number; putRequests: number; bytes: number; writeMs: number };
  /** Bytes of child output the Map state returns inline (no ResultWriter). */
  inlineResultBytes: number;
  usage: MapRunUsage;
  timeSeries: TimeSeries;
  /** Simulation events processed; a measure of the simulator's own work. */
  eventCount: number;
}
