/**
 * A uniform random sample of at most `capacity` values from a stream of any length
 * (Vitter's Algorithm R), drawn from a seeded stream so the same input gives the same
 * sample. Fits that need the values themselves (the Kolmogorov–Smirnov test,
 * percentiles) use it, so memory stays flat however many lines a log has. Pure.
 */
import { createRng, type Rng } from '../../random/index.js';

/** Values kept per reservoir: 100,000 doubles, 800 KB. */
export const RESERVOIR_CAPACITY = 100_000;

export class Reservoir {
  private readonly values: Float64Array;
  private readonly rng: Rng;
  private kept = 0;
  /** Values offered, kept or not. */
  seen = 0;

  constructor(seed: string, readonly capacity = RESERVOIR_CAPACITY) {
    this.values = new Float64Array(capacity);
    this.rng = createRng(`dmap-calibrate/${seed}`);
  }

  add(value: number): void {
    this.seen++;
    if (this.kept < this.capacity) {
      this.values[this.kept++] = value;
      return;
    }
    const slot = Math.floor(this.rng() * this.seen);
    if (slot < this.capacity) this.values[slot] = value;
  }

  /** Whether every value seen is in the sample. */
  get complete(): boolean {
    return this.seen === this.kept;
  }

  /** The sample, sorted ascending (a copy). */
  sorted(): Float64Array {
    return this.values.slice(0, this.kept).sort();
  }
}
