/**
 * The text stage of a fuzz input: a (mutated) document written as YAML or JSON, then
 * what only text can carry: YAML anchors and aliases (repeated, unresolved, inside
 * themselves, merge keys, bombs), YAML tags, deep nesting, numbers rewritten in the text
 * (for formats read as text: Terraform, embedded JSON), invalid UTF-8, byte flips,
 * truncation, a byte-order mark, CRLF; or the whole file replaced by an empty, blank,
 * binary or scalar one. Plain data from fast-check, applied deterministically.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { DEEP_MARKER, type Json } from './mutate-document.js';

export type TextMutation =
  | { op: 'alias'; at: number; form: 'repeat' | 'unresolved' | 'self' | 'merge' | 'bomb' }
  | { op: 'tag'; at: number; tag: string }
  | { op: 'utf8'; at: number; bytes: readonly number[] }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'numeral'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'bom' }
  | { op: 'crlf' };

export type WholeFile = { op: 'empty' } | { op: 'blank' } | { op: 'binary'; bytes: Uint8Array } | { op: 'scalar'; text: string };

const TAGS = ['!!binary', '!!js/undefined', '!!js/function', '!!set', '!!omap', '!!pairs', '!!timestamp', '!!float', '!!int', '!!str', '!!bool', '!!null', '!!map', '!!seq', '!Ref', '!Sub', '!GetAtt', '!custom', '!<tag:yaml.org,2002:float>'];

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('alias' as const), at: fc.nat(), form: fc.constantFrom('repeat' as const, 'unresolved' as const, 'self' as const, 'merge' as const, 'bomb' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tag' as const), at: fc.nat(), tag: fc.constantFrom(...TAGS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('utf8' as const), at: fc.nat(), bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x00]) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('numeral' as const), at: fc.nat(), text: fc.constantFrom('0', '-1', '1e308', '1e400', '-1e400', '5e-324', '1e-400', '99999999999999999999999', '.inf', '.nan', 'NaN', '0x7fffffff', '1_000', '0.0000001', '4294967297') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
);

export const wholeFile: fc.Arbitrary<WholeFile> = fc.oneof(
  fc.constant({ op: 'empty' as const }),
  fc.constant({ op: 'blank' as const }),
  fc.record({ op: fc.constant('binary' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 4096 }) }),
  fc.record({ op: fc.constant('scalar' as const), text: fc.constantFrom('null', '[]', '{}', '42', '.nan', '-.inf', '~', '---\n---\n', '"x"', '!!binary aGVsbG8=', '&a [*a]', '{'.repeat(100_000)) }),
);

/** `document` as YAML (the default) or JSON, deep nesting expanded at its marker. */
export function serialize(document: Json, format: 'yaml' | 'json', depth: number): string {
  const text = format === 'json' ? JSON.stringify(document, null, 2) : stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return text.split(`"${DEEP_MARKER}"`).join(nested).split(DEEP_MARKER).join(nested);
}

/** Start of the n-th line (modulo the lines there are). */
function lineStart(text: string, at: number): number {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index as number) + 1).filter((i) => i < text.length)];
  return starts[at % starts.length] as number;
}

/** A `key: value` line of the text (the n-th, modulo), as the index of its value. */
function valueAt(text: string, at: number): number | undefined {
  const values = [...text.matchAll(/^[ \t-]*[\w"'$.-]+:[ \t]+(?=\S)/gm)].map((m) => (m.index as number) + m[0].length);
  return values.length === 0 ? undefined : (values[at % values.length] as number);
}

function aliasText(text: string, at: number, form: 'repeat' | 'unresolved' | 'self' | 'merge' | 'bomb'): string {
  const value = valueAt(text, at);
  if (form === 'bomb') {
    const lines = ['fuzzA0: &fuzzA0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`fuzzA${i}: &fuzzA${i} [${Array.from({ length: 10 }, () => `*fuzzA${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n${text}`;
  }
  if (value === undefined) return `${text}\nfuzz: *nowhere\n`;
  const before = text.slice(0, value);
  const after = text.slice(value);
  if (form === 'unresolved') return `${before}*nowhere ${after}`;
  if (form === 'self') return `${before}&self [*self, ${after.split('\n')[0]}]${after.slice(after.indexOf('\n') < 0 ? after.length : after.indexOf('\n'))}`;
  if (form === 'merge') return `${before}&m ${after}\nfuzzMerged: { <<: *m }\n`;
  // The anchored value, repeated under a new top-level key.
  return `${before}&rep ${after}\nfuzzRepeat: [*rep, *rep, *rep]\n`;
}

export function mutateText(text: string, mutations: readonly TextMutation[]): Uint8Array {
  let out = text;
  const rawInserts: Array<{ at: number; bytes: readonly number[] }> = [];
  for (const m of mutations) {
    switch (m.op) {
      case 'alias':
        out = aliasText(out, m.at, m.form);
        break;
      case 'tag': {
        const value = valueAt(out, m.at);
        if (value !== undefined) out = `${out.slice(0, value)}${m.tag} ${out.slice(value)}`;
        break;
      }
      case 'numeral': {
        // Numbers as text, also where the document only holds them in strings (Terraform, embedded JSON).
        const numerals = [...out.matchAll(/(?<![\w.])\d+(\.\d+)?(?![\w.])/g)];
        const hit = numerals.length > 0 ? numerals[m.at % numerals.length] : undefined;
        if (hit) out = `${out.slice(0, hit.index)}${m.text}${out.slice((hit.index as number) + hit[0].length)}`;
        break;
      }
      case 'truncate':
        out = out.slice(0, m.at % (out.length + 1));
        break;
      case 'bom':
        out = `\ufeff${out}`;
        break;
      case 'crlf':
        out = out.replace(/\n/g, '\r\n');
        break;
      case 'utf8':
        rawInserts.push({ at: lineStart(out, m.at), bytes: m.bytes });
        break;
      case 'flip':
        rawInserts.push({ at: m.at % (out.length + 1), bytes: [m.byte] });
        break;
    }
  }
  // Bytes that are not UTF-8 can exist only after encoding.
  let bytes = new TextEncoder().encode(out);
  for (const insert of rawInserts) {
    const at = Math.min(insert.at, bytes.length);
    bytes = Uint8Array.from([...bytes.subarray(0, at), ...insert.bytes, ...bytes.subarray(at)]);
  }
  return bytes;
}

export function wholeFileBytes(file: WholeFile): Uint8Array {
  if (file.op === 'empty') return new Uint8Array();
  if (file.op === 'blank') return new TextEncoder().encode(' \n\t\n');
  if (file.op === 'binary') return file.bytes;
  return new TextEncoder().encode(file.text);
}
