import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalUpperQuantileOfLog } from '../../src/random/index.js';

/** [p, Phi^-1(p)] with p the double shown; references from mpmath at 50 digits. */
const QUANTILES: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [0.001, -3.0902323061678136],
  [0.01, -2.326347874040841],
  [0.025, -1.9599639845400543],
  [0.075, -1.439531470938456], // AS241's switch from central to tail formula
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080408],
  [0.5, 0],
  [0.8413447460685429, 0.9999999999999999],
  [0.9, 1.2815515655446006],
  [0.925, 1.4395314709384561],
  [0.975, 1.9599639845400538],
  [0.99, 2.3263478740408408],
  [0.999, 3.090232306167813],
  [0.9999999999, 6.361340889697422],
];

/** [L, z] with ln P(Z > z) = L; mpmath at 50 digits. */
const UPPER_QUANTILES_OF_LOG: ReadonlyArray<readonly [number, number]> = [
  [-0.5, -0.27028802073873587],
  [-2, 1.1015196284987503],
  [-10, 3.913946240531893],
  [-100, 13.888476033003887],
  [-700, 37.295079632647415], // last point AS241 handles
  [-800, 39.88469483825668], // Newton from here on
  [-1e5, 447.1978936785251],
];

const closeTo = (actual: number, expected: number, relative: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
};

describe('normalQuantile', () => {
  it.each(QUANTILES)('Phi^-1(%s) = %s to 1e-9', (p, z) => {
    closeTo(normalQuantile(p), z, 1e-9);
  });

  it('is in fact accurate to about 1e-15', () => {
    for (const [p, z] of QUANTILES) closeTo(normalQuantile(p), z, 4e-15);
  });

  it('is antisymmetric around 1/2', () => {
    for (let p = 0.001; p < 0.5; p += 0.0123) {
      // 1 - p is exact for these p only to 1 ulp, which moves the quantile by ~1e-16/phi(z).
      closeTo(normalQuantile(1 - p), -normalQuantile(p), 1e-12);
    }
  });

  it('inverts normalCdf', () => {
    // Not far above 0: there Phi(z) is near 1 and its rounding alone moves z by 1e-16/phi(z).
    for (let z = -8; z <= 3; z += 0.173) closeTo(normalQuantile(normalCdf(z)), z, 1e-12);
  });

  it('maps the endpoints to infinities and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalUpperQuantileOfLog', () => {
  it.each(UPPER_QUANTILES_OF_LOG)('solves ln P(Z > z) = %s to 1e-12', (logTail, z) => {
    closeTo(normalUpperQuantileOfLog(logTail), z, 1e-12);
  });

  it('agrees with normalQuantile where both apply', () => {
    for (const p of [0.9, 0.5, 0.3, 0.075, 0.01, 1e-10, 1e-300]) {
      closeTo(normalUpperQuantileOfLog(Math.log(p)), -normalQuantile(p), 1e-13);
    }
  });

  it('is continuous where it switches to Newton', () => {
    const below = normalUpperQuantileOfLog(-700 - 1e-9);
    const at = normalUpperQuantileOfLog(-700);
    // dz/dL = -1/lambda(z), about -1/37 here.
    closeTo(below - at, 1e-9 / 37.3, 1e-12);
  });

  it('keeps precision for tails near 1 and handles the limits', () => {
    closeTo(normalUpperQuantileOfLog(-1e-300), -37.0470962993612, 1e-13);
    expect(normalUpperQuantileOfLog(0)).toBe(-Infinity);
    expect(normalUpperQuantileOfLog(-Infinity)).toBe(Infinity);
    expect(() => normalUpperQuantileOfLog(0.1)).toThrow(RangeError);
  });
});
