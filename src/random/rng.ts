/**
 * Seeded uniform random streams for the simulator. Pure: no Math.random, no clock, no
 * I/O, so a scenario seed fully determines every draw and runs are reproducible.
 *
 * Each random component of each replication gets its own stream, derived from its name
 * rather than handed out in order, so adding or removing draws in one component never
 * shifts the draws of another (common random numbers across what-if variants).
 */
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). Alea gives 32 bits of resolution per draw. */
export type Rng = () => number;

/** A stream fully determined by `seed` (Baagøe's Alea: fast, period about 2^116). */
export function createRng(seed: string): Rng {
  return seedrandom.alea(seed);
}

/**
 * The stream for one (scenario seed, replication index, component name). The seed string
 * is the JSON of the triple, so distinct triples never share a string: ("1", 12, "x") and
 * ("11", 2, "x") differ, and so do the number 1 and the string "1".
 */
export function deriveStream(scenarioSeed: number | string, replication: number, component: string): Rng {
  if (typeof scenarioSeed === 'number' && !Number.isFinite(scenarioSeed)) {
    // JSON writes NaN and both infinities as null, which would make them share a stream.
    throw new RangeError(`deriveStream: scenario seed must be finite, got ${scenarioSeed}`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`deriveStream: replication must be a non-negative integer, got ${replication}`);
  }
  return createRng(JSON.stringify([scenarioSeed, replication, component]));
}
