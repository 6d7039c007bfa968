/**
 * Issue 17: an interval stays inside its quantity's domain. With few runs and a wide
 * spread, mean − t·s/√n of a wall time is negative; it is 0 instead.
 */
import { describe, expect, it } from 'vitest';
import { NON_NEGATIVE, NON_POSITIVE, summarizeMetric } from '../../src/montecarlo/metric-summary.js';
import { summarizeReplications } from '../../src/montecarlo/summarize.js';
import { replicationRecord, type ReplicationRecord } from '../../src/montecarlo/replication.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { validateScenario, type Scenario } from '../../src/scenario/index.js';

function validScenario(): Scenario {
  const validation = validateScenario({ name: 'few-runs', itemReader: { source: 'inline', itemCount: 5 }, lambda: { perItemDurationMs: 10 } });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

describe('intervals inside the domain', () => {
  it('clamps the mean interval of a non-negative quantity at 0', () => {
    const summary = summarizeMetric([1, 2, 300], NON_NEGATIVE);
    expect(summary.ci95.mean[0]).toBe(0);
    expect(summary.ci95.mean[1]).toBeGreaterThan(summary.mean);
    expect(summarizeMetric([1, 2, 300]).ci95.mean[0]).toBeLessThan(0);
  });

  it('clamps a credit (never above 0) at 0 from above', () => {
    expect(summarizeMetric([-1, -2, -300], NON_POSITIVE).ci95.mean[1]).toBe(0);
  });

  it('every interval of a summary of few, spread runs is inside its domain', () => {
    const context = { scenario: validScenario(), seed: 1, catalogue: defaultCatalogue() };
    const record = (replication: number, wallTimeMs: number, costUsd: number): ReplicationRecord => {
      const real = replicationRecord(context, replication);
      return { ...real, wallTimeMs, costUsd, costByLine: { charge: costUsd, credit: -costUsd / 2 }, counters: { ...real.counters, throttles: replication === 0 ? 900 : 0 } };
    };
    const summary = summarizeReplications([record(0, 1000, 0.01), record(1, 2000, 0.02), record(2, 900_000, 50)]);
    expect(summary.wallTimeSeconds.ci95.mean[0]).toBeGreaterThanOrEqual(0);
    expect(summary.costUsd.ci95.mean[0]).toBeGreaterThanOrEqual(0);
    expect(summary.counters.throttles.ci95.mean[0]).toBeGreaterThanOrEqual(0);
    expect(summary.costByLine['charge']?.ci95.mean[0]).toBeGreaterThanOrEqual(0);
    expect(summary.costByLine['credit']?.ci95.mean[1]).toBeLessThanOrEqual(0);
    expect(summary.failure.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(summary.failure.ci95[1]).toBeLessThanOrEqual(1);
  });
});
