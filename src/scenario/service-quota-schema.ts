/**
 * The `serviceQuotas` block: the request limits of the resources child tasks call (a
 * DynamoDB table's capacity, a queue's or a model's quota). A limit is a rate (units per
 * second, with a burst) and/or a number of calls in flight; a call past either fails
 * with the service's throttling error and goes through the task's Retry, as it does on
 * AWS. Quotas are named so several tasks (and every child) can share one.
 */
import { z } from 'zod';
import { MAX_CONCURRENCY, MAX_RATE_PER_SECOND, MIN_RATE_PER_SECOND } from './numeric-bounds.js';

export const serviceQuotaSchema = z
  .strictObject({
    ratePerSecond: z.number().min(MIN_RATE_PER_SECOND).max(MAX_RATE_PER_SECOND).optional().describe('Units the resource accepts per second (DynamoDB: write or read capacity units; others: requests).'),
    burst: z
      .number()
      .positive()
      .max(MAX_RATE_PER_SECOND)
      .optional()
      .describe('Units available at once before the rate applies. Absent: one second of the rate. (DynamoDB keeps up to 300 s of unused provisioned capacity as burst: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html)'),
    concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).optional().describe('Calls in flight at once (e.g. a model\'s concurrent requests).'),
    throttleError: z
      .string()
      .min(1)
      .optional()
      .describe('Error name a throttled call fails with. Absent: the name Step Functions reports for the service of the tasks using it (docs/model.md).'),
  })
  .refine((q) => q.ratePerSecond !== undefined || q.concurrency !== undefined, { message: 'give ratePerSecond, concurrency or both' });

export type ServiceQuotaConfig = z.output<typeof serviceQuotaSchema>;
