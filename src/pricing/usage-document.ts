/**
 * The usage document `dmap price` reads: usage priced directly, with no simulation, for
 * finance checks and for figures that come from elsewhere (a bill, another tool). Its
 * quantities are taken as one month's totals.
 */
import { z } from 'zod';
import { EXPRESS_MAX_DURATION_MS, LAMBDA_MAX_MEMORY_MB, LAMBDA_MAX_TIMEOUT_SECONDS, LAMBDA_MIN_MEMORY_MB } from '../aws/quotas.js';
import { MAX_BILLED_MEMORY_MB } from '../scenario/numeric-bounds.js';
import { validateDocument } from '../input/document-issues.js';
import type { Validation } from '../input/parse-located.js';
import { Money, plain } from './decimal.js';
import { PRICE_KEY_NAMES, PRICE_KEYS, type PriceKey } from './price-keys.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';

/** A month's total of anything: 10^15 requests, GB-seconds or GB is far beyond any account, and keeps every cost finite. */
const MAX_MONTHLY_QUANTITY = 1e15;
/** Lambda bills at most the 15-minute timeout plus the 10-second INIT phase per request. */
const LAMBDA_MAX_BILLED_MS = LAMBDA_MAX_TIMEOUT_SECONDS * 1000 + 10_000;

const count = () => z.number().min(0).max(MAX_MONTHLY_QUANTITY);

const lambdaFunction = z
  .strictObject({
    name: z.string().min(1).optional().describe('A label for the function, shown in the formulas.'),
    architecture: z.enum(['x86_64', 'arm64']),
    memoryMb: z.number().int().min(LAMBDA_MIN_MEMORY_MB).max(LAMBDA_MAX_MEMORY_MB),
    requests: count().int(),
    averageDurationMs: count().max(LAMBDA_MAX_BILLED_MS).optional().describe('Average billed duration per request, in ms (INIT included on cold starts); at most 910,000 (the 15-minute timeout and the 10 s INIT phase).'),
    gbSeconds: count().optional().describe('Total compute in GB-seconds, instead of averageDurationMs.'),
    ephemeralStorageMb: z.number().int().min(512).max(10_240).optional().describe('Configured /tmp size; above 512 MB is billed.'),
  })
  .superRefine((f, ctx) => {
    if ((f.averageDurationMs === undefined) === (f.gbSeconds === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give either averageDurationMs or gbSeconds' });
    }
  });

export const usageDocumentSchema = z.strictObject({
  $schema: z.string().optional(),
  region: z.string().min(1).describe('AWS Region whose prices apply.'),
  freeTier: z.boolean().default(false).describe('Subtract the monthly free tier, as credit lines.'),
  discountPercent: z.number().min(0).max(100).default(0).describe('A negotiated discount on everything priced, in percent.'),
  lambda: z.array(lambdaFunction).default([]),
  stepFunctions: z
    .strictObject({
      standardTransitions: count().int().default(0),
      express: z
        .strictObject({
          requests: count().int(),
          averageBilledDurationMs: count().max(EXPRESS_MAX_DURATION_MS).describe('Average of the executions\' billed durations, in ms (each billed duration is rounded up to 100 ms); at most 300,000, as an Express execution runs at most 5 minutes.'),
          billedMemoryMb: z.number().int().min(64).max(MAX_BILLED_MEMORY_MB).multipleOf(64).describe('Billed memory per execution, in MB (64 MB steps).'),
        })
        .optional(),
    })
    .prefault({}),
  s3: z
    .strictObject({ listRequests: count().int().default(0), getRequests: count().int().default(0), putRequests: count().int().default(0) })
    .prefault({}),
  cloudwatchLogs: z.strictObject({ ingestedGb: count() }).optional(),
  dataTransfer: z.strictObject({ interRegionGb: count() }).optional(),
  quantities: z
    .partialRecord(z.enum(PRICE_KEY_NAMES), count())
    .default({})
    .describe('Any other priced usage, by price key (docs/pricing.md), in the unit of the key: DynamoDB request units, SQS requests, Fargate vCPU-hours, ...'),
});

export type UsageDocument = z.output<typeof usageDocumentSchema>;

export function validateUsageDocument(document: unknown): Validation<UsageDocument> {
  const validation = validateDocument(usageDocumentSchema, document);
  return validation.ok ? { ...validation, warnings: [] } : validation;
}

/** The usage document's quantities, in the units the catalogue prices. */
export function usageFromDocument(doc: UsageDocument): PricingUsage {
  const quantities: UsageQuantity[] = [];
  const add = (key: UsageQuantity['key'], quantity: Money | number, derivation: string, label?: string) => {
    const exact = new Money(quantity);
    if (exact.greaterThan(0)) quantities.push({ key, quantity: plain(exact), derivation, ...(label ? { label } : {}) });
  };
  doc.lambda.forEach((f, i) => {
    const label = f.name ?? `function ${i + 1}`;
    const gb = new Money(f.memoryMb).dividedBy(1024);
    const seconds =
      f.gbSeconds !== undefined ? new Money(f.gbSeconds).dividedBy(gb) : new Money(f.requests).times(f.averageDurationMs as number).dividedBy(1000);
    add('lambda.request', f.requests, `${f.requests} requests`, label);
    add(
      `lambda.duration.${f.architecture}`,
      f.gbSeconds !== undefined ? new Money(f.gbSeconds) : seconds.times(gb),
      f.gbSeconds !== undefined ? `${f.gbSeconds} GB-s` : `${f.requests} requests × ${f.averageDurationMs} ms × ${f.memoryMb}/1024 GB`,
      label,
    );
    if (f.ephemeralStorageMb !== undefined && f.ephemeralStorageMb > 512) {
      const extraGb = new Money(f.ephemeralStorageMb - 512).dividedBy(1024);
      add('lambda.ephemeralStorage', seconds.times(extraGb), `${plain(seconds)} s × (${f.ephemeralStorageMb} − 512)/1024 GB`, label);
    }
  });
  const sfn = doc.stepFunctions;
  add('stepFunctions.standard.transition', sfn.standardTransitions, `${sfn.standardTransitions} transitions`);
  if (sfn.express) {
    const { requests, averageBilledDurationMs, billedMemoryMb } = sfn.express;
    add('stepFunctions.express.request', requests, `${requests} requests`);
    // GB-seconds ÷ 3,600 = GB-hours, the unit Express duration is priced in.
    const gbHours = new Money(requests).times(averageBilledDurationMs).dividedBy(1000).times(billedMemoryMb).dividedBy(1024).dividedBy(3600);
    add('stepFunctions.express.duration', gbHours, `${requests} executions × ${averageBilledDurationMs} ms × ${billedMemoryMb}/1024 GB ÷ 3,600`);
  }
  add('s3.request.putCopyPostList', doc.s3.listRequests + doc.s3.putRequests, `${doc.s3.listRequests} LIST + ${doc.s3.putRequests} PUT requests`);
  add('s3.request.getSelectOther', doc.s3.getRequests, `${doc.s3.getRequests} GET requests`);
  if (doc.cloudwatchLogs) add('cloudwatchLogs.ingestion', doc.cloudwatchLogs.ingestedGb, `${doc.cloudwatchLogs.ingestedGb} GB ingested`);
  if (doc.dataTransfer) add('dataTransfer.interRegion', doc.dataTransfer.interRegionGb, `${doc.dataTransfer.interRegionGb} GB`);
  for (const [key, quantity] of Object.entries(doc.quantities) as [PriceKey, number][]) {
    add(key, quantity, `${quantity} ${PRICE_KEYS[key].unit} (quantities.${key})`);
  }
  return { region: doc.region, quantities };
}
