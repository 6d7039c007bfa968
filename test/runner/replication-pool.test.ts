/**
 * The pool must give the same records, in index order, whatever the number of threads,
 * and stay usable across runs and scenarios (a sweep reuses it). Worker threads run the
 * built JavaScript, so this test uses dist/ (`npm test` builds first).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ReplicationPool } from '../../dist/runner/replication-pool.js';
import { replicationRecord } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { frictionless } from '../model/scenario-builder.js';

const catalogue = defaultCatalogue();
const contextA = { scenario: frictionless({ itemReader: { source: 'inline', itemCount: 40 }, lambda: { perItemDurationMs: { type: 'lognormal', p50: 800, p99: 4000 } } }), seed: 3, catalogue };
const contextB = { scenario: frictionless({ itemReader: { source: 'inline', itemCount: 7 }, lambda: { perItemDurationMs: { type: 'uniform', min: 100, max: 900 } } }), seed: 3, catalogue };
const sequential = (context: typeof contextA, from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => replicationRecord(context, from + k));

describe('ReplicationPool', () => {
  const pool = new ReplicationPool(contextA, { workers: 3 });
  afterAll(() => pool.close());

  it('returns the records a single thread computes, in index order', async () => {
    expect(await pool.run(0, 57)).toEqual(sequential(contextA, 0, 57));
  });

  it('runs a range not starting at 0, as --precision adds runs', async () => {
    expect(await pool.run(57, 90)).toEqual(sequential(contextA, 57, 90));
  });

  it('switches scenario between runs', async () => {
    pool.setContext(contextB);
    expect(await pool.run(0, 25)).toEqual(sequential(contextB, 0, 25));
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    const counted = new ReplicationPool(contextA, { workers: 2, onProgress: (done) => seen.push(done) });
    await counted.run(0, 30, 10);
    await counted.close();
    expect(seen.at(-1)).toBe(40);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
