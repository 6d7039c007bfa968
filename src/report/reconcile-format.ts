/**
 * How a reconciliation's figures read in text, Markdown and CSV: money to the cent with a
 * sign for differences, percentages to one decimal, quantities to at most six decimals.
 */
import { Money, formatQuantity, groupThousands } from '../pricing/decimal.js';
import type { BillOnlyLine, Reconciliation } from '../reconcile/index.js';
import { withCurrency, type DisplayCurrency } from './format-money.js';

/** `$1.50`, `−$5.00`. */
export function usd(cents: string): string {
  const money = new Money(cents);
  return `${money.isNegative() && !money.isZero() ? '−' : ''}$${groupThousands(money.abs().toFixed(2))}`;
}

/** A difference: `+$0.01`, `−$0.03`, `$0.00`; `—` when it cannot be computed. */
export function signedUsd(cents: string | null): string {
  if (cents === null) return '—';
  const money = new Money(cents);
  return money.isZero() ? '$0.00' : `${money.isNegative() ? '−' : '+'}${usd(money.abs().toFixed(2))}`;
}

/**
 * The money formatters of a reconciliation's text and Markdown: `usd` and `signedUsd`,
 * each followed by the same amount in the display currency when there is one (the
 * amount shown, to the cent, converted): `$1.50 (EUR 0.75)`.
 */
export function reconcileMoney(currency: DisplayCurrency | undefined): { usd: (cents: string) => string; signedUsd: (cents: string | null) => string } {
  return {
    usd: (cents) => withCurrency(usd(cents), cents, currency),
    signedUsd: (cents) => (cents === null ? signedUsd(cents) : withCurrency(signedUsd(cents), cents, currency)),
  };
}

/**
 * difference ÷ base in percent, one decimal, from the exact figures (not from the JSON's
 * two-decimal percent, which would round twice): `+0.1 %`, `−25.0 %`, `0.0 %`; `—` when
 * there is nothing to compare with.
 */
export function signedPercent(difference: string | null, base: string | null): string {
  if (difference === null || base === null) return '—';
  const d = new Money(difference);
  const b = new Money(base);
  if (b.isZero()) return d.isZero() ? '0.0 %' : '—';
  const value = d.dividedBy(b).times(100).toDecimalPlaces(1, Money.ROUND_HALF_UP);
  return value.isZero() ? '0.0 %' : `${value.isNegative() ? '−' : '+'}${value.abs().toFixed(1)} %`;
}

/** At most six decimals, grouped thousands; `≈` when digits were dropped. */
export function quantity(text: string): string {
  const value = new Money(text);
  const shown = value.decimalPlaces() > 6 ? value.toDecimalPlaces(6) : value;
  return `${shown.equals(value) ? '' : '≈ '}${formatQuantity(shown)}`;
}

export function estimateDescription(r: Reconciliation): string {
  const e = r.estimate;
  const runs =
    e.runsSource === 'month'
      ? 'the usage document\'s month'
      : `${groupThousands(String(e.runs))} Map Run${e.runs === 1 ? '' : 's'} (${e.runsSource === 'flag' ? `--runs; the result is priced for ${groupThousands(String(e.runsPerMonth))} a month` : 'the result\'s runsPerMonth'})`;
  const options = [
    `free tier ${e.freeTier ? 'subtracted' : 'not subtracted'}`,
    ...(e.discountPercent > 0 ? [`${e.discountPercent} % discount`] : []),
    ...(e.savingsPlan ? [`a Compute Savings Plan${e.savingsPlan.discountPercent !== undefined ? ` at ${e.savingsPlan.discountPercent} %` : ''}`] : []),
  ];
  return `${e.name}: ${e.region}, ${runs}, catalogue ${e.catalogue.name} ${e.catalogue.version}, ${options.join(', ')}`;
}

/**
 * What the estimate's discount total holds, named as what it is: negotiated discounts, a
 * Compute Savings Plan's saving (its lines are discount lines too), or both. `full` adds
 * the rates and where the bill's counterparts are; without it, the short name (CSV).
 */
export function estimateDiscountLabel(r: Reconciliation, full: { billNote: boolean } | false): string {
  const t = r.totals;
  const plan = r.estimate.savingsPlan;
  const planPart = t.estimateSavingsPlan;
  // The plan's saving may be all of the discount lines, or part of them.
  const negotiated = !planPart || !new Money(t.estimateDiscount?.costUsd ?? '0').equals(new Money(planPart.costUsd));
  if (!full) return `Estimate's ${[...(negotiated ? ['discount'] : []), ...(plan ? ['Compute Savings Plan saving'] : [])].join(' and ')}`;
  const e = r.estimate;
  const byService = Object.entries(e.discounts ?? {}).map(([service, percent]) => `${service} ${percent} %`);
  const rates = e.discountPercent > 0 || byService.length === 0 ? [`${e.discountPercent} %`, ...byService] : byService;
  const discount = `discount (${rates.join(', ')})`;
  const saving = `Compute Savings Plan saving${plan?.discountPercent !== undefined ? ` (${plan.discountPercent} % off Lambda duration)` : ''}`;
  if (!plan) return `Estimate's discount (${rates.join(', ')}${full.billNote ? "; the bill's discounts are adjustments" : ''})`;
  const note = full.billNote ? `; the bill's ${negotiated ? 'discounts and ' : ''}Savings Plan rows are adjustments` : '';
  return `Estimate's ${negotiated ? `${discount} and ` : ''}${saving}${note}`;
}

export function billDescription(r: Reconciliation): string {
  const b = r.bill;
  const kind = b.format === 'cost-explorer' ? 'Cost Explorer export' : b.naming === 'legacy' ? 'Cost and Usage Report (legacy columns)' : 'CUR 2.0';
  const period = b.period.start || b.period.end ? `, usage ${b.period.start ?? '?'} to ${b.period.end ?? '?'}` : '';
  const filters = [
    ...(b.filters.region ? [`--region ${b.filters.region}`] : []),
    ...(b.filters.products ? [`--product ${b.filters.products.join(',')}`] : []),
    ...(b.filters.includeCovered ? ['--include-covered'] : []),
  ];
  const rows =
    b.format === 'cost-explorer'
      ? `${count(b.rows.read, 'row')} read; usage-type columns: ${groupThousands(String(b.rows.usage))} compared, ${groupThousands(String(b.rows.adjustments))} tax, ${groupThousands(String(b.rows.skipped))} skipped`
      : `${count(b.rows.read, 'row')} read: ${groupThousands(String(b.rows.usage))} usage, ${count(b.rows.adjustments, 'adjustment')}, ${groupThousands(String(b.rows.skipped))} skipped`;
  return `${kind}${period}; ${rows}${filters.length > 0 ? `; ${filters.join(' ')}` : ''}`;
}

export function count(n: number, noun: string): string {
  return `${groupThousands(String(n))} ${noun}${n === 1 ? '' : 's'}`;
}

const SKIP_WORDS: Record<string, string> = {
  otherProduct: 'of services dmap does not price',
  productFilter: 'of products left out by --product',
  otherRegion: 'of other Regions (--region)',
  unpricedUsageType: 'of usage types dmap does not price',
  notData: 'that are neither a date nor the total',
};

/** "Skipped 3 rows of services dmap does not price (AmazonEC2 3 rows, $7.49), ..." */
export function skippedText(r: Reconciliation, currency?: DisplayCurrency): string | undefined {
  const { usd } = reconcileMoney(currency);
  if (r.bill.skipped.length === 0) return undefined;
  const groups = new Map<string, typeof r.bill.skipped>();
  for (const s of r.bill.skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s]);
  const parts = [...groups.entries()].map(([reason, items]) => {
    const rows = items.reduce((n, s) => n + s.rows, 0);
    const detail = items
      .map((s) => {
        const money = new Money(s.costUsd);
        return `${s.key === '' ? '(none)' : s.key} ${count(s.rows, 'row')}${money.isZero() ? '' : `, ${usd(money.toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2))}`}`;
      })
      .join('; ');
    return `${count(rows, 'row')} ${SKIP_WORDS[reason] ?? reason} (${detail})`;
  });
  return `Skipped: ${parts.join('; ')}.`;
}

export function billOnlyReason(line: BillOnlyLine, estimateRegion: string): string {
  if (line.reason === 'notPriced') return 'a usage type dmap does not price';
  if (line.reason === 'ambiguous') return `used by several services (${(line.candidates ?? []).join(', ')}): export grouped by service too, or reconcile with a CUR`;
  return line.region === estimateRegion ? `priced by dmap as ${line.priceKey}; the estimate has none` : `priced by dmap as ${line.priceKey}; the estimate is for ${estimateRegion}`;
}
