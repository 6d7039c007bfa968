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

describe("a simulation's cost-lines.csv", () => {
  it('says which run or statistic every row holds: the first run\'s month, its cost per run, then mean, P50 and P90 per run and per month', async () => {
    const { renderCostCsv: render } = await import('../../src/report/cost-csv.js');
    const { costCsvOptions } = await import('../../src/report/report-files.js');
    const { json, run } = await simulate(
      { name: 'monthly', itemReader: { source: 'inline', itemCount: 50 }, lambda: { perItemDurationMs: 33 }, pricing: { runsPerMonth: 30 } },
      { runs: 5 },
    );
    const rows = parse(render(run.first.cost.monthly, costCsvOptions(json)), { columns: true }) as Array<Record<string, string>>;
    const lines = rows.filter((r) => r['kind'] !== 'statistic');
    for (const row of lines) expect(row['statistic'], row['item']).toBe('replication 0');
    expect(lines.filter((r) => r['kind'] !== 'total' || r['item'] !== 'Cost per run (exact)').every((r) => r['scope'] === 'month of 30 runs')).toBe(true);
    expect(rows.find((r) => r['item'] === 'Cost per run (exact)')).toMatchObject({ scope: 'run', cost_usd: json.cost.perRunUsd.slice(0, 14) });
    const total = (statistic: string, scope: string) => Number(rows.find((r) => r['kind'] === 'statistic' && r['item'] === 'Total' && r['statistic'] === statistic && r['scope'] === scope)?.['cost_usd']);
    expect(total('p90', 'run')).toBeCloseTo(json.summary.costUsd.p90, 8);
    expect(total('p90', 'month of 30 runs')).toBeCloseTo(json.summary.costUsd.p90 * 30, 6);
    expect(total('p50', 'month of 30 runs')).toBeCloseTo(json.summary.monthlyCostUsd.p50, 8);
    const perLine = rows.filter((r) => r['kind'] === 'statistic' && r['item'] === 'Duration (x86)');
    expect(perLine.map((r) => `${r['statistic']} ${r['scope']}`)).toEqual(['mean run', 'mean month of 30 runs', 'p50 run', 'p50 month of 30 runs', 'p90 run', 'p90 month of 30 runs']);
  });
});
