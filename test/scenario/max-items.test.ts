import { describe, expect, it } from 'vitest';
import { simulateMapRun } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';

describe('ReaderConfig.MaxItems', () => {
  it('takes 0 as AWS\'s sample definitions mean it: no limit, every item read', () => {
    const validation = validateScenario({ name: 'max-items-0', itemReader: { source: 's3ListObjectsV2', objectCount: 2500, maxItems: 0 }, lambda: { perItemDurationMs: 1 } });
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    expect(validation.scenario.itemReader).not.toHaveProperty('maxItems', 0);
    expect(simulateMapRun(validation.scenario).itemCounts.total).toBe(2500);
  });

  it('still caps at a positive value and rejects a negative one', () => {
    const capped = validateScenario({ name: 'cap', itemReader: { source: 's3ListObjectsV2', objectCount: 2500, maxItems: 10 }, lambda: { perItemDurationMs: 1 } });
    expect(capped.ok && simulateMapRun(capped.scenario).itemCounts.total).toBe(10);
    expect(validateScenario({ name: 'neg', itemReader: { source: 's3ListObjectsV2', objectCount: 2500, maxItems: -1 }, lambda: { perItemDurationMs: 1 } }).ok).toBe(false);
  });
});
