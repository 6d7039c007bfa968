/** Draws many values from a spec and summarises them, once per spec, for statistical tests. */
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { compileSampler, deriveStream, type DistributionSpec } from '../../src/random/index.js';

export interface DrawSummary {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** Type-7 sample quantile of the draws. */
  readonly quantile: (p: number) => number;
  readonly zeroCount: number;
}

export function summarizeDraws(spec: DistributionSpec, count: number, streamName: string): DrawSummary {
  const sample = compileSampler(spec);
  const rng = deriveStream('distribution-tests', 0, streamName);
  const draws = new Float64Array(count);
  for (let i = 0; i < count; i++) draws[i] = sample(rng);
  draws.sort(); // typed arrays sort numerically
  const sorted = Array.from(draws);
  return {
    count,
    mean: mean(sorted),
    sd: sampleStandardDeviation(sorted),
    min: sorted[0] as number,
    max: sorted[count - 1] as number,
    quantile: (p) => quantileSorted(sorted, p),
    zeroCount: sorted.filter((x) => x === 0).length,
  };
}
