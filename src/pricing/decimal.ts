/**
 * Exact decimal arithmetic for money (decimal.js). Prices are published as decimals
 * ($0.0000166667 per GB-s); binary floating point cannot hold them, and a bill must not
 * show 0.30000000000000004. A private clone, so no other code's settings change ours.
 */
import { Decimal } from 'decimal.js';

export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** To whole cents, half up, as AWS rounds each line of a bill. */
export function toCents(value: Money): Money {
  return value.toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** A plain decimal string without exponent notation or trailing zeros. */
export function plain(value: Money): string {
  const text = value.toFixed();
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * A decimal string cut to at most `decimals` places (half up, trailing zeros dropped):
 * for people and spreadsheets, where a repeating quotient's 60 digits are noise. The
 * computation keeps every digit; only what is shown is cut.
 */
export function atMostDecimals(text: string, decimals = 12): string {
  const point = text.indexOf('.');
  if (point < 0 || text.length - point - 1 <= decimals) return text;
  return plain(new Money(text).toDecimalPlaces(decimals, Money.ROUND_HALF_UP));
}

/** A quantity with thousands separators and its exact decimals: 1,234,567.5 */
export function formatQuantity(value: Money): string {
  return groupThousands(plain(value));
}

/** Thousands separators in a plain decimal string: "1234567.50" → "1,234,567.50". */
export function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
