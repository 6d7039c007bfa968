/**
 * Reads one value of a definition the way ASL allows it to be given: a literal, a
 * `...Path` field (JSONPath, read from the state input when the state runs), a JSONata
 * `{% %}` expression (evaluated when the state runs), or a template placeholder
 * (`${Limit}`, filled in when the stack is deployed). Only literals are read; the
 * others are reported, never guessed. Pure.
 */
import { markersIn, renderIntrinsic } from './intrinsics.js';
import { isObject, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { ownValue } from '../own-key.js';

export type FieldRead =
  | { kind: 'absent' }
  | { kind: 'value'; value: number; from: string; via?: string }
  | { kind: 'runtime' | 'required' | 'invalid'; message: string; from: string };

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

export function isJsonata(value: unknown): value is string {
  return typeof value === 'string' && /^\s*\{%[\s\S]*%\}\s*$/.test(value);
}

/** `container[name]`, or its `${name}Path` form, as a number. `at` is the container's path, for messages. */
export function readNumberField(container: JsonObject, name: string, at: string, template?: TemplateInfo): FieldRead {
  // An intrinsic function left in an inline Definition (`MaxConcurrency: !Ref Limit`) reads as its `${Limit}` marker.
  const value = isObject(container[name]) ? renderIntrinsic(container[name]) : container[name];
  const from = `${at}.${name}`;
  if (value === undefined || value === null) {
    const path = container[`${name}Path`];
    if (path === undefined) return { kind: 'absent' };
    return {
      kind: 'runtime',
      message: `${name}Path ${JSON.stringify(path)}: read from the state input when the state machine runs`,
      from: `${at}.${name}Path`,
    };
  }
  // 1e400 in JSON, .inf in YAML and 400 digits in a string all read as Infinity: no setting, and no scenario field, can hold it.
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'value', value, from } : notFinite(name, value, from);
  if (isJsonata(value)) return { kind: 'runtime', message: `${name} is the JSONata expression ${JSON.stringify(value)}, evaluated when the state runs`, from };
  if (typeof value === 'string' && NUMBER.test(value)) {
    return Number.isFinite(Number(value)) ? { kind: 'value', value: Number(value), from, via: 'a substituted value' } : notFinite(name, value, from);
  }
  if (typeof value === 'string') {
    const placeholder = deployTimePlaceholder(value, template);
    if (placeholder.kind === 'parameter') return { kind: 'value', value: placeholder.value, from, via: `the default of template parameter ${placeholder.name}` };
    if (placeholder.kind === 'placeholder') {
      return { kind: 'required', message: `${name} is ${JSON.stringify(value)}, a placeholder filled in when the stack is deployed: give the deployed value`, from };
    }
  }
  return { kind: 'invalid', message: `${name} must be a number (got ${JSON.stringify(value)})`, from };
}

/** The number as written is gone by now (JSON.parse made it Infinity), so the message says what is wrong instead of printing Infinity. */
function notFinite(name: string, value: unknown, from: string): FieldRead {
  const sign = (typeof value === 'number' ? value : Number(value)) < 0 ? 'negative ' : '';
  return { kind: 'invalid', message: `${name} is a ${sign}number too large to hold (beyond about 1.8 × 10^308)`, from };
}

type Placeholder = { kind: 'none' } | { kind: 'placeholder' } | { kind: 'parameter'; name: string; value: number };

/** Whether `text` is one `${Name}` marker, and the numeric default of that template parameter if it has one. */
function deployTimePlaceholder(text: string, template: TemplateInfo | undefined): Placeholder {
  const markers = markersIn(text);
  if (markers.length === 0) return { kind: 'none' };
  const name = markers[0] as string;
  const parameter = ownValue(template?.parameters, name);
  const fallback = isObject(parameter) ? parameter['Default'] : undefined;
  if (markers.length === 1 && text.trim() === `\${${name}}`) {
    if (typeof fallback === 'number') return { kind: 'parameter', name, value: fallback };
    if (typeof fallback === 'string' && NUMBER.test(fallback)) return { kind: 'parameter', name, value: Number(fallback) };
  }
  return { kind: 'placeholder' };
}
