/**
 * A long-form child's report: throttles named by function and quota, each task's calls
 * in the summary, and no Lambda warning for a child that calls no function.
 */
import { describe, expect, it } from 'vitest';
import { reviewWarnings } from '../../src/report/review-warnings.js';
import { renderSummaryText } from '../../src/report/summary-text.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const TABLE_BOUND = {
  name: 'table-bound',
  itemReader: { source: 'inline', itemCount: 5000 },
  itemBatcher: { maxItemsPerBatch: 25 },
  maxConcurrency: 100,
  toleratedFailurePercentage: 100,
  resultWriter: {},
  serviceQuotas: { table: { ratePerSecond: 500 } },
  childWorkflow: {
    states: {
      Write: {
        type: 'Task',
        resource: 'arn:aws:states:::aws-sdk:dynamodb:batchWriteItem',
        durationMs: 20,
        quota: 'table',
        retry: [{ errorEquals: ['DynamoDb.ProvisionedThroughputExceededException'], intervalSeconds: 1, maxAttempts: 30, maxDelaySeconds: 5, jitterStrategy: 'FULL' }],
        end: true,
      },
    },
  },
} satisfies ScenarioInput;

describe('a long-form child in the report', () => {
  it('names the quota that throttles and the task it throttles, and the task in the summary', async () => {
    const { scenario, json } = await simulate(TABLE_BOUND, { runs: 1 });
    const warnings = reviewWarnings(scenario, json);
    expect(warnings.map((w) => w.title)).toEqual(['Quota table throttles']);
    expect(warnings[0]?.detail).toMatch(/calls of "Write" were refused by quota table/);
    const text = renderSummaryText(json);
    expect(text).toMatch(/Task Write +200 calls to aws-sdk:dynamodb:batchWriteItem, [\d,]+ throttled by quota table/);
    expect(text).not.toMatch(/^ *Lambda /m);
  });

  it('does not warn about Lambda concurrency for a child that calls no function', async () => {
    const input = { ...TABLE_BOUND, maxConcurrency: 5000, serviceQuotas: {}, childWorkflow: { states: { Only: { type: 'Pass', end: true } } } } satisfies ScenarioInput;
    const { scenario, json } = await simulate(input, { runs: 1 });
    expect(reviewWarnings(scenario, json)).toEqual([]);
  });
});
