/**
 * The usage a Map Run generates, in the units AWS bills: what pricing multiplies by
 * prices. Quantities only; no dollar figure lives in the model.
 */

export interface LambdaUsage {
  architecture: 'x86_64' | 'arm64';
  memoryMb: number;
  /** Invocations that ran (billed requests), retries included. */
  requests: number;
  /** Attempts rejected with Lambda.TooManyRequestsException (not billed by Lambda). */
  throttledAttempts: number;
  /** Invocations that started a new execution environment. */
  coldStarts: number;
  /** Sum over invocations of the duration rounded up to 1 ms, INIT included on cold starts. */
  billedDurationMs: number;
  /** The INIT part of billedDurationMs. */
  initBilledDurationMs: number;
  /** billedDurationMs × memory in GB (MB / 1,024). */
  gbSeconds: number;
  /** Configured ephemeral storage; above 512 MB is billed per GB-second of billed duration. */
  ephemeralStorageMb: number;
  /** Items handed to invocations that ran (an item retried three times counts three times). */
  itemsProcessed: number;
}

export interface StepFunctionsUsage {
  /** Standard transitions of the parent: the Map state plus one per child execution started. */
  parentTransitions: number;
  /** Standard transitions inside Standard children, retries included. 0 for Express children. */
  childTransitions: number;
  /** Express child executions started (requests). */
  expressRequests: number;
  /** Sum over Express children of the duration rounded up to 100 ms. */
  expressBilledDurationMs: number;
  /** Billed memory of one Express child (64 MB steps). */
  expressBilledMemoryMb: number;
  /** expressBilledDurationMs × billed memory in GB. */
  expressGbSeconds: number;
}

export interface S3Usage {
  /** ListObjectsV2 calls of the ItemReader. */
  listRequests: number;
  /** GET requests of the ItemReader on an S3 file. */
  getRequests: number;
  /** PUT requests of the ResultWriter. */
  putRequests: number;
}

/** Usage the model does not simulate but derives from the scenario's per-unit figures. */
export interface DerivedUsage {
  /** CloudWatch Logs bytes ingested: requests × logBytesPerInvocation. */
  cloudwatchLogsBytes: number;
  /** Bytes sent to another Region: items processed × interRegionBytesPerItem. */
  interRegionBytes: number;
}

export interface MapRunUsage {
  lambda: LambdaUsage;
  derived: DerivedUsage;
  stepFunctions: StepFunctionsUsage;
  s3: S3Usage;
}
