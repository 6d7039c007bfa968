import { describe, expect, it } from 'vitest';
import { renderSummaryText } from '../../src/report/summary-text.js';
import { simulate } from '../../src/simulate.js';

describe('the terminal summary', () => {
  it('says the reader stopped when a failing Map Run stopped it, never "all items read after 0 ms"', async () => {
    const { json } = await simulate({
      name: 'failing-listing',
      itemReader: { source: 's3ListObjectsV2', objectCount: 200_000, listBeforeProcessing: false },
      itemBatcher: { maxItemsPerBatch: 100 },
      lambda: { perItemDurationMs: 5, errors: [{ error: 'Boom', probability: 0.2 }] },
    });
    expect(json.mapRun.status).toBe('FAILED');
    expect(json.mapRun.itemCounts.pending).toBeGreaterThan(0);
    expect(json.mapRun.itemReader.complete).toBe(false);
    const text = renderSummaryText(json);
    expect(text).toMatch(/Item reader\s+\d+ ListObjectsV2 pages, reading stopped after [\d.]+ m?s, when the Map Run failed/);
    expect(text).not.toMatch(/all items read/);
  });

  it('says when every item was read in a run that completes', async () => {
    const { json } = await simulate({ name: 'ok', itemReader: { source: 's3ListObjectsV2', objectCount: 5000 }, itemBatcher: { maxItemsPerBatch: 100 }, lambda: { perItemDurationMs: 5 } });
    expect(json.mapRun.itemReader.complete).toBe(true);
    expect(renderSummaryText(json)).toMatch(/Item reader\s+5 ListObjectsV2 pages, all items read after [\d.]+ m?s/);
  });

  it('with a deadline, says how often a run misses it and what failure costs', async () => {
    const { json } = await simulate(
      { name: 'deadline', itemReader: { source: 'inline', itemCount: 2000 }, itemBatcher: { maxItemsPerBatch: 100 }, lambda: { timeoutSeconds: 60, perItemDurationMs: { type: 'lognormal', p50: 20, p99: 200 } } },
      { runs: 40, deadlineSeconds: 8 },
    );
    const economics = json.failureEconomics;
    expect(economics.deadline?.seconds).toBe(8);
    const late = economics.deadline?.missProbability;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(1);
    expect(renderSummaryText(json)).toMatch(/Failure costs\s+misses 8 s in [\d.]+ % of runs \(95 % CI [\d.]+ %–[\d.]+ %\) · expected cost with a redrive/);
  });
});
