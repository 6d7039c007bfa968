/**
 * What the page is showing: the seed, the run count and the controls moved away from the
 * scenario's own values (nothing else: the scenario itself is in the page). Applying a
 * state to the scenario as written goes the way a sweep point does
 * (src/planner/sweep-points.ts: the same field paths, the same memory reference), and the
 * result is validated like any scenario file. Pure.
 */
import { pointDocument } from '../planner/sweep-points.js';
import { withValueAtKeys, type VariationValue } from '../planner/variation.js';
import { scaleDistribution } from '../random/scale-distribution.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { acceptsValue, type Control, type ControlValue, type ScaleControl } from './controls.js';

export interface StudioState {
  seed: number;
  runs: number;
  /** Control id → value, only for controls away from their start. */
  values: Record<string, ControlValue>;
}

/** What a state applies to: the scenario as written and as validated, and its controls. */
export interface StudioBase {
  document: unknown;
  scenario: Scenario;
  controls: readonly Control[];
  /** The pricing flags' pricing, in place of the document's (no control changes pricing). */
  pricing?: Scenario['pricing'];
}

/** Most runs the page runs at once: enough for tight intervals, few enough to stay interactive. */
export const MAX_PAGE_RUNS = 10_000;
export const MAX_SEED = 2 ** 32 - 1;

/** One control moved away from its start. */
export interface Change {
  control: Control;
  from: ControlValue | undefined;
  to: ControlValue;
}

/** The changes of `state`, in the controls' order. */
export function changesOf(base: StudioBase, state: StudioState): Change[] {
  return base.controls.filter((c) => Object.hasOwn(state.values, c.id)).map((control) => ({ control, from: control.start, to: state.values[control.id] as ControlValue }));
}

/**
 * `state` with one control set: a value equal to the control's start (or undefined, the
 * start of an optional field left unset) removes the change.
 */
export function withValue(state: StudioState, control: Control, value: ControlValue | undefined): StudioState {
  const values = { ...state.values };
  if (value === undefined || value === control.start) delete values[control.id];
  else values[control.id] = value;
  return { ...state, values };
}

/** A state's value for a control: the change, or the start. */
export function valueOf(state: StudioState, control: Control): ControlValue | undefined {
  return Object.hasOwn(state.values, control.id) ? state.values[control.id] : control.start;
}

/**
 * The scenario as written with the state's changes applied: a factor on a distribution
 * replaces that distribution, scaled; every other control sets its field, as `--vary`
 * would. Values a control does not accept are an error here, not a silent clamp.
 */
export function applyState(base: StudioBase, state: StudioState): unknown {
  let document = base.document;
  const settings: Record<string, VariationValue> = {};
  for (const { control, to } of changesOf(base, state)) {
    if (!acceptsValue(control, to)) throw new RangeError(`${control.id}: ${String(to)} is not a value this control takes`);
    if (control.kind === 'scale') document = withValueAtKeys(document, control.keys, scaledField(control, to as number));
    else settings[control.id] = to;
  }
  return pointDocument(document, base.scenario, settings);
}

/** A distribution field times `factor`, written as the scenario wrote it: a bare number stays a number. */
export function scaledField(control: ScaleControl, factor: number): unknown {
  return typeof control.written === 'number' ? control.written * factor : scaleDistribution(control.spec, factor);
}
