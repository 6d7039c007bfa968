/**
 * The memory-to-duration curve from durations measured at several memory sizes (AWS
 * Lambda Power Tuning). The model (src/model/memory-speed.ts) scales the CPU-bound share
 * f of a duration measured at m₀ with the CPU Lambda gives, share(m) = min(m, 1,769) / 1,769:
 *
 *   d(m) = d(m₀) · [(1 − f) + f · share(m₀) / share(m)]  =  a + c / share(m)
 *
 * which is linear in a = d(m₀)(1 − f) and c = d(m₀) f share(m₀). a and c are fitted by
 * least squares on relative errors (weights 1 / d²), both kept ≥ 0 (f in [0, 1]); f then
 * follows for the reference memory m₀ the caller names, the memory the scenario's
 * durations are measured at, since f depends on it. Pure.
 */
import { LAMBDA_MEMORY_PER_VCPU_MB } from '../../aws/quotas.js';
import { durationFactor } from '../../model/memory-speed.js';
import { formatFigure, significant } from './significant.js';
import { weightedLeastSquares } from './weighted-least-squares.js';

export interface MemoryPoint {
  memoryMb: number;
  durationMs: number;
}

export interface MemoryCurve {
  cpuBoundFraction: number;
  referenceMemoryMb: number;
  /** The curve's duration at the reference memory. */
  durationAtReferenceMs: number;
  points: Array<MemoryPoint & { predictedMs: number; relativeError: number }>;
  worstRelativeError: number;
  quality: string;
  notes: string[];
}

const share = (memoryMb: number) => Math.min(memoryMb, LAMBDA_MEMORY_PER_VCPU_MB) / LAMBDA_MEMORY_PER_VCPU_MB;

/** Undefined when the points cannot tell the curve (fewer than two CPU shares). */
export function fitMemoryCurve(points: readonly MemoryPoint[], referenceMemoryMb: number): MemoryCurve | undefined {
  const usable = points.filter((p) => p.memoryMb > 0 && p.durationMs > 0);
  if (new Set(usable.map((p) => share(p.memoryMb))).size < 2) return undefined;
  const x = usable.map((p) => 1 / share(p.memoryMb));
  const y = usable.map((p) => p.durationMs);
  const w = y.map((d) => 1 / (d * d));
  const notes: string[] = [];
  let a: number;
  let c: number;
  const fit = weightedLeastSquares(
    x.map((xi) => [1, xi]),
    y,
    w,
  );
  [a, c] = fit ? (fit.coefficients as [number, number]) : [Number.NaN, Number.NaN];
  if (!(a >= 0) || !(c >= 0)) {
    // f outside [0, 1]: the better of the two bounds.
    const cpuOnly = sum(x.map((xi, i) => (w[i] as number) * xi * (y[i] as number))) / sum(x.map((xi, i) => (w[i] as number) * xi * xi));
    const ioOnly = sum(y.map((yi, i) => (w[i] as number) * yi)) / sum(w);
    const cost = (aa: number, cc: number) => sum(y.map((yi, i) => (w[i] as number) * (yi - aa - cc * (x[i] as number)) ** 2));
    [a, c] = cost(0, cpuOnly) <= cost(ioOnly, 0) ? [0, cpuOnly] : [ioOnly, 0];
    notes.push(c === 0 ? 'durations do not fall as memory grows: taken as not CPU-bound (f = 0)' : 'durations fall faster than the CPU share grows: taken as wholly CPU-bound (f = 1)');
  }
  const durationAtReferenceMs = a + c / share(referenceMemoryMb);
  // Rounded as the scenario will hold it, so the predictions below are the scenario's.
  const cpuBoundFraction = Math.min(1, Math.max(0, significant(durationAtReferenceMs > 0 ? c / share(referenceMemoryMb) / durationAtReferenceMs : 0, 3)));
  const predicted = usable.map((p) => {
    const predictedMs = durationAtReferenceMs * durationFactor(p.memoryMb, referenceMemoryMb, cpuBoundFraction);
    return { ...p, predictedMs, relativeError: (predictedMs - p.durationMs) / p.durationMs };
  });
  const worstRelativeError = Math.max(...predicted.map((p) => Math.abs(p.relativeError)));
  if (usable.some((p) => p.memoryMb > LAMBDA_MEMORY_PER_VCPU_MB)) {
    notes.push(`above ${LAMBDA_MEMORY_PER_VCPU_MB.toLocaleString('en-US')} MB the model gives no more CPU to a single-threaded function: those sizes share one predicted duration`);
  }
  return {
    cpuBoundFraction,
    referenceMemoryMb,
    durationAtReferenceMs,
    points: predicted,
    worstRelativeError,
    quality: `worst predicted duration off by ${formatFigure(worstRelativeError * 100, 2)} % over ${usable.length} memory sizes (${usable.map((p) => p.memoryMb).join(', ')} MB)`,
    notes,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
