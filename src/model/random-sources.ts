/**
 * One named random stream per model component, derived from (seed, replication,
 * component name): changing how often one component draws never shifts another's
 * draws, which keeps comparisons between scenarios fair.
 */
import { batchSumSampler, compileDistribution, compileSampler, deriveStream, type DistributionSpec } from '../random/index.js';

export type Draw = () => number;

export interface StreamKey {
  seed: number | string;
  replication: number;
}

export function drawFrom(spec: DistributionSpec, key: StreamKey, component: string): Draw {
  const sample = compileSampler(spec);
  const rng = deriveStream(key.seed, key.replication, component);
  return () => sample(rng);
}

/** Draws the total of `n` independent draws of `spec` (the time of a batch of n items). */
export type BatchDraw = (n: number) => number;

export function batchDrawFrom(spec: DistributionSpec, key: StreamKey, component: string): BatchDraw {
  const sample = batchSumSampler(compileDistribution(spec));
  const rng = deriveStream(key.seed, key.replication, component);
  return (n) => sample(rng, n);
}
