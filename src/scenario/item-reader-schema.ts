/**
 * The `itemReader` block: where a Map Run's items come from.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import { z } from 'zod';
import { READER_MAX_ITEMS_LIMIT, S3_LIST_MAX_KEYS_PER_PAGE } from '../aws/quotas.js';
import { PAGE_LATENCY_DEFAULT } from './fitted-defaults.js';
import { distributionSchema } from './distribution-schema.js';
import { MAX_BYTES, MAX_BYTES_PER_SECOND, MAX_COUNT } from './numeric-bounds.js';

/** A ListObjectsV2 item (Etag, Key, LastModified, Size, StorageClass) is about 150–250
 *  bytes of JSON: ../shared/reference/distributed-map.md §2 [D]. We take the middle. */
const DEFAULT_ITEM_BYTES = 200;

const maxItems = () =>
  z
    .number()
    .int()
    .min(0)
    .max(READER_MAX_ITEMS_LIMIT)
    .optional()
    // 0 is what AWS's own sample definitions write for "no limit" (and their runs read every item).
    .transform((value) => (value === 0 ? undefined : value))
    .describe('ReaderConfig.MaxItems: read at most this many items (up to 100,000,000); 0 or absent reads them all, as in AWS\'s sample definitions.');

const inlineItems = z.strictObject({
  source: z.literal('inline').describe('Items given in the state input (no ItemReader).'),
  itemCount: z.number().int().min(0).max(MAX_COUNT).describe('Number of items in the input array.'),
  itemSizeBytes: distributionSchema('Size of one item as JSON, in bytes; used by maxInputBytesPerBatch.', 'bytes').prefault(
    DEFAULT_ITEM_BYTES,
  ),
});

const s3ListObjectsV2 = z.strictObject({
  source: z
    .literal('s3ListObjectsV2')
    .describe('ItemReader arn:aws:states:::s3:listObjectsV2: one item per object under a prefix.'),
  objectCount: z.number().int().min(0).max(MAX_COUNT).describe('Number of objects under the prefix.'),
  maxItems: maxItems(),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(S3_LIST_MAX_KEYS_PER_PAGE)
    .default(S3_LIST_MAX_KEYS_PER_PAGE)
    .describe('Keys per ListObjectsV2 page. S3 returns at most 1,000 (API_ListObjectsV2).'),
  pageLatencyMs: distributionSchema(
    'Time to fetch one page, in ms. Each reader reads its pages one after another. AWS publishes no figure; ' +
      'the default (median 93 ms, p99 279 ms: a mean of 104 ms) is fitted to a published listing of 506,900 keys in 52.7 s (docs/fidelity.md, PM-14).',
  ).prefault(PAGE_LATENCY_DEFAULT),
  readers: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(1)
    .describe(
      'Pages listed at once. Default 1: a published run listed its pages one after another (PM-14). AWS says it runs many input readers for extremely large jobs without saying when or how many; try more to see what faster listing would do.',
    ),
  itemSizeBytes: distributionSchema(
    'Size of one listed item (object metadata as JSON), in bytes. Default 200: such items are about 150–250 bytes.',
    'bytes',
  ).prefault(DEFAULT_ITEM_BYTES),
  listBeforeProcessing: z
    .boolean()
    .default(true)
    .describe(
      'true (default): every page is listed before the first child starts, as observed in a published run (506,900 keys listed, no child running after 52.7 s: docs/fidelity.md, PM-14). false: children start as soon as a page fills a batch. AWS does not document which.',
    ),
});

const s3Object = z.strictObject({
  source: z
    .literal('s3Object')
    .describe('ItemReader arn:aws:states:::s3:getObject: items are the records of one S3 file (CSV, JSON, JSONL, Parquet or a manifest).'),
  inputType: z
    .enum(['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'])
    .describe('ReaderConfig.InputType. JSON files are read whole before the first item; the others stream.'),
  itemCount: z.number().int().min(0).max(MAX_COUNT).describe('Number of records (items) in the file.'),
  maxItems: maxItems(),
  itemSizeBytes: distributionSchema('Size of one record in the file, in bytes; sets the file size and batch bytes.', 'bytes').prefault(
    DEFAULT_ITEM_BYTES,
  ),
  firstByteLatencyMs: distributionSchema(
    'Time to first byte of each GET request on the file, in ms. Assumption, see docs/model.md.',
  ).prefault({ type: 'lognormal', p50: 30, p99: 150 }),
  readThroughputBytesPerSecond: z
    .number()
    .min(1)
    .max(MAX_BYTES_PER_SECOND)
    .default(50_000_000)
    .describe('Rate at which Step Functions reads the file once bytes flow, in bytes per second. Assumption: 50 MB/s.'),
  getRequestBytes: z
    .number()
    .int()
    .min(1)
    .max(MAX_BYTES)
    .default(8 * 1024 * 1024)
    .describe('Bytes fetched by one ranged GET request; sets the S3 GET count. Assumption: 8 MiB, the AWS SDKs\' usual part size.'),
});

export const itemReaderSchema = z
  .discriminatedUnion('source', [inlineItems, s3ListObjectsV2, s3Object])
  .describe('Where the items come from.');

export type ItemReaderConfig = z.output<typeof itemReaderSchema>;
