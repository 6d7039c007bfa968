/** Rounds to `decimals` places, so numbers written to JSON carry no float noise. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
