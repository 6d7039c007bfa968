/**
 * Where one observed value falls among predicted ones: its mid-rank percentile (the share
 * of predictions below it plus half of those equal to it), and a verdict in words. Pure.
 */

/** Share of `sorted` below `value`, plus half the share equal to it: 0.5 when every prediction equals it. */
export function percentileRank(sorted: readonly number[], value: number): number {
  if (sorted.length === 0) throw new RangeError('no predictions to rank against');
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return (below + equal / 2) / sorted.length;
}

export type Direction = 'lower-is-better' | 'neutral';

/**
 * "inside P10–P90", "better than P10" / "worse than P90" (or "below P10" / "above P90"
 * for a figure that is neither good nor bad high), and past P1 / P99 likewise.
 */
export function verdictOf(rank: number, direction: Direction): string {
  const [low, high] = direction === 'lower-is-better' ? ['better', 'worse'] : ['below', 'above'];
  const word = (side: string) => (direction === 'lower-is-better' ? `${side} than` : side);
  if (rank < 0.01) return `${word(low as string)} P1`;
  if (rank < 0.1) return `${word(low as string)} P10`;
  if (rank <= 0.9) return 'inside P10–P90';
  if (rank <= 0.99) return `${word(high as string)} P90`;
  return `${word(high as string)} P99`;
}
