/**
 * The output of `aws stepfunctions get-execution-history` (GetExecutionHistory) of a
 * parent execution: its events with their timestamps. Only the fields every event has
 * are checked; the Map Run events (MapRunStarted, MapRunSucceeded, MapRunFailed,
 * MapRunAborted, MapStateEntered, MapStateExited) are what calibration reads.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
import { z } from 'zod';
import { awsDateSchema } from './aws-date.js';

export const historyEventSchema = z.looseObject({
  timestamp: awsDateSchema,
  type: z.string().min(1),
  id: z.number().int().min(1),
  previousEventId: z.number().int().min(0).optional(),
});

export const executionHistorySchema = z.looseObject({
  events: z.array(historyEventSchema),
  nextToken: z.string().optional(),
});

export type HistoryEvent = z.output<typeof historyEventSchema>;
export type ExecutionHistoryRecord = z.output<typeof executionHistorySchema>;

/** When the parent's Map Run started and ended, from its history; undefined where the event is missing. */
export function mapRunSpanOf(history: ExecutionHistoryRecord): { startedMs?: number; endedMs?: number; endedAs?: string } {
  const started = history.events.find((e) => e.type === 'MapRunStarted');
  const ended = history.events.find((e) => e.type === 'MapRunSucceeded' || e.type === 'MapRunFailed' || e.type === 'MapRunAborted');
  return { ...(started ? { startedMs: started.timestamp } : {}), ...(ended ? { endedMs: ended.timestamp, endedAs: ended.type } : {}) };
}
