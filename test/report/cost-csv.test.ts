import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCostCsv } from '../../src/report/cost-csv.js';
import { simulate } from '../../src/simulate.js';

describe('cost-lines.csv', () => {
  it('shows at most 12 decimal places where a repeating quotient has 60, and keeps the cents exact', async () => {
    const { run } = await simulate({
      name: 'express',
      executionType: 'EXPRESS',
      itemReader: { source: 'inline', itemCount: 7 },
      lambda: { perItemDurationMs: 33 },
    });
    const report = run.first.cost.monthly;
    // Express GB-hours: billed ms ÷ 1,000 × 64/1,024 ÷ 3,600 repeats forever.
    expect(report.lines.some((l) => (l.quantity.split('.')[1]?.length ?? 0) > 12)).toBe(true);
    const rows = parse(renderCostCsv(report), { columns: true }) as Array<Record<string, string>>;
    for (const row of rows) {
      for (const column of ['quantity', 'cost_usd']) expect((row[column] ?? '').split('.')[1]?.length ?? 0, `${row['item']} ${column}`).toBeLessThanOrEqual(12);
    }
    const byItem = new Map(rows.map((r) => [r['item'], r]));
    for (const line of report.lines) expect(byItem.get(line.item)?.['cost_usd_cents']).toBe(line.costUsdCents);
  });
});
