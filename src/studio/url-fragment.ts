/**
 * The page's state in the URL fragment, so a link reproduces a view: the run count, the
 * seed, then every control moved from its start as `path=value`, the field paths that
 * `dmap sweep --vary` takes; a factor on a distribution reads `x1.25`. For example
 * `#runs=200&seed=1&itemBatcher.maxItemsPerBatch=100&lambda.perItemDurationMs=x1.25`.
 * A fragment never reaches a server. Reading one keeps what it can and lists what it
 * ignored (an unknown field, a value out of range), never throws. Pure.
 */
import { acceptsValue, type Control, type ControlValue } from './controls.js';
import { MAX_PAGE_RUNS, MAX_SEED, withValue, type StudioBase, type StudioState } from './studio-state.js';

export function encodeFragment(base: StudioBase, state: StudioState): string {
  const parts = [`runs=${state.runs}`, `seed=${state.seed}`];
  for (const control of base.controls) {
    if (!Object.hasOwn(state.values, control.id)) continue;
    const value = state.values[control.id] as ControlValue;
    parts.push(`${encodeURIComponent(control.id)}=${encodeURIComponent(control.kind === 'scale' ? `x${value}` : String(value))}`);
  }
  return parts.join('&');
}

export interface DecodedFragment {
  state: StudioState;
  /** `key=value` entries left out, each with why. */
  ignored: string[];
}

/** The state a fragment (with or without its `#`) describes, starting from `start` for what it does not say. */
export function decodeFragment(base: StudioBase, fragment: string, start: StudioState): DecodedFragment {
  let state: StudioState = { ...start, values: {} };
  const ignored: string[] = [];
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = decode(at < 0 ? part : part.slice(0, at));
    const raw = at < 0 ? undefined : decode(part.slice(at + 1));
    if (key === undefined || raw === undefined) {
      ignored.push(`${part}: not a field=value pair`);
      continue;
    }
    if (key === 'runs' || key === 'seed') {
      const max = key === 'runs' ? MAX_PAGE_RUNS : MAX_SEED;
      const min = key === 'runs' ? 1 : 0;
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (Number.isSafeInteger(n) && n >= min && n <= max) state = { ...state, [key]: n };
      else ignored.push(`${key}=${raw}: must be a whole number from ${min} to ${max}`);
      continue;
    }
    const control = base.controls.find((c) => c.id === key);
    if (!control) {
      ignored.push(`${key}: not a field this page has a control for`);
      continue;
    }
    const value = parseValue(control, raw);
    if (value === undefined || !acceptsValue(control, value)) {
      ignored.push(`${key}=${raw}: ${describeRule(control)}`);
      continue;
    }
    state = withValue(state, control, value);
  }
  return { state, ignored };
}

function parseValue(control: Control, raw: string): ControlValue | undefined {
  if (control.kind === 'choice') return raw;
  const text = control.kind === 'scale' ? (raw.startsWith('x') ? raw.slice(1) : undefined) : raw;
  if (text === undefined || text.trim() === '' || !/^[-+0-9.eE]+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function describeRule(control: Control): string {
  switch (control.kind) {
    case 'number':
      return `must be a ${control.integer ? 'whole ' : ''}number from ${control.min} to ${control.max}`;
    case 'choice':
      return `must be one of ${control.options.map((o) => o.value).join(', ')}`;
    case 'scale':
      return `must be a factor such as x1.25, from x${control.min} to x${control.max}`;
  }
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
