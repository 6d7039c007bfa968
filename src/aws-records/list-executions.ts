/**
 * The output of `aws stepfunctions list-executions --map-run-arn ...` (ListExecutions):
 * the child executions of a Map Run, with their start and stop dates. Several pages
 * concatenated by the CLI are one `executions` array; unknown fields are kept.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ExecutionListItem.html
 */
import { z } from 'zod';
import { awsDateSchema } from './aws-date.js';

export const executionListItemSchema = z.looseObject({
  executionArn: z.string().min(1),
  stateMachineArn: z.string().min(1),
  name: z.string().min(1),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']),
  startDate: awsDateSchema,
  stopDate: awsDateSchema.optional(),
  mapRunArn: z.string().optional(),
  itemCount: z.number().int().min(0).optional(),
  redriveCount: z.number().int().min(0).optional(),
  redriveDate: awsDateSchema.optional(),
});

export const listExecutionsSchema = z.looseObject({
  executions: z.array(executionListItemSchema),
  nextToken: z.string().optional(),
});

export type ExecutionListItem = z.output<typeof executionListItemSchema>;
export type ListExecutionsRecord = z.output<typeof listExecutionsSchema>;
