/**
 * `dmap reconcile --json`: the reconciliation as a versioned document (docs/json-output.md),
 * byte-identical for the same estimate, bill, flags and version. With a display currency,
 * each compared line and total has its amounts converted beside the USD ones. Pure.
 */
import { plain } from '../pricing/decimal.js';
import type { Reconciliation } from '../reconcile/index.js';
import type { MoneyPair } from '../reconcile/reconciliation.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { currencyHead } from './currency-json.js';
import { convertUsd, type DisplayCurrency } from './format-money.js';

export const RECONCILE_FORMAT = 'dmap-planner/reconcile';
export const RECONCILE_FORMAT_VERSION = 1;

export function buildReconciliationJson(r: Reconciliation, estimateFile: string, currency?: DisplayCurrency) {
  const head = { format: RECONCILE_FORMAT, formatVersion: RECONCILE_FORMAT_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION }, estimateFile };
  if (!currency) return { ...head, ...r };
  const exact = (usd: string | null) => (usd === null ? null : inCurrency(usd, currency));
  const pair = (p: MoneyPair) => inCurrency(p.costUsd, currency);
  const t = r.totals;
  return {
    ...head,
    ...r,
    lines: r.lines.map((l) => ({ ...l, inCurrency: { estimate: exact(l.estimate.costUsd), billed: exact(l.billed.costUsd), difference: exact(l.difference.costUsd) } })),
    currency: {
      ...currencyHead(currency),
      // The totals' exact USD amounts converted (their cents columns are USD sums, not converted).
      totals: {
        compared: { estimate: pair(t.compared.estimate), billed: pair(t.compared.billed), difference: pair(t.compared.difference) },
        billOnly: pair(t.billOnly),
        estimateOnly: pair(t.estimateOnly),
        usage: { estimate: pair(t.usage.estimate), billed: pair(t.usage.billed), difference: pair(t.usage.difference) },
        ...(t.estimateDiscount ? { estimateDiscount: pair(t.estimateDiscount) } : {}),
        ...(t.estimateSavingsPlan ? { estimateSavingsPlan: pair(t.estimateSavingsPlan) } : {}),
        adjustments: pair(t.adjustments),
        billed: pair(t.billed),
      },
    },
  };
}

/** An exact USD amount in the display currency, to 12 decimals. */
function inCurrency(usd: string, currency: DisplayCurrency): string {
  return plain(convertUsd(usd, currency).toDecimalPlaces(12));
}
