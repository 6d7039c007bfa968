/**
 * `per`: how many units a price is for ("1000000" for a price per million). A price
 * divides by it, so it must be at least 1: `per: 0` would make every cost NaN or
 * Infinity. One rule for every place a `per` is read: the catalogue, a scenario's
 * priceOverrides and `--price KEY=USD/PER`.
 */

/** The rule, in words, for error messages. */
export const PER_RULE = 'must be a number of units of at least 1, e.g. "1000000" for a price per million';

/** Whether a `per` written as a decimal string (already known to be digits, maybe with a fraction) is at least 1. */
export function isValidPer(per: string): boolean {
  return /^\d+(\.\d+)?$/.test(per) && Number(per) >= 1;
}
