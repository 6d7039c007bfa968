/**
 * A distribution stretched by a factor: every parameter that is a value of the variable
 * (constant, bounds, mode, mean, sd, percentiles, samples) is multiplied, probabilities
 * are not. The scaled variable is exactly `factor` × the original, so its mean, every
 * quantile and its spread all scale by the factor (a normal truncated at 0 too: the
 * truncation point 0 is unmoved by scaling). Sensitivity analysis uses it to try an
 * assumption "2× slower" whatever distribution describes it. Pure.
 */
import type { DistributionSpec } from './distribution-spec.js';

export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError(`scale factor must be finite and above 0, got ${factor}`);
  const f = (value: number) => value * factor;
  switch (spec.type) {
    case 'constant':
      return { type: 'constant', value: f(spec.value) };
    case 'uniform':
      return { type: 'uniform', min: f(spec.min), max: f(spec.max) };
    case 'normal':
      return { type: 'normal', mean: f(spec.mean), sd: f(spec.sd) };
    case 'lognormal':
      return 'p50' in spec ? { type: 'lognormal', p50: f(spec.p50), p99: f(spec.p99) } : { type: 'lognormal', mean: f(spec.mean), sd: f(spec.sd) };
    case 'exponential':
      return { type: 'exponential', mean: f(spec.mean) };
    case 'triangular':
      return { type: 'triangular', min: f(spec.min), mode: f(spec.mode), max: f(spec.max) };
    case 'empirical':
      return 'samples' in spec
        ? { type: 'empirical', samples: spec.samples.map(f) }
        : { type: 'empirical', percentiles: spec.percentiles.map((point) => ({ p: point.p, value: f(point.value) })) };
    default:
      throw new Error(`unknown distribution type ${JSON.stringify((spec as { type?: unknown }).type)}`);
  }
}

/** Whether `value` is a DistributionSpec as the validated scenario holds it (an object with a known `type`). */
export function isDistributionSpec(value: unknown): value is DistributionSpec {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['constant', 'uniform', 'normal', 'lognormal', 'exponential', 'triangular', 'empirical'].includes((value as { type?: unknown }).type as string)
  );
}
