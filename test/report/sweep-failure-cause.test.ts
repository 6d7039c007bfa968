/**
 * A failing sweep point is explained from its cause, not by an error name: the function
 * timeout a batch runs past, or the 5-minute Express limit.
 */
import { describe, expect, it } from 'vitest';
import { replicationRecord, summarizeReplications } from '../../src/montecarlo/index.js';
import { sweepPoints } from '../../src/planner/sweep-points.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { failureCauseWords } from '../../src/report/sweep-failure-cause.js';
import { loadScenarioFile } from '../../src/scenario/load-scenario.js';

const catalogue = defaultCatalogue();

async function summaryAt(file: string, settings: Record<string, number>, runs = 3) {
  const loaded = await loadScenarioFile(file);
  const [point] = sweepPoints(loaded.document, loaded.scenario, Object.entries(settings).map(([path, value]) => ({ path, values: [value] })));
  const scenario = point?.scenario as NonNullable<typeof point>['scenario'];
  const context = { scenario, seed: loaded.scenario.seed, catalogue };
  return { scenario, summary: summarizeReplications(Array.from({ length: runs }, (_, r) => replicationRecord(context, r))) };
}

describe('failureCauseWords', () => {
  it('says a batch of 1,000 flagship items takes about 62 s, past the 60 s timeout', async () => {
    const { scenario, summary } = await summaryAt('scenarios/reinvent-500k.yaml', { 'itemBatcher.maxItemsPerBatch': 1000 });
    expect(summary.failure.probability).toBe(1);
    expect(failureCauseWords(scenario, summary)).toMatch(/^a batch of 1,000 items takes about 1 m 2 s \(P50\), past the function's 60 s timeout$/);
  });

  it('names the default 3 s timeout of a small inline scenario', async () => {
    const { scenario, summary } = await summaryAt('scenarios/small-inline.yaml', { 'itemBatcher.maxItemsPerBatch': 50 }, 5);
    expect(failureCauseWords(scenario, summary)).toMatch(/^a batch of 50 items takes about 3(\.\d)? s \(P50\)(, past| and up to .* \(P99\): the slowest pass) the function's 3 s timeout$/);
  });

  it('has nothing to say of a point that neither fails nor times out', async () => {
    const { scenario, summary } = await summaryAt('scenarios/small-inline.yaml', { 'itemBatcher.maxItemsPerBatch': 10 });
    expect(failureCauseWords(scenario, summary)).toBeUndefined();
  });
});
