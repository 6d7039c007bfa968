/**
 * The scenario file format: one Distributed Map workload, written by hand in YAML or
 * JSON. Field names follow Amazon States Language where ASL has a name for the thing
 * (maxConcurrency, maxItemsPerBatch, maxInputBytesPerBatch, executionType), in
 * camelCase. Every number carries its unit in its name. Every default names its source;
 * docs/scenario.md and schema/scenario.schema.json are generated from this file.
 *
 * Objects are strict: an unknown field (a typo such as `maxConcurency`) is an error,
 * never silently replaced by a default.
 */
import { z } from 'zod';
import { distributionSchema } from './distribution-schema.js';

/** S3 ListObjectsV2 returns at most 1,000 keys per call.
 *  https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
export const S3_LIST_MAX_KEYS_PER_PAGE = 1000;

/** Hard limit on the input of an execution or a batch: 256 KiB.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 *  https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html */
export const MAX_PAYLOAD_BYTES = 262_144;

/** Parallel child executions per Map Run; also what MaxConcurrency 0 or absent means.
 *  https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html */
export const MAP_RUN_MAX_PARALLEL_CHILDREN = 10_000;

/** Lambda's default concurrent executions per account and Region.
 *  https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY = 1000;

/** A ListObjectsV2 item (Etag, Key, LastModified, Size, StorageClass) is about 150–250
 *  bytes of JSON: ../shared/reference/distributed-map.md §2 [D]. We take the middle. */
const DEFAULT_LISTED_ITEM_BYTES = 200;

const positiveInt = () => z.number().int().min(1);

const inlineItems = z.strictObject({
  source: z.literal('inline').describe('Items given in the state input (no ItemReader).'),
  itemCount: z.number().int().min(0).describe('Number of items in the input array.'),
  itemSizeBytes: distributionSchema('Size of one item as JSON, in bytes; used by maxInputBytesPerBatch.')
    .prefault(DEFAULT_LISTED_ITEM_BYTES),
});

const s3ListObjectsV2 = z.strictObject({
  source: z
    .literal('s3ListObjectsV2')
    .describe('ItemReader arn:aws:states:::s3:listObjectsV2: one item per object under a prefix.'),
  objectCount: z.number().int().min(0).describe('Number of objects under the prefix.'),
  pageSize: positiveInt()
    .max(S3_LIST_MAX_KEYS_PER_PAGE)
    .default(S3_LIST_MAX_KEYS_PER_PAGE)
    .describe('Keys per ListObjectsV2 page. S3 returns at most 1,000 (API_ListObjectsV2).'),
  pageLatencyMs: distributionSchema(
    'Time to fetch one page, in ms. Pages are read one after another. AWS publishes no figure; ' +
      'the default (median 100 ms, p99 300 ms) is an assumption, see docs/model.md.',
  ).prefault({ type: 'lognormal', p50: 100, p99: 300 }),
  itemSizeBytes: distributionSchema(
    'Size of one listed item (object metadata as JSON), in bytes. Default 200: such items are about 150–250 bytes.',
  ).prefault(DEFAULT_LISTED_ITEM_BYTES),
});

const itemReader = z.discriminatedUnion('source', [inlineItems, s3ListObjectsV2]);

const itemBatcher = z
  .strictObject({
    maxItemsPerBatch: positiveInt().optional().describe('ItemBatcher.MaxItemsPerBatch: most items in one batch.'),
    maxInputBytesPerBatch: positiveInt()
      .max(MAX_PAYLOAD_BYTES)
      .default(MAX_PAYLOAD_BYTES)
      .describe('ItemBatcher.MaxInputBytesPerBatch, in bytes; at most 262,144 (256 KiB), which also applies when unset.'),
  })
  .describe('ItemBatcher. Absent: every item is its own child execution.');

const lambdaFunction = z.strictObject({
  accountConcurrency: positiveInt()
    .default(LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY)
    .describe('Concurrent executions available to the function; Lambda default 1,000 per account and Region.'),
  invocationOverheadMs: distributionSchema(
    'Time one invocation spends regardless of batch size (start-up work, fixed I/O), in ms.',
  ).prefault(0),
  perItemDurationMs: distributionSchema(
    'Time per item, in ms. One value is drawn per invocation and multiplied by the items in its batch.',
  ),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors. Ignored by the simulator.'),
  name: z
    .string()
    .min(1)
    .max(200)
    .describe('Short name; used in reports and as the default report folder.'),
  description: z.string().default('').describe('What this scenario represents, in a sentence or two.'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1)
    .describe('Default seed of the random streams; `--seed` overrides it.'),
  itemReader: itemReader.describe('Where the items come from.'),
  itemBatcher: itemBatcher.optional(),
  maxConcurrency: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('MaxConcurrency: most child executions running at once. 0 or absent means 10,000, the hard cap per Map Run.'),
  executionType: z
    .enum(['STANDARD', 'EXPRESS'])
    .default('STANDARD')
    .describe('ProcessorConfig.ExecutionType of the child workflows.'),
  lambda: lambdaFunction.describe('The Lambda function each child execution invokes once with its batch.'),
});

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
