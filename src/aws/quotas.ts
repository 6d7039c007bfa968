/**
 * AWS quotas, limits and defaults the simulator relies on, each with its source. Pure
 * data: change a number here and every part of the model and the scenario format that
 * uses it follows.
 */
import { ownValue } from '../own-key.js';

/** S3 ListObjectsV2 returns at most 1,000 keys per call.
 *  https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
export const S3_LIST_MAX_KEYS_PER_PAGE = 1000;

/** Hard limit on the input or output of a task, state or execution, and of a batch: 256 KiB.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 *  https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html */
export const MAX_PAYLOAD_BYTES = 262_144;

/** Parallel child executions per Map Run; also what MaxConcurrency 0 or absent means.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html */
export const MAP_RUN_MAX_PARALLEL_CHILDREN = 10_000;

/** ReaderConfig.MaxItems may be at most 100,000,000.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html */
export const READER_MAX_ITEMS_LIMIT = 100_000_000;

/** Each S3 source file read by an ItemReader may be at most 10 GB (same page). */
export const READER_MAX_FILE_BYTES = 10 * 1000 ** 3;

/** ResultWriter starts a new result file whenever one would exceed 5 GB.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html */
export const RESULT_FILE_MAX_BYTES = 5 * 1000 ** 3;

/** Express workflows run at most 5 minutes, then fail with States.Timeout.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html */
export const EXPRESS_MAX_DURATION_MS = 5 * 60 * 1000;

/** Lambda's default concurrent executions per account and Region.
 *  https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY = 1000;

/** Reserved concurrency may leave no less than 100 unreserved for the rest of the account.
 *  https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html */
export const LAMBDA_MIN_UNRESERVED_CONCURRENCY = 100;

/** Function timeout: default 3 s, at most 900 s.
 *  https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html */
export const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

/** Function memory: 128 MB (the default) to 10,240 MB in 1 MB steps.
 *  https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html */
export const LAMBDA_MIN_MEMORY_MB = 128;
export const LAMBDA_MAX_MEMORY_MB = 10_240;

/** Since Nov 2023 each function scales by 1,000 execution environments every 10 s,
 *  refilled continuously, without accumulating unused allowance.
 *  https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html */
export const LAMBDA_SCALING_ENVIRONMENTS = 1000;
export const LAMBDA_SCALING_WINDOW_MS = 10_000;

/** Before Nov 2023: an account-level initial burst by Region, then +500 environments a minute.
 *  https://docs.amazonaws.cn/en_us/lambda/latest/dg/burst-concurrency.html */
export const LAMBDA_LEGACY_BURST_BY_REGION: Readonly<Record<string, number>> = {
  'us-east-1': 3000,
  'us-west-2': 3000,
  'eu-west-1': 3000,
  'us-east-2': 1000,
  'eu-central-1': 1000,
  'ap-northeast-1': 1000,
};
export const LAMBDA_LEGACY_BURST_OTHER_REGIONS = 500;
export const LAMBDA_LEGACY_INCREMENT_PER_MINUTE = 500;

/** The "big three" Regions have larger Step Functions token buckets.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html */
export const BIG_THREE_REGIONS: ReadonlySet<string> = new Set(['us-east-1', 'us-west-2', 'eu-west-1']);

export interface TokenBucketQuota {
  /** Tokens available at once. */
  bucketSize: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

/** StateTransition throttling for Standard workflows, per account and Region (late-2025
 *  quotas page): 5,000 / 5,000 per s in the big three, 800 / 800 elsewhere. Express is not throttled. */
export function stateTransitionQuota(region: string): TokenBucketQuota {
  return BIG_THREE_REGIONS.has(region) ? { bucketSize: 5000, refillPerSecond: 5000 } : { bucketSize: 800, refillPerSecond: 800 };
}

/** StartExecution throttling (quotas page): Standard 1,300 / 300 per s in the big three and
 *  800 / 150 elsewhere; Express 6,000 / 6,000 everywhere. Whether Distributed Map child
 *  starts draw on this bucket is not documented: it is our default child start rate [L]. */
export function startExecutionQuota(region: string, executionType: 'STANDARD' | 'EXPRESS'): TokenBucketQuota {
  if (executionType === 'EXPRESS') return { bucketSize: 6000, refillPerSecond: 6000 };
  return BIG_THREE_REGIONS.has(region) ? { bucketSize: 1300, refillPerSecond: 300 } : { bucketSize: 800, refillPerSecond: 150 };
}

/** StopExecution throttling (quotas page): 1,000 / 200 per s in the big three, 500 / 25
 *  elsewhere. https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html [H];
 *  that a failing Map Run stops its Standard children through this bucket is our assumption [L]. */
export function stopExecutionQuota(region: string): TokenBucketQuota {
  return BIG_THREE_REGIONS.has(region) ? { bucketSize: 1000, refillPerSecond: 200 } : { bucketSize: 500, refillPerSecond: 25 };
}

export function legacyBurst(region: string): number {
  return ownValue(LAMBDA_LEGACY_BURST_BY_REGION, region) ?? LAMBDA_LEGACY_BURST_OTHER_REGIONS;
}

/** Lambda allocates CPU in proportion to memory; at 1,769 MB a function has one full vCPU.
 *  https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html */
export const LAMBDA_MEMORY_PER_VCPU_MB = 1769;
