/**
 * The OutcomePool runs many scenarios' replications in one index space and must give
 * what a single thread gives, in order, whatever the number of threads; its outcomes are
 * the full records' figures. Worker threads run the built JavaScript, so this test uses
 * dist/ (`npm test` builds first).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { OutcomePool } from '../../dist/runner/outcome-pool.js';
import { outcomeOf, replicationOutcome, replicationRecord } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { frictionless } from '../model/scenario-builder.js';

const catalogue = defaultCatalogue();
const contexts = [
  { scenario: frictionless({ itemReader: { source: 'inline', itemCount: 40 }, lambda: { perItemDurationMs: { type: 'lognormal', p50: 800, p99: 4000 } } }), seed: 3, catalogue },
  { scenario: frictionless({ itemReader: { source: 'inline', itemCount: 7 }, lambda: { perItemDurationMs: { type: 'uniform', min: 100, max: 900 } } }), seed: 3, catalogue },
];
const jobs = [
  { context: 0, from: 5, to: 30 },
  { context: 1, from: 0, to: 19 },
  { context: 0, from: 0, to: 0 },
  { context: 1, from: 19, to: 21 },
];
const sequential = jobs.map((job) => Array.from({ length: job.to - job.from }, (_, k) => replicationOutcome(contexts[job.context] as (typeof contexts)[0], job.from + k)));

describe('OutcomePool', () => {
  const pools = [new OutcomePool(contexts, { workers: 1 }), new OutcomePool(contexts, { workers: 3 })];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it.each([0, 1])('returns what one thread computes, job by job, in replication order (pool %i)', async (i) => {
    expect(await (pools[i] as OutcomePool).run(jobs)).toEqual(sequential);
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    const pool = new OutcomePool(contexts, { workers: 2, onProgress: (done) => seen.push(done) });
    await pool.run(jobs);
    await pool.close();
    expect(seen.at(-1)).toBe(25 + 19 + 2);
  });

  it('gives a replication the figures of its full record', () => {
    const context = contexts[0] as (typeof contexts)[0];
    for (const i of [0, 7, 11]) expect(replicationOutcome(context, i)).toEqual(outcomeOf(replicationRecord(context, i)));
  });
});
