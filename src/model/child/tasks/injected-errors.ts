/**
 * Errors an attempt fails with at random, each with its probability: one draw per attempt
 * from the task's own stream, only when there are any (so a task without them draws
 * nothing and shifts no other draw).
 */
import { deriveStream, type Rng } from '../../../random/index.js';
import type { ErrorTally } from '../../error-tally.js';
import type { StreamKey } from '../../random-sources.js';

export class InjectedErrors {
  /** Error codes, in the order given. */
  readonly codes: Int32Array;
  private readonly cumulative: Float64Array;
  private readonly rng: Rng;

  constructor(errors: readonly { error: string; probability: number }[], tally: ErrorTally, key: StreamKey, stream: string) {
    let cumulative = 0;
    this.cumulative = Float64Array.from(errors, (e) => (cumulative += e.probability));
    this.codes = Int32Array.from(errors, (e) => tally.code(e.error));
    this.rng = deriveStream(key.seed, key.replication, stream);
  }

  /** Index of the error this attempt fails with, or -1. */
  draw(): number {
    const cumulative = this.cumulative;
    if (cumulative.length === 0) return -1;
    const u = this.rng();
    for (let i = 0; i < cumulative.length; i++) if (u < (cumulative[i] as number)) return i;
    return -1;
  }
}
