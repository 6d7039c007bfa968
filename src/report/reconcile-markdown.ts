/**
 * A reconciliation as GitHub Markdown, for a pull request or a wiki: the variance table,
 * the lines only one side has, the totals and the bill's adjustments.
 */
import type { Reconciliation } from '../reconcile/index.js';
import { escapeMarkdown } from './markdown-escape.js';
import { billDescription, billOnlyReason, estimateDescription, estimateDiscountLabel, quantity, signedPercent, reconcileMoney, skippedText } from './reconcile-format.js';
import { currencyNoteLines, type DisplayCurrency } from './format-money.js';

/** `currency`: each amount in it too, beside USD, and the rate said once at the end. */
export function renderReconciliationMarkdown(r: Reconciliation, estimateFile: string, currency?: DisplayCurrency): string {
  const { usd, signedUsd } = reconcileMoney(currency);
  const e = escapeMarkdown;
  const out: string[] = [
    `## Reconciling ${e(estimateFile)} with ${e(r.bill.file)}`,
    '',
    `- **Estimate**: ${e(estimateDescription(r))}`,
    `- **Bill**: ${e(billDescription(r))}`,
    '',
    '| Line | Usage types | Estimated quantity | Billed quantity | Estimate | Billed | Difference | Difference % |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const l of r.lines) {
    out.push(
      `| ${e(`${l.service}: ${l.item}`)} | ${e(`${l.usageTypes.join(', ')} [${l.confidence}]`)} | ${e(`${quantity(l.estimate.quantity)} ${l.unit}`)} | ${
        l.billed.quantity === null ? '—' : e(`${quantity(l.billed.quantity)} ${l.unit}`)
      } | ${l.estimate.costUsdCents === null ? 'UNPRICED' : e(usd(l.estimate.costUsdCents))} | ${e(usd(l.billed.costUsdCents))} | ${e(signedUsd(l.difference.costUsdCents))} | ${e(
        signedPercent(l.difference.costUsd, l.estimate.costUsd),
      )} |`,
    );
  }
  const c = r.totals.compared;
  out.push(`| **Lines on both** | | | | ${e(usd(c.estimate.costUsdCents))} | ${e(usd(c.billed.costUsdCents))} | ${e(signedUsd(c.difference.costUsdCents))} | ${e(signedPercent(c.difference.costUsd, c.estimate.costUsd))} |`, '');

  out.push('### On the bill, not in the estimate', '');
  if (r.billOnly.length === 0) out.push('Nothing.');
  for (const l of r.billOnly) {
    const what = [l.productName, l.usageTypes.join(', ')].filter((t) => t !== '').join(' ');
    const where = [l.product, l.region].filter((t) => t !== '').join(', ');
    const amount = l.quantity === null ? '' : `${quantity(l.quantity)}${l.unit ? ` ${l.unit}` : ''}, `;
    out.push(`- ${e(`${what} (${where}): ${amount}${usd(l.costUsdCents)}; ${billOnlyReason(l, r.estimate.region)}`)}`);
  }
  out.push('', '### In the estimate, not on the bill', '');
  if (r.estimateOnly.length === 0) out.push('Nothing.');
  for (const l of r.estimateOnly) {
    out.push(`- ${e(`${l.service}: ${l.item} (${l.region}): ${quantity(l.quantity)} ${l.unit}, ${l.costUsdCents === null ? 'UNPRICED' : usd(l.costUsdCents)}`)}`);
  }

  const t = r.totals;
  out.push('', '### Totals', '', '| | Estimate | Billed | Difference |', '|---|---:|---:|---:|');
  out.push(`| Lines on both | ${e(usd(t.compared.estimate.costUsdCents))} | ${e(usd(t.compared.billed.costUsdCents))} | ${e(`${signedUsd(t.compared.difference.costUsdCents)} (${signedPercent(t.compared.difference.costUsd, t.compared.estimate.costUsd)})`)} |`);
  out.push(`| On the bill only | — | ${e(usd(t.billOnly.costUsdCents))} | |`);
  out.push(`| In the estimate only | ${e(usd(t.estimateOnly.costUsdCents))} | — | |`);
  out.push(`| **All usage** | ${e(usd(t.usage.estimate.costUsdCents))} | ${e(usd(t.usage.billed.costUsdCents))} | ${e(`${signedUsd(t.usage.difference.costUsdCents)} (${signedPercent(t.usage.difference.costUsd, t.usage.estimate.costUsd)})`)} |`);
  if (t.estimateDiscount) out.push(`| ${estimateDiscountLabel(r, { billNote: false })} | ${e(usd(t.estimateDiscount.costUsdCents))} | | |`);

  out.push('', '### Adjustments on the bill (listed as billed, not compared)', '');
  if (r.adjustments.length === 0) out.push('None.');
  else {
    out.push('| Line item type | Product | Rows | Billed |', '|---|---|---:|---:|');
    for (const a of r.adjustments) out.push(`| ${e(a.lineItemType)} | ${e(a.product === '' ? '(no product)' : `${a.productName} (${a.product})`)} | ${a.rows} | ${e(usd(a.costUsdCents))} |`);
  }
  out.push('', `Bill total, usage and adjustments (skipped rows left out): ${e(usd(t.billed.costUsdCents))}`);
  const skipped = skippedText(r, currency);
  if (skipped) out.push('', e(skipped));
  if (r.notes.length > 0) out.push('', ...r.notes.map((n) => `- ${e(n)}`));
  out.push(...currencyNoteLines(currency).flatMap((l) => ['', `_${e(l)}_`]));
  return `${out.join('\n')}\n`;
}
