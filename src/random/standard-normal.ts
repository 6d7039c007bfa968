/**
 * Standard normal draws by the Box–Muller transform. The second value of each pair is
 * thrown away on purpose: every draw then consumes exactly two uniforms and carries no
 * hidden state, so a sampler's output depends only on its stream's position.
 */
import type { Rng } from './rng.js';

const TWO_PI = 2 * Math.PI;

export function standardNormal(rng: Rng): number {
  // 1 - u lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - rng()));
  return radius * Math.cos(TWO_PI * rng());
}
