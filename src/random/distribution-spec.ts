/**
 * The distributions a scenario may use for any random quantity (durations, sizes,
 * latencies). Values are in the unit of the field that holds the spec: a field named
 * `durationMs` holding `{ type: 'uniform', min: 10, max: 20 }` means 10 to 20 ms.
 *
 * Pure data: validation lives in src/scenario, sampling in ./distribution.ts.
 */
export type DistributionSpec =
  | { type: 'constant'; value: number }
  | { type: 'uniform'; min: number; max: number }
  /** Normal truncated at 0: negative draws are impossible, not clamped to 0. */
  | { type: 'normal'; mean: number; sd: number }
  /** Lognormal given the mean and standard deviation of the variable itself (not of its log). */
  | { type: 'lognormal'; mean: number; sd: number }
  /** Lognormal given its median and 99th percentile, the figures CloudWatch shows. */
  | { type: 'lognormal'; p50: number; p99: number }
  | { type: 'exponential'; mean: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  /** Resample uniformly from observed values (a bootstrap of e.g. REPORT-line durations). */
  | { type: 'empirical'; samples: number[] }
  /**
   * A percentile table, interpolated linearly between points. Points are sorted by `p`
   * (0..100) and must include p = 0 (the minimum) and p = 100 (the maximum).
   */
  | { type: 'empirical'; percentiles: Array<{ p: number; value: number }> };
