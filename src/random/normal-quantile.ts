/**
 * Inverse of the standard normal distribution function, by Wichura's algorithm AS241
 * (PPND16, Applied Statistics 37(3), 1988): relative error about 1e-16 for
 * probabilities down to 1e-300, no refinement step needed. Coefficients as published
 * (also used by CPython's statistics.NormalDist.inv_cdf).
 *
 * The truncated normal samples its far tail through `normalUpperQuantileOfLog`, which
 * takes the log of the tail probability so truncation points beyond what a double can
 * hold (P < 1e-308) still work. Pure functions, no state.
 */
import { inverseMillsRatio, logNormalUpperTail } from './normal-cdf.js';

/** AS241's tail branch is fitted for min(p, 1 - p) down to about 1e-316; stay inside. */
const AS241_MIN_LOG_P = -700;
/** AS241 switches from the central to the tail formula at |p - 0.5| = 0.425. */
const LOG_TAIL_BOUNDARY = Math.log(0.075);

/** Phi^-1(p): the z with P(Z <= z) = p. 0 and 1 map to -Infinity and Infinity. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return centralQuantile(q);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const z = tailQuantile(Math.sqrt(-Math.log(q < 0 ? p : 1 - p)));
  return q < 0 ? -z : z;
}

/**
 * The z with ln P(Z > z) = logUpperTail, for logUpperTail <= 0. Beyond AS241's range
 * (tail probabilities below e^-700) it solves with Newton's method on the log tail.
 */
export function normalUpperQuantileOfLog(logUpperTail: number): number {
  if (!(logUpperTail <= 0)) {
    throw new RangeError(`normalUpperQuantileOfLog: log probability must be <= 0, got ${logUpperTail}`);
  }
  if (logUpperTail > -Math.LN2) {
    // Near-certain tails: 1 - e^L via expm1 keeps the digits that e^L rounds away.
    return normalQuantile(-Math.expm1(logUpperTail));
  }
  if (logUpperTail >= LOG_TAIL_BOUNDARY) return -normalQuantile(Math.exp(logUpperTail));
  if (logUpperTail >= AS241_MIN_LOG_P) return tailQuantile(Math.sqrt(-logUpperTail));
  if (logUpperTail === -Infinity) return Infinity;
  return farTailQuantile(logUpperTail);
}

function centralQuantile(q: number): number {
  const r = 0.180625 - q * q;
  const numerator =
    (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
      45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
      133.14166789178437745) * r + 3.387132872796366608) * q;
  const denominator =
    ((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
      21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
      42.313330701600911252) * r + 1;
  return numerator / denominator;
}

/** Positive quantile of the tail with probability e^(-r^2), for r = sqrt(-ln p) >= 1.6. */
function tailQuantile(r: number): number {
  if (r <= 5) {
    const s = r - 1.6;
    const numerator =
      ((((((7.7454501427834140764e-4 * s + 0.0227238449892691845833) * s + 0.24178072517745061177) * s +
        1.27045825245236838258) * s + 3.64784832476320460504) * s + 5.7694972214606914055) * s +
        4.6303378461565452959) * s + 1.42343711074968357734;
    const denominator =
      ((((((1.05075007164441684324e-9 * s + 5.475938084995344946e-4) * s + 0.0151986665636164571966) * s +
        0.14810397642748007459) * s + 0.68976733498510000455) * s + 1.6763848301838038494) * s +
        2.05319162663775882187) * s + 1;
    return numerator / denominator;
  }
  const s = r - 5;
  const numerator =
    ((((((2.01033439929228813265e-7 * s + 2.71155556874348757815e-5) * s + 0.0012426609473880784386) * s +
      0.026532189526576123093) * s + 0.29656057182850489123) * s + 1.7848265399172913358) * s +
      5.4637849111641143699) * s + 6.6579046435011037772;
  const denominator =
    ((((((2.04426310338993978564e-15 * s + 1.4215117583164458887e-7) * s + 1.8463183175100546818e-5) * s +
      7.868691311456132591e-4) * s + 0.0148753612908506148525) * s + 0.13692988092273580531) * s +
      0.59983220655588793769) * s + 1;
  return numerator / denominator;
}

/**
 * Solves ln P(Z > z) = logUpperTail by Newton's method; the derivative of the log tail
 * is minus the inverse Mills ratio. The log tail is concave, so after the first step
 * the iterates approach the root monotonically and quadratically.
 */
function farTailQuantile(logUpperTail: number): number {
  // Asymptotically ln P(Z > z) ~ -z^2/2 - ln(z sqrt(2 pi)).
  const t = -2 * logUpperTail;
  let z = Math.sqrt(t - Math.log(2 * Math.PI * t));
  for (let i = 0; i < 30; i++) {
    const step = (logNormalUpperTail(z) - logUpperTail) / inverseMillsRatio(z);
    z += step;
    if (Math.abs(step) <= 1e-15 * z) break;
  }
  return z;
}
