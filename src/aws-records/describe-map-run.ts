/**
 * The output of `aws stepfunctions describe-map-run` (DescribeMapRun), as documented;
 * unknown fields are kept, so a newer CLI's output still reads.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html
 */
import { z } from 'zod';
import { awsDateSchema } from './aws-date.js';
import { mapRunCountsSchema } from './map-run-counts.js';

export const describeMapRunSchema = z.looseObject({
  mapRunArn: z.string().min(1),
  executionArn: z.string().min(1),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED']),
  startDate: awsDateSchema,
  stopDate: awsDateSchema.optional(),
  maxConcurrency: z.number().int().min(0),
  toleratedFailurePercentage: z.number().min(0).max(100),
  toleratedFailureCount: z.number().int().min(0),
  itemCounts: mapRunCountsSchema,
  executionCounts: mapRunCountsSchema,
  redriveCount: z.number().int().min(0).optional(),
  redriveDate: awsDateSchema.optional(),
});

export type DescribeMapRunRecord = z.output<typeof describeMapRunSchema>;
