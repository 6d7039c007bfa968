/**
 * Weighted linear least squares for the few parameters calibration fits (two or three):
 * minimises Σ wᵢ (yᵢ − xᵢ·β)² through the normal equations, solved by Gaussian
 * elimination with partial pivoting. With weights 1 / Var(yᵢ), (XᵀWX)⁻¹ is the
 * covariance of β. Pure.
 */
export interface LeastSquaresFit {
  coefficients: number[];
  /** (XᵀWX)⁻¹: the coefficients' covariance when the weights are inverse variances. */
  covariance: number[][];
  /** yᵢ − xᵢ·β. */
  residuals: number[];
}

/** `rows[i]` are the regressors of observation i; undefined when they do not determine β. */
export function weightedLeastSquares(rows: number[][], y: number[], weights: number[]): LeastSquaresFit | undefined {
  const k = rows[0]?.length ?? 0;
  if (k === 0 || rows.length < k) return undefined;
  const normal: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const right = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    const w = weights[i] as number;
    for (let a = 0; a < k; a++) {
      right[a] = (right[a] as number) + w * (row[a] as number) * (y[i] as number);
      for (let b = 0; b < k; b++) (normal[a] as number[])[b] = ((normal[a] as number[])[b] as number) + w * (row[a] as number) * (row[b] as number);
    }
  });
  const inverse = invert(normal);
  if (!inverse) return undefined;
  const coefficients = inverse.map((row) => row.reduce((sum, value, j) => sum + value * (right[j] as number), 0));
  const residuals = rows.map((row, i) => (y[i] as number) - row.reduce((sum, x, j) => sum + x * (coefficients[j] as number), 0));
  return { coefficients, covariance: inverse, residuals };
}

/** Gauss–Jordan inverse of a small square matrix; undefined when it is singular. */
function invert(matrix: number[][]): number[][] | undefined {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...matrix.flat().map(Math.abs), 1e-300);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = row;
    if (Math.abs((a[pivot] as number[])[col] as number) <= scale * 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const lead = a[col] as number[];
    const divisor = lead[col] as number;
    for (let j = 0; j < 2 * n; j++) lead[j] = (lead[j] as number) / divisor;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const target = a[row] as number[];
      const factor = target[col] as number;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) target[j] = (target[j] as number) - factor * (lead[j] as number);
    }
  }
  return a.map((row) => row.slice(n));
}
