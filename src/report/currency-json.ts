/**
 * The display currency in a JSON output (sweep, compare, sensitivity, backtest,
 * workflow-type, reconcile): the user's rate and the note said wherever converted money
 * appears, and converted figures that sit beside the USD ones. USD stays the priced
 * figure; a converted one is the exact product of the (rounded) USD figure and the rate.
 * Pure.
 */
import { plain } from '../pricing/decimal.js';
import { convertUsd, currencyNote, type DisplayCurrency } from './format-money.js';

/** The `currency` block's head: which currency, at what rate, as of when, and where the rate comes from. */
export interface CurrencyHeadJson {
  code: string;
  perUsd: number;
  date: string;
  note: string;
}

export function currencyHead(currency: DisplayCurrency): CurrencyHeadJson {
  return { code: currency.code, perUsd: currency.perUsd, date: currency.date, note: currencyNote(currency) };
}

/** The currency a JSON output's head describes, for its renderers. */
export function displayCurrencyOf(head: CurrencyHeadJson | undefined): DisplayCurrency | undefined {
  return head ? { code: head.code, perUsd: head.perUsd, date: head.date } : undefined;
}

/** The rate note of a JSON output's currency block as the lines its renderers say once: none without one. */
export function noteLinesOf(head: CurrencyHeadJson | undefined): string[] {
  return head ? [head.note] : [];
}

/** A USD figure as a number in the display currency: exact decimal product, kept to 12 decimals. */
export function usdInCurrency(usd: number, currency: DisplayCurrency): number {
  return Number(plain(convertUsd(usd, currency).toDecimalPlaces(12)));
}
