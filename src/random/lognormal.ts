/**
 * Lognormal durations: exp(mu + sigma Z). Parameterised either by the mean and standard
 * deviation of the variable itself or by its median and 99th percentile (the figures
 * CloudWatch shows); both reduce to (mu, sigma) once, at compile time.
 */
import { invalidSpec, isFiniteNumber, type DistributionModel } from './distribution-model.js';
import { normalQuantile } from './normal-quantile.js';
import { standardNormal } from './standard-normal.js';

/** Phi^-1(0.99). */
const Z_99 = 2.3263478740408408;

export function lognormalFromMoments(mean: number, sd: number): DistributionModel {
  if (!isFiniteNumber(mean) || !isFiniteNumber(sd) || mean <= 0 || sd < 0) {
    throw invalidSpec('lognormal', `needs finite mean > 0 and sd >= 0, got mean ${mean}, sd ${sd}`);
  }
  const variance = Math.log1p((sd * sd) / (mean * mean));
  return lognormalModel(Math.log(mean) - variance / 2, Math.sqrt(variance), mean);
}

export function lognormalFromPercentiles(p50: number, p99: number): DistributionModel {
  if (!isFiniteNumber(p50) || !isFiniteNumber(p99) || p50 <= 0 || p99 < p50) {
    throw invalidSpec('lognormal', `needs finite 0 < p50 <= p99, got p50 ${p50}, p99 ${p99}`);
  }
  const mu = Math.log(p50);
  const sigma = (Math.log(p99) - mu) / Z_99;
  return lognormalModel(mu, sigma, Math.exp(mu + (sigma * sigma) / 2));
}

function lognormalModel(mu: number, sigma: number, mean: number): DistributionModel {
  return {
    sample: (rng) => Math.exp(mu + sigma * standardNormal(rng)),
    mean,
    variance: Math.expm1(sigma * sigma) * mean * mean,
    min: 0,
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
  };
}
