/**
 * Turns CloudFormation intrinsic functions into text, the way the importer needs them:
 * `Fn::Sub` and `Fn::Join` become strings, and what only CloudFormation knows at deploy
 * time (a resource's ARN, a parameter, the Region) stays in place as a `${Name}` marker
 * (`${MyFunction.Arn}`, `${AWS::Region}`), so later steps can tell what it points at.
 * Only the partition is filled in (`aws`): ARNs are then recognisable.
 */
import { isObject } from './json-value.js';
import { ownValue } from '../own-key.js';

/** Pseudo parameters whose value does not depend on the account or Region. */
const KNOWN_PSEUDO: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

/** A `${...}` placeholder, as in Fn::Sub and DefinitionSubstitutions; `${!x}` is an escaped literal. */
const PLACEHOLDER = /\$\{(!?)([^}]*)\}/g;

/** `value` as text: literals as themselves, intrinsics as `${...}` markers. */
export function renderIntrinsic(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isObject(value)) return '${?}';
  const keys = Object.keys(value);
  if (keys.length !== 1) return '${?}';
  const name = keys[0] as string;
  const argument = value[name];
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? (ownValue(KNOWN_PSEUDO, argument) ?? `\${${argument}}`) : '${Ref}';
    case 'Fn::GetAtt': {
      const parts = Array.isArray(argument) ? argument.map(renderIntrinsic) : typeof argument === 'string' ? [argument] : [];
      return `\${${parts.join('.')}}`;
    }
    case 'Fn::Sub':
      return renderSub(argument);
    case 'Fn::Join': {
      if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return '${Fn::Join}';
      return (argument[1] as unknown[]).map(renderIntrinsic).join(renderIntrinsic(argument[0]));
    }
    default:
      return `\${${name}}`;
  }
}

/** `Fn::Sub`: a string, or `[string, { Var: value }]`. */
export function renderSub(argument: unknown): string {
  if (typeof argument === 'string') return substitute(argument, {});
  if (Array.isArray(argument) && typeof argument[0] === 'string') {
    const variables = isObject(argument[1]) ? argument[1] : {};
    const rendered = Object.fromEntries(Object.entries(variables).map(([key, v]) => [key, renderIntrinsic(v)]));
    return substitute(argument[0], rendered);
  }
  return '${Fn::Sub}';
}

/**
 * Replaces `${Name}` with `values[Name]` (or the partition), unescapes `${!Name}` to
 * `${Name}`, and leaves every other placeholder as it is.
 */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    return ownValue(values, name) ?? ownValue(KNOWN_PSEUDO, name) ?? whole;
  });
}

/** The same substitution applied to every string inside a JSON value. */
export function substituteDeep(value: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return substitute(value, values);
  if (Array.isArray(value)) return value.map((item) => substituteDeep(item, values));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, substituteDeep(v, values)]));
  return value;
}

/** The names in the `${...}` markers of a string, e.g. `['MyFunction.Arn', 'AWS::Region']`. */
export function markersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].filter((m) => !m[1]).map((m) => m[2] as string);
}

/**
 * Quotes `${...}` markers that stand outside JSON strings (`"MaxConcurrency": ${Limit}`),
 * so a definition whose numbers are filled in at deploy time still parses as JSON.
 */
export function quoteBareMarkers(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i] as string;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += json[i + 1] ?? '';
        i++;
      } else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '$' && json[i + 1] === '{') {
      const end = json.indexOf('}', i);
      if (end < 0) return out + json.slice(i);
      out += JSON.stringify(json.slice(i, end + 1));
      i = end;
    } else out += c;
  }
  return out;
}
