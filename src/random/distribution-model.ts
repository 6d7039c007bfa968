/**
 * What a compiled distribution offers: a cheap sampler for the hot loop and the exact
 * figures (mean, lower bound, quantiles) that bounds and reports rely on. All fields are
 * computed once from a spec.
 */
import type { Rng } from './rng.js';

/** Draws one value; must not allocate, it runs millions of times per simulation. */
export type Sampler = (rng: Rng) => number;

export interface DistributionModel {
  readonly sample: Sampler;
  /** Exact theoretical mean. */
  readonly mean: number;
  /** Exact theoretical variance (population variance for `samples`). */
  readonly variance: number;
  /** Smallest value the sampler can return (its infimum for continuous distributions). */
  readonly min: number;
  /** Exact theoretical quantile for p in (0, 1). */
  readonly quantile: (p: number) => number;
}

/**
 * Parameters the math cannot handle (NaN results, negative widths) are rejected loudly.
 * The scenario schema validates user input; this catches programmatic misuse.
 */
export function invalidSpec(kind: string, problem: string): Error {
  return new Error(`invalid ${kind} distribution: ${problem}`);
}

export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
