/**
 * Parses YAML or JSON (JSON is YAML 1.2) as CloudFormation reads it: the short-form tags
 * (`!Sub`, `!Join`, `!Ref`, `!GetAtt`, ...) become their long forms (`{ 'Fn::Sub': ... }`,
 * `{ Ref: ... }`), so the rest of the importer sees one shape. Pure: the caller reads
 * the file.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserInputError } from '../errors.js';

/** Short-form tags CloudFormation documents; any other `!Name` tag is read as `Fn::Name` too. */
const CFN_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or',
  'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Transform', 'Length', 'ToJsonString',
];

/** Pass-through tags: they keep the node as it is (and keep yaml from warning); `toJs` rewrites them. */
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

/** Throws a UserInputError with the line and column of every syntax error. */
export function parseCfnText(text: string, file: string): ParsedCfnText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, customTags, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) {
    throw new UserInputError(
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, line, column: col, message: `not valid JSON or YAML: ${error.message.split('\n')[0]}` };
      }),
    );
  }
  return { value: toJs(document.contents, document), document, lineCounter };
}

function toJs(node: unknown, document: Document): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toJs(node.resolve(document), document);
  let value: unknown;
  if (isScalar(node)) value = node.value;
  else if (isSeq(node)) value = node.items.map((item) => toJs(item, document));
  else if (isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = toJs(pair.key, document);
      object[typeof key === 'string' ? key : String(key)] = toJs(pair.value, document);
    }
    value = object;
  } else return null;
  const tag = (node as Node).tag;
  return tag && /^![A-Za-z]+$/.test(tag) ? longForm(tag.slice(1), value) : value;
}

function longForm(name: string, value: unknown): unknown {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}
