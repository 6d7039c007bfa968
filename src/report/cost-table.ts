/**
 * Cost lines as a plain-text table for a terminal: service, item, quantity, unit price
 * and cost, with the totals under it. Costs are shown to the cent, so the lines add up
 * to the "as AWS bills" total; the exact total is shown beside it.
 */
import { Money, formatQuantity, groupThousands } from '../pricing/decimal.js';
import { usdCents } from './report-sections.js';
import type { CostLine, CostReport } from '../pricing/index.js';

export function renderCostTable(report: CostReport, title = 'Cost'): string {
  const header = ['Service', 'Item', 'Quantity', 'Unit price', 'Cost'];
  // Exact figures live in the JSON and CSV; the table shows at most six decimals.
  const rows = report.lines.map((l) => [l.service, l.item, `${formatQuantity(new Money(l.quantity).toDecimalPlaces(6))} ${l.unit}`, unitPrice(l), cost(l)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const totalWidth = rule.length;
  const lines = [
    `${title}: ${report.region}, catalogue ${report.catalogue.name} ${report.catalogue.version} (prices as of ${report.catalogue.effectiveDate}), free tier ${report.options.freeTier ? 'subtracted' : 'not subtracted'}${report.options.discountPercent > 0 ? `, ${report.options.discountPercent} % discount` : ''}${report.options.priceOverrides.length > 0 ? `, custom prices for ${report.options.priceOverrides.join(', ')}` : ''}`,
    '',
    format(header),
    rule,
    ...rows.map(format),
    rule,
    `${'Total as AWS bills (each line rounded to cents)'}`.padEnd(totalWidth - 16) + usdCents(report.totalUsdAwsRounded).padStart(16),
    `${'Total, exact (to six decimals)'}`.padEnd(totalWidth - 22) + `$${groupThousands(new Money(report.totalUsd).toFixed(6))}`.padStart(22),
  ];
  if (report.unpricedKeys.length > 0) lines.push('Both totals exclude the UNPRICED lines.');
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function unitPrice(line: CostLine): string {
  if (line.unitPriceUsd === null) return 'UNPRICED';
  if (line.kind === 'discount') return `${new Money(line.unitPriceUsd).times(-100).toFixed()} %`;
  return `$${line.unitPriceUsd}${line.per === '1' ? '' : ` per ${formatQuantity(new Money(line.per))}`}`;
}

function cost(line: CostLine): string {
  return line.costUsdCents === null ? 'UNPRICED' : usdCents(line.costUsdCents);
}
