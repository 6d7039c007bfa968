/// <reference lib="dom" />
/**
 * The sweep panel: pick one or two fields and a few values each, run every combination
 * from the current settings, and see the table, the Pareto frontier of P90 time against
 * P90 cost and the balanced recommendation; "Apply" moves the controls to a point.
 */
import { isSafe } from '../../planner/point-result.js';
import { formatCount, formatDuration } from '../../report/format-duration.js';
import { formatUsdFine, withCurrency, type DisplayCurrency } from '../../report/format-money.js';
import type { Control, ControlValue } from '../controls.js';
import { MAX_SWEEP_POINTS, type FrontierResult, type SweepAxis } from '../frontier.js';
import { parseBudgetUsd, parseDeadlineSeconds } from '../../planner/parse-goal.js';
import { DEFAULT_CONFIDENCE, type Goal } from '../../planner/recommend.js';
import { valueOf, type StudioState } from '../studio-state.js';
import { frontierChartConfig, SingleChart } from './charts-ui.js';
import { append, el, replaceChildren } from './dom.js';

export interface SweepEvents {
  onRun(axes: SweepAxis[], runsPerPoint: number, goal: Goal): void;
  onCancel(): void;
  onApply(state: StudioState): void;
}

const DEFAULT_RUNS_PER_POINT = 50;

export class SweepPanel {
  private readonly fields: HTMLSelectElement[] = [];
  private readonly values: HTMLInputElement[] = [];
  private readonly runs: HTMLInputElement;
  private readonly deadline: HTMLInputElement;
  private readonly budget: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly result: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private chart: SingleChart | undefined;
  private state: StudioState;

  constructor(
    container: HTMLElement,
    private readonly controls: readonly Control[],
    state: StudioState,
    private readonly events: SweepEvents,
    /** The display currency the page was written with, shown beside USD. */
    private readonly currency?: DisplayCurrency,
  ) {
    this.state = state;
    const form = el('form', { id: 'sweep-form', class: 'sweep-form', novalidate: true });
    for (const n of [1, 2]) {
      const select = el('select', { id: `sweep-field-${n}`, name: `sweep-field-${n}` });
      if (n === 2) append(select, el('option', { value: '' }, 'none'));
      for (const control of controls) append(select, el('option', { value: control.id }, `${control.label} (${control.id})`));
      const input = el('input', { type: 'text', id: `sweep-values-${n}`, name: `sweep-values-${n}`, 'aria-describedby': 'sweep-values-help', spellcheck: 'false', autocomplete: 'off' });
      select.addEventListener('change', () => (input.value = this.suggest(select.value)));
      this.fields.push(select);
      this.values.push(input);
      append(
        form,
        el(
          'div',
          { class: 'sweep-axis' },
          el('div', {}, el('label', { for: select.id }, n === 1 ? 'First field' : 'Second field'), select),
          el('div', {}, el('label', { for: input.id }, 'Values'), input),
        ),
      );
    }
    this.runs = el('input', { type: 'number', id: 'sweep-runs', name: 'sweep-runs', min: 1, max: 1000, step: 1, value: DEFAULT_RUNS_PER_POINT, inputmode: 'numeric' });
    this.deadline = el('input', { type: 'text', id: 'sweep-deadline', name: 'sweep-deadline', placeholder: 'e.g. 2m', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'sweep-goal-help' });
    this.budget = el('input', { type: 'text', id: 'sweep-budget', name: 'sweep-budget', placeholder: 'e.g. 0.60', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'sweep-goal-help' });
    this.runButton = el('button', { type: 'submit', class: 'button primary', id: 'sweep-run' }, 'Run the sweep');
    this.cancelButton = el('button', { type: 'button', class: 'button', id: 'sweep-cancel', disabled: true }, 'Stop');
    this.cancelButton.addEventListener('click', () => events.onCancel());
    append(
      form,
      el('p', { class: 'help', id: 'sweep-values-help' }, `Values separated by commas; a per-item time is a factor (0.75, 1, 1.25). At most ${MAX_SWEEP_POINTS} configurations, all from the current settings and seed.`),
      el(
        'div',
        { class: 'sweep-actions' },
        el('div', {}, el('label', { for: 'sweep-runs' }, 'Runs per configuration'), this.runs),
        el('div', {}, el('label', { for: 'sweep-deadline' }, 'Deadline (optional)'), this.deadline),
        el('div', {}, el('label', { for: 'sweep-budget' }, 'Budget per run, USD (optional)'), this.budget),
        this.runButton,
        this.cancelButton,
      ),
      el('p', { class: 'help', id: 'sweep-goal-help' }, `With a deadline or a budget, the recommendation is the cheapest (or fastest) configuration that meets it in at least ${DEFAULT_CONFIDENCE * 100} % of runs, and configurations clearly out stop early, as \`dmap sweep\` races them.`),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.status = el('p', { id: 'sweep-status', class: 'muted', role: 'status', 'aria-live': 'polite' });
    this.result = el('div', { id: 'sweep-result' });
    append(container, form, this.status, this.result);
    const first = controls.find((c) => c.id === 'itemBatcher.maxItemsPerBatch') ?? controls[0];
    if (first) {
      (this.fields[0] as HTMLSelectElement).value = first.id;
      (this.values[0] as HTMLInputElement).value = this.suggest(first.id);
    }
  }

  /** The settings the suggestions start from. */
  setState(state: StudioState): void {
    this.state = state;
  }

  running(on: boolean): void {
    this.runButton.disabled = on;
    this.cancelButton.disabled = !on;
  }

  showStatus(text: string): void {
    this.status.textContent = text;
  }

  showResult(result: FrontierResult, axes: readonly SweepAxis[], current: StudioState): void {
    const frontier = new Set(result.frontier);
    const recommended = result.recommendation.pointIndex;
    const withGoal = result.goal.deadlineSeconds !== undefined || result.goal.budgetUsd !== undefined;
    const header = el(
      'tr',
      {},
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Frontier or recommended')),
      ...axes.map((axis) => el('th', { scope: 'col' }, axis.control.label)),
      ...['P50 time', 'P90 time', 'P50 cost', 'P90 cost', 'Fails', ...(withGoal ? ['Meets the goal'] : [])].map((h) => el('th', { scope: 'col', class: 'num' }, h)),
      el('th', { scope: 'col' }, 'Flags'),
      el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Apply')),
    );
    const rows = result.points.map(({ result: p, state }) => {
      const apply = el('button', { type: 'button', class: 'button small', 'aria-label': `Apply ${describe(p.settings, axes)}` }, 'Apply');
      apply.addEventListener('click', () => this.events.onApply(state));
      const marks = [p.index === recommended ? ['→', 'recommended'] : undefined, frontier.has(p.index) ? ['★', 'on the frontier'] : undefined].filter((m) => m !== undefined);
      const mark = el('td', { class: 'mark', title: marks.map((m) => m[1]).join(', ') || undefined }, ...marks.flatMap(([symbol, words]) => [el('span', { 'aria-hidden': 'true' }, symbol), el('span', { class: 'visually-hidden' }, ` ${words} `)]));
      return el(
        'tr',
        { class: [frontier.has(p.index) ? 'on-frontier' : '', p.index === recommended ? 'recommended' : ''].filter(Boolean).join(' ') || undefined },
        mark,
        ...axes.map((axis) => el('td', {}, valueText(axis.control, p.settings[axis.control.id] as ControlValue))),
        el('td', { class: 'num' }, formatDuration(p.wallTimeSeconds.p50 * 1000)),
        el('td', { class: 'num' }, formatDuration(p.wallTimeSeconds.p90 * 1000)),
        el('td', { class: 'num' }, withCurrency(formatUsdFine(p.costUsd.p50), p.costUsd.p50, this.currency)),
        el('td', { class: 'num' }, withCurrency(formatUsdFine(p.costUsd.p90), p.costUsd.p90, this.currency)),
        el('td', { class: 'num' }, `${(p.failureProbability * 100).toFixed(0)} %`),
        withGoal ? el('td', { class: 'num' }, p.goal ? `${(p.goal.probability * 100).toFixed(0)} % of ${formatCount(p.goal.runs)}` : '—') : null,
        el('td', {}, p.flags.join('; ')),
        el('td', {}, apply),
      );
    });
    const canvas = el('canvas', { 'data-chart-id': 'frontier', role: 'img', 'aria-label': 'P90 wall time against P90 cost per run, one point per configuration; the frontier joined up' });
    replaceChildren(
      this.result,
      el('p', { class: 'recommendation' }, el('strong', {}, 'Recommendation: '), result.recommendation.reason),
      el('div', { class: 'table-wrap' }, el('table', { class: 'data sweep' }, el('thead', {}, header), el('tbody', {}, ...rows))),
      el(
        'p',
        { class: 'muted' },
        `${formatCount(result.points.length)} configurations × up to ${formatCount(result.runsPerPoint)} runs, seed ${current.seed}${result.race.enabled ? `; raced: ${formatCount(result.race.replications)} of ${formatCount(result.race.fullGridReplications)} replications run` : ''}. → recommended; ★ on the frontier: no other configuration that neither fails nor times out is both as fast and as cheap at P90.`,
      ),
      el('figure', { class: 'chart' }, el('h3', {}, 'P90 wall time against P90 cost'), el('div', { class: 'chart-box small' }, canvas)),
    );
    this.chart = new SingleChart(canvas);
    this.chart.show(
      frontierChartConfig(
        result.points.map(({ result: p, state }) => ({
          label: describe(p.settings, axes),
          timeSeconds: p.wallTimeSeconds.p90,
          costUsd: p.costUsd.p90,
          onFrontier: frontier.has(p.index),
          safe: isSafe(p),
          current: sameValues(state, current),
        })),
      ),
    );
  }

  resize(): void {
    this.chart?.resize();
  }

  private submit(): void {
    const axes: SweepAxis[] = [];
    const problems: string[] = [];
    this.fields.forEach((select, i) => {
      const control = this.controls.find((c) => c.id === select.value);
      if (!control) return;
      const text = (this.values[i] as HTMLInputElement).value;
      const values = text
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
        .map((v) => (control.kind === 'choice' ? v : Number(v.replace(/^[x×]/, ''))));
      if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) problems.push(`${control.label}: the values must be numbers separated by commas`);
      axes.push({ control, values: [...new Set(values)] });
    });
    const runs = Number(this.runs.value);
    if (!Number.isInteger(runs) || runs < 1 || runs > 1000) problems.push('Runs per configuration: a whole number from 1 to 1,000');
    const goal: Goal = {};
    if (this.deadline.value.trim() !== '') {
      const seconds = parseDeadlineSeconds(this.deadline.value);
      if (seconds === undefined) problems.push('Deadline: a duration such as 10m, 90s or 1h30m');
      else goal.deadlineSeconds = seconds;
    }
    if (this.budget.value.trim() !== '') {
      const usd = parseBudgetUsd(this.budget.value);
      if (usd === undefined) problems.push('Budget: an amount in USD above 0, such as 5 or $0.50');
      else goal.budgetUsd = usd;
    }
    if (goal.deadlineSeconds !== undefined && goal.budgetUsd !== undefined) problems.push('Give a deadline or a budget, not both');
    if (problems.length > 0) {
      this.showStatus(problems.join('; '));
      return;
    }
    this.events.onRun(axes, runs, goal);
  }

  /** Values around the current one: half, the same and double (a factor: ×0.75, ×1, ×1.25); a choice's options. */
  private suggest(id: string): string {
    const control = this.controls.find((c) => c.id === id);
    if (!control) return '';
    const current = valueOf(this.state, control);
    if (control.kind === 'choice') {
      const options = control.options.map((o) => o.value);
      return (options.length <= 5 ? options : [current ?? options[0]]).join(', ');
    }
    const v = typeof current === 'number' ? current : control.kind === 'number' ? Math.max(control.min, 1) : 1;
    const candidates = control.kind === 'scale' ? [v * 0.75, v, v * 1.25] : [v / 2, v, v * 2];
    const clamp = (x: number) => Math.min(control.max, Math.max(control.min, x));
    const rounded = candidates.map((x) => clamp(control.kind === 'number' && control.integer ? Math.round(x) : Number(x.toPrecision(3))));
    return [...new Set(rounded)].join(', ');
  }
}

function valueText(control: Control, value: ControlValue): string {
  if (control.kind === 'scale') return `×${value}`;
  return typeof value === 'number' ? formatCount(value) : value;
}

function describe(settings: Record<string, unknown>, axes: readonly SweepAxis[]): string {
  return axes.map((axis) => `${axis.control.label} ${valueText(axis.control, settings[axis.control.id] as ControlValue)}`).join(', ');
}

function sameValues(a: StudioState, b: StudioState): boolean {
  const ka = Object.keys(a.values);
  return ka.length === Object.keys(b.values).length && ka.every((k) => Object.hasOwn(b.values, k) && b.values[k] === a.values[k]);
}
