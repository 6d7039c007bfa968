/**
 * Cost lines as a plain-text table for a terminal: service, item, quantity, unit price
 * and cost, with the totals under it. Costs are shown to the cent, so the lines add up
 * to the "as AWS bills" total; the exact total is shown beside it.
 */
import { Money, formatQuantity, groupThousands } from '../pricing/decimal.js';
import { usdCents } from './report-sections.js';
import type { CostLine, CostReport } from '../pricing/index.js';
import { currencyNote, withCurrency, type DisplayCurrency } from './format-money.js';
import { pricingOptionsText } from './summary-text.js';

export function renderCostTable(report: CostReport, title = 'Cost', currency?: DisplayCurrency): string {
  const header = ['Service', 'Item', 'Quantity', 'Unit price', 'Cost'];
  // Exact figures live in the JSON and CSV; the table shows at most six decimals.
  const rows = report.lines.map((l) => [l.service, l.item, `${formatQuantity(new Money(l.quantity).toDecimalPlaces(6))} ${l.unit}`, unitPrice(l), cost(l, currency)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const totalWidth = rule.length;
  const lines = [
    `${title}: ${report.region}, catalogue ${report.catalogue.name} ${report.catalogue.version} (prices as of ${report.catalogue.effectiveDate}), ${pricingOptionsText(report.options)}`,
    '',
    format(header),
    rule,
    ...rows.map(format),
    rule,
    totalRow('Total as AWS bills (each line rounded to cents)', withCurrency(usdCents(report.totalUsdAwsRounded), report.totalUsdAwsRounded, currency), totalWidth),
    totalRow('Total, exact (to six decimals)', withCurrency(`$${groupThousands(new Money(report.totalUsd).toFixed(6))}`, report.totalUsd, currency), totalWidth),
  ];
  if (currency) lines.push(currencyNote(currency));
  if (report.unpricedKeys.length > 0) lines.push('Both totals exclude the UNPRICED lines.');
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function unitPrice(line: CostLine): string {
  if (line.unitPriceUsd === null) return 'UNPRICED';
  if (line.kind === 'discount') return `${new Money(line.unitPriceUsd).times(-100).toFixed()} %`;
  return `$${line.unitPriceUsd}${line.per === '1' ? '' : ` per ${formatQuantity(new Money(line.per))}`}`;
}

function cost(line: CostLine, currency: DisplayCurrency | undefined): string {
  return line.costUsdCents === null ? 'UNPRICED' : withCurrency(usdCents(line.costUsdCents), line.costUsdCents, currency);
}

/** A total's label and amount, the amount right-aligned under the Cost column. */
function totalRow(label: string, amount: string, width: number): string {
  const room = Math.max(amount.length + 2, 16);
  return label.padEnd(width - room) + amount.padStart(room);
}
