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
