import { describe, expect, it } from 'vitest';
import { renderTimelineCsv } from '../../src/report/timeline-csv.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

const SCENARIO: ScenarioInput = {
  name: 'timeline',
  itemReader: { source: 'inline', itemCount: 400 },
  itemBatcher: { maxItemsPerBatch: 10 },
  maxConcurrency: 10,
  lambda: { invocationOverheadMs: 50, perItemDurationMs: { type: 'uniform', min: 20, max: 120 } },
};

const SERIES = ['running_children', 'running_invocations', 'environments', 'throttles', 'items_completed'];

describe('renderTimelineCsv', () => {
  it('has a header and one row per bucket: the time, p10/p50/p90 of each series, then the first run', async () => {
    const { json } = await simulate(SCENARIO, { runs: 8 });
    const csv = renderTimelineCsv(json);
    const lines = csv.trimEnd().split('\n');
    const buckets = Math.max(json.summary.timeSeries.runningChildren.p50.length, json.timeSeries.runningChildren.length);
    expect(buckets).toBeGreaterThan(3);
    expect(lines).toHaveLength(buckets + 1);
    expect(lines[0]?.split(',')).toEqual([
      'time_seconds',
      ...[...SERIES, 'items_completed_so_far'].flatMap((s) => [`${s}_p10`, `${s}_p50`, `${s}_p90`]),
      ...SERIES.map((s) => `${s}_run0`),
    ]);

    const rows = lines.slice(1).map((l) => l.split(','));
    const column = (name: string) => rows.map((r) => r[(lines[0] as string).split(',').indexOf(name)]);
    expect(column('time_seconds')).toEqual(rows.map((_, i) => String(i * json.summary.timeSeries.bucketSeconds)));
    expect(column('running_children_p50').map(Number)).toEqual(json.summary.timeSeries.runningChildren.p50.map((v) => Math.round(v * 1000) / 1000));
    // The first run's own series, empty once it had ended.
    const raw = json.timeSeries.itemsCompleted;
    expect(column('items_completed_run0')).toEqual(rows.map((_, i) => (i < raw.length ? String(raw[i]) : '')));
    expect(column('items_completed_run0').filter(Boolean).map(Number).reduce((a, b) => a + b, 0)).toBe(400);
    // Items done so far: the median ends at every item, as every run finishes.
    expect(column('items_completed_so_far_p50').at(-1)).toBe('400');
  });

  it('follows the bucket width and rounds away float noise', async () => {
    const { json } = await simulate({ ...SCENARIO, timeSeriesBucketMs: 100 }, { runs: 3 });
    const lines = renderTimelineCsv(json).trimEnd().split('\n');
    expect(lines.slice(1, 5).map((l) => l.split(',')[0])).toEqual(['0', '0.1', '0.2', '0.3']);
    for (const line of lines.slice(1)) for (const cell of line.split(',')) expect(cell).toMatch(/^(\d+(\.\d{1,3})?)?$/);
  });
});
