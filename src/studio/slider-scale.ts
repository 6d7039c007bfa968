/**
 * Slider positions ↔ values. Counts, sizes and factors move by ratios (a log scale), so
 * one slider reaches a batch of 1 and a batch of 10,000 and every step is a few percent;
 * values come out rounded to two significant figures (100, 150, 250, 1,200), which is
 * what people try. The number box beside the slider takes any exact value. Pure.
 */

/** Positions of a slider: enough for small steps, few enough that arrow keys move visibly. */
export const SLIDER_STEPS = 240;

export interface SliderRange {
  min: number;
  max: number;
  scale: 'linear' | 'log';
  integer: boolean;
}

export function valueAtPosition(range: SliderRange, position: number): number {
  const t = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  if (position <= 0) return range.min;
  if (position >= SLIDER_STEPS) return range.max;
  const { low, high } = logEnds(range);
  const raw = range.scale === 'log' ? low * (high / low) ** t : range.min + (range.max - range.min) * t;
  const rounded = twoFigures(raw);
  const value = range.integer ? Math.round(rounded) : rounded;
  return Math.min(range.max, Math.max(range.min, value));
}

export function positionOfValue(range: SliderRange, value: number): number {
  if (!Number.isFinite(value)) return 0;
  const { low, high } = logEnds(range);
  const t =
    range.scale === 'log'
      ? value <= low
        ? 0
        : Math.log(value / low) / Math.log(high / low)
      : range.max === range.min
        ? 0
        : (value - range.min) / (range.max - range.min);
  return Math.round(Math.min(1, Math.max(0, t)) * SLIDER_STEPS);
}

/** A log scale cannot start at 0: it starts at 1 (or the minimum, when above 0) and 0 sits at position 0. */
function logEnds(range: SliderRange): { low: number; high: number } {
  const low = range.min > 0 ? range.min : Math.min(1, range.max);
  return { low, high: Math.max(range.max, low * 1.000001) };
}

function twoFigures(value: number): number {
  if (value === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Number((Math.round(value / magnitude) * magnitude).toPrecision(2));
}
