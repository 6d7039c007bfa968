/**
 * The sections every report format shares, as plain data: status, headline figures,
 * cost table, Map Run counts. The HTML and Markdown renderers format them. Pure.
 */
import { Money, formatQuantity, groupThousands } from '../pricing/decimal.js';
import type { CostLine } from '../pricing/index.js';
import { formatCount, formatDuration } from './format-duration.js';
import { currencyNote, formatUsd, inCurrency, withCurrency } from './format-money.js';
import { pricingOptionsText } from './summary-text.js';
import type { ReviewWarning } from './report-model.js';
import { sumOverFunctions } from '../model/index.js';
import type { SimulationJson } from './simulation-json.js';
import { readingPhrase } from './bottleneck.js';

export interface Figure {
  label: string;
  value: string;
  /** A money value in the display currency (`EUR 0.5840`): beside `value` in text, on its own line in a card. */
  valueInCurrency?: string;
  /** A second line: the interval, or what the figure counts. */
  detail?: string;
}

/** Whether every run succeeded, and a one-line status. */
export function runStatus(r: SimulationJson): { ok: boolean; text: string } {
  const failed = r.summary.failure.runsFailed;
  if (r.runs === 1) {
    return r.mapRun.status === 'SUCCEEDED'
      ? { ok: true, text: `SUCCEEDED in ${seconds(r.mapRun.wallTimeSeconds)}` }
      : { ok: false, text: `FAILED${r.mapRun.error ? ` (${r.mapRun.error})` : ''} after ${seconds(r.mapRun.wallTimeSeconds)}` };
  }
  return failed === 0
    ? { ok: true, text: `SUCCEEDED in all ${formatCount(r.runs)} runs` }
    : { ok: false, text: `FAILED in ${formatCount(failed)} of ${formatCount(r.runs)} runs` };
}

/** One line under the title: what was simulated and how. */
export function runMeta(r: SimulationJson): string {
  return [
    `${formatCount(r.mapRun.itemCounts.total)} items`,
    `${formatCount(r.mapRun.executionCounts.total)} ${r.mapRun.executionType} child executions`,
    `seed ${r.seed}`,
    `${formatCount(r.runs)} run${r.runs === 1 ? '' : 's'}`,
    ...(r.scenario.file !== undefined ? [r.scenario.file] : []),
  ].join(' · ');
}

/** The headline figures: wall time, cost per run, failures, throttles, cold starts. */
export function headlineFigures(r: SimulationJson): Figure[] {
  const s = r.summary;
  const many = r.runs > 1;
  const wall = s.wallTimeSeconds;
  const cost = s.costUsd;
  // No-break spaces keep "1 m 20 s" on one line when a card wraps.
  const ci = (pair: [number, number], f: (v: number) => string) => `95 % CI ${nbsp(f(pair[0]))} – ${nbsp(f(pair[1]))}`;
  const counter = (name: string) => s.counters[name];
  const pair = (name: string) => {
    const m = counter(name);
    return m ? `${count(m.p50)} / ${count(m.p90)}` : 'n/a';
  };
  const currency = r.cost.currency;
  const money = (usd: number) => withCurrency(usdFigure(usd), usd, currency);
  const moneyValue = (usdText: string, usd: number | string) => ({ value: usdText, ...(currency ? { valueInCurrency: inCurrency(usdText, usd, currency) } : {}) });
  const figures: Figure[] = many
    ? [
        { label: 'Wall time P50', value: seconds(wall.p50), detail: ci(wall.ci95.p50, seconds) },
        { label: 'Wall time P90', value: seconds(wall.p90), detail: ci(wall.ci95.p90, seconds) },
        { label: 'Cost per run P50', ...moneyValue(usdFigure(cost.p50), cost.p50), detail: `exact, across runs; ${ci(cost.ci95.p50, money)}` },
        { label: 'Cost per run P90', ...moneyValue(usdFigure(cost.p90), cost.p90), detail: `exact, across runs; ${ci(cost.ci95.p90, money)}` },
      ]
    : [
        { label: 'Wall time', value: seconds(r.mapRun.wallTimeSeconds), detail: 'one run' },
        { label: 'Cost per run', ...moneyValue(usdFigure(Number(r.cost.perRunUsd)), Number(r.cost.perRunUsd)), detail: 'one run, exact' },
      ];
  figures.push({
    label: 'Map Run fails',
    value: percent(s.failure.probability),
    detail: `${formatCount(s.failure.runsFailed)} of ${formatCount(r.runs)} runs${many ? `, 95 % CI ${nbsp(percent(s.failure.ci95[0]))} – ${nbsp(percent(s.failure.ci95[1]))}` : ''}`,
  });
  // A long-form child's service calls are throttled by their quotas too.
  const rejected = r.usage.tasks ? 'attempts refused by Lambda or a service quota' : 'invocations Lambda rejected';
  figures.push(
    many
      ? { label: 'Throttles P50 / P90', value: pair('throttles'), detail: `${rejected}, per run` }
      : { label: 'Throttles', value: formatCount(r.mapRun.attempts.throttled), detail: rejected },
  );
  figures.push(
    many
      ? { label: 'Cold starts P50 / P90', value: pair('coldStarts'), detail: 'new execution environments per run' }
      : { label: 'Cold starts', value: formatCount(sumOverFunctions(r.usage, 'coldStarts')), detail: 'new execution environments' },
  );
  if (many && r.cost.runsPerMonth > 1) {
    figures.push({
      label: 'Cost a month P50 / P90',
      value: `${money(s.monthlyCostUsd.p50)} / ${money(s.monthlyCostUsd.p90)}`,
      detail: `${formatCount(r.cost.runsPerMonth)} runs a month like each run, exact`,
    });
  }
  figures.push({
    label: 'Billed a month',
    ...moneyValue(usdCents(r.cost.monthlyTotalUsdAwsRounded), r.cost.monthlyTotalUsdAwsRounded),
    detail: `${formatCount(r.cost.runsPerMonth)} run${r.cost.runsPerMonth === 1 ? '' : 's'} a month like the first, each line rounded to the cent as AWS bills`,
  });
  return figures;
}

export interface CostTableRow {
  kind: CostLine['kind'];
  cells: [service: string, item: string, quantity: string, unit: string, unitPrice: string, costExact: string, costBilled: string];
  /** The exact quantity when the cell shows it rounded; how the cost was computed. */
  quantityExact: string;
  formula: string;
}

export const COST_COLUMNS = ['Service', 'Item', 'Quantity', 'Unit', 'Unit price', 'Cost (exact)', 'Cost (as billed)'] as const;

/** The cost lines and totals: the month's bill for `runsPerMonth` runs of the first run. */
export function costTable(r: SimulationJson): { intro: string; rows: CostTableRow[]; totals: Array<[string, string]>; notes: string[] } {
  const cost = r.cost;
  const currency = cost.currency;
  const exact = (usd: string) => withCurrency(usdExact(usd), usd, currency);
  const billed = (usd: string) => withCurrency(usdCents(usd), usd, currency);
  const rows = cost.lines.map(
    (line): CostTableRow => ({
      kind: line.kind,
      cells: [
        line.service,
        line.item,
        quantityText(line.quantity),
        line.unit,
        unitPriceText(line),
        line.costUsd === null ? 'UNPRICED' : exact(line.costUsd),
        line.costUsdCents === null ? 'UNPRICED' : billed(line.costUsdCents),
      ],
      quantityExact: formatQuantity(new Money(line.quantity)),
      formula: line.formula,
    }),
  );
  const totals: Array<[string, string]> = [
    ['Billed a month (each line rounded to the cent, as AWS bills)', billed(cost.monthlyTotalUsdAwsRounded)],
    ['Cost a month, exact', exact(cost.monthlyTotalUsd)],
    [`First run's cost per run, exact (the month ÷ ${formatCount(cost.runsPerMonth)})`, exact(cost.perRunUsd)],
  ];
  const intro =
    `The month's bill for ${cost.runsPerMonth === 1 ? 'one run' : `${formatCount(cost.runsPerMonth)} runs`} like the first simulated Map Run (replication 0), ` +
    `priced with ${cost.catalogue.name} ${cost.catalogue.version} (prices as of ${cost.catalogue.effectiveDate}) in ${cost.region}; ${pricingOptionsText(cost)}.` +
    (currency ? ` ${currencyNote(currency)}.` : '');
  const notes = [...cost.warnings];
  if (cost.unpriced.length > 0) notes.unshift(`Left out of both totals, for want of a price: ${cost.unpriced.join(', ')}.`);
  return { intro, rows, totals, notes };
}

export const COST_BY_LINE_COLUMNS = ['Line', 'Mean per run', 'P50 per run', 'P90 per run', 'P50 a month', 'P90 a month'] as const;

/**
 * Each cost line across the runs, per run and per month (runsPerMonth runs like each
 * run), with the total last: the P50 and P90 a finance reviewer budgets with. Exact
 * costs, four significant figures, as every per-run figure.
 */
export function costByLineTable(r: SimulationJson): { intro: string; rows: string[][] } {
  const s = r.summary;
  const money = (usd: number) => withCurrency(usdFigure(usd), usd, r.cost.currency);
  const row = (label: string, run: MetricSummaryLike, month: MetricSummaryLike) => [label, money(run.mean), money(run.p50), money(run.p90), money(month.p50), money(month.p90)];
  const rows = Object.keys(s.costByLine).map((key) => row(key, s.costByLine[key] as MetricSummaryLike, s.monthlyCostByLine[key] as MetricSummaryLike));
  rows.push(row('Total', s.costUsd, s.monthlyCostUsd));
  const month = r.cost.runsPerMonth;
  return {
    intro:
      `Each line's cost across the ${formatCount(r.runs)} simulated runs, exact (not rounded to the cent): per run, and a month of ${formatCount(month)} run${month === 1 ? '' : 's'} like each run. ` +
      'Percentiles of lines do not add up to the percentile of the total.',
    rows,
  };
}

type MetricSummaryLike = { mean: number; p50: number; p90: number };

export const COUNT_NAMES = [
  ['pending', 'Pending'],
  ['running', 'Running'],
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
  ['timedOut', 'Timed out'],
  ['aborted', 'Aborted'],
  ['total', 'Total'],
  ['resultsWritten', 'Results written'],
] as const;

/** DescribeMapRun's itemCounts and executionCounts, side by side: [counter, items, executions]. */
export function mapRunCountRows(r: SimulationJson): Array<[string, string, string]> {
  return COUNT_NAMES.map(([key, label]) => [label, formatCount(r.mapRun.itemCounts[key]), formatCount(r.mapRun.executionCounts[key])]);
}

/** The first run's other figures, as label and value. */
export function mapRunDetailRows(r: SimulationJson): Array<[string, string]> {
  const m = r.mapRun;
  const rows: Array<[string, string]> = [
    ['Status', `${m.status}${m.error ? ` (${m.error})` : ''}`],
    ['Wall time', seconds(m.wallTimeSeconds)],
    ['Last child ended', seconds(m.childrenCompleteSeconds)],
    ['Execution type', m.executionType],
    ['MaxConcurrency (effective)', formatCount(m.maxConcurrency)],
    ['Lambda concurrency limit', formatCount(m.lambdaConcurrencyLimit)],
    ['Peak running children', formatCount(m.peakRunningChildren)],
    ['Peak concurrent invocations', formatCount(m.peakConcurrentInvocations)],
    ['Peak execution environments', formatCount(m.peakEnvironments)],
  ];
  if (m.itemReader.listRequests > 0 || m.itemReader.getRequests > 0) {
    rows.push([
      'Item reader',
      `${formatCount(m.itemReader.listRequests)} ListObjectsV2, ${formatCount(m.itemReader.getRequests)} GetObject; ${readingPhrase(m.itemReader, seconds)}`,
    ]);
  }
  rows.push(
    ['Invocation attempts', formatCount(m.attempts.total)],
    ['Throttled attempts', formatCount(m.attempts.throttled)],
    ['Retries', formatCount(m.attempts.retries)],
    ['Caught errors', formatCount(m.attempts.caught)],
  );
  const failures = Object.entries(m.attempts.failuresByError);
  if (failures.length > 0) rows.push(['Failed attempts by error', failures.map(([name, n]) => `${name} × ${formatCount(n)}`).join(', ')]);
  rows.push(
    ['Lambda invocations', formatCount(m.lambda.invocations)],
    ['Lambda duration, summed', seconds(m.lambda.totalDurationSeconds)],
    ['Cold starts', formatCount(sumOverFunctions(r.usage, 'coldStarts'))],
  );
  for (const [name, fn] of Object.entries(m.functions ?? {})) {
    rows.push([
      `Function ${name}`,
      `${formatCount(fn.invocations)} invocations, ${formatCount(fn.throttles)} throttled, ${formatCount(fn.coldStarts)} cold starts, peak ${formatCount(fn.peakConcurrentInvocations)} concurrent`,
    ]);
  }
  for (const task of r.usage.tasks ?? []) {
    rows.push([
      `Task ${task.state.split('.').pop()}`,
      `${task.resource}: ${formatCount(task.calls)} calls, ${formatCount(task.items)} items, ${formatCount(task.throttledAttempts)} throttled attempts${task.quota ? ` (quota ${task.quota})` : ''}`,
    ]);
  }
  if (m.resultWriter) {
    rows.push([
      'ResultWriter',
      `${formatCount(m.resultWriter.files)} result file${m.resultWriter.files === 1 ? '' : 's'} and a manifest, ${formatCount(m.resultWriter.putRequests)} PUT requests, ${formatCount(m.resultWriter.bytes)} bytes in ${seconds(m.resultWriter.writeSeconds)}`,
    ]);
  } else {
    rows.push(['Results returned inline', `${formatCount(m.inlineResultBytes)} bytes (limit 262,144)`]);
  }
  rows.push(['Events simulated', formatCount(r.simulation.eventCount)]);
  return rows;
}

export function warningLabel(w: ReviewWarning): { icon: string; label: string } {
  return w.severity === 'warning' ? { icon: '⚠', label: 'Warning' } : { icon: 'ℹ', label: 'Note' };
}

// ---------------------------------------------------------------------------
// HTML sections.


export function seconds(s: number): string {
  return formatDuration(s * 1000);
}

/** Percentiles of counts interpolate between runs; a whole number reads better. */
export function count(value: number): string {
  return formatCount(Math.round(value));
}

export function nbsp(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

export function percent(share: number): string {
  const text = (share * 100).toFixed(1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text} %`;
}

/**
 * A cost figure with four significant digits (at least cents), so runs that differ by
 * a fraction of a cent do not all read "$0.63"; under a cent, formatUsd's digits.
 */
export function usdFigure(value: number): string {
  const abs = Math.abs(value);
  if (abs < 0.01) return formatUsd(value);
  const decimals = Math.min(6, Math.max(2, 3 - Math.floor(Math.log10(abs))));
  const text = abs.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${value < 0 ? '−' : ''}$${text}`;
}

export function positive(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value) : fallback;
}

/** At most 6 decimals in the table (the exact figure is the cell's tooltip); grouped thousands. */
export function quantityText(quantity: string): string {
  const value = new Money(quantity);
  const shown = value.decimalPlaces() > 6 ? value.toDecimalPlaces(6) : value;
  return `${shown.equals(value) ? '' : '≈ '}${formatQuantity(shown)}`;
}

export function unitPriceText(line: CostLine): string {
  if (line.unitPriceUsd === null) return 'UNPRICED';
  if (line.kind === 'discount') return `${new Money(line.unitPriceUsd).times(-100).toFixed()} %`;
  return `$${line.unitPriceUsd}${line.per === '1' ? '' : ` per ${formatQuantity(new Money(line.per))}`}`;
}

/** An exact decimal as dollars, every digit kept: `$0.6259279451077`, `−$1,234.5`. */
export function usdExact(value: string): string {
  const money = new Money(value);
  return `${money.isNegative() && !money.isZero() ? '−' : ''}$${formatQuantity(money.abs())}`;
}

/** Dollars and cents: `$0.62`, `−$1,234.50`. */
export function usdCents(value: string): string {
  const money = new Money(value);
  return `${money.isNegative() && !money.isZero() ? '−' : ''}$${groupThousands(money.abs().toFixed(2))}`;
}

// ---------------------------------------------------------------------------
// Styles and the script that draws the charts.

