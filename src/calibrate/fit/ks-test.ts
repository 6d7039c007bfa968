/**
 * The one-sample Kolmogorov–Smirnov test: the largest distance between a sample's
 * empirical distribution function and a fitted one, and its p-value from the asymptotic
 * Kolmogorov distribution with Stephens' small-sample correction (Numerical Recipes,
 * 3rd ed., §14.3.3). simple-statistics, the statistics library this project uses, has no
 * KS test, so it is written here. When the parameters were estimated from the same
 * sample the p-value is optimistic (Lilliefors); the fits say so. Pure.
 */

/** D = sup |F_n(x) − F(x)| over a sample sorted ascending. */
export function ksStatistic(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    const above = (i + 1) / n - f;
    const below = f - i / n;
    if (above > d) d = above;
    if (below > d) d = below;
  }
  return d;
}

/** P(D ≥ d) for a sample of n under the fitted distribution. */
export function ksPValue(d: number, n: number): number {
  if (n <= 0) return 1;
  const root = Math.sqrt(n);
  return kolmogorovUpperTail((root + 0.12 + 0.11 / root) * d);
}

/** Q(λ) = 2 Σ (−1)^(j−1) exp(−2 j² λ²), the Kolmogorov distribution's upper tail. */
function kolmogorovUpperTail(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = sign * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
