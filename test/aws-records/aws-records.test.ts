import { describe, expect, it } from 'vitest';
import { describeMapRunSchema, executionHistorySchema, isoToEpochMs, listExecutionsSchema, mapRunSpanOf } from '../../src/aws-records/index.js';
import { validateDocument } from '../../src/input/document-issues.js';

const counts = { pending: 0, running: 0, succeeded: 51, failed: 1, timedOut: 0, aborted: 0, total: 52, resultsWritten: 52 };

describe('AWS CLI output of Step Functions', () => {
  it('reads ISO dates with microseconds and a zone, and epoch seconds, to epoch ms', () => {
    expect(isoToEpochMs('2023-11-27T11:17:25.142000-08:00')).toBe(Date.UTC(2023, 10, 27, 19, 17, 25, 142));
    expect(isoToEpochMs('2023-11-27T19:17:33.813Z')).toBe(Date.UTC(2023, 10, 27, 19, 17, 33, 813));
    expect(isoToEpochMs('2023-11-27T19:17:33Z')).toBe(Date.UTC(2023, 10, 27, 19, 17, 33));
    expect(isoToEpochMs('2023-11-27 19:17:33')).toBeNaN();
    const parsed = describeMapRunSchema.parse({
      mapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:m/x:y',
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
      status: 'SUCCEEDED',
      startDate: '2023-11-27T11:17:25.142000-08:00',
      stopDate: 1701112653.813,
      maxConcurrency: 20,
      toleratedFailurePercentage: 5,
      toleratedFailureCount: 0,
      itemCounts: { ...counts, total: 1021, succeeded: 1001, failed: 20 },
      executionCounts: counts,
      newFieldFromANewerCli: true,
    });
    expect((parsed.stopDate as number) - parsed.startDate).toBe(8671);
  });

  it('names the field and the rule of a bad date, and every other problem at once', () => {
    const result = validateDocument(listExecutionsSchema, { executions: [{ executionArn: 'a', stateMachineArn: 's', name: 'n', status: 'DONE', startDate: 'yesterday' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['executions.0.status', 'executions.0.startDate']));
  });

  it('finds the Map Run span in a parent history', () => {
    const history = executionHistorySchema.parse({
      events: [
        { timestamp: '2023-11-27T19:17:25.000Z', type: 'ExecutionStarted', id: 1, previousEventId: 0 },
        { timestamp: '2023-11-27T19:17:25.142Z', type: 'MapRunStarted', id: 3, previousEventId: 2 },
        { timestamp: '2023-11-27T19:17:33.813Z', type: 'MapRunSucceeded', id: 4, previousEventId: 3 },
      ],
    });
    expect(mapRunSpanOf(history)).toEqual({ startedMs: Date.UTC(2023, 10, 27, 19, 17, 25, 142), endedMs: Date.UTC(2023, 10, 27, 19, 17, 33, 813), endedAs: 'MapRunSucceeded' });
  });
});
