/**
 * Fits a distribution to observed values the way a statistician would: each candidate
 * family (lognormal, normal, exponential) by maximum likelihood, each checked with the
 * Kolmogorov–Smirnov test, and among those the test does not reject at 1 % the one with
 * the lowest AIC (2k − 2 ln L). When every family is rejected, the data speak for
 * themselves: an empirical percentile table (p0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100).
 * The result is a DistributionSpec the scenario accepts, and the words and figures that
 * say how it was chosen. Pure.
 */
import { normalCdf, type DistributionSpec } from '../../random/index.js';
import { ksPValue, ksStatistic } from './ks-test.js';
import { significant, formatFigure } from './significant.js';

export type Family = 'lognormal' | 'normal' | 'exponential';

export interface FamilyFit {
  family: Family;
  spec: DistributionSpec;
  /** Parameters, to this family's own names (mu and sigma of the log for the lognormal). */
  parameters: Record<string, number>;
  logLikelihood: number;
  aic: number;
  /** Kolmogorov–Smirnov distance to the sample, and its p-value. */
  ks: number;
  pValue: number;
  /** Not rejected at the significance level. */
  accepted: boolean;
}

export interface DistributionFit {
  spec: DistributionSpec;
  chosen: Family | 'empirical' | 'constant';
  /** Every family tried, in the order above; empty for a constant. */
  candidates: FamilyFit[];
  sampleSize: number;
  /** How the spec was chosen, in words. */
  method: string;
  /** The goodness of fit, in figures. */
  quality: string;
}

/** Significance level of the KS test: a family is rejected when p < 1 %. */
export const KS_SIGNIFICANCE = 0.01;
/** Fewer observations than this and no family is fitted. */
export const MIN_FIT_SAMPLE = 5;
const PERCENTILES = [0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100];
const Z_99 = 2.3263478740408408;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Fits `sorted` (ascending, at least MIN_FIT_SAMPLE values). `observations` is how many
 * values the sample stands for, when it is a reservoir of a longer stream.
 */
export function fitDistribution(sorted: Float64Array, observations = sorted.length): DistributionFit {
  const n = sorted.length;
  if (n < MIN_FIT_SAMPLE) throw new RangeError(`fitDistribution needs at least ${MIN_FIT_SAMPLE} values, got ${n}`);
  const sampled = observations > n ? ` (a uniform sample of ${n.toLocaleString('en-US')} of ${observations.toLocaleString('en-US')})` : '';
  const first = sorted[0] as number;
  const last = sorted[n - 1] as number;
  if (first === last) {
    return {
      spec: { type: 'constant', value: significant(first) },
      chosen: 'constant',
      candidates: [],
      sampleSize: n,
      method: `every value the same${sampled}`,
      quality: 'exact',
    };
  }
  const candidates = [lognormalFit(sorted), normalFit(sorted), exponentialFit(sorted)].filter((fit): fit is FamilyFit => fit !== undefined);
  const accepted = candidates.filter((fit) => fit.accepted).sort((a, b) => a.aic - b.aic);
  const tried = candidates.map((fit) => fit.family).join(', ');
  const best = accepted[0];
  if (best) {
    const others = candidates.filter((fit) => fit !== best).map((fit) => `${fit.family} ${formatFigure(fit.aic, 6)}${fit.accepted ? '' : ' (rejected)'}`);
    return {
      spec: best.spec,
      chosen: best.family,
      candidates,
      sampleSize: n,
      method: `${best.family} by maximum likelihood, the lowest AIC among ${tried} not rejected by the Kolmogorov–Smirnov test at 1 %${sampled}`,
      quality: `KS ${formatFigure(best.ks, 3)} (p ${formatFigure(best.pValue, 2)}), AIC ${formatFigure(best.aic, 6)}${others.length > 0 ? ` vs ${others.join(', ')}` : ''}`,
    };
  }
  const closest = [...candidates].sort((a, b) => a.ks - b.ks)[0];
  return {
    spec: empiricalTable(sorted),
    chosen: 'empirical',
    candidates,
    sampleSize: n,
    method: `empirical percentiles: the Kolmogorov–Smirnov test rejected ${tried} at 1 %${sampled}`,
    quality: closest ? `closest family ${closest.family}: KS ${formatFigure(closest.ks, 3)} (p ${formatFigure(closest.pValue, 2)})` : 'no family applies',
  };
}

/** The percentile table p0, 1, 5, ..., 100 of a sorted sample (linear interpolation, R type 7). */
export function empiricalTable(sorted: Float64Array): DistributionSpec {
  return { type: 'empirical', percentiles: PERCENTILES.map((p) => ({ p, value: significant(quantileSorted(sorted, p / 100)) })) };
}

export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (position - below) * (upper - lower);
}

function lognormalFit(sorted: Float64Array): FamilyFit | undefined {
  const n = sorted.length;
  if ((sorted[0] as number) <= 0) return undefined;
  let sumLog = 0;
  for (const x of sorted) sumLog += Math.log(x);
  const mu = sumLog / n;
  let squares = 0;
  for (const x of sorted) squares += (Math.log(x) - mu) ** 2;
  const sigma = Math.sqrt(squares / n);
  if (!(sigma > 0)) return undefined;
  // ln L = Σ [−ln x − ln σ − ½ ln 2π − (ln x − μ)² / 2σ²]
  const logLikelihood = -sumLog - n * Math.log(sigma) - n * HALF_LOG_2PI - squares / (2 * sigma * sigma);
  const spec: DistributionSpec = { type: 'lognormal', p50: significant(Math.exp(mu)), p99: significant(Math.exp(mu + Z_99 * sigma)) };
  return judged('lognormal', spec, { mu, sigma }, logLikelihood, 2, sorted, (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)));
}

/**
 * The normal is offered only when it sits well clear of 0 (mean ≥ 3 sd): the scenario's
 * normal is truncated at 0, which would otherwise not be the distribution fitted.
 */
function normalFit(sorted: Float64Array): FamilyFit | undefined {
  const n = sorted.length;
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  if (!(sd > 0) || mean < 3 * sd) return undefined;
  const logLikelihood = -n * Math.log(sd) - n * HALF_LOG_2PI - squares / (2 * sd * sd);
  const spec: DistributionSpec = { type: 'normal', mean: significant(mean), sd: significant(sd) };
  return judged('normal', spec, { mean, sd }, logLikelihood, 2, sorted, (x) => normalCdf((x - mean) / sd));
}

function exponentialFit(sorted: Float64Array): FamilyFit | undefined {
  const n = sorted.length;
  if ((sorted[0] as number) < 0) return undefined;
  let sum = 0;
  for (const x of sorted) sum += x;
  const mean = sum / n;
  if (!(mean > 0)) return undefined;
  const logLikelihood = -n * Math.log(mean) - sum / mean;
  const spec: DistributionSpec = { type: 'exponential', mean: significant(mean) };
  return judged('exponential', spec, { mean }, logLikelihood, 1, sorted, (x) => (x <= 0 ? 0 : -Math.expm1(-x / mean)));
}

function judged(
  family: Family,
  spec: DistributionSpec,
  parameters: Record<string, number>,
  logLikelihood: number,
  k: number,
  sorted: Float64Array,
  cdf: (x: number) => number,
): FamilyFit {
  const ks = ksStatistic(sorted, cdf);
  const pValue = ksPValue(ks, sorted.length);
  return { family, spec, parameters, logLikelihood, aic: 2 * k - 2 * logLikelihood, ks, pValue, accepted: pValue >= KS_SIGNIFICANCE };
}
