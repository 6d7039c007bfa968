/**
 * MapRunItemCounts and MapRunExecutionCounts as DescribeMapRun returns them.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_MapRunItemCounts.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_MapRunExecutionCounts.html
 */
import { z } from 'zod';

const count = z.number().int().min(0);

export const mapRunCountsSchema = z.looseObject({
  pending: count,
  running: count,
  succeeded: count,
  failed: count,
  timedOut: count,
  aborted: count,
  total: count,
  resultsWritten: count,
  failuresNotRedrivable: count.optional(),
  pendingRedrive: count.optional(),
});

export type MapRunCountsRecord = z.output<typeof mapRunCountsSchema>;
