/**
 * The `lambda` block: the function every child execution invokes with its batch.
 */
import { z } from 'zod';
import {
  LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY,
  LAMBDA_DEFAULT_TIMEOUT_SECONDS,
  LAMBDA_MAX_MEMORY_MB,
  LAMBDA_MAX_TIMEOUT_SECONDS,
  LAMBDA_MIN_MEMORY_MB,
} from '../aws/quotas.js';
import { distributionSchema } from './distribution-schema.js';
import { MAX_BYTES, MAX_CONCURRENCY } from './numeric-bounds.js';

/** Errors the simulator produces itself; a scenario may not inject them by probability. */
const MODELLED_ERRORS = ['Lambda.TooManyRequestsException', 'States.Timeout', 'States.ExceedToleratedFailureThreshold'];

const injectedError = z.strictObject({
  error: z
    .string()
    .min(1)
    .refine((name) => !MODELLED_ERRORS.includes(name), {
      message: `is produced by the model itself (throttling, timeouts, tolerance), not injected: remove it or use another name`,
    })
    .describe(
      'Error name as Step Functions reports it. Names starting with `Lambda.` (except `Lambda.Unknown`) are service errors that fail at once, unbilled; any other name fails after the invocation ran, billed.',
    ),
  probability: z.number().min(0).max(1).describe('Chance that one invocation attempt fails with this error.'),
});

const accountConcurrency = z
  .number()
  .int()
  .min(1)
  .max(MAX_CONCURRENCY)
  .default(LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY)
  .describe('Concurrent executions quota of the account in the Region; Lambda default 1,000.');

/** The settings of one function; the account's concurrency is not one of them. */
const functionFields = {
  reservedConcurrency: z
    .number()
    .int()
    .min(0)
    .max(MAX_CONCURRENCY)
    .optional()
    .describe('Reserved concurrency of the function: both guarantees and caps it. Absent: the function shares the account quota.'),
  memoryMb: z
    .number()
    .int()
    .min(LAMBDA_MIN_MEMORY_MB)
    .max(LAMBDA_MAX_MEMORY_MB)
    .default(LAMBDA_MIN_MEMORY_MB)
    .describe('Memory size in MB (128–10,240); AWS default 128. Sets GB-seconds for pricing.'),
  architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('Instruction set architecture; AWS default x86_64.'),
  ephemeralStorageMb: z
    .number()
    .int()
    .min(512)
    .max(10_240)
    .default(512)
    .describe('Ephemeral storage (/tmp) in MB (512–10,240); AWS default 512, which is free. Above 512 MB is billed per GB-second.'),
  logBytesPerInvocation: z
    .number()
    .min(0)
    .max(MAX_BYTES)
    .default(0)
    .describe('Bytes each invocation writes to CloudWatch Logs (START, END and REPORT lines are a few hundred bytes, plus your own logging); 0 leaves CloudWatch Logs out of the cost.'),
  timeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(LAMBDA_MAX_TIMEOUT_SECONDS)
    .default(LAMBDA_DEFAULT_TIMEOUT_SECONDS)
    .describe('Function timeout in seconds (1–900); AWS default 3. A longer invocation fails with `Lambda.Unknown` at the timeout.'),
  scaling: z
    .enum(['current', 'legacy'])
    .default('current')
    .describe(
      'current: 1,000 new execution environments per 10 s per function, refilled continuously (since Nov 2023). legacy: Region burst of 3,000 / 1,000 / 500, then +500 per minute.',
    ),
  initDurationMs: distributionSchema(
    'Cold start (INIT) time of a new execution environment, in ms; billed since 1 Aug 2025. Default: median 300 ms, p99 1 s, typical of Node.js and Python.',
  ).prefault({ type: 'lognormal', p50: 300, p99: 1000 }),
  invocationOverheadMs: distributionSchema(
    'Time one invocation spends regardless of batch size (start-up work, fixed I/O), in ms.',
  ).prefault(0),
  perItemDurationMs: distributionSchema(
    'Time one item takes within an invocation, in ms: the distribution of single items, as measured by invoking the function with batches of one. A batch of n items takes the sum of n independent draws, so the spread of single items averages out over a batch (see docs/model.md). Spread that a whole batch shares goes in batchDurationFactor.',
  ),
  batchDurationFactor: distributionSchema(
    'Factor drawn once per invocation that multiplies the batch\'s summed per-item time: spread every item of one batch shares (a slow execution environment, a batch of heavier items). Default 1: none. A lognormal with mean 1 and sd 0.2 gives batches ±20 % around their expected time.',
    'factor',
  ).prefault(1),
  cpuBoundFraction: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe(
      'Share of the invocation time (overhead and per-item) that is CPU-bound and so scales with memory: Lambda allocates CPU in proportion to memory, one full vCPU at 1,769 MB. 0 = pure I/O, 1 = pure CPU. AWS publishes nothing per workload; default 0.5, see docs/model.md.',
    ),
  durationMeasuredAtMemoryMb: z
    .number()
    .int()
    .min(LAMBDA_MIN_MEMORY_MB)
    .max(LAMBDA_MAX_MEMORY_MB)
    .optional()
    .describe('Memory size at which invocationOverheadMs and perItemDurationMs were measured; absent means memoryMb. Sweeps over memoryMb keep it fixed, so durations scale.'),
  errors: z
    .array(injectedError)
    .default([])
    .describe('Errors an invocation attempt fails with at random, each with its probability.'),
  poisonItems: z
    .strictObject({
      probability: z.number().min(0).max(1).describe('Chance that an item is poison: its batch fails on every attempt.'),
      error: z.string().min(1).default('ItemProcessingError').describe('Error name a poison batch fails with (an application error).'),
    })
    .optional()
    .describe('Items that fail every attempt, as a malformed record does; retrying does not help.'),
};

function errorsAddUpToAtMostOne(lambda: { errors: { probability: number }[] }, ctx: z.RefinementCtx): void {
  const total = lambda.errors.reduce((sum, e) => sum + e.probability, 0);
  if (total > 1) {
    ctx.addIssue({ code: 'custom', path: ['errors'], message: `the probabilities add up to more than 1`, input: total });
  }
}

/** The `lambda` block: the account's concurrency and the function of the short-form child. */
export const lambdaSchema = z.strictObject({ accountConcurrency, ...functionFields }).superRefine(errorsAddUpToAtMostOne);

/** One entry of `functions`: a function a Lambda task of the long-form child names. */
export const lambdaFunctionSchema = z.strictObject(functionFields).superRefine(errorsAddUpToAtMostOne);

export type LambdaConfig = z.output<typeof lambdaSchema>;
export type LambdaFunctionConfig = z.output<typeof lambdaFunctionSchema>;
