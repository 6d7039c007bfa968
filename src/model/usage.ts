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

/** What one non-Lambda Task state of the child did (AWS SDK and optimised integrations, nested executions, callbacks, HTTP, jobs). */
export interface ServiceTaskUsage {
  /** Field path of the state in the scenario, e.g. `childWorkflow.states.Store`. */
  state: string;
  /** Its Resource ARN. */
  resource: string;
  /** Attempts, throttled ones included. */
  attempts: number;
  /** Calls made (billed requests): an attempt makes one, or several when itemsPerRequest splits its input. */
  calls: number;
  /** Attempts refused by the quota, with the service's throttling error (not billed). */
  throttledAttempts: number;
  /** Items sent in calls, retries included. */
  items: number;
  /** Units the calls that ran took (unitsPerRequest × calls + unitsPerItem × items): DynamoDB request units. */
  units: number;
  /** The `serviceQuotas` entry it draws on. */
  quota?: string;
  nestedExecutions?: {
    type: 'STANDARD' | 'EXPRESS';
    started: number;
    /** Standard: state transitions of the nested executions. */
    transitions: number;
    /** Express: Σ duration rounded up to 100 ms. */
    expressBilledDurationMs: number;
    /** Express: Σ billed ms × billed memory in MB (an integer, so sums stay exact). */
    expressMbMs: number;
  };
  fargate?: { architecture: 'x86_64' | 'arm64'; vcpuSeconds: number; gbSeconds: number };
}

export interface MapRunUsage {
  /** The `lambda` block's function; absent when the scenario has none. */
  lambda?: LambdaUsage;
  /** The functions of `functions`, by name; absent when there are none. */
  functions?: Record<string, LambdaUsage>;
  /** Non-Lambda Task states, in the order of the scenario; absent when there are none. */
  tasks?: ServiceTaskUsage[];
  /** Requests tasks cause per item (requestsPerItem), by price key; absent when none. */
  requestsByPriceKey?: Record<string, number>;
  derived: DerivedUsage;
  stepFunctions: StepFunctionsUsage;
  s3: S3Usage;
}

/** Every function's usage: the `lambda` block's first, then `functions` in order. */
export function lambdaUsages(usage: MapRunUsage): LambdaUsage[] {
  const all = usage.lambda ? [usage.lambda] : [];
  if (usage.functions) all.push(...Object.values(usage.functions));
  return all;
}

/** Sum of a count over every function (0 without functions). */
export function sumOverFunctions(usage: MapRunUsage, field: 'requests' | 'coldStarts' | 'gbSeconds' | 'throttledAttempts' | 'billedDurationMs'): number {
  const all = lambdaUsages(usage);
  let total = all.length > 0 ? (all[0] as LambdaUsage)[field] : 0;
  for (let i = 1; i < all.length; i++) total += (all[i] as LambdaUsage)[field];
  return total;
}
