/**
 * "Did you mean" for unknown field names: the known name with the smallest edit
 * distance, if it is close enough to be a plausible typo.
 */
import { distance } from 'fastest-levenshtein';

export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // A third of the name may be wrong: `maxConcurency` → `maxConcurrency`, not `seed` → `name`.
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}
