/**
 * Money as people read it: `$12.34`, `$1,234.56`; amounts under a cent keep their
 * significant digits (`$0.0042`) rather than showing as $0.00.
 */
import { Money } from '../pricing/decimal.js';

export function formatUsd(value: number): string {
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 0.01) return `${sign}$${abs.toFixed(Math.min(20, 1 - Math.floor(Math.log10(abs))))}`;
  return `${sign}$${abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Four significant figures for amounts under $100, so close percentiles stay apart: `$0.6260`. */
export function formatUsdFine(value: number): string {
  if (value === 0 || Math.abs(value) >= 100) return formatUsd(value);
  return `${value < 0 ? '−' : ''}$${Math.abs(value).toPrecision(4)}`;
}

/**
 * A currency to show money in besides USD, at a rate the user gave (nothing is fetched):
 * `perUsd` units of `code` for one US dollar, as of `date`.
 */
export interface DisplayCurrency {
  code: string;
  perUsd: number;
  date: string;
}

/**
 * A USD amount as text, followed by the same amount in `currency` when there is one,
 * shown to as many decimals as the USD text: `$0.6280 (EUR 0.5840)`, `−$6.67 (EUR −6.20)`.
 * The conversion is exact decimal arithmetic on the USD value, rounded half up only for
 * display. Every money figure printed goes through here (or `convertUsd`), so a currency
 * appears wherever USD does.
 */
export function withCurrency(usdText: string, usd: number | string, currency: DisplayCurrency | undefined): string {
  if (!currency) return usdText;
  return `${usdText} (${inCurrency(usdText, usd, currency)})`;
}

/** The converted part alone, as `withCurrency` puts it in brackets: `EUR 0.5840`. */
export function inCurrency(usdText: string, usd: number | string, currency: DisplayCurrency): string {
  const decimals = /\.(\d+)/.exec(usdText)?.[1]?.length ?? 0;
  return `${currency.code} ${signedGrouped(convertUsd(usd, currency).toFixed(Math.max(2, decimals), Money.ROUND_HALF_UP))}`;
}

/** `usd` × the user's rate, exact. */
export function convertUsd(usd: number | string, currency: DisplayCurrency): Money {
  return new Money(usd).times(new Money(currency.perUsd));
}

/** Said once per output, wherever converted money appears: where the rate comes from. */
export function currencyNote(currency: DisplayCurrency): string {
  return `${currency.code} at ${currency.perUsd} ${currency.code} per USD on ${currency.date}, given by the user (no rate is fetched); USD figures are the priced ones`;
}

/** The note as the lines an output adds once: none without a display currency. */
export function currencyNoteLines(currency: DisplayCurrency | undefined): string[] {
  return currency ? [currencyNote(currency)] : [];
}

function signedGrouped(text: string): string {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const [whole, fraction] = digits.split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = /^[0.]*$/.test(digits);
  return `${negative && !zero ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A money axis's title with a display currency: Chart.js configurations here are plain
 * JSON (no tick callbacks), so the ticks stay USD and the title says how to read them in
 * the other currency, with the rate and its date.
 */
export function moneyAxisTitle(usdTitle: string, currency: DisplayCurrency | undefined): string {
  if (!currency) return usdTitle;
  return `${usdTitle}; ${currency.code} = USD × ${currency.perUsd} (rate of ${currency.date})`;
}

/** `formatUsdFine` with the amount in the display currency beside it, if there is one. */
export function fineMoney(currency: DisplayCurrency | undefined): (usd: number) => string {
  return (usd) => withCurrency(formatUsdFine(usd), usd, currency);
}
