/**
 * Streams a JSON document from disk with stream-json's tokenizer (a maintained streaming
 * JSON parser: the file is never held whole, so memory stays flat for a filter-log-events
 * dump of millions of events). Each element of an array directly under the top-level
 * object, or of a top-level array, is assembled alone and handed to `onElement`; every
 * other top-level value is assembled and returned with the rest of the document (arrays
 * that were streamed appear there empty). A syntax error is placed at its line and
 * column by stream-json's verifier, which reads the file again only then.
 */
import { createReadStream } from 'node:fs';
import { none } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import verifyFile from 'stream-json/file/verifier.js';
import { sourceProblem } from '../../calibrate/source-problem.js';

export type ElementHandler = (key: string | undefined, index: number, value: unknown) => void;

/** The rest of the document: a top-level object's non-streamed values, or undefined for a top-level array. */
export async function readJsonStream(file: string, onElement: ElementHandler, onBytes?: (bytesRead: number) => void): Promise<Record<string, unknown> | undefined> {
  const reader = new TokenReader(onElement);
  // A flushable: called with `none` at the end, it emits what it still holds.
  const tokenize = jsonParser({ streamValues: false }) as unknown as (input: string | typeof none) => unknown;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      reader.take(tokenize(text));
      onBytes?.(stream.bytesRead);
    }
    reader.take(tokenize(none));
  } catch (error) {
    stream.destroy();
    if (error instanceof Error && /^Parser (cannot parse input|has expected)/.test(error.message)) throw await syntaxProblem(file, error.message);
    throw error;
  }
  return reader.finish(file);
}

type Many = { values: Token[] };

class TokenReader {
  private depth = 0;
  private topIsArray = false;
  private key: string | undefined;
  private inArray = false;
  private index = 0;
  private assembler: Assembler | undefined;
  private readonly rest: Record<string, unknown> = {};
  private started = false;

  constructor(private readonly onElement: ElementHandler) {}

  take(output: unknown): void {
    if (output === none || output === undefined) return;
    for (const token of (output as Many).values) this.token(token);
  }

  finish(file: string): Record<string, unknown> | undefined {
    if (!this.started) throw sourceProblem(file, 'is empty: expected a JSON document');
    return this.topIsArray ? undefined : this.rest;
  }

  private token(token: Token): void {
    const assembler = this.assembler;
    if (assembler) {
      assembler.consume(token);
      if (assembler.done) {
        this.assembler = undefined;
        this.value(assembler.current);
      }
      return;
    }
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        if (this.depth === 0) {
          this.started = true;
          this.depth = 1;
          this.topIsArray = token.name === 'startArray';
          this.inArray = this.topIsArray;
          this.index = 0;
          return;
        }
        if (this.depth === 1 && !this.topIsArray && !this.inArray && token.name === 'startArray') {
          this.depth = 2;
          this.inArray = true;
          this.index = 0;
          return;
        }
        this.assembler = new Assembler();
        this.assembler.consume(token);
        return;
      case 'endArray':
        if (this.inArray) {
          this.inArray = false;
          if (this.topIsArray) this.depth = 0;
          else {
            this.rest[this.key as string] ??= [];
            this.depth = 1;
          }
        }
        return;
      case 'endObject':
        if (this.depth === 1) this.depth = 0;
        return;
      case 'keyValue':
        if (this.depth === 1 && !this.topIsArray) this.key = token.value;
        return;
      case 'stringValue':
        return this.value(token.value);
      case 'numberValue':
        return this.value(Number(token.value));
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        return this.value(token.value);
      default:
        return;
    }
  }

  private value(value: unknown): void {
    if (this.inArray) this.onElement(this.topIsArray ? undefined : this.key, this.index++, value);
    else if (this.depth === 1 && this.key !== undefined) this.rest[this.key] = value;
    else this.started = true;
  }
}

async function syntaxProblem(file: string, message: string): Promise<Error> {
  const what = `not valid JSON: ${message.replace(/^Parser (cannot parse input: )?/, '')}`;
  try {
    await verifyFile(file);
  } catch (error) {
    const located = error as { line?: number; pos?: number };
    if (typeof located.line === 'number') return sourceProblem(file, what, { line: located.line, ...(typeof located.pos === 'number' ? { column: located.pos } : {}) });
  }
  return sourceProblem(file, what);
}
