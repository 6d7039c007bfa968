/**
 * Rounding for fitted figures: values written to a scenario carry 4 significant digits
 * (more would claim a precision no log has), and figures in words are locale-free and
 * stable so the same input prints the same text. Pure.
 */

/** `x` to `digits` significant digits, as a number. */
export function significant(x: number, digits = 4): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** `x` in words: `digits` significant digits, whole numbers of that size or more with thousands separators. */
export function formatFigure(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 10 ** digits) return Math.round(x).toLocaleString('en-US');
  return significant(x, digits).toLocaleString('en-US', { maximumFractionDigits: 12 });
}
