/// <reference lib="dom" />
/**
 * The figures of the current settings: P50/P90 wall time and cost with their 95 %
 * intervals, the chance the Map Run fails, throttles, what bounds the run, each with its
 * change from the start; the comparison with the start; the review warnings; the cost
 * lines. All from the `dmap simulate --json` document the page computed.
 */
import { compareResults, formatDelta, formatMetricValue, metricLabel, type MetricDelta } from '../../planner/compare.js';
import { describeBottleneck } from '../../report/bottleneck.js';
import { formatCount, formatDuration } from '../../report/format-duration.js';
import { currencyNote, formatUsd, formatUsdFine, inCurrency, withCurrency } from '../../report/format-money.js';
import { runMeta, runStatus } from '../../report/report-sections.js';
import type { SimulationJson } from '../../report/simulation-json.js';
import { el, replaceChildren } from './dom.js';

const seconds = (s: number) => formatDuration(s * 1000);
const percent = (p: number) => `${(p * 100).toFixed(p === 0 || p === 1 ? 0 : 1)} %`;

/** Money per run as the page shows it: USD, and the display currency beside it when the page was written with one. */
function moneyOf(json: SimulationJson): (usd: number) => string {
  const currency = json.cost.currency;
  return (usd) => withCurrency(formatUsdFine(usd), usd, currency);
}

interface Card {
  id: string;
  label: string;
  value: string;
  /** The value in the display currency, on its own line under it (a headline too long for one line otherwise). */
  valueInCurrency?: string;
  detail: string;
  /** Change from the start, in words; undefined when there is no start yet. */
  delta?: { text: string; direction: 'better' | 'worse' | 'same' };
}

export function renderFigures(container: HTMLElement, json: SimulationJson, start: SimulationJson | undefined): void {
  const s = json.summary;
  const ci = (pair: [number, number], f: (v: number) => string) => `95 % CI ${f(pair[0])} – ${f(pair[1])}`;
  const delta = (now: number, then: number | undefined, format: (v: number) => string, lowerIsBetter = true): Card['delta'] => {
    if (then === undefined) return undefined;
    const d = now - then;
    if (d === 0) return { text: 'same as the start', direction: 'same' };
    const pct = then === 0 ? '' : ` (${d > 0 ? '+' : '−'}${Math.abs((d / then) * 100).toFixed(1)} %)`;
    return { text: `${d > 0 ? '+' : '−'}${format(Math.abs(d))}${pct} from the start`, direction: (d < 0) === lowerIsBetter ? 'better' : 'worse' };
  };
  const st = start?.summary;
  const money = moneyOf(json);
  const currency = json.cost.currency;
  const costCard = (usd: number) => ({ value: formatUsdFine(usd), ...(currency ? { valueInCurrency: inCurrency(formatUsdFine(usd), usd, currency) } : {}) });
  const throttles = s.counters.throttles;
  const cards: Card[] = [
    { id: 'time-p50', label: 'Wall time P50', value: seconds(s.wallTimeSeconds.p50), detail: ci(s.wallTimeSeconds.ci95.p50, seconds), delta: delta(s.wallTimeSeconds.p50, st?.wallTimeSeconds.p50, seconds) },
    { id: 'time-p90', label: 'Wall time P90', value: seconds(s.wallTimeSeconds.p90), detail: ci(s.wallTimeSeconds.ci95.p90, seconds), delta: delta(s.wallTimeSeconds.p90, st?.wallTimeSeconds.p90, seconds) },
    { id: 'cost-p50', label: 'Cost per run P50', ...costCard(s.costUsd.p50), detail: ci(s.costUsd.ci95.p50, money), delta: delta(s.costUsd.p50, st?.costUsd.p50, money) },
    { id: 'cost-p90', label: 'Cost per run P90', ...costCard(s.costUsd.p90), detail: ci(s.costUsd.ci95.p90, money), delta: delta(s.costUsd.p90, st?.costUsd.p90, money) },
    {
      id: 'failure',
      label: 'Map Run fails',
      value: percent(s.failure.probability),
      detail: `${formatCount(s.failure.runsFailed)} of ${formatCount(json.runs)} runs, ${ci(s.failure.ci95, percent)}`,
      delta: delta(s.failure.probability, st?.failure.probability, (v) => `${(v * 100).toFixed(1)} points`),
    },
    {
      id: 'throttles',
      label: 'Throttles P50 / P90',
      value: throttles ? `${formatCount(throttles.p50)} / ${formatCount(throttles.p90)}` : 'n/a',
      detail: json.usage.tasks ? 'attempts refused by Lambda or a service quota, per run' : 'invocations Lambda rejected, per run',
      delta: throttles ? delta(throttles.p90, st?.counters.throttles?.p90, (v) => `${formatCount(v)} at P90`) : undefined,
    },
  ];
  replaceChildren(
    container,
    ...cards.map((card) =>
      el(
        'div',
        { class: 'card', 'data-figure': card.id },
        el('div', { class: 'card-label' }, card.label),
        el('div', { class: 'card-value' }, card.value),
        card.valueInCurrency ? el('div', { class: 'card-currency' }, card.valueInCurrency) : null,
        el('div', { class: 'card-detail' }, card.detail),
        card.delta ? el('div', { class: `card-delta delta-${card.delta.direction}` }, card.delta.text) : null,
      ),
    ),
  );
}

export function renderStatusLine(container: HTMLElement, json: SimulationJson): void {
  const status = runStatus(json);
  replaceChildren(
    container,
    el('span', { class: `status ${status.ok ? 'status-ok' : 'status-failed'}` }, el('span', { 'aria-hidden': 'true' }, status.ok ? '✔ ' : '✖ '), status.text),
    ' ',
    el('span', { class: 'meta' }, runMeta(json)),
  );
}

export function renderBottleneck(container: HTMLElement, json: SimulationJson, start: SimulationJson | undefined): void {
  const b = json.bottleneck;
  const changed = start && start.bottleneck.verdict !== b.verdict ? ` (at the start: ${start.bottleneck.verdict})` : '';
  replaceChildren(container, el('strong', {}, 'Bounded by '), `${describeBottleneck(b)}${changed}.`);
}

/** The comparison with the start: P50, P90 and mean of time and cost, failures, throttles, and the verdict. */
export function renderComparison(container: HTMLElement, json: SimulationJson, start: SimulationJson | undefined): void {
  if (!start) {
    replaceChildren(container, el('p', { class: 'muted' }, 'The start is still being simulated.'));
    return;
  }
  const comparison = compareResults(start, json);
  const currency = json.cost.currency;
  const rows = comparison.metrics.map((m: MetricDelta) =>
    row(metricLabel(m.metric), formatMetricValue(m.metric, m.a, currency), formatMetricValue(m.metric, m.b, currency), formatDelta(m, currency), m.delta),
  );
  const pf = (j: SimulationJson) => j.summary.failure.probability;
  rows.push(row('Map Run fails', percent(pf(start)), percent(pf(json)), signed(pf(json) - pf(start), (v) => `${(v * 100).toFixed(1)} points`), pf(json) - pf(start)));
  const t = (j: SimulationJson) => j.summary.counters.throttles?.p90 ?? 0;
  rows.push(row('Throttles P90', formatCount(t(start)), formatCount(t(json)), signed(t(json) - t(start), formatCount), t(json) - t(start)));
  rows.push(row('Bounded by', start.bottleneck.verdict, json.bottleneck.verdict, start.bottleneck.verdict === json.bottleneck.verdict ? 'same' : 'changed', 0));
  const at = (metric: MetricDelta['metric']) => comparison.metrics.find((m) => m.metric === metric) as MetricDelta;
  const verdict = `At P90, ${timeWords(at('time-p90'))} and ${costWords(at('cost-p90'), moneyOf(json))} than the start.`;
  const same = comparison.metrics.every((m) => m.delta === 0) && pf(json) === pf(start);
  replaceChildren(
    container,
    el('p', { class: 'verdict' }, same ? 'The same figures as the start.' : verdict),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'data compare' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Figure'), el('th', { scope: 'col', class: 'num' }, 'Start'), el('th', { scope: 'col', class: 'num' }, 'Now'), el('th', { scope: 'col', class: 'num' }, 'Change'))),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}

function timeWords(m: MetricDelta): string {
  return m.delta === 0 ? 'the same wall time' : `${seconds(Math.abs(m.delta))} ${m.delta > 0 ? 'slower' : 'faster'}`;
}

function costWords(m: MetricDelta, money: (usd: number) => string): string {
  if (m.delta === 0) return 'the same cost per run';
  const pct = m.deltaPercent === null ? '' : ` (${Math.abs(m.deltaPercent).toFixed(1)} %)`;
  return `${money(Math.abs(m.delta))}${pct} ${m.delta > 0 ? 'more' : 'less'} per run`;
}

function row(label: string, a: string, b: string, change: string, delta: number): HTMLTableRowElement {
  return el('tr', { class: delta === 0 ? '' : delta > 0 ? 'up' : 'down' }, el('th', { scope: 'row' }, label), el('td', { class: 'num' }, a), el('td', { class: 'num' }, b), el('td', { class: 'num' }, change));
}

function signed(delta: number, format: (v: number) => string): string {
  return delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** The review warnings of the run and the scenario's own warnings. */
export function renderWarnings(container: HTMLElement, json: SimulationJson): void {
  const items = json.warnings.map((w) =>
    w.title !== undefined
      ? el(
          'div',
          { class: `callout callout-${w.severity === 'warning' ? 'warning' : 'info'}`, role: 'note' },
          el('p', { class: 'callout-title' }, el('span', { class: 'callout-label' }, w.severity === 'warning' ? '⚠ Warning' : 'ℹ Note'), ' ', w.title),
          el('p', {}, w.message),
        )
      : el('div', { class: 'callout callout-info', role: 'note' }, el('p', { class: 'callout-title' }, el('span', { class: 'callout-label' }, 'ℹ Scenario'), ' ', w.field ?? ''), el('p', {}, w.message)),
  );
  replaceChildren(
    container,
    ...(items.length > 0 ? items : [el('p', { class: 'callout callout-ok' }, el('span', { class: 'callout-label' }, '✔ Nothing to flag'), ' No review warnings for these settings.')]),
  );
}

/** Cost per run by line across the runs, with the start's mean beside it. */
export function renderCostLines(container: HTMLElement, json: SimulationJson, start: SimulationJson | undefined): void {
  const lines = json.summary.costByLine;
  const keys = [...new Set([...Object.keys(lines), ...Object.keys(start?.summary.costByLine ?? {})])].sort();
  const perRun = moneyOf(json);
  const money = (v: number | undefined) => (v === undefined ? '—' : perRun(v));
  const rows = keys.map((key) => {
    const now = lines[key];
    const then = start?.summary.costByLine[key];
    const d = (now?.mean ?? 0) - (then?.mean ?? 0);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, key),
      el('td', { class: 'num' }, money(now?.p50)),
      el('td', { class: 'num' }, money(now?.p90)),
      el('td', { class: 'num' }, money(now?.mean)),
      el('td', { class: 'num' }, start ? money(then?.mean ?? 0) : '—'),
      el('td', { class: 'num' }, start ? signed(d, perRun) : '—'),
    );
  });
  const total = json.summary.costUsd;
  replaceChildren(
    container,
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { class: 'data cost-lines' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Line'),
            el('th', { scope: 'col', class: 'num' }, 'P50'),
            el('th', { scope: 'col', class: 'num' }, 'P90'),
            el('th', { scope: 'col', class: 'num' }, 'Mean'),
            el('th', { scope: 'col', class: 'num' }, 'Start mean'),
            el('th', { scope: 'col', class: 'num' }, 'Change'),
          ),
        ),
        el('tbody', {}, ...rows),
        el(
          'tfoot',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, 'Cost per run'),
            el('td', { class: 'num' }, perRun(total.p50)),
            el('td', { class: 'num' }, perRun(total.p90)),
            el('td', { class: 'num' }, perRun(total.mean)),
            el('td', { class: 'num' }, start ? perRun(start.summary.costUsd.mean) : '—'),
            el('td', { class: 'num' }, start ? signed(total.mean - start.summary.costUsd.mean, perRun) : '—'),
          ),
        ),
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      `Per run, across ${formatCount(json.runs)} runs; priced with ${json.cost.catalogue.name} ${json.cost.catalogue.version} (as of ${json.cost.catalogue.effectiveDate}) in ${json.cost.region}${json.cost.freeTier ? ', free tier subtracted' : ''}. ${json.cost.runsPerMonth > 1 ? `A month of ${formatCount(json.cost.runsPerMonth)} runs of the first run: ${withCurrency(formatUsd(Number(json.cost.monthlyTotalUsdAwsRounded)), json.cost.monthlyTotalUsdAwsRounded, json.cost.currency)}.` : ''}${json.cost.currency ? ` ${currencyNote(json.cost.currency)}.` : ''}`,
    ),
  );
}

/** Problems with the settings (the scenario validation's, the work guard's): the figures stay those of the last valid settings. */
export function renderProblems(container: HTMLElement, problems: ReadonlyArray<{ field?: string; message: string; value?: unknown }> | undefined): void {
  if (!problems || problems.length === 0) {
    replaceChildren(container);
    container.hidden = true;
    return;
  }
  container.hidden = false;
  replaceChildren(
    container,
    el('p', { class: 'callout-title' }, el('span', { class: 'callout-label' }, '✖ Not simulated'), ` These settings are not a valid scenario; the figures below are still the last valid ones.`),
    el(
      'ul',
      {},
      ...problems.map((p) => el('li', {}, p.field ? el('code', {}, p.field) : null, p.field ? ': ' : null, p.message, p.value !== undefined ? ` (${shortValue(p.value)})` : null)),
    ),
  );
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
