/**
 * The long form of `childWorkflow`: the child as the small state machine it really is,
 * written like its ItemProcessor (states by name, `startAt`, `next`/`end`), with the
 * workload facts the definition cannot hold (how long a task takes, how a Choice
 * branches, which quota a service call draws on). Field names are the ASL names in
 * camelCase. The short form (states before, one Lambda task, states after) stays valid
 * and compiles to the same interpreter (src/model/child/child-program.ts).
 *
 * Parallel branches and an inline Map's ItemProcessor hold states of their own, so the
 * schema is recursive (zod getters).
 */
import { z } from 'zod';
import { PRICE_KEY_NAMES } from '../pricing/price-keys.js';
import { distributionSchema } from './distribution-schema.js';
import { retrySchema, errorEqualsSchema, statesAllAloneAndLast } from './retry-schema.js';
import { MAX_BILLED_MEMORY_MB, MAX_BYTES, MAX_COUNT, MAX_DURATION_MS, MAX_UNITS } from './numeric-bounds.js';

/** ASL's upper bound on TimeoutSeconds and HeartbeatSeconds. */
const ASL_MAX_SECONDS = 99_999_999;
/** Fargate's largest task: 16 vCPU, 120 GB (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size). */
const FARGATE_MAX_VCPU = 16;
const FARGATE_MAX_MEMORY_GB = 120;

/** A state's successor: ASL's Next, or End. Checked in child-states-rules.ts. */
const flow = {
  next: z.string().min(1).optional().describe('Next: the state that follows.'),
  end: z.literal(true).optional().describe('End: true when this state ends its branch (or the child).'),
  comment: z.string().optional().describe('Comment, as in ASL. Ignored.'),
};

const catcher = z.strictObject({
  errorEquals: errorEqualsSchema('Catch'),
  next: z.string().min(1).describe('Catch[].Next: the state the error goes to.'),
});

/** Retry, Catch and timeouts that ASL allows on Task, Parallel and Map states. */
const errorHandling = {
  retry: retrySchema.prefault('none'),
  catch: z
    .array(catcher)
    .superRefine(statesAllAloneAndLast('Catch'))
    .default([])
    .describe('Catch: errors that, once retries are exhausted, go to another state instead of failing.'),
};

const passState = z.strictObject({ type: z.literal('Pass'), ...flow });

const waitState = z.strictObject({
  type: z.literal('Wait'),
  ...flow,
  seconds: z.number().int().min(0).max(MAX_DURATION_MS / 1000).optional().describe('Seconds: a fixed wait, at most a year.'),
  durationMs: distributionSchema('The wait, in ms, when it varies (SecondsPath, TimestampPath). One of seconds or durationMs.').optional(),
});

const choiceState = z.strictObject({
  type: z.literal('Choice'),
  comment: flow.comment,
  choices: z
    .array(
      z.strictObject({
        next: z.string().min(1).describe('Choices[].Next.'),
        probability: z.number().min(0).max(1).describe('Share of visits that take this rule: a workload fact the definition cannot hold.'),
      }),
    )
    .min(1)
    .describe('Choices: each rule with the share of visits it matches, first match first.'),
  default: z.string().min(1).optional().describe('Default: taken by the remaining share. Without it, an unmatched visit fails with States.NoChoiceMatched.'),
});

const succeedState = z.strictObject({ type: z.literal('Succeed'), comment: flow.comment });

const failState = z.strictObject({
  type: z.literal('Fail'),
  comment: flow.comment,
  error: z.string().min(1).default('States.Fail').describe('Error: the error name the branch fails with.'),
});

const injectedError = z.strictObject({
  error: z.string().min(1).describe('Error name as Step Functions reports it.'),
  probability: z.number().min(0).max(1).describe('Chance that one attempt fails with this error.'),
});

const taskState = z.strictObject({
  type: z.literal('Task'),
  ...flow,
  resource: z
    .string()
    .regex(/^arn:aws[\w-]*:(states|lambda):/, 'must be a task Resource ARN such as arn:aws:states:::lambda:invoke or arn:aws:states:::aws-sdk:dynamodb:batchWriteItem')
    .describe(
      'Resource, as in the definition: it sets the task kind (Lambda, AWS SDK or optimised integration, nested execution, callback, HTTP, ECS, Batch) and its integration pattern (.sync, .waitForTaskToken).',
    ),
  function: z
    .string()
    .min(1)
    .optional()
    .describe('Lambda tasks: the name of the function in `functions`. Absent: the `lambda` block.'),
  durationMs: distributionSchema(
    'Other tasks: time from the call to its answer, in ms (for .sync the whole job or nested execution, for .waitForTaskToken the wait for the callback).',
  ).optional(),
  quota: z.string().min(1).optional().describe('Name of the entry in `serviceQuotas` this call draws on (a table, a queue, a model).'),
  unitsPerItem: z.number().min(0).max(MAX_UNITS).default(1).describe('Quota units one item of the call takes (DynamoDB: capacity units per item written or read).'),
  unitsPerRequest: z.number().min(0).max(MAX_UNITS).default(0).describe('Quota units the call takes regardless of its items.'),
  itemsPerRequest: z
    .number()
    .int()
    .min(1)
    .max(MAX_COUNT)
    .optional()
    .describe('Most items one call carries (DynamoDB BatchWriteItem 25, S3 DeleteObjects 1,000, SQS SendMessageBatch 10): a larger input makes several calls, one after another. Absent: one call per task.'),
  requestsPerItem: z
    .partialRecord(z.enum(PRICE_KEY_NAMES), z.number().min(0).max(MAX_UNITS))
    .default({})
    .describe('Billed requests the task causes per item, by price key (e.g. `s3.request.getSelectOther: 1` for a function that reads one S3 object per item).'),
  execution: z
    .strictObject({
      type: z.enum(['STANDARD', 'EXPRESS']).describe('Type of the nested state machine.'),
      transitions: z.number().int().min(0).max(MAX_COUNT).default(0).describe('Standard: state transitions one nested execution makes (billed).'),
      billedMemoryMb: z.number().int().min(64).max(MAX_BILLED_MEMORY_MB).multipleOf(64).default(64).describe('Express: billed memory of one nested execution, in MB.'),
      durationMs: distributionSchema(
        'How long one nested execution runs, in ms, when the task does not wait for it (startExecution without .sync): what an Express one is billed for. With .sync the task\'s durationMs is that time.',
      ).optional(),
    })
    .optional()
    .describe('Nested executions (states:startExecution): the state machine started, for counting and pricing.'),
  fargate: z
    .strictObject({
      vcpu: z.number().positive().max(FARGATE_MAX_VCPU).describe('vCPUs of the Fargate task (Fargate: at most 16).'),
      memoryGb: z.number().positive().max(FARGATE_MAX_MEMORY_GB).describe('Memory of the Fargate task, in GB (Fargate: at most 120).'),
      architecture: z.enum(['x86_64', 'arm64']).default('x86_64').describe('CPU architecture of the task.'),
    })
    .optional()
    .describe('ECS tasks on Fargate (ecs:runTask.sync): the task size, for pricing its duration.'),
  heartbeatIntervalMs: z
    .number()
    .positive()
    .max(MAX_DURATION_MS)
    .optional()
    .describe('Callbacks: how often the worker sends SendTaskHeartbeat, in ms. Absent: never, so a wait past heartbeatSeconds fails with States.HeartbeatTimeout.'),
  errors: z.array(injectedError).default([]).describe('Errors an attempt of a non-Lambda task fails with at random, each with its probability.'),
  timeoutSeconds: z.number().int().min(1).max(ASL_MAX_SECONDS).optional().describe('TimeoutSeconds: past it the task fails with States.Timeout.'),
  heartbeatSeconds: z.number().int().min(1).max(ASL_MAX_SECONDS).optional().describe('HeartbeatSeconds: longest gap between heartbeats before States.HeartbeatTimeout.'),
  ...errorHandling,
});

/** A set of states with a start: a child, a Parallel branch or an inline Map's ItemProcessor. */
export const stateScopeSchema = z.strictObject({
  startAt: z.string().min(1).optional().describe('StartAt. Absent: the first state listed.'),
  get states() {
    return z.record(z.string().min(1), childStateSchema).meta({ id: 'ChildStates' }).describe('States, by name.');
  },
});

const parallelState = z.strictObject({
  type: z.literal('Parallel'),
  ...flow,
  get branches() {
    return z.array(stateScopeSchema).min(1).describe('Branches: they run at once; the state ends with the slowest, or fails with the first failure.');
  },
  ...errorHandling,
});

const mapState = z.strictObject({
  type: z.literal('Map'),
  ...flow,
  maxConcurrency: z
    .number()
    .int()
    .min(0)
    .max(MAX_COUNT)
    .default(0)
    .describe('MaxConcurrency of the inline Map: 0 means no limit of yours; inline mode runs at most 40 iterations at once either way.'),
  itemsPerIteration: z.number().int().min(1).max(MAX_COUNT).default(1).describe('Items of the batch each iteration gets (1: one iteration per item of the batch).'),
  iterations: distributionSchema('Iterations when the Map does not run over the batch (ItemsPath elsewhere). Absent: one per item of the batch.', 'count').optional(),
  outputBytesPerIteration: z
    .number()
    .min(0)
    .max(MAX_BYTES)
    .default(0)
    .describe('Bytes each iteration returns: the Map state\'s output is their array, and past 256 KiB the state fails with States.DataLimitExceeded.'),
  get itemProcessor() {
    return stateScopeSchema.describe('ItemProcessor (or Iterator): the states each iteration runs.');
  },
  ...errorHandling,
});

export const childStateSchema = z.discriminatedUnion('type', [passState, waitState, choiceState, succeedState, failState, taskState, parallelState, mapState]);

export type StateScopeConfig = z.output<typeof stateScopeSchema>;
export type ChildStateConfig = z.output<typeof childStateSchema>;
export type TaskStateConfig = z.output<typeof taskState>;
