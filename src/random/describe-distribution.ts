/**
 * One-line human descriptions of a DistributionSpec for reports, e.g.
 * "lognormal (p50 120 ms, p99 900 ms)". It does not validate, so a report can describe
 * even a spec whose parameters fail to compile.
 */
import type { DistributionSpec } from './distribution-spec.js';

export function describeDistribution(spec: DistributionSpec, unit: string): string {
  const q = (x: number): string => withUnit(x, unit);
  switch (spec.type) {
    case 'constant':
      return `constant ${q(spec.value)}`;
    case 'uniform':
      return `uniform ${range(spec.min, spec.max, unit)}`;
    case 'normal':
      return `normal (mean ${q(spec.mean)}, sd ${q(spec.sd)}, truncated at 0)`;
    case 'lognormal':
      return 'p50' in spec
        ? `lognormal (p50 ${q(spec.p50)}, p99 ${q(spec.p99)})`
        : `lognormal (mean ${q(spec.mean)}, sd ${q(spec.sd)})`;
    case 'exponential':
      return `exponential (mean ${q(spec.mean)})`;
    case 'triangular':
      return `triangular ${range(spec.min, spec.max, unit)} (mode ${q(spec.mode)})`;
    case 'empirical':
      return 'samples' in spec ? describeSamples(spec.samples, unit) : describePercentiles(spec.percentiles, unit);
    default:
      return `unknown distribution ${JSON.stringify((spec as { type?: unknown }).type)}`;
  }
}

function describeSamples(samples: readonly number[], unit: string): string {
  const count = samples.length;
  const noun = count === 1 ? 'sample' : 'samples';
  if (count === 0) return 'empirical (0 samples)';
  // A loop, not Math.min(...samples): spreading 100k+ arguments overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const value of samples) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return `empirical (${count} ${noun}, ${range(min, max, unit)})`;
}

function describePercentiles(points: ReadonlyArray<{ p: number; value: number }>, unit: string): string {
  return `empirical (${points.map((point) => `p${formatNumber(point.p)} ${withUnit(point.value, unit)}`).join(', ')})`;
}

function range(low: number, high: number, unit: string): string {
  return withUnit(low, '') + '–' + withUnit(high, unit);
}

function withUnit(x: number, unit: string): string {
  return unit === '' ? formatNumber(x) : `${formatNumber(x)} ${unit}`;
}

/** Integers as is, others to 6 significant digits; locale-free so reports are stable. */
function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
