/**
 * The reading position of terraform-parser.ts in a text: what comes next, spaces and
 * comments to skip (new lines too, where they do not end anything), names, bracketed
 * groups to pass over, line and column of an offset, and syntax errors located there.
 * Terraform's grammar is in terraform-parser.ts, which builds on this. Pure.
 */
import type { Expr } from './terraform-ast.js';

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

export const ID_START = /[A-Za-z_]/;
const ID_PART = /[A-Za-z0-9_-]/;

/** The fields of an expression node besides its position and source, which `node()` adds. */
export type NodeProps = Expr extends infer E ? (E extends Expr ? Omit<E, 'file' | 'line' | 'column' | 'src'> : never) : never;

export class HclCursor {
  protected pos = 0;
  private readonly lineStarts: number[] = [0];
  /** Whether a new line ends what is being read: yes in a body and an object, not inside (), [] or ${}. */
  protected readonly newlineEnds: boolean[] = [true];

  /** `firstLine` and `firstColumn`: where `text` starts in its file (a heredoc's body, stripped of its indentation). */
  constructor(
    protected readonly text: string,
    protected readonly file: string,
    private readonly firstLine = 1,
    private readonly firstColumn = 1,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** A name (letters, digits, `_` and `-`), with `::` for provider functions; '' when there is none. */
  protected identifier(): string {
    const start = this.pos;
    if (!ID_START.test(this.peek() ?? '')) return '';
    this.pos++;
    for (;;) {
      if (ID_PART.test(this.peek() ?? '')) this.pos++;
      else if (this.peek() === ':' && this.peek(1) === ':' && ID_START.test(this.peek(2) ?? '')) this.pos += 2;
      else break;
    }
    return this.text.slice(start, this.pos);
  }

  protected isKeyword(word: string): boolean {
    return this.text.startsWith(word, this.pos) && !ID_PART.test(this.text[this.pos + word.length] ?? '');
  }

  /** Moves past a bracketed group, `(...)`, `[...]` or `{...}`, and any strings in it. */
  protected skipBalanced(): void {
    const start = this.pos;
    const closing: string[] = [];
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] as string;
      if (c === '"') {
        this.pos++;
        while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
      } else if (c in pairs) closing.push(pairs[c] as string);
      else if (c === closing[closing.length - 1]) {
        closing.pop();
        if (closing.length === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
    this.pos = start;
    throw this.error(`the ${this.text[start]} opened here is never closed`);
  }

  protected expect(c: string, why: string): void {
    this.skip();
    if (this.peek() !== c) throw this.error(`expected '${c}' ${why}, found ${this.describeHere()}`);
    this.pos++;
  }

  /** Spaces and comments; new lines too where they do not end anything. */
  protected skip(): void {
    this.skipWhile(!(this.newlineEnds[this.newlineEnds.length - 1] ?? true));
  }

  protected skipAll(): void {
    this.skipWhile(true);
  }

  protected skipWhile(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (c === '/' && this.peek(1) === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) throw this.error('the comment /* is never closed');
        this.pos = end + 2;
      } else return;
    }
  }

  protected peek(ahead = 0): string | undefined {
    return this.text[this.pos + ahead];
  }

  // ---- positions and errors ----

  protected node(start: number, props: NodeProps): Expr {
    return { ...props, ...this.where(start), src: this.text.slice(start, this.pos).trim() } as Expr;
  }

  protected where(offset: number): { file: string; line: number; column: number } {
    return { file: this.file, ...this.position(offset) };
  }

  protected position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const column = offset - (this.lineStarts[low] as number) + 1;
    return { line: this.firstLine + low, column: column + this.firstColumn - 1 };
  }

  protected describePosition(offset: number): string {
    const { line, column } = this.position(offset);
    return `line ${line}, column ${column}`;
  }

  protected describeHere(): string {
    const c = this.peek();
    if (c === undefined) return 'the end of the file';
    if (c === '\n') return 'a new line';
    if (ID_START.test(c)) return `'${/^[A-Za-z0-9_-]+/.exec(this.text.slice(this.pos))?.[0] ?? c}'`;
    return `'${c}'`;
  }

  protected error(message: string): HclSyntaxError {
    const { line, column } = this.position(this.pos);
    return new HclSyntaxError(message, this.file, line, column);
  }
}
