/**
 * cpuBoundFraction from AWS Lambda Power Tuning results (memory-curve.ts). The fraction
 * is relative to the memory the scenario's durations are measured at, so it is fitted
 * for that memory: the REPORT lines' when there are logs, else the scenario's
 * durationMeasuredAtMemoryMb or memoryMb, else the smallest size Power Tuning tried
 * (then written as durationMeasuredAtMemoryMb too). Several results are pooled; a size
 * measured twice counts with its average. Pure.
 */
import { fitMemoryCurve, type MemoryCurve, type MemoryPoint } from './fit/memory-curve.js';
import { formatFigure } from './fit/significant.js';
import { fittedField, type FittedField } from './fitted-field.js';
import type { PowerTuningResult } from './sources/power-tuning.js';

export interface MemoryFitInput {
  results: Array<{ file: string; result: PowerTuningResult }>;
  target: string[];
  /** The memory the durations are measured at, when known (logs, or the base scenario). */
  referenceMemoryMb?: number;
  /** Whether durationMeasuredAtMemoryMb is already settled (by the logs or the base scenario). */
  referenceSettled: boolean;
}

export interface MemoryFit {
  fields: FittedField[];
  curve?: MemoryCurve;
  notes: string[];
}

export function fitMemory(input: MemoryFitInput): MemoryFit {
  const notes: string[] = [];
  if (input.results.length === 0) return { fields: [], notes };
  const byMemory = new Map<number, number[]>();
  for (const { result } of input.results) for (const point of result.points) byMemory.set(point.memoryMb, [...(byMemory.get(point.memoryMb) ?? []), point.durationMs]);
  const points: MemoryPoint[] = [...byMemory.entries()].sort((a, b) => a[0] - b[0]).map(([memoryMb, durations]) => ({ memoryMb, durationMs: durations.reduce((s, d) => s + d, 0) / durations.length }));
  const reference = input.referenceMemoryMb ?? (points[0] as MemoryPoint | undefined)?.memoryMb;
  const source = input.results.map((r) => r.file).join(', ');
  const curve = reference === undefined ? undefined : fitMemoryCurve(points, reference);
  if (!curve) {
    notes.push(`Power Tuning in ${source} measured ${points.length === 1 ? 'one memory size' : 'memory sizes with the same CPU share'}: cpuBoundFraction cannot be fitted`);
    return { fields: [], notes };
  }
  notes.push(...curve.notes);
  const fields = [
    fittedField([...input.target, 'cpuBoundFraction'], curve.cpuBoundFraction, '', {
      source,
      observations: points.length,
      method: `least squares on relative errors of Power Tuning's average durations (${points.map((p) => `${p.memoryMb} MB ${formatFigure(p.durationMs)} ms`).join(', ')}) against the model's memory curve, for durations measured at ${curve.referenceMemoryMb} MB`,
      quality: curve.quality,
    }),
  ];
  if (!input.referenceSettled) {
    fields.push(
      fittedField([...input.target, 'durationMeasuredAtMemoryMb'], curve.referenceMemoryMb, 'MB', {
        source,
        observations: points.length,
        method: 'the smallest memory size Power Tuning tried: the memory cpuBoundFraction is relative to',
        quality: 'chosen, not fitted',
        note: 'give perItemDurationMs and invocationOverheadMs as measured at this memory',
      }),
    );
  }
  return { fields, curve, notes };
}
