/**
 * Parses YAML or JSON (JSON is YAML 1.2) as CloudFormation reads it: the short-form tags
 * (`!Sub`, `!Join`, `!Ref`, `!GetAtt`, ...) become their long forms (`{ 'Fn::Sub': ... }`,
 * `{ Ref: ... }`), so the rest of the importer sees one shape. Pure: the caller reads
 * the file.
 */
import type { Document, LineCounter } from 'yaml';
import { loadYaml } from '../input/yaml-loading.js';

/** Short-form tags CloudFormation documents; any other `!Name` tag is read as `Fn::Name` too. */
const CFN_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or',
  'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Transform', 'Length', 'ToJsonString',
];

/** Pass-through tags: they keep the node as it is (and keep yaml from warning); `longForm` rewrites them. */
const customTags = CFN_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

export interface ParsedCfnText {
  value: unknown;
  document: Document;
  lineCounter: LineCounter;
}

/** Throws a UserInputError with the line and column of every syntax error, and of every alias that cannot be followed. */
export function parseCfnText(text: string, file: string): ParsedCfnText {
  return loadYaml(text, file, { customTags, tagged: longForm, uniqueKeys: false, syntaxErrorPrefix: 'not valid JSON or YAML' });
}

function longForm(name: string, value: unknown): unknown {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}
