/**
 * A scenario field dmap calibrate fitted: its path, its value, the value in words, and
 * where it came from (the `provenance` entry written beside it). Also the helpers that
 * turn fitted figures into the distributions a scenario holds, rounded to the precision
 * a fit can claim. Pure.
 */
import { compileDistribution, describeDistribution, meanOf, scaleDistribution, type DistributionSpec } from '../random/index.js';
import type { ProvenanceEntry } from '../scenario/provenance-schema.js';
import { significant } from './fit/significant.js';

export type { ProvenanceEntry };

export interface FittedField {
  path: string[];
  value: unknown;
  /** The value in words, e.g. "lognormal (p50 61.8 ms, p99 140 ms)". */
  text: string;
  provenance: ProvenanceEntry;
}

/** A configuration fact read from a record (MaxConcurrency, batch size), for a new scenario. */
export interface ReadFact {
  path: string[];
  value: unknown;
  /** Where it was read, e.g. "DescribeMapRun maxConcurrency". */
  from: string;
}

const Z_99 = 2.3263478740408408;

export function fittedField(path: string[], value: unknown, unit: string, provenance: ProvenanceEntry): FittedField {
  const text = typeof value === 'object' && value !== null ? describeDistribution(value as DistributionSpec, unit) : `${typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value)}${unit ? ` ${unit}` : ''}`;
  return { path, value, text, provenance };
}

/** Every value parameter to 4 significant digits. */
export function roundSpec(spec: DistributionSpec): DistributionSpec {
  const r = (x: number) => significant(x);
  switch (spec.type) {
    case 'constant':
      return { type: 'constant', value: r(spec.value) };
    case 'uniform':
      return { type: 'uniform', min: r(spec.min), max: r(spec.max) };
    case 'normal':
      return { type: 'normal', mean: r(spec.mean), sd: r(spec.sd) };
    case 'lognormal':
      return 'p50' in spec ? { type: 'lognormal', p50: r(spec.p50), p99: r(spec.p99) } : { type: 'lognormal', mean: r(spec.mean), sd: r(spec.sd) };
    case 'exponential':
      return { type: 'exponential', mean: r(spec.mean) };
    case 'triangular':
      return { type: 'triangular', min: r(spec.min), mode: r(spec.mode), max: r(spec.max) };
    case 'empirical':
      return 'samples' in spec ? { type: 'empirical', samples: spec.samples.map(r) } : { type: 'empirical', percentiles: spec.percentiles.map((p) => ({ p: p.p, value: r(p.value) })) };
    default:
      return spec;
  }
}

/** A lognormal with this mean and standard deviation, written as its p50 and p99 (a constant when sd is 0). */
export function lognormalWithMoments(mean: number, sd: number): DistributionSpec {
  if (!(sd > 0)) return { type: 'constant', value: significant(mean) };
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  return { type: 'lognormal', p50: significant(Math.exp(mu)), p99: significant(Math.exp(mu + Z_99 * Math.sqrt(sigma2))) };
}

/** `spec` stretched so its median is `median`: one observation moves the middle, not the spread. */
export function withMedian(spec: DistributionSpec, median: number): DistributionSpec {
  const current = spec.type === 'constant' ? spec.value : compileDistribution(spec).quantile(0.5);
  return roundSpec(current > 0 ? scaleDistribution(spec, median / current) : { type: 'constant', value: median });
}

/** `spec` stretched so its mean is `mean`. */
export function withMean(spec: DistributionSpec, mean: number): DistributionSpec {
  const current = meanOf(spec);
  return roundSpec(current > 0 ? scaleDistribution(spec, mean / current) : { type: 'constant', value: mean });
}

export function medianOf(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
