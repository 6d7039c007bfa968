/**
 * A parser for the part of Terraform's native syntax (HCL 2) that state machine
 * definitions are written in: bodies of attributes and blocks; expressions (literals,
 * quoted templates with `${...}`, heredocs `<<EOF` and `<<-EOF`, tuples, objects with `=`
 * or `:` and trailing commas, references, function calls, operators, conditionals); and
 * template files as `templatefile()` reads them. `for` expressions and splats are parsed
 * but kept opaque. Comments `#`, `//` and `/* *\/` are skipped.
 *
 * Why not an npm package: the maintained HCL parsers are Go compiled to WASM or JS
 * (@cdktf/hcl2json, whose project HashiCorp deprecated in December 2025, and its fork;
 * hcl2-parser, 4 MB of GopherJS). They are asynchronous and give `jsonencode({...})` back
 * as an expression string, so the expression parser below would be needed anyway.
 *
 * Pure: the caller reads the files. The first syntax error throws an HclSyntaxError with
 * its line and column.
 */
import type { Block, Body, Expr, ObjectItem, TemplatePart } from './terraform-ast.js';
import { HclCursor, HclSyntaxError, ID_START } from './terraform-cursor.js';

export { HclSyntaxError };

/** A whole `.tf` or `.tfvars` file. */
export function parseHclBody(text: string, file: string): Body {
  return new Parser(text, file).body(false);
}

/** A template file, as `templatefile()` reads it: text with `${...}` interpolations and no escapes. */
export function parseHclTemplate(text: string, file: string, line = 1, column = 1): Expr {
  return new Parser(text, file, line, column).templateFile();
}

const OPERATORS: readonly (readonly [string, number])[] = [
  ['||', 1], ['&&', 2], ['==', 3], ['!=', 3], ['<=', 4], ['>=', 4], ['<', 4], ['>', 4], ['+', 5], ['-', 5], ['*', 6], ['/', 6], ['%', 6],
];
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

class Parser extends HclCursor {
  body(inBlock: boolean): Body {
    const body: Body = [];
    for (;;) {
      this.skipAll();
      if (this.pos >= this.text.length) {
        if (inBlock) throw this.error("the file ends inside a block: a '}' is missing");
        return body;
      }
      if (this.peek() === '}') {
        if (!inBlock) throw this.error("found '}' with no block to close");
        return body;
      }
      const start = this.pos;
      const name = this.identifier();
      if (!name) throw this.error(`expected an attribute name or a block type, found ${this.describeHere()}`);
      this.skip();
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        const expr = this.expression();
        this.endOfItem(`the value of ${name}`, inBlock);
        body.push({ kind: 'attribute', name, expr, ...this.where(start) });
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skip();
        if (this.peek() === '"') labels.push(this.label());
        else {
          const label = this.identifier();
          if (!label) break;
          labels.push(label);
        }
      }
      if (this.peek() !== '{') {
        throw this.error(labels.length === 0 ? `expected '=' or '{' after ${name}, found ${this.describeHere()}` : `expected '{' to open the ${name} block, found ${this.describeHere()}`);
      }
      this.pos++;
      this.newlineEnds.push(true);
      const inner = this.body(true);
      this.newlineEnds.pop();
      this.pos++;
      this.endOfItem(`the ${name} block`, inBlock);
      const block: Block = { kind: 'block', type: name, labels, body: inner, ...this.where(start) };
      body.push(block);
    }
  }

  templateFile(): Expr {
    const parts = this.templateParts(false);
    return this.node(0, { kind: 'template', parts });
  }

  private endOfItem(what: string, inBlock: boolean): void {
    this.skip();
    const c = this.peek();
    if (c === undefined || c === '\n' || (inBlock && c === '}')) return;
    throw this.error(`expected a new line after ${what}, found ${this.describeHere()}`);
  }

  private label(): string {
    const start = this.pos;
    this.pos++;
    const parts = this.templateParts(true);
    if (parts.some((p) => typeof p !== 'string')) {
      this.pos = start;
      throw this.error('a block label cannot hold ${...} or %{...}');
    }
    return parts.join('');
  }

  // ---- expressions ----

  private expression(): Expr {
    this.skip();
    const start = this.pos;
    const condition = this.binary(1);
    const before = this.pos;
    this.skip();
    if (this.peek() !== '?') {
      this.pos = before;
      return condition;
    }
    this.pos++;
    const then = this.expression();
    this.skip();
    if (this.peek() !== ':') throw this.error(`expected ':' in the conditional (condition ? a : b), found ${this.describeHere()}`);
    this.pos++;
    const otherwise = this.expression();
    return this.node(start, { kind: 'conditional', condition, then, otherwise });
  }

  private binary(minPrecedence: number): Expr {
    this.skip();
    const start = this.pos;
    let left = this.unary();
    for (;;) {
      const before = this.pos;
      this.skip();
      const op = OPERATORS.find(([o]) => this.text.startsWith(o, this.pos));
      if (!op || op[1] < minPrecedence || (op[0] === '<' && this.peek(1) === '<')) {
        this.pos = before;
        return left;
      }
      this.pos += op[0].length;
      const right = this.binary(op[1] + 1);
      left = this.node(start, { kind: 'binary', op: op[0], left, right });
    }
  }

  private unary(): Expr {
    this.skip();
    const start = this.pos;
    const c = this.peek();
    if (c === '!' || c === '-') {
      this.pos++;
      const operand = this.unary();
      return this.node(start, { kind: 'unary', op: c, operand });
    }
    return this.postfix(start, this.primary());
  }

  private postfix(start: number, target: Expr): Expr {
    let expr = target;
    for (;;) {
      const before = this.pos;
      this.skip();
      const c = this.peek();
      if (c === '.' && this.peek(1) === '*') return this.splat(start, 2);
      if (c === '[' && this.text.startsWith('[*]', this.pos)) return this.splat(start, 3);
      if (c === '.' && /[0-9]/.test(this.peek(1) ?? '')) {
        this.pos++;
        const key = this.number();
        expr = this.node(start, { kind: 'index', target: expr, key });
      } else if (c === '.' && ID_START.test(this.peek(1) ?? '')) {
        this.pos++;
        expr = this.node(start, { kind: 'attr', target: expr, name: this.identifier() });
      } else if (c === '[') {
        this.pos++;
        this.newlineEnds.push(false);
        const key = this.expression();
        this.expect(']', 'to close the index');
        this.newlineEnds.pop();
        expr = this.node(start, { kind: 'index', target: expr, key });
      } else {
        this.pos = before;
        return expr;
      }
    }
  }

  /** `x.*.y` or `x[*].y`: the whole traversal after the splat is part of it. */
  private splat(start: number, length: number): Expr {
    this.pos += length;
    for (;;) {
      if (this.peek() === '.' && ID_START.test(this.peek(1) ?? '')) {
        this.pos++;
        this.identifier();
      } else if (this.peek() === '[') this.skipBalanced();
      else break;
    }
    return this.node(start, { kind: 'opaque', what: 'a splat expression' });
  }

  private primary(): Expr {
    this.skip();
    const start = this.pos;
    const c = this.peek();
    if (c === undefined) throw this.error('expected an expression, found the end of the file');
    if (c === '"') {
      this.pos++;
      return this.node(start, { kind: 'template', parts: this.templateParts(true) });
    }
    if (c === '<' && this.peek(1) === '<') return this.heredoc();
    if (/[0-9]/.test(c)) return this.number();
    if (c === '(') {
      this.pos++;
      this.newlineEnds.push(false);
      const inner = this.expression();
      this.expect(')', 'to close the parenthesis');
      this.newlineEnds.pop();
      return inner;
    }
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    const name = this.identifier();
    if (!name) throw this.error(`expected an expression, found ${this.describeHere()}`);
    if (name === 'true' || name === 'false') return this.node(start, { kind: 'literal', value: name === 'true' });
    if (name === 'null') return this.node(start, { kind: 'literal', value: null });
    const before = this.pos;
    this.skip();
    if (this.peek() === '(') return this.call(start, name);
    this.pos = before;
    return this.node(start, { kind: 'name', name });
  }

  private call(start: number, name: string): Expr {
    this.pos++;
    this.newlineEnds.push(false);
    const args: Expr[] = [];
    for (;;) {
      this.skip();
      if (this.peek() === ')') break;
      args.push(this.expression());
      this.skip();
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        this.skip();
      }
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ')') throw this.error(`expected ',' or ')' in the arguments of ${name}(), found ${this.describeHere()}`);
    }
    this.pos++;
    this.newlineEnds.pop();
    return this.node(start, { kind: 'call', name, args });
  }

  private tuple(): Expr {
    const start = this.pos;
    this.pos++;
    this.newlineEnds.push(false);
    this.skip();
    if (this.isKeyword('for')) return this.forExpression(start, ']');
    const items: Expr[] = [];
    for (;;) {
      this.skip();
      if (this.peek() === ']') break;
      items.push(this.expression());
      this.skip();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') throw this.error(`expected ',' or ']' in the list, found ${this.describeHere()}`);
    }
    this.pos++;
    this.newlineEnds.pop();
    return this.node(start, { kind: 'tuple', items });
  }

  private object(): Expr {
    const start = this.pos;
    this.pos++;
    this.newlineEnds.push(true);
    this.skipAll();
    if (this.isKeyword('for')) return this.forExpression(start, '}');
    const items: ObjectItem[] = [];
    for (;;) {
      this.skipAll();
      if (this.peek() === '}') break;
      if (this.peek() === undefined) throw this.error("the file ends inside an object: a '}' is missing");
      const key = this.objectKey();
      this.skip();
      const separator = this.peek();
      if (!((separator === '=' && this.peek(1) !== '=') || separator === ':')) {
        throw this.error(`expected '=' or ':' after the key ${key.src}, found ${this.describeHere()}`);
      }
      this.pos++;
      const value = this.expression();
      items.push({ key, value });
      this.skip();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c !== '\n' && c !== '}') throw this.error(`expected ',' or a new line after the value of ${key.src}, found ${this.describeHere()}`);
    }
    this.pos++;
    this.newlineEnds.pop();
    return this.node(start, { kind: 'object', items });
  }

  /** A bare name before `=` or `:` is the key itself; anything else is an expression. */
  private objectKey(): Expr {
    const start = this.pos;
    const name = this.identifier();
    if (name) {
      this.skip();
      const c = this.peek();
      if ((c === '=' && this.peek(1) !== '=') || c === ':') {
        const key = this.node(start, { kind: 'literal', value: name });
        return { ...key, src: name };
      }
      this.pos = start;
    }
    return this.expression();
  }

  private forExpression(start: number, close: ']' | '}'): Expr {
    this.pos = start;
    this.skipBalanced();
    this.newlineEnds.pop();
    const node = this.node(start, { kind: 'opaque', what: 'a for expression' });
    if (this.text[this.pos - 1] !== close) throw this.error(`expected '${close}' to close the for expression`);
    return node;
  }

  private heredoc(): Expr {
    const start = this.pos;
    this.pos += 2;
    const indented = this.peek() === '-';
    if (indented) this.pos++;
    const marker = this.identifier();
    if (!marker) throw this.error('expected a name after << to start the heredoc, as in <<EOF');
    const lineEnd = this.text.indexOf('\n', this.pos);
    if (lineEnd < 0 || this.text.slice(this.pos, lineEnd).trim() !== '') throw this.error(`expected a new line after <<${indented ? '-' : ''}${marker}`);
    const bodyStart = lineEnd + 1;
    const lines: string[] = [];
    let at = bodyStart;
    for (;;) {
      if (at >= this.text.length) {
        this.pos = start;
        throw this.error(`the heredoc <<${marker} is never closed: no line holds just ${marker}`);
      }
      const end = this.text.indexOf('\n', at);
      const line = this.text.slice(at, end < 0 ? undefined : end).replace(/\r$/, '');
      if (line.trim() === marker) {
        this.pos = end < 0 ? this.text.length : end;
        break;
      }
      lines.push(line);
      at = end < 0 ? this.text.length : end + 1;
    }
    const indent = indented ? Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)) : 0;
    const stripped = lines.map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
    const content = stripped.length > 0 ? `${stripped.join('\n')}\n` : '';
    const { line } = this.position(bodyStart);
    const inner = parseHclTemplate(content, this.file, line, (Number.isFinite(indent) ? indent : 0) + 1);
    if (inner.kind !== 'template') throw this.error('internal: a heredoc is a template');
    return this.node(start, { kind: 'template', parts: inner.parts, heredoc: { text: content, line, indent: Number.isFinite(indent) ? indent : 0 } });
  }

  /** Literal text and `${...}` / `%{...}` parts, up to a closing quote (with escapes) or the end of the text. */
  private templateParts(quoted: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let literal = '';
    let stripLeading = false;
    const flush = () => {
      if (stripLeading) literal = literal.replace(/^\s+/, '');
      stripLeading = false;
      if (literal) parts.push(literal);
      literal = '';
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (quoted) throw this.error('the string is never closed: a \'"\' is missing');
        break;
      }
      if (quoted && c === '"') {
        this.pos++;
        break;
      }
      if (quoted && c === '\n') throw this.error('a quoted string cannot span lines: close it with \'"\', or use a heredoc (<<EOF)');
      if (quoted && c === '\\') {
        literal += this.escape();
        continue;
      }
      if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        literal += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === '$' && this.peek(1) === '{') {
        const start = this.pos;
        this.pos += 2;
        if (this.peek() === '~') {
          this.pos++;
          literal = literal.replace(/\s+$/, '');
        }
        flush();
        this.newlineEnds.push(false);
        const expr = this.expression();
        this.skip();
        if (this.peek() === '~') {
          this.pos++;
          stripLeading = true;
        }
        if (this.peek() !== '}') throw this.error(`expected '}' to close the \${ opened at ${this.describePosition(start)}, found ${this.describeHere()}`);
        this.pos++;
        this.newlineEnds.pop();
        parts.push({ kind: 'interpolation', expr });
        continue;
      }
      if (c === '%' && this.peek(1) === '{') {
        flush();
        const start = this.pos;
        this.skipBalanced();
        parts.push({ kind: 'directive', src: this.text.slice(start, this.pos), ...this.position(start) });
        continue;
      }
      if (stripLeading && /\s/.test(c)) {
        this.pos++;
        continue;
      }
      stripLeading = false;
      literal += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private escape(): string {
    const c = this.peek(1) ?? '';
    if (c in ESCAPES) {
      this.pos += 2;
      return ESCAPES[c] as string;
    }
    const hex = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const digits = this.text.slice(this.pos + 2, this.pos + 2 + hex);
    if (hex > 0 && new RegExp(`^[0-9A-Fa-f]{${hex}}$`).test(digits)) {
      this.pos += 2 + hex;
      return String.fromCodePoint(parseInt(digits, 16));
    }
    throw this.error(`unknown escape \\${c} in a quoted string: use \\n, \\t, \\r, \\", \\\\ or \\uNNNN`);
  }

  private number(): Expr {
    const start = this.pos;
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw this.error(`expected a number, found ${this.describeHere()}`);
    this.pos += match[0].length;
    return this.node(start, { kind: 'literal', value: Number(match[0]) });
  }
}
