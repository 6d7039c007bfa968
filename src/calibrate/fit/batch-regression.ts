/**
 * Separates what an invocation spends whatever its batch (invocationOverheadMs) from
 * what each item adds (perItemDurationMs), from invocations at known batch sizes. The
 * model draws an invocation of b items as D = O + F · (X₁ + … + X_b), the X independent
 * per-item draws and F the shared batchDurationFactor (mean 1), so
 *
 *   E[D]   = E[O] + b·μ
 *   Var[D] = Var[O] + b·σ²·(1 + v) + b²·μ²·v        (v = Var[F])
 *
 * With two or more batch sizes both lines are fitted by weighted least squares over the
 * sizes (the means weighted by n / s², the variances by (n − 1) / 2s⁴, their sampling
 * variances); the b² term only with three or more sizes. With one batch size the
 * overhead cannot be told from the items: it is what the caller gives (a flag) or 0,
 * and the notes say so. Pure.
 */
import { UserInputError } from '../../errors.js';
import { formatFigure } from './significant.js';
import { weightedLeastSquares } from './weighted-least-squares.js';

/** The invocations observed at one batch size. */
export interface BatchGroup {
  batchSize: number;
  count: number;
  meanMs: number;
  /** Sample variance of the durations, ms². */
  varianceMs2: number;
}

export interface OverheadSeparation {
  overheadMeanMs: number;
  overheadVarianceMs2: number;
  perItemMeanMs: number;
  perItemVarianceMs2: number;
  /** Var[F] of batchDurationFactor; 0 unless three or more batch sizes show it. */
  factorVariance: number;
  how: 'regression' | 'given' | 'assumed zero';
  /** Standard errors of the two means, when a regression gives them. */
  standardErrors?: { overheadMs: number; perItemMs: number };
  /** The fit's quality in figures. */
  quality: string;
  notes: string[];
}

export function separateOverhead(groups: readonly BatchGroup[], givenOverheadMs?: number): OverheadSeparation {
  const usable = groups.filter((g) => g.count > 0 && g.batchSize > 0);
  if (usable.length === 0) throw new Error('separateOverhead: no invocations');
  const sizes = new Set(usable.map((g) => g.batchSize));
  const notes: string[] = [];
  const means = givenOverheadMs !== undefined
    ? meansWithOverhead(usable, givenOverheadMs)
    : sizes.size >= 2
      ? regressMeans(usable, notes)
      : { overhead: 0, perItem: weightedMean(usable.map((g) => [g.meanMs / g.batchSize, g.count])), standardErrors: undefined };
  if (givenOverheadMs === undefined && sizes.size < 2) {
    notes.push(
      `one batch size (${[...sizes][0]}): the invocation overhead cannot be told apart from the items, so it is taken as 0 and every millisecond counts as items; give --overhead-ms, or logs at a second batch size, to separate them`,
    );
  }
  if (!(means.perItem > 0)) {
    throw new UserInputError([
      { message: `the durations do not grow with the batch size (time per item ${formatFigure(means.perItem)} ms): check the batch size given for each log`, value: usable.map((g) => g.batchSize).join(', ') },
    ]);
  }
  const spread = givenOverheadMs !== undefined || sizes.size < 2 ? varianceThroughOrigin(usable) : regressVariances(usable, means.perItem, notes);
  const how = givenOverheadMs !== undefined ? 'given' : sizes.size >= 2 ? 'regression' : 'assumed zero';
  return {
    overheadMeanMs: means.overhead,
    overheadVarianceMs2: spread.overhead,
    perItemMeanMs: means.perItem,
    perItemVarianceMs2: spread.perItem,
    factorVariance: spread.factor,
    how,
    ...(means.standardErrors ? { standardErrors: means.standardErrors } : {}),
    quality: qualityOf(usable, means),
    notes,
  };
}

interface Means {
  overhead: number;
  perItem: number;
  standardErrors: { overheadMs: number; perItemMs: number } | undefined;
  /** Largest relative gap between a group's mean and the line, with three or more sizes. */
  worstRelativeResidual?: number;
}

function meansWithOverhead(groups: readonly BatchGroup[], overhead: number): Means {
  return { overhead, perItem: weightedMean(groups.map((g) => [(g.meanMs - overhead) / g.batchSize, g.count])), standardErrors: undefined };
}

/** E[D] = o + b·μ, each size's mean weighted by n / s² (the inverse of its sampling variance). */
function regressMeans(groups: readonly BatchGroup[], notes: string[]): Means {
  const weights = groups.map((g) => g.count / Math.max(g.varianceMs2, (1e-6 * g.meanMs) ** 2, 1e-12));
  const fit = weightedLeastSquares(
    groups.map((g) => [1, g.batchSize]),
    groups.map((g) => g.meanMs),
    weights,
  );
  if (!fit) throw new Error('regressMeans: singular with two or more batch sizes');
  const [overhead, perItem] = fit.coefficients as [number, number];
  if (overhead < 0) {
    // Through the origin: μ = Σ w b y / Σ w b².
    let top = 0;
    let bottom = 0;
    groups.forEach((g, i) => {
      top += (weights[i] as number) * g.batchSize * g.meanMs;
      bottom += (weights[i] as number) * g.batchSize * g.batchSize;
    });
    notes.push(`the regression over batch sizes gave a negative invocation overhead (${formatFigure(overhead)} ms): taken as 0`);
    return { overhead: 0, perItem: top / bottom, standardErrors: { overheadMs: 0, perItemMs: Math.sqrt(1 / bottom) } };
  }
  const covariance = fit.covariance as [[number, number], [number, number]];
  const worst = groups.length > 2 ? Math.max(...fit.residuals.map((r, i) => Math.abs(r) / (groups[i] as BatchGroup).meanMs)) : undefined;
  return {
    overhead,
    perItem,
    standardErrors: { overheadMs: Math.sqrt(Math.max(0, covariance[0][0])), perItemMs: Math.sqrt(Math.max(0, covariance[1][1])) },
    ...(worst !== undefined ? { worstRelativeResidual: worst } : {}),
  };
}

/** Var[D] = b·σ² alone (one batch size, or the overhead given as a constant). */
function varianceThroughOrigin(groups: readonly BatchGroup[]): { overhead: number; perItem: number; factor: number } {
  return { overhead: 0, perItem: weightedMean(groups.map((g) => [g.varianceMs2 / g.batchSize, Math.max(1, g.count - 1)])), factor: 0 };
}

/** Var[D] = Var[O] + b·σ²(1 + v) [+ b²·μ²·v with three or more sizes], weighted by (n − 1) / 2s⁴. */
function regressVariances(groups: readonly BatchGroup[], perItemMean: number, notes: string[]): { overhead: number; perItem: number; factor: number } {
  const weights = groups.map((g) => Math.max(1, g.count - 1) / (2 * Math.max(g.varianceMs2, 1e-12) ** 2));
  const y = groups.map((g) => g.varianceMs2);
  const sizes = new Set(groups.map((g) => g.batchSize)).size;
  const designs: Array<Array<'1' | 'b' | 'b2'>> = sizes >= 3 ? [['1', 'b', 'b2'], ['b', 'b2'], ['1', 'b'], ['b']] : [['1', 'b'], ['b']];
  for (const terms of designs) {
    const fit = weightedLeastSquares(
      groups.map((g) => terms.map((t) => (t === '1' ? 1 : t === 'b' ? g.batchSize : g.batchSize * g.batchSize))),
      y,
      weights,
    );
    if (!fit) continue;
    const coefficient = (term: '1' | 'b' | 'b2') => (terms.includes(term) ? (fit.coefficients[terms.indexOf(term)] as number) : 0);
    if (coefficient('1') < 0 || coefficient('b2') < 0 || coefficient('b') < 0) continue;
    const factor = coefficient('b2') / (perItemMean * perItemMean);
    if (factor > 0) notes.push(`the spread of durations grows faster than the batch size: part of it is shared by a whole batch (batchDurationFactor sd ${formatFigure(Math.sqrt(factor))})`);
    return { overhead: coefficient('1'), perItem: coefficient('b') / (1 + factor), factor };
  }
  notes.push('the spread of durations does not grow with the batch size as independent items would: the per-item spread is taken from the largest batch alone');
  const largest = [...groups].sort((a, b) => b.batchSize - a.batchSize)[0] as BatchGroup;
  return { overhead: 0, perItem: largest.varianceMs2 / largest.batchSize, factor: 0 };
}

function weightedMean(pairs: Array<[number, number]>): number {
  let top = 0;
  let bottom = 0;
  for (const [value, weight] of pairs) {
    top += value * weight;
    bottom += weight;
  }
  return top / bottom;
}

function qualityOf(groups: readonly BatchGroup[], means: Means): string {
  const sizes = [...new Set(groups.map((g) => g.batchSize))].sort((a, b) => a - b);
  const errors = means.standardErrors
    ? `; standard errors: overhead ±${formatFigure(means.standardErrors.overheadMs)} ms, per item ±${formatFigure(means.standardErrors.perItemMs)} ms`
    : '';
  if (sizes.length < 2) return `one batch size (${sizes[0]})${errors}`;
  const fit = means.worstRelativeResidual !== undefined ? `, worst mean off the line by ${formatFigure(means.worstRelativeResidual * 100, 2)} %` : ', a line through two sizes: exact';
  return `${sizes.length} batch sizes (${sizes.join(', ')})${fit}${errors}`;
}
