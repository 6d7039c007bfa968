/// <reference lib="dom" />
/**
 * The settings panel: one labelled control per field, grouped, each with its start value
 * and a reset button when moved; numbers have a slider and a number box (both reachable
 * by keyboard), choices a select. Controls report a new value; the page decides what runs.
 */
import { describeDistribution } from '../../random/describe-distribution.js';
import { formatCount } from '../../report/format-duration.js';
import { acceptsValue, type Control, type ControlValue, type NumberControl, type ScaleControl } from '../controls.js';
import { positionOfValue, SLIDER_STEPS, valueAtPosition, type SliderRange } from '../slider-scale.js';
import { scaledField, valueOf, MAX_PAGE_RUNS, MAX_SEED, type StudioState } from '../studio-state.js';
import { scaleDistribution } from '../../random/scale-distribution.js';
import { append, el, replaceChildren } from './dom.js';

export interface ControlEvents {
  /** A control's new value; undefined puts it back to its start. */
  onValue(control: Control, value: ControlValue | undefined): void;
  onRunsSeed(runs: number, seed: number): void;
  onResetAll(): void;
}

interface Bound {
  control: Control;
  /** Shows `value` without reporting it. */
  show(value: ControlValue | undefined): void;
  setInvalid(message: string | undefined): void;
}

export class ControlsPanel {
  private readonly bound = new Map<string, Bound>();
  private runsInput!: HTMLInputElement;
  private seedInput!: HTMLInputElement;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly controls: readonly Control[],
    private readonly events: ControlEvents,
  ) {
    form.addEventListener('submit', (event) => event.preventDefault());
    let n = 0;
    const groups = new Map<string, HTMLFieldSetElement>();
    append(form, this.simulationGroup());
    for (const control of controls) {
      let fieldset = groups.get(control.group);
      if (!fieldset) {
        fieldset = el('fieldset', { class: 'group' }, el('legend', {}, control.group));
        groups.set(control.group, fieldset);
        append(form, fieldset);
      }
      const id = `control-${++n}`;
      const bound = control.kind === 'choice' ? this.choice(control, id) : this.numeric(control, id);
      this.bound.set(control.id, bound.bound);
      append(fieldset, bound.element);
    }
    const reset = el('button', { type: 'button', class: 'button reset-all', id: 'reset-all' }, 'Back to the scenario\'s values');
    reset.addEventListener('click', () => events.onResetAll());
    append(form, el('div', { class: 'panel-actions' }, reset));
  }

  /** Shows a state (after a link was opened, a sweep point applied, a reset). */
  show(state: StudioState): void {
    for (const bound of this.bound.values()) bound.show(valueOf(state, bound.control));
    this.runsInput.value = String(state.runs);
    this.seedInput.value = String(state.seed);
    this.form.querySelectorAll<HTMLElement>('.control').forEach((element) => {
      const id = element.dataset.controlId;
      element.classList.toggle('changed', id !== undefined && Object.hasOwn(state.values, id));
    });
  }

  /** Marks the controls whose fields a problem names; clears the others. */
  markProblems(problems: ReadonlyArray<{ field?: string; message: string }>): void {
    for (const [id, bound] of this.bound) {
      const problem = problems.find((p) => p.field !== undefined && (p.field === id || p.field.startsWith(`${id}.`) || id.startsWith(`${p.field}.`)));
      bound.setInvalid(problem?.message);
    }
  }

  private simulationGroup(): HTMLFieldSetElement {
    this.runsInput = el('input', { type: 'number', id: 'runs', name: 'runs', min: 1, max: MAX_PAGE_RUNS, step: 1, inputmode: 'numeric', 'aria-describedby': 'runs-help' });
    this.seedInput = el('input', { type: 'number', id: 'seed', name: 'seed', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric', 'aria-describedby': 'seed-help' });
    const commit = () => {
      const runs = Number(this.runsInput.value);
      const seed = Number(this.seedInput.value);
      const runsOk = Number.isInteger(runs) && runs >= 1 && runs <= MAX_PAGE_RUNS;
      const seedOk = Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
      this.runsInput.setAttribute('aria-invalid', String(!runsOk));
      this.seedInput.setAttribute('aria-invalid', String(!seedOk));
      if (runsOk && seedOk) this.events.onRunsSeed(runs, seed);
    };
    this.runsInput.addEventListener('change', commit);
    this.seedInput.addEventListener('change', commit);
    return el(
      'fieldset',
      { class: 'group' },
      el('legend', {}, 'Simulation'),
      el(
        'div',
        { class: 'control pair' },
        el('div', {}, el('label', { for: 'runs' }, 'Runs'), this.runsInput, el('p', { class: 'help', id: 'runs-help' }, `Replications, 1 to ${formatCount(MAX_PAGE_RUNS)}.`)),
        el('div', {}, el('label', { for: 'seed' }, 'Seed'), this.seedInput, el('p', { class: 'help', id: 'seed-help' }, 'Same seed, same figures.')),
      ),
    );
  }

  private choice(control: Extract<Control, { kind: 'choice' }>, id: string): { element: HTMLElement; bound: Bound } {
    const select = el('select', { id, name: control.id, 'aria-describedby': `${id}-help` });
    if (control.asWritten) append(select, el('option', { value: '' }, control.asWritten));
    for (const option of control.options) append(select, el('option', { value: option.value }, option.label));
    select.addEventListener('change', () => this.events.onValue(control, select.value === '' ? undefined : select.value));
    const help = el('p', { class: 'help', id: `${id}-help` });
    const element = this.wrap(control, id, select, help);
    const startText = control.start === undefined ? control.asWritten ?? 'unset' : control.options.find((o) => o.value === control.start)?.label ?? String(control.start);
    return {
      element,
      bound: {
        control,
        show: (value) => {
          select.value = value === undefined ? '' : String(value);
        },
        setInvalid: (message) => setHelp(select, help, control.help, `start: ${startText}`, message),
      },
    };
  }

  private numeric(control: NumberControl | ScaleControl, id: string): { element: HTMLElement; bound: Bound } {
    const range: SliderRange =
      control.kind === 'scale' ? { min: control.min, max: control.max, scale: 'log', integer: false } : { min: control.min, max: control.max, scale: control.scale, integer: control.integer };
    const slider = el('input', { type: 'range', id: `${id}-slider`, min: 0, max: SLIDER_STEPS, step: 1, 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-help`, class: 'slider' });
    const box = el('input', {
      type: 'number',
      id,
      name: control.id,
      min: control.min,
      max: control.max,
      step: control.kind === 'scale' ? 0.01 : control.integer ? 1 : 'any',
      inputmode: control.kind === 'number' && control.integer ? 'numeric' : 'decimal',
      'aria-describedby': `${id}-help`,
      placeholder: control.kind === 'number' && control.optional ? 'not set' : undefined,
      class: 'number',
    });
    const output = control.kind === 'scale' ? el('output', { for: id, class: 'scaled', id: `${id}-output` }) : undefined;
    const help = el('p', { class: 'help', id: `${id}-help` });
    const startText = describeStart(control);

    // Where the slider last was: a step must move the value the way the slider moved.
    let position = 0;
    const show = (value: ControlValue | undefined) => {
      const n = typeof value === 'number' ? value : undefined;
      box.value = n === undefined ? '' : String(n);
      // A value the slider is already at keeps its position (values are rounded: several positions give one).
      if (n === undefined || valueAtPosition(range, position) !== n) position = n === undefined ? 0 : positionOfValue(range, n);
      slider.value = String(position);
      slider.setAttribute('aria-valuetext', n === undefined ? 'not set' : valueText(control, n));
      if (output && control.kind === 'scale') output.textContent = describeScaled(control, n ?? 1);
    };
    slider.addEventListener('input', () => {
      let next = Number(slider.value);
      const direction = Math.sign(next - position);
      const previous = box.value === '' ? undefined : Number(box.value);
      let value = valueAtPosition(range, next);
      // From a value off the rounded grid (1,024 MB), the first step could round back past it.
      while (previous !== undefined && direction !== 0 && next > 0 && next < SLIDER_STEPS && (direction > 0 ? value <= previous : value >= previous)) {
        next += direction;
        value = valueAtPosition(range, next);
      }
      position = next;
      slider.value = String(next);
      box.value = String(value);
      slider.setAttribute('aria-valuetext', valueText(control, value));
      if (output && control.kind === 'scale') output.textContent = describeScaled(control, value);
      box.removeAttribute('aria-invalid');
      this.events.onValue(control, value);
    });
    box.addEventListener('change', () => {
      const text = box.value.trim();
      if (text === '') {
        this.events.onValue(control, undefined);
        return;
      }
      const value = Number(text);
      if (!acceptsValue(control, value)) {
        setHelp(box, help, control.help, `start: ${startText}`, `must be ${control.kind === 'number' && control.integer ? 'a whole number' : 'a number'} from ${formatCount(control.min)} to ${formatCount(control.max)}`);
        return;
      }
      position = positionOfValue(range, value);
      slider.value = String(position);
      slider.setAttribute('aria-valuetext', valueText(control, value));
      if (output && control.kind === 'scale') output.textContent = describeScaled(control, value);
      this.events.onValue(control, value);
    });
    const inputs = el('div', { class: 'inputs' }, slider, control.kind === 'scale' ? el('span', { class: 'unit', 'aria-hidden': 'true' }, '×') : null, box);
    const element = this.wrap(control, id, inputs, output ?? null, help);
    return { element, bound: { control, show, setInvalid: (message) => setHelp(box, help, control.help, `start: ${startText}`, message) } };
  }

  private wrap(control: Control, id: string, ...children: Array<HTMLElement | null>): HTMLElement {
    const reset = el('button', { type: 'button', class: 'reset', title: `Back to the scenario's value`, 'aria-label': `Reset ${control.label} to the scenario's value` }, '↺');
    reset.addEventListener('click', () => this.events.onValue(control, undefined));
    const unit = control.kind === 'number' && control.unit !== '' ? el('span', { class: 'unit-label' }, ` (${control.unit})`) : null;
    const label = el('label', { for: id, id: `${id}-label` }, control.label, unit);
    const element = el('div', { class: 'control', 'data-control-id': control.id }, el('div', { class: 'control-head' }, label, reset), ...children);
    const help = children.find((c): c is HTMLElement => c?.classList.contains('help') ?? false);
    if (help) setHelp(null, help, control.help, `start: ${describeStart(control)}`, undefined);
    return element;
  }
}

function setHelp(input: HTMLElement | null, help: HTMLElement, text: string, start: string, problem: string | undefined): void {
  input?.setAttribute('aria-invalid', String(problem !== undefined));
  replaceChildren(help, problem ? el('strong', { class: 'problem' }, problem) : null, problem ? ' ' : null, text, ' ', el('span', { class: 'start' }, `(${start})`));
}

function describeStart(control: Control): string {
  if (control.kind === 'scale') return `×1, ${describeDistribution(control.spec, control.unit)}`;
  if (control.kind === 'choice') return control.start === undefined ? control.asWritten ?? 'unset' : String(control.start);
  if (control.start === undefined) return control.unsetMeans ?? 'not set';
  return `${formatCount(control.start as number)}${control.start === 0 && control.zeroMeans ? `; ${control.zeroMeans}` : ''}`;
}

function valueText(control: NumberControl | ScaleControl, value: number): string {
  return control.kind === 'scale' ? `times ${value}` : `${formatCount(value)} ${control.unit}`;
}

function describeScaled(control: ScaleControl, factor: number): string {
  const spec = typeof control.written === 'number' ? { type: 'constant' as const, value: scaledField(control, factor) as number } : scaleDistribution(control.spec, factor);
  return describeDistribution(spec, control.unit);
}
