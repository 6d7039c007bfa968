/**
 * A reconciliation for a terminal: each line with its estimate, billed cost and the
 * difference in money and percent (and under it the bill's usage types and both
 * quantities), then what the bill has that the estimate lacks and the reverse, then the
 * totals, the bill's adjustments and what was skipped.
 */
import type { Reconciliation } from '../reconcile/index.js';
import { billDescription, billOnlyReason, count, estimateDescription, estimateDiscountLabel, quantity, signedPercent, reconcileMoney, skippedText } from './reconcile-format.js';
import { currencyNoteLines, type DisplayCurrency } from './format-money.js';

/** `currency`: each amount in it too, beside USD, and the rate said once at the end. */
export function renderReconciliationText(r: Reconciliation, estimateFile: string, currency?: DisplayCurrency): string {
  const { usd, signedUsd } = reconcileMoney(currency);
  const out: string[] = [
    `Reconciling ${estimateFile} with ${r.bill.file}`,
    `Estimate  ${estimateDescription(r)}`,
    `Bill      ${billDescription(r)}`,
    '',
  ];

  const header = ['Line', 'Estimate', 'Billed', 'Difference', 'Difference %'];
  const rows = r.lines.map((l) => [
    `${l.service}: ${l.item}`,
    l.estimate.costUsdCents === null ? 'UNPRICED' : usd(l.estimate.costUsdCents),
    usd(l.billed.costUsdCents),
    signedUsd(l.difference.costUsdCents),
    signedPercent(l.difference.costUsd, l.estimate.costUsd),
  ]);
  const compared = r.totals.compared;
  const totalRow = ['Lines on both', usd(compared.estimate.costUsdCents), usd(compared.billed.costUsdCents), signedUsd(compared.difference.costUsdCents), signedPercent(compared.difference.costUsd, compared.estimate.costUsd)];
  const widths = header.map((h, i) => Math.max(h.length, totalRow[i]?.length ?? 0, ...rows.map((row) => (row[i] as string).length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  out.push(format(header), rule);
  if (r.lines.length === 0) out.push('(no line of the estimate is on the bill)');
  r.lines.forEach((l, i) => {
    out.push(format(rows[i] as string[]));
    const types = `${l.usageTypes.join(', ')} [${l.confidence}]`;
    const billed =
      l.billed.quantity === null
        ? `estimated ${quantity(l.estimate.quantity)} ${l.unit}; the export has no quantities`
        : `${quantity(l.estimate.quantity)} → ${quantity(l.billed.quantity)} ${l.unit} (${signedPercent(l.difference.quantity, l.estimate.quantity)})`;
    out.push(`  ${types}: ${billed}`);
  });
  out.push(rule, format(totalRow), '');

  out.push('On the bill, not in the estimate:');
  if (r.billOnly.length === 0) out.push('  nothing');
  for (const l of r.billOnly) {
    const what = [l.productName, l.usageTypes.join(', ')].filter((t) => t !== '').join(' ');
    const where = [l.product, l.region].filter((t) => t !== '').join(', ');
    const amount = l.quantity === null ? '' : `${quantity(l.quantity)}${l.unit ? ` ${l.unit}` : ''}, `;
    out.push(`  ${what} (${where}): ${amount}${usd(l.costUsdCents)}; ${billOnlyReason(l, r.estimate.region)}`);
  }
  out.push('In the estimate, not on the bill:');
  if (r.estimateOnly.length === 0) out.push('  nothing');
  for (const l of r.estimateOnly) {
    out.push(`  ${l.service}: ${l.item} (${l.region}): ${quantity(l.quantity)} ${l.unit}, ${l.costUsdCents === null ? 'UNPRICED' : usd(l.costUsdCents)}`);
  }
  out.push('');

  const t = r.totals;
  const totals: string[][] = [
    ['Totals', 'Estimate', 'Billed', 'Difference', ''],
    ['  Lines on both', usd(t.compared.estimate.costUsdCents), usd(t.compared.billed.costUsdCents), signedUsd(t.compared.difference.costUsdCents), `(${signedPercent(t.compared.difference.costUsd, t.compared.estimate.costUsd)})`],
    ['  On the bill only', '—', usd(t.billOnly.costUsdCents), '', ''],
    ['  In the estimate only', usd(t.estimateOnly.costUsdCents), '—', '', ''],
    ['  All usage', usd(t.usage.estimate.costUsdCents), usd(t.usage.billed.costUsdCents), signedUsd(t.usage.difference.costUsdCents), `(${signedPercent(t.usage.difference.costUsd, t.usage.estimate.costUsd)})`],
  ];
  if (t.estimateDiscount) totals.push([`  ${estimateDiscountLabel(r, { billNote: true })}`, usd(t.estimateDiscount.costUsdCents), '', '', '']);
  const totalWidths = [0, 1, 2, 3, 4].map((i) => Math.max(...totals.map((row) => (row[i] as string).length)));
  for (const row of totals) {
    out.push(
      row
        .map((c, i) => (i === 0 ? c.padEnd(totalWidths[i] as number) : i === 4 ? c : c.padStart(totalWidths[i] as number)))
        .join('  ')
        .trimEnd(),
    );
  }
  out.push('');

  out.push('Adjustments on the bill (listed as billed, not compared):');
  if (r.adjustments.length === 0) out.push('  none');
  const adjustmentRows = r.adjustments.map((a) => [
    `  ${a.lineItemType}`,
    a.product === '' ? '(no product)' : `${a.productName} (${a.product})`,
    count(a.rows, 'row'),
    usd(a.costUsdCents),
  ]);
  const adjustmentWidths = [0, 1, 2, 3].map((i) => Math.max(0, ...adjustmentRows.map((row) => (row[i] as string).length)));
  for (const row of adjustmentRows) out.push(row.map((c, i) => (i === 3 ? c.padStart(adjustmentWidths[i] as number) : c.padEnd(adjustmentWidths[i] as number))).join('  '));
  out.push(`Bill total, usage and adjustments (skipped rows left out): ${usd(t.billed.costUsdCents)}`);

  const skipped = skippedText(r, currency);
  if (skipped) out.push(skipped);
  if (r.notes.length > 0) out.push('Notes:', ...r.notes.map((n) => `  - ${n}`));
  out.push(...currencyNoteLines(currency));
  return `${out.join('\n')}\n`;
}
