/**
 * Says where and why a text is not JSON, in one sentence: "expected ',' or '}' after the
 * value of "StartAt", found '"'". JSON.parse says it too, but its wording and the
 * position it gives change between Node versions, and a user needs the line and column.
 * Called once JSON.parse has failed; walks the text by the JSON grammar and stops at
 * the first thing that does not fit, or at nesting deeper than the YAML loader accepts
 * (whose limit it shares), so a text of 100,000 opening brackets is a located problem,
 * not a stack overflow. Pure.
 */
import { MAX_DEPTH } from '../input/yaml-loading.js';

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  try {
    new JsonChecker(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof JsonProblem) {
      const before = text.slice(0, error.offset);
      const line = before.split('\n').length;
      return { line, column: error.offset - (before.lastIndexOf('\n') + 1) + 1, message: error.message };
    }
    throw error;
  }
}

class JsonProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const VALUE = 'a value (an object, a list, a string in double quotes, a number, true, false or null)';

class JsonChecker {
  private i = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  document(): void {
    this.space();
    if (this.i >= this.text.length) throw this.fail('the text is empty: expected a JSON object or list');
    this.value();
    this.space();
    if (this.i < this.text.length) throw this.fail(`found ${this.describe()} after the end of the JSON value: one object or list per file`);
  }

  private value(): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (++this.depth > MAX_DEPTH) throw this.fail(`nested more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`);
      if (c === '{') this.object();
      else this.list();
      this.depth--;
      return;
    }
    if (c === '"') return void this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    throw this.fail(`expected ${VALUE}, found ${this.describe()}`);
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') throw this.fail(`expected a key in double quotes, found ${this.describe()}`);
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') throw this.fail(`expected ':' after the key "${key}", found ${this.describe()}`);
      this.i++;
      this.value();
      this.space();
      const c = this.text[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c !== ',') throw this.fail(`expected ',' or '}' after the value of "${key}", found ${this.describe()}`);
      const comma = this.i;
      this.i++;
      this.space();
      if (this.text[this.i] === '}') throw new JsonProblem(`a comma after the last entry ("${key}") is not allowed in JSON`, comma);
    }
  }

  private list(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (let n = 1; ; n++) {
      this.value();
      this.space();
      const c = this.text[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (c !== ',') throw this.fail(`expected ',' or ']' after item ${n} of the list, found ${this.describe()}`);
      const comma = this.i;
      this.i++;
      this.space();
      if (this.text[this.i] === ']') throw new JsonProblem('a comma after the last item of a list is not allowed in JSON', comma);
    }
  }

  private string(): string {
    const start = ++this.i;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) throw new JsonProblem('the text ends inside a string: a closing \'"\' is missing', start - 1);
      if (c === '"') return this.text.slice(start, this.i++);
      if (c === '\n') throw this.fail('a string cannot hold a line break: write \\n, or close the string with \'"\'');
      if (c < ' ') throw this.fail('a string cannot hold a control character: escape it');
      if (c === '\\') {
        const next = this.text[this.i + 1] ?? '';
        if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.i += 6;
        else if ('"\\/bfnrt'.includes(next) && next !== '') this.i += 2;
        else throw this.fail(`\\${next} is not a JSON escape: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uNNNN`);
      } else this.i++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) throw this.fail(`expected a number, found ${this.describe()}`);
    this.i += match[0].length;
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i] as string)) this.i++;
  }

  private describe(): string {
    const c = this.text[this.i];
    if (c === undefined) return 'the end of the text';
    if (c === '\n') return 'a new line';
    if (c === "'") return `"'" (JSON strings are in double quotes)`;
    if (c === '/' || c === '#') return `'${c}' (JSON has no comments)`;
    const word = /^[A-Za-z_$][\w$.-]*/.exec(this.text.slice(this.i))?.[0];
    return word ? `'${word}'` : `'${c}'`;
  }

  private fail(message: string): JsonProblem {
    return new JsonProblem(message, this.i);
  }
}
