/**
 * `dmap compare --json`: the comparison, the guards it breached and, with a display
 * currency, the rate and each money figure converted beside its USD one. Pure.
 */
import type { Comparison } from '../planner/compare.js';
import type { Breach } from '../planner/fail-if.js';
import { currencyHead, usdInCurrency } from './currency-json.js';
import type { DisplayCurrency } from './format-money.js';

export function buildComparisonJson(comparison: Comparison, breached: Breach[], currency?: DisplayCurrency) {
  const breaches = breached.map((x) => ({ guard: x.guard.text, observed: x.observed }));
  if (!currency) return { format: 'dmap-planner/compare', formatVersion: 1, ...comparison, breaches };
  const c = (usd: number) => usdInCurrency(usd, currency);
  return {
    format: 'dmap-planner/compare',
    formatVersion: 1,
    ...comparison,
    metrics: comparison.metrics.map((m) => (m.metric.startsWith('cost') ? { ...m, inCurrency: { a: c(m.a), b: c(m.b), delta: c(m.delta) } } : m)),
    lines: comparison.lines.map((l) => ({ ...l, inCurrency: { aMean: c(l.aMeanUsd), bMean: c(l.bMeanUsd), delta: c(l.deltaUsd) } })),
    breaches,
    currency: currencyHead(currency),
  };
}
