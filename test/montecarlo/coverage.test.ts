/**
 * The 95 % interval of the P90 wall time must cover the true P90 about 95 % of the time:
 * not much less (the interval would lie), not 100 % (it would be uselessly wide). The
 * scenario's wall time is exactly one lognormal invocation, whose P90 is known.
 */
import { describe, expect, it } from 'vitest';
import { replicationRecord, summarizeReplications } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { quantileOf, type DistributionSpec } from '../../src/random/index.js';
import { frictionless } from '../model/scenario-builder.js';

const DURATION: DistributionSpec = { type: 'lognormal', p50: 2000, p99: 9000 };
const SEEDS = 200;
const RUNS = 150;

describe('confidence intervals across seeds', () => {
  const scenario = frictionless({ itemReader: { source: 'inline', itemCount: 1 }, lambda: { perItemDurationMs: DURATION } });
  const trueP90Seconds = quantileOf(DURATION, 0.9) / 1000;
  const trueMeanSeconds = Math.exp(Math.log(2000) + ((Math.log(9000 / 2000) / 2.3263478740408408) ** 2) / 2) / 1000;
  const catalogue = defaultCatalogue();
  let p90Covered = 0;
  let meanCovered = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const records = Array.from({ length: RUNS }, (_, i) => replicationRecord({ scenario, seed, catalogue }, i));
    const wall = summarizeReplications(records).wallTimeSeconds;
    if (wall.ci95.p90[0] <= trueP90Seconds && trueP90Seconds <= wall.ci95.p90[1]) p90Covered++;
    if (wall.ci95.mean[0] <= trueMeanSeconds && trueMeanSeconds <= wall.ci95.mean[1]) meanCovered++;
  }

  it('the wall time of one run is exactly the invocation time', () => {
    const record = replicationRecord({ scenario, seed: 1, catalogue }, 0);
    expect(record.wallTimeMs).toBeGreaterThan(0);
    expect(record.counters.lambdaRequests).toBe(1);
  });

  it(`covers the analytic P90 in close to 95 % of ${SEEDS} seeds, and not all of them`, () => {
    const coverage = p90Covered / SEEDS;
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThan(1);
  });

  it('covers the analytic mean in close to 95 % of seeds', () => {
    const coverage = meanCovered / SEEDS;
    expect(coverage).toBeGreaterThanOrEqual(0.88);
    expect(coverage).toBeLessThan(1);
  });
});
