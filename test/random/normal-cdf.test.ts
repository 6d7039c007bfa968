import { describe, expect, it } from 'vitest';
import {
  inverseMillsRatio,
  logNormalUpperTail,
  normalCdf,
  normalPdf,
  normalUpperTail,
} from '../../src/random/index.js';

/** [x, P(Z > x)]; mpmath at 50 digits. */
const UPPER_TAILS: ReadonlyArray<readonly [number, number]> = [
  [-10, 1.0],
  [-3, 0.9986501019683699],
  [-1, 0.8413447460685429],
  [0, 0.5],
  [0.5, 0.3085375387259869],
  [1, 0.15865525393145705],
  [2.5, 0.006209665325776135],
  [6.4999, 4.018671008263341e-11], // last point of the Taylor series
  [6.5, 4.016000583859118e-11], // first point of the continued fraction
  [10, 7.619853024160525e-24],
  [30, 4.906713927148187e-198],
];

/** [x, ln P(Z > x), phi(x) / P(Z > x)]; mpmath at 50 digits. */
const LOG_TAILS: ReadonlyArray<readonly [number, number, number]> = [
  [2.5, -5.08164827727869, 2.822744797663907],
  [25, -316.63940800802027, 25.039873012057562],
  [50, -1254.8313611394199, 50.019984031905636],
  [1000, -500007.82669481216, 1000.000999998],
];

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('normal distribution function', () => {
  it.each(UPPER_TAILS)('P(Z > %s) = %s to 1e-14 relative', (x, tail) => {
    expect(relativeError(normalUpperTail(x), tail)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-x) - tail)).toBeLessThan(1e-15);
  });

  it.each(LOG_TAILS)('ln P(Z > %s) and the inverse Mills ratio stay exact past underflow', (x, logTail, ratio) => {
    expect(relativeError(logNormalUpperTail(x), logTail)).toBeLessThan(1e-14);
    expect(relativeError(inverseMillsRatio(x), ratio)).toBeLessThan(1e-14);
  });

  it('density is the standard one', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(relativeError(normalPdf(3), 0.0044318484119380075)).toBeLessThan(1e-14);
  });

  it('underflows to 0 far out instead of returning NaN', () => {
    expect(normalUpperTail(50)).toBe(0);
    expect(normalCdf(-50)).toBe(0);
    expect(normalCdf(50)).toBe(1);
  });
});
