/**
 * Normal(mean, sd) conditioned on being >= 0: a true truncated normal, never a clamp
 * (clamping would pile the negative mass onto an atom at 0 and bias the mean down).
 *
 * With alpha = -mean/sd the truncation point in standard units, the kept mass is
 * P(Z >= alpha). When that is at least 1/4, plain rejection of negative Box–Muller draws
 * needs at most 4 tries on average and is cheapest. Below that, each draw inverts the
 * conditional distribution function: Z = Q^-1(U Q(alpha)) with Q the upper tail, worked
 * in log space so even truncation points far beyond double range are exact.
 */
import { invalidSpec, isFiniteNumber, type DistributionModel } from './distribution-model.js';
import { constantModel } from './basic-distributions.js';
import { inverseMillsRatio, logNormalUpperTail } from './normal-cdf.js';
import { normalUpperQuantileOfLog } from './normal-quantile.js';
import type { Rng } from './rng.js';
import { standardNormal } from './standard-normal.js';

/** Kept mass above which rejection sampling is used. */
const REJECTION_MIN_ACCEPTANCE = 0.25;

export function truncatedNormalModel(mean: number, sd: number): DistributionModel {
  if (!isFiniteNumber(mean) || !isFiniteNumber(sd) || sd < 0) {
    throw invalidSpec('normal', `needs finite mean and sd >= 0, got mean ${mean}, sd ${sd}`);
  }
  if (sd === 0) {
    if (mean < 0) throw invalidSpec('normal', `sd 0 with negative mean ${mean} leaves nothing at or above 0`);
    return constantModel(mean);
  }
  const alpha = -mean / sd;
  const logKeptMass = logNormalUpperTail(alpha);
  const lambda = inverseMillsRatio(alpha);
  // x = mean + sd z with z >= alpha is >= 0 in exact arithmetic; max() absorbs rounding.
  const fromStandard = (z: number): number => Math.max(0, mean + sd * z);
  const inverseCdf = (u: number): number => fromStandard(normalUpperQuantileOfLog(logKeptMass + Math.log1p(-u)));

  const sample =
    Math.exp(logKeptMass) >= REJECTION_MIN_ACCEPTANCE
      ? (rng: Rng): number => {
          for (;;) {
            const x = mean + sd * standardNormal(rng);
            if (x >= 0) return x;
          }
        }
      : (rng: Rng): number => inverseCdf(rng());

  return {
    sample,
    // E[X | X >= 0] = mean + sd phi(alpha) / (1 - Phi(alpha)); Var = sd^2 (1 + alpha lambda - lambda^2).
    mean: mean + sd * lambda,
    variance: sd * sd * Math.max(0, 1 + alpha * lambda - lambda * lambda),
    min: 0,
    quantile: inverseCdf,
  };
}
