/**
 * Terraform's native syntax as the importer reads it: the parser (bodies, expressions,
 * templates, heredocs, positions, syntax errors) and the evaluator (literals to JSON,
 * references kept as `${...}` markers, the functions definitions use).
 */
import { describe, expect, it } from 'vitest';
import type { Attribute, Expr } from '../../src/importer/terraform-ast.js';
import { evaluate, toJson, type HclValue, type Scope } from '../../src/importer/terraform-evaluate.js';
import { HclSyntaxError, parseHclBody } from '../../src/importer/terraform-parser.js';

/** The expression of `value = ...` in a one-attribute body. */
function expr(text: string): Expr {
  const [item] = parseHclBody(`value = ${text}\n`, 't.tf');
  return (item as Attribute).expr;
}

const noNames: Scope = {
  lookup: () => undefined,
  readFile: (path) => {
    throw new Error(`no file ${path}`);
  },
  resolvePath: (path) => path,
  note: () => undefined,
};

function json(text: string, scope: Scope = noNames): unknown {
  return toJson(evaluate(expr(text), scope));
}

function syntaxError(text: string): string {
  try {
    parseHclBody(text, 'bad.tf');
  } catch (error) {
    if (error instanceof HclSyntaxError) return `${error.line}:${error.column}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('Terraform bodies', () => {
  it('reads attributes and labelled blocks, nested, with their lines, and skips the three kinds of comment', () => {
    const body = parseHclBody(
      [
        '# a comment',
        'terraform {',
        '  required_version = ">= 1.5" // another',
        '}',
        '/* a block',
        '   comment */',
        'resource "aws_lambda_function" "worker" {',
        '  memory_size = 1024',
        '  ephemeral_storage { size = 2048 }',
        '}',
      ].join('\n'),
      'main.tf',
    );
    expect(body.map((item) => (item.kind === 'block' ? `${item.type} ${item.labels.join(' ')} @${item.line}` : item.name))).toEqual([
      'terraform  @2',
      'resource aws_lambda_function worker @7',
    ]);
    const resource = body[1];
    expect(resource?.kind === 'block' && resource.body.map((item) => (item.kind === 'block' ? `${item.type}{${item.body.length}}` : `${item.name}@${item.line}:${item.column}`))).toEqual([
      'memory_size@8:3',
      'ephemeral_storage{1}',
    ]);
  });

  it.each([
    ['resource "x" "y" {\n  a = 1\n', "3:1: the file ends inside a block: a '}' is missing"],
    ['resource "x" "y" \n{}\n', "1:18: expected '{' to open the resource block, found a new line"],
    ['a = 1 b = 2\n', '1:7: expected a new line after the value of a, found \'b\''],
    ['a = \n', '1:5: expected an expression, found a new line'],
    ['a = "open\n', '1:10: a quoted string cannot span lines: close it with \'"\', or use a heredoc (<<EOF)'],
    ['a = { b = 1 c = 2 }\n', "1:13: expected ',' or a new line after the value of b, found 'c'"],
    ['a = [1, 2\nb = 3\n', "2:1: expected ',' or ']' in the list, found 'b'"],
    ['a = <<EOF\n{}\nEOT\n', '1:5: the heredoc <<EOF is never closed: no line holds just EOF'],
    ['a = f(1 2)\n', "1:9: expected ',' or ')' in the arguments of f(), found '2'"],
    ['a = "\\q"\n', '1:6: unknown escape \\q in a quoted string: use \\n, \\t, \\r, \\", \\\\ or \\uNNNN'],
  ])('%j: %s', (text, message) => {
    expect(syntaxError(text)).toBe(message);
  });
});

describe('Terraform expressions to JSON', () => {
  it('turns object and tuple literals into JSON: `=` or `:`, bare or quoted keys, trailing commas, new lines or commas between items', () => {
    expect(
      json(`{
        Comment = "x"
        "Bucket.$" : "$.bucket",
        Items = [1, 2.5, -3, true, false, null,]
        Nested = { A = { B = "c" }, D = [] },
      }`),
    ).toEqual({ Comment: 'x', 'Bucket.$': '$.bucket', Items: [1, 2.5, -3, true, false, null], Nested: { A: { B: 'c' }, D: [] } });
  });

  it('keeps what only apply knows as ${...} markers, written as in the source', () => {
    expect(json('{ F = aws_lambda_function.worker.arn, V = var.limit, M = module.x.out, S = "arn:${aws_s3_bucket.b.arn}/*", I = aws_instance.a[0].id }')).toEqual({
      F: '${aws_lambda_function.worker.arn}',
      V: '${var.limit}',
      M: '${module.x.out}',
      S: 'arn:${aws_s3_bucket.b.arn}/*',
      I: '${aws_instance.a[0].id}',
    });
  });

  it('reads escapes, $${ and %%{ as literal text, and a lone interpolation as its value', () => {
    expect(json('"a\\tb\\n\\"q\\" \\u00e9 $${x} %%{y}"')).toBe('a\tb\n"q" é ${x} %{y}');
    expect(json('"${1 + 2}"')).toBe(3);
  });

  it('computes operators and conditionals on known values, and leaves them unknown otherwise', () => {
    expect(json('[1 + 2 * 3, (1 + 2) * 3, 7 % 4, 10 / 4, 2 > 1 && !false, "a" == "a", 1 != 1]')).toEqual([7, 9, 3, 2.5, true, true, false]);
    expect(json('true ? "yes" : "no"')).toBe('yes');
    expect(json('var.on ? 1 : 2')).toBe('${var.on ? 1 : 2}');
    expect(json('var.n * 2')).toBe('${var.n * 2}');
  });

  it('reads heredocs, keeping their text and, for <<-, removing the common indentation', () => {
    expect(json('<<EOF\n{\n  "a": "${var.x}"\n}\nEOF')).toBe('{\n  "a": "${var.x}"\n}\n');
    expect(json('<<-EOT\n    {\n      "a": 1\n    }\n  EOT')).toBe('{\n  "a": 1\n}\n');
  });

  it('calls the functions definitions use, and keeps the others as markers', () => {
    expect(json('jsonencode({ A = 1, B = [true], C = var.x })')).toBe('{"A":1,"B":[true],"C":"${var.x}"}');
    expect(json('jsondecode("{\\"a\\": [1]}")')).toEqual({ a: [1] });
    expect(json('jsondecode("{\\"n\\": ${var.n}}")')).toEqual({ n: '${var.n}' });
    expect(json('merge({ a = 1, b = 1 }, { b = 2 })')).toEqual({ a: 1, b: 2 });
    expect(json('concat([1], [2, 3])')).toEqual([1, 2, 3]);
    expect(json('lookup({ a = "x" }, "b", "fallback")')).toBe('fallback');
    expect(json('format("%s-%d", "run", 7)')).toBe('run-7');
    expect(json('upper(replace("a-b", "-", "_"))')).toBe('A_B');
    expect(json('[for s in var.list : upper(s)]')).toBe('${[for s in var.list : upper(s)]}');
    expect(json('timestamp()')).toBe('${timestamp()}');
  });

  it('resolves names through the scope, then reads attributes and indexes of the value', () => {
    const config: Record<string, HclValue> = { config: { max: 40, modes: ['a', 'b'] } };
    const scope: Scope = { ...noNames, lookup: (root, names) => (root === 'var' && names[0] === 'config' ? { value: config['config'] as HclValue, used: 1 } : undefined) };
    expect(json('[var.config.max, var.config.modes[1], var.config["max"], var.config.missing]', scope)).toEqual([40, 'b', 40, '${var.config.missing}']);
  });
});
