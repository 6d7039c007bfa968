/**
 * The scenario file format: one Distributed Map workload, written by hand in YAML or
 * JSON. Field names follow Amazon States Language where ASL has a name for the thing
 * (maxConcurrency, maxItemsPerBatch, toleratedFailurePercentage, executionType), in
 * camelCase. Every number carries its unit in its name. Every default names its source;
 * docs/scenario.md and schema/scenario.schema.json are generated from these schemas.
 *
 * Objects are strict: an unknown field (a typo such as `maxConcurency`) is an error,
 * never silently replaced by a default.
 */
import { z } from 'zod';
import { LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY, LAMBDA_MIN_UNRESERVED_CONCURRENCY, MAX_PAYLOAD_BYTES } from '../aws/quotas.js';
import { childWorkflowSchema } from './child-workflow-schema.js';
import { distributionSchema } from './distribution-schema.js';
import { itemReaderSchema } from './item-reader-schema.js';
import { MAP_RUN_DISPATCH_DEFAULTS, MAP_RUN_OVERHEAD_DEFAULTS } from './fitted-defaults.js';
import { lambdaFunctionSchema, lambdaSchema } from './lambda-schema.js';
import { checkChildStates } from './child-states-rules.js';
import { serviceQuotaSchema } from './service-quota-schema.js';
import {
  MAX_BUDGET_USD,
  MAX_BYTES,
  MAX_BYTES_PER_SECOND,
  MAX_CONCURRENCY,
  MAX_COUNT,
  MAX_DURATION_MS,
  MAX_PRICE_USD,
  MAX_RATE_PER_SECOND,
  MAX_RUNS,
  MAX_RUNS_PER_MONTH,
  MIN_RATE_PER_SECOND,
} from './numeric-bounds.js';
import { provenanceSchema } from './provenance-schema.js';
import { parseDeadlineSeconds } from '../planner/parse-goal.js';
import { isValidPer, PER_RULE } from '../pricing/per-units.js';
import { PRICE_KEY_NAMES } from '../pricing/price-keys.js';
import { DISCOUNT_SERVICES } from '../pricing/discount-services.js';

const itemBatcher = z
  .strictObject({
    maxItemsPerBatch: z.number().int().min(1).max(MAX_COUNT).optional().describe('ItemBatcher.MaxItemsPerBatch: most items in one batch.'),
    maxInputBytesPerBatch: z
      .number()
      .int()
      .min(1)
      .max(MAX_PAYLOAD_BYTES)
      .default(MAX_PAYLOAD_BYTES)
      .describe('ItemBatcher.MaxInputBytesPerBatch, in bytes; at most 262,144 (256 KiB), which also applies when unset.'),
  })
  .describe('ItemBatcher. Absent: every item is its own child execution.');

const tokenBucket = (what: string) =>
  z.strictObject({
    bucketSize: z.number().int().min(1).max(MAX_COUNT).describe(`Tokens available at once for ${what}.`),
    refillPerSecond: z.number().min(MIN_RATE_PER_SECOND).max(MAX_RATE_PER_SECOND).describe(`Tokens added per second for ${what}.`),
  });

const childStarts = z.strictObject({
  bucketSize: z
    .number()
    .int()
    .min(1)
    .max(MAX_COUNT)
    .optional()
    .describe('Child starts possible at once. Default: the StartExecution quota, 1,300 (Standard, big three Regions), 800 (Standard elsewhere), 6,000 (Express).'),
  refillPerSecond: z
    .number()
    .min(MIN_RATE_PER_SECOND)
    .max(MAX_RATE_PER_SECOND)
    .optional()
    .describe('Sustained child starts per second. Default: the StartExecution refill, 300 / 150 (Standard), 6,000 (Express). An assumption: AWS does not say which bucket child starts use.'),
  dispatchPerSecond: z
    .number()
    .min(MIN_RATE_PER_SECOND)
    .max(MAX_RATE_PER_SECOND)
    .default(MAP_RUN_DISPATCH_DEFAULTS.perSecond)
    .describe(
      'Children one Map Run starts per second, sustained, on top of the account\'s StartExecution bucket. AWS publishes no figure; the default is fitted to a published Map Run (docs/fidelity.md). [L]',
    ),
  dispatchBurst: z
    .number()
    .int()
    .min(1)
    .max(MAX_COUNT)
    .default(MAP_RUN_DISPATCH_DEFAULTS.burst)
    .describe('Children one Map Run can start at once before the dispatch rate applies. Default 100: a published run started 100 children within a second (docs/fidelity.md, PM-17). [L]'),
  startLatencyMs: distributionSchema(
    'Time from a child\'s start to its first state running, in ms. Assumption: median 50 ms, p99 250 ms.',
  ).prefault({ type: 'lognormal', p50: 50, p99: 250 }),
});

const mapRunOverhead = z.strictObject({
  startMs: distributionSchema(
    'Time from the Map Run starting to its first read (or, with inline items, its first child), in ms. AWS publishes no figure; the default is bounded by a published run whose 100 children had all finished within a second of MapRunStarted (docs/fidelity.md, PM-17). [L]',
  ).prefault(MAP_RUN_OVERHEAD_DEFAULTS.startMs),
  closeMs: distributionSchema(
    'Time from the last child ending (and the results written) to the Map Run succeeding or failing, in ms. AWS publishes no figure; the default is fitted to published small runs (docs/fidelity.md). [L]',
  ).prefault(MAP_RUN_OVERHEAD_DEFAULTS.closeMs),
});

const resultWriter = z
  .strictObject({
    putLatencyMs: distributionSchema('Latency of one S3 PUT of a result file, in ms. Assumption.').prefault({
      type: 'lognormal',
      p50: 40,
      p99: 200,
    }),
    partSizeBytes: z
      .number()
      .int()
      .min(5 * 1024 * 1024)
      .max(5 * 1024 * 1024 * 1024)
      .default(8 * 1024 * 1024)
      .describe(
        'Part size of the multipart uploads of result files larger than one part: such a file costs CreateMultipartUpload, one UploadPart per part and CompleteMultipartUpload, each a PUT-class request. AWS does not say how ResultWriter uploads; default 8 MiB, the AWS CLI\'s multipart_chunksize (https://docs.aws.amazon.com/cli/latest/topic/s3-config.html). [L]',
      ),
    writeThroughputBytesPerSecond: z
      .number()
      .min(1)
      .max(MAX_BYTES_PER_SECOND)
      .default(100_000_000)
      .describe('Rate at which result files are written, in bytes per second. Assumption: 100 MB/s.'),
  })
  .describe('ResultWriter (arn:aws:states:::s3:putObject). Absent: results return inline and must fit 256 KiB.');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors. Ignored by the simulator.'),
    name: z.string().min(1).max(200).describe('Short name; used in reports and as the default report folder.'),
    description: z.string().default('').describe('What this scenario represents, in a sentence or two.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1)
      .describe('Default seed of the random streams; `--seed` overrides it.'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS Region code such as us-east-1')
      .default('us-east-1')
      .describe('AWS Region: sets the Step Functions token buckets, the legacy Lambda burst and, later, prices.'),
    itemReader: itemReaderSchema,
    itemBatcher: itemBatcher.optional(),
    maxConcurrency: z
      .number()
      .int()
      .min(0)
      .max(MAX_COUNT)
      .default(0)
      .describe('MaxConcurrency: most child executions running at once. 0 or absent means 10,000, the hard cap per Map Run.'),
    toleratedFailurePercentage: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'ToleratedFailurePercentage: the Map Run fails once more than this share of items failed or timed out. With neither this nor toleratedFailureCount set, no failure is tolerated (ASL default 0).',
      ),
    toleratedFailureCount: z
      .number()
      .int()
      .min(0)
      .max(MAX_COUNT)
      .optional()
      .describe('ToleratedFailureCount: the Map Run fails once more than this many items failed or timed out.'),
    failureDetectionLagMs: distributionSchema(
      'Time from crossing the tolerated-failure threshold to the Map Run failing; children keep starting meanwhile (AWS: not enforced at the instant it is crossed). Assumption: 1 s.',
    ).prefault(1000),
    executionType: z.enum(['STANDARD', 'EXPRESS']).default('STANDARD').describe('ProcessorConfig.ExecutionType of the child workflows.'),
    childStarts: childStarts.prefault({}).describe('How fast the Map Run starts child executions.'),
    mapRunOverhead: mapRunOverhead.prefault({}).describe('Fixed time a Map Run spends before its first read and after its last child, whatever its size.'),
    childWorkflow: childWorkflowSchema.prefault({}).describe('The workflow each child runs around its Lambda task.'),
    stateTransitions: tokenBucket('Standard state transitions')
      .optional()
      .describe('StateTransition token bucket of the account. Default: 5,000 / 5,000 per s in us-east-1, us-west-2, eu-west-1; 800 / 800 elsewhere.'),
    lambda: lambdaSchema
      .optional()
      .describe('The Lambda function each child execution invokes with its batch (short form), and the account\'s Lambda concurrency. Required unless the long-form child names every function it calls in `functions`.'),
    functions: z
      .record(z.string().min(1), lambdaFunctionSchema)
      .default({})
      .describe('Long form: the Lambda functions the child\'s tasks name, each with its own memory, timeout, reserved concurrency, cold starts and scaling; all share the account\'s concurrency.'),
    lambdaAccountConcurrency: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONCURRENCY)
      .optional()
      .describe('Concurrent executions quota of the account, shared by every function. Default: lambda.accountConcurrency, or 1,000 (Lambda default).'),
    serviceQuotas: z
      .record(z.string().min(1), serviceQuotaSchema)
      .default({})
      .describe('Long form: request limits of the resources child tasks call (a DynamoDB table, a queue, a model), by name.'),
    resultWriter: resultWriter.optional(),
    dataTransfer: z
      .strictObject({
        interRegionBytesPerItem: z
          .number()
          .min(0)
          .max(MAX_BYTES)
          .default(0)
          .describe('Bytes each item processed sends to another Region (e.g. reading a bucket elsewhere); billed as inter-Region data transfer.'),
      })
      .prefault({})
      .describe('Data that crosses Regions. In-Region transfer between Lambda, S3 and Step Functions is free.'),
    pricing: z
      .strictObject({
        freeTier: z.boolean().default(false).describe('Subtract the account\'s monthly free tier, as credit lines. Off by default: the free tier belongs to the whole account.'),
        runsPerMonth: z
          .number()
          .int()
          .min(1)
          .max(MAX_RUNS_PER_MONTH)
          .default(1)
          .describe('Map Runs per month: volume tiers and the free tier apply to the monthly total, and the cost is also shown per month.'),
        discountPercent: z.number().min(0).max(100).default(0).describe('A negotiated discount on everything priced, in percent.'),
        discounts: z
          .partialRecord(z.enum(DISCOUNT_SERVICES), z.number().min(0).max(100))
          .default({})
          .describe('Negotiated discounts by service, in percent, e.g. `{ lambda: 12, stepFunctions: 5 }`; a service not named gets discountPercent (docs/pricing.md).'),
        computeSavingsPlan: z
          .strictObject({
            commitmentUsdPerHour: z.number().gt(0).max(1_000_000).describe('The plan\'s hourly commitment in USD (AWS accepts 0.001 to 1,000,000).'),
            discountPercent: z.number().min(0).max(100).describe('The plan\'s discount off Lambda\'s On-Demand duration price, in percent (AWS: up to 17 %).'),
          })
          .optional()
          .describe('A Compute Savings Plan: covers Lambda duration only (not requests, not Step Functions), up to the hourly commitment (docs/pricing.md).'),
        currency: z
          .strictObject({
            code: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code in capitals, e.g. EUR').describe('The currency, as its ISO 4217 code, e.g. EUR.'),
            perUsd: z.number().gt(0).max(1_000_000).describe('Units of the currency one US dollar buys, e.g. 0.93.'),
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').describe('The date of the exchange rate, YYYY-MM-DD.'),
          })
          .optional()
          .describe('Also show money in this currency, at this exchange rate (given by you; nothing is fetched).'),
        priceOverrides: z
          .partialRecord(
            z.enum(PRICE_KEY_NAMES),
            z.strictObject({
              usd: z
                .string()
                .regex(/^\d+(\.\d+)?$/, 'must be a decimal number written as a string, e.g. "0.18"')
                .refine((usd) => Number(usd) <= MAX_PRICE_USD, `must be at most ${MAX_PRICE_USD.toLocaleString('en-US')} USD`)
                .describe(`The price in USD, as an exact decimal string; at most ${MAX_PRICE_USD.toLocaleString('en-US')}.`),
              per: z
                .string()
                .regex(/^\d+$/, 'must be a whole number written as a string, e.g. "1000000"')
                .refine(isValidPer, PER_RULE)
                .optional()
                .describe('Units the price is for (e.g. "1000000" for a price per million), at least 1; absent: the catalogue\'s.'),
            }),
          )
          .default({})
          .describe('Prices that replace the catalogue\'s, by price key (docs/pricing.md), e.g. a negotiated Lambda price. The report marks them.'),
      })
      .prefault({})
      .describe('How the simulated usage is priced.'),
    sweep: z
      .strictObject({
        vary: z
          .record(z.string().min(1), z.array(z.union([z.number(), z.string(), z.boolean()])).min(1))
          .describe('Field path → values to try, e.g. `itemBatcher.maxItemsPerBatch: [50, 100, 250]`. Every combination is a point.'),
        runs: z.number().int().min(1).max(MAX_RUNS).default(100).describe('Replications per point.'),
        deadline: z
          .string()
          .refine((text) => parseDeadlineSeconds(text) !== undefined, 'must be a duration such as 10m, 90s or 1h30m')
          .optional()
          .describe('Recommend the cheapest configuration that finishes within this, at P90.'),
        budgetUsd: z.number().positive().max(MAX_BUDGET_USD).optional().describe('Recommend the fastest configuration that costs at most this per run, at P90.'),
      })
      .optional()
      .describe('What `dmap sweep` varies (the --vary flags add to it and win for the same field).'),
    timeSeriesBucketMs: z
      .number()
      .int()
      .min(1)
      .max(MAX_DURATION_MS)
      .default(1000)
      .describe('Width of one time-series bucket in the output, in ms. A run that would need more than 20,000 buckets gets wider ones (doubled until it fits), so memory stays bounded; the output gives the width used (`bucketSeconds`).'),
    provenance: provenanceSchema,
  })
  .superRefine((scenario, ctx) => {
    const account = accountConcurrencyOf(scenario);
    if (scenario.lambdaAccountConcurrency !== undefined && scenario.lambda && scenario.lambda.accountConcurrency !== scenario.lambdaAccountConcurrency) {
      ctx.addIssue({
        code: 'custom',
        path: ['lambdaAccountConcurrency'],
        message: `differs from lambda.accountConcurrency (${scenario.lambda.accountConcurrency}): the account has one quota; give it once`,
        input: scenario.lambdaAccountConcurrency,
      });
    }
    const reserved: [(string | number)[], number][] = [];
    if (scenario.lambda?.reservedConcurrency !== undefined) reserved.push([['lambda', 'reservedConcurrency'], scenario.lambda.reservedConcurrency]);
    for (const [name, fn] of Object.entries(scenario.functions)) {
      if (fn.reservedConcurrency !== undefined) reserved.push([['functions', name, 'reservedConcurrency'], fn.reservedConcurrency]);
    }
    const maxReserved = account - LAMBDA_MIN_UNRESERVED_CONCURRENCY;
    const totalReserved = reserved.reduce((sum, [, value]) => sum + value, 0);
    if (reserved.length > 0 && totalReserved > maxReserved) {
      const [path, value] = reserved[reserved.length - 1] as [(string | number)[], number];
      ctx.addIssue({
        code: 'custom',
        path,
        message:
          reserved.length === 1
            ? `must leave ${LAMBDA_MIN_UNRESERVED_CONCURRENCY} unreserved: at most accountConcurrency − ${LAMBDA_MIN_UNRESERVED_CONCURRENCY} = ${maxReserved}`
            : `reserved concurrency of all functions adds up to ${totalReserved}; it must leave ${LAMBDA_MIN_UNRESERVED_CONCURRENCY} of the account's ${account} unreserved (at most ${maxReserved})`,
        input: value,
      });
    }
    checkChildStates(scenario, ctx);
  });

/** The account's Lambda concurrency quota, however the scenario gives it. */
export function accountConcurrencyOf(scenario: { lambda?: { accountConcurrency: number } | undefined; lambdaAccountConcurrency?: number | undefined }): number {
  return scenario.lambdaAccountConcurrency ?? scenario.lambda?.accountConcurrency ?? LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY;
}

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
