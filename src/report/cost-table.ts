/**
 * Cost lines as a plain-text table for a terminal: service, item, quantity, unit price
 * and cost, with the totals under it. Costs are shown to the cent, so the lines add up
 * to the "as AWS bills" total; the exact total is shown beside it.
 */
import { Money, formatQuantity } from '../pricing/decimal.js';
import type { CostLine, CostReport } from '../pricing/index.js';

export function renderCostTable(report: CostReport, title = 'Cost'): string {
  const header = ['Service', 'Item', 'Quantity', 'Unit price', 'Cost'];
  const rows = report.lines.map((l) => [l.service, l.item, `${formatQuantity(new Money(l.quantity))} ${l.unit}`, unitPrice(l), cost(l)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const totalWidth = rule.length;
  const lines = [
    `${title}: ${report.region}, catalogue ${report.catalogue.name} ${report.catalogue.version} (prices as of ${report.catalogue.effectiveDate}), free tier ${report.options.freeTier ? 'subtracted' : 'not subtracted'}${report.options.discountPercent > 0 ? `, ${report.options.discountPercent} % discount` : ''}`,
    '',
    format(header),
    rule,
    ...rows.map(format),
    rule,
    `${'Total as AWS bills (each line rounded to cents)'}`.padEnd(totalWidth - 12) + `$${fixed2(report.totalUsdAwsRounded)}`.padStart(12),
    `${'Total, exact'}`.padEnd(totalWidth - 20) + `$${report.totalUsd}`.padStart(20),
  ];
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function unitPrice(line: CostLine): string {
  if (line.unitPriceUsd === null) return 'UNPRICED';
  if (line.kind === 'discount') return `${new Money(line.unitPriceUsd).times(-100).toFixed()} %`;
  return `$${line.unitPriceUsd}${line.per === '1' ? '' : ` per ${formatQuantity(new Money(line.per))}`}`;
}

function cost(line: CostLine): string {
  if (line.costUsdCents === null) return 'UNPRICED';
  const value = new Money(line.costUsdCents);
  return `${value.isNegative() ? '−' : ''}$${value.abs().toFixed(2)}`;
}

function fixed2(value: string): string {
  return new Money(value).toFixed(2);
}
