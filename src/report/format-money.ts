/**
 * Money as people read it: `$12.34`, `$1,234.56`; amounts under a cent keep their
 * significant digits (`$0.0042`) rather than showing as $0.00.
 */
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
