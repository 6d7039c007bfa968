/**
 * Reads the text `dmap import` is given in the format its name says: `.json` as JSON
 * (with a JSON error, line and column, when it is not), `.yaml`/`.yml` as YAML with
 * CloudFormation's short-form tags, `.tf` as Terraform. Any other name is read as what
 * it looks like, and when it is none of them the user gets one sentence ("is neither
 * JSON, YAML nor Terraform (HCL): ..."), not a parser's dump.
 *
 * A `${Name}` placeholder standing for a number (`"MaxConcurrency": ${Limit}`) is not JSON
 * until deployed: such texts are read again with the placeholder quoted.
 * Pure: the caller reads the file.
 */
import { UserInputError, isUserInputError } from '../errors.js';
import { parseCfnText } from './cfn-yaml.js';
import { quoteBareMarkers } from './intrinsics.js';
import { isObject } from './json-value.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { HclSyntaxError, parseHclBody } from './terraform-parser.js';

export type DefinitionFormat = 'json' | 'yaml' | 'hcl';

export type ParsedText = { format: 'json' | 'yaml'; value: unknown } | { format: 'hcl' };

const NEITHER = 'is neither JSON, YAML nor Terraform (HCL)';

/** The format the file's name says, or undefined when it says none. */
export function formatByName(file: string): DefinitionFormat | undefined {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.tf$/i.test(file)) return 'hcl';
  return undefined;
}

/**
 * A JSON or YAML text parsed, or a Terraform text recognised (terraform-state-machines.ts
 * reads it, with the rest of its folder). Throws a UserInputError saying where the text
 * breaks its format, or, for a name that says no format, that it is none of them.
 */
export function parseDefinitionText(text: string, file: string): ParsedText {
  const byName = formatByName(file);
  if (byName === 'hcl') return { format: 'hcl' };
  if (byName === 'json') return { format: 'json', value: parseJson(text, file) };
  if (byName === 'yaml') {
    try {
      return { format: 'yaml', value: parseYaml(text, file) };
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      throw new UserInputError(error.problems.map((p) => ({ ...p, message: p.message.replace(/^not valid JSON or YAML: /, 'not valid YAML: ') })));
    }
  }
  if (text.trim() === '') return { format: 'yaml', value: null };
  return sniff(text, file);
}

function sniff(text: string, file: string): ParsedText {
  const guess = looksLike(text);
  if (guess === 'json') {
    try {
      return { format: 'json', value: parseJson(text, file) };
    } catch (error) {
      // YAML's flow style (`{StartAt: A, States: {...}}`) starts like JSON too.
      const yaml = tryYaml(text, file);
      if (yaml.ok && (isObject(yaml.value) || Array.isArray(yaml.value))) return { format: 'yaml', value: yaml.value };
      throw neither(error, 'read as JSON');
    }
  }
  if (guess === 'hcl') {
    const hcl = hclError(text, file);
    if (!hcl) return { format: 'hcl' };
    throw new UserInputError([{ file, line: hcl.line, column: hcl.column, message: `${NEITHER}: read as Terraform, ${hcl.message}` }]);
  }
  const yaml = tryYaml(text, file);
  if (yaml.ok && typeof yaml.value !== 'string') return { format: 'yaml', value: yaml.value };
  if (!hclError(text, file, true)) return { format: 'hcl' };
  const first = firstLine(text);
  if (!yaml.ok && /^(---|- |[\w"'.$-][^:]*:(\s|$))/.test(first.text)) throw neither(yaml.error, 'read as YAML');
  const shown = first.text.length > 40 ? `${first.text.slice(0, 37)}...` : first.text;
  throw new UserInputError([{ file, line: first.line, column: 1, message: `${NEITHER}: it reads as plain text (${JSON.stringify(shown)})` }]);
}

/** The first line that is neither blank nor a comment, trimmed, and its number. */
function firstLine(text: string): { text: string; line: number } {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const index = lines.findIndex((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line));
  return index < 0 ? { text: '', line: 1 } : { text: (lines[index] as string).trim(), line: index + 1 };
}

/** What a text with no telling name looks like: JSON when it opens with `{` or `[`, Terraform when it opens with a block. */
function looksLike(text: string): DefinitionFormat {
  const first = firstLine(text).text;
  if (first.startsWith('{') || first.startsWith('[')) return 'json';
  if (/^(resource|data|variable|locals|module|provider|terraform|output)(\s+"[^"]*")*\s*\{/.test(first)) return 'hcl';
  return 'yaml';
}

function parseJson(withBom: string, file: string): unknown {
  const text = withBom.replace(/^\uFEFF/, '');
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (text.includes('${')) {
      try {
        return JSON.parse(quoteBareMarkers(text)) as unknown;
      } catch {
        // Report the error of the text as written.
      }
    }
    const problem = findJsonSyntaxError(text) ?? { line: 1, column: 1, message: 'not JSON' };
    throw new UserInputError([{ file, line: problem.line, column: problem.column, message: `not valid JSON: ${problem.message}` }]);
  }
}

function parseYaml(text: string, file: string): unknown {
  try {
    return parseCfnText(text, file).value;
  } catch (error) {
    if (!text.includes('${')) throw error;
    try {
      return parseCfnText(quoteBareMarkers(text), file).value;
    } catch {
      throw error;
    }
  }
}

function tryYaml(text: string, file: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseYaml(text, file) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The syntax error of a Terraform text, or undefined when it parses; `needBlock` also asks for one block at least. */
function hclError(text: string, file: string, needBlock = false): { line: number; column: number; message: string } | undefined {
  try {
    const body = parseHclBody(text, file);
    return needBlock && !body.some((item) => item.kind === 'block') ? { line: 1, column: 1, message: 'no block' } : undefined;
  } catch (error) {
    if (error instanceof HclSyntaxError) return { line: error.line, column: error.column, message: error.message };
    throw error;
  }
}

/** The first problem of a JSON or YAML error, as the one sentence. */
function neither(error: unknown, how: string): UserInputError {
  if (!isUserInputError(error)) throw error;
  const [first] = error.problems;
  const detail = (first?.message ?? '').replace(/^not valid (JSON or YAML|JSON|YAML): /, '');
  return new UserInputError([{ ...first, message: `${NEITHER}: ${how}, ${lowerFirst(detail)}` }]);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}
