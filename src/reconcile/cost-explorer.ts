/**
 * A Cost Explorer CSV export grouped by usage type, read as reconcile needs it. Pure.
 *
 * The console's "Download as CSV" of a cost report grouped by Usage type is a wide table
 * [M: AWS documents no layout; the shape below is what exported files show, as several
 * public parsers of them agree]: a header `Usage type,<usage type>($),...,Total costs($)`,
 * a row `Usage type total` with each column's total for the whole range, then one row per
 * day or month (`2025-10-01`). Costs only: no quantities, no product, no line item type.
 * AWS Cost Management User Guide, "Using the Cost Explorer chart" and "Downloading the cost
 * data CSV file": https://docs.aws.amazon.com/cost-management/latest/userguide/ce-chart.html
 */
import type { InputProblem } from '../errors.js';

export interface CostExplorerColumn {
  index: number;
  usageType: string;
}

export interface CostExplorerHeader {
  width: number;
  columns: CostExplorerColumn[];
}

const GROUP_LABEL = /^usage ?type$/i;
const COST_SUFFIX = /^(.*?)\s*\(\s*(\$|USD)\s*\)$/i;
const ANY_SUFFIX = /^(.*?)\s*\(([^)]*)\)$/;
const TOTAL_COLUMN = /^total\b/i;
const TOTAL_ROW = /^usage ?type total$/i;
const PERIOD_ROW = /^\d{4}-\d{2}(-\d{2})?$/;

/** True when the first header cell is the "Usage type" group label. */
export function looksLikeCostExplorer(header: readonly string[]): boolean {
  return GROUP_LABEL.test((header[0] ?? '').trim());
}

export function resolveCostExplorerHeader(header: readonly string[], file: string, line: number): CostExplorerHeader | InputProblem[] {
  const first = (header[0] ?? '').trim();
  if (!GROUP_LABEL.test(first)) {
    return [
      {
        file,
        line,
        field: 'column 1',
        message: 'a Cost Explorer export grouped by usage type starts with a "Usage type" column; export the report with "Group by: Usage type"',
        value: first,
      },
    ];
  }
  const problems: InputProblem[] = [];
  const columns: CostExplorerColumn[] = [];
  header.forEach((cell, index) => {
    if (index === 0) return;
    const name = cell.trim();
    const cost = COST_SUFFIX.exec(name);
    if (cost) {
      if (!TOTAL_COLUMN.test(cost[1] as string)) columns.push({ index, usageType: (cost[1] as string).trim() });
      return;
    }
    if (TOTAL_COLUMN.test(name)) return;
    const unit = ANY_SUFFIX.exec(name);
    problems.push({
      file,
      line,
      field: `column ${index + 1}`,
      message: unit
        ? `shows ${unit[2]}, not costs: export the report with a cost metric (columns end in "($)")`
        : 'is not a cost column ("<usage type>($)")',
      value: name,
    });
  });
  return problems.length > 0 ? problems : { width: header.length, columns };
}

export type CostExplorerRowKind = 'total' | 'period' | 'other';

export function costExplorerRowKind(label: string): CostExplorerRowKind {
  const text = label.trim();
  if (TOTAL_ROW.test(text)) return 'total';
  return PERIOD_ROW.test(text) ? 'period' : 'other';
}
