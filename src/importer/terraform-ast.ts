/**
 * The shapes terraform-parser.ts produces from Terraform's native syntax (HCL): a body of
 * attributes (`name = expression`) and blocks (`resource "type" "name" { ... }`), and
 * expressions as a tree. Each node keeps its source text and position, so that a value
 * the importer cannot know (`aws_lambda_function.worker.arn`) is shown as written, and
 * a problem is reported at its line. Types only.
 */

export interface SourcePosition {
  /** The file the node was read from, as the user named it. */
  file: string;
  line: number;
  column: number;
}

interface Node extends SourcePosition {
  /** The node's text as written, for markers and messages. */
  src: string;
}

export interface Attribute extends SourcePosition {
  kind: 'attribute';
  name: string;
  expr: Expr;
}

export interface Block extends SourcePosition {
  kind: 'block';
  type: string;
  labels: string[];
  body: Body;
}

export type Body = (Attribute | Block)[];

/** A piece of a string template: literal text, `${ expression }`, or a `%{ directive }`. */
export type TemplatePart = string | { kind: 'interpolation'; expr: Expr } | { kind: 'directive'; src: string; line: number; column: number };

export type Expr =
  | (Node & { kind: 'literal'; value: string | number | boolean | null })
  /** A quoted string, heredoc or template file; `heredoc` holds where its text starts, for locating inside it. */
  | (Node & { kind: 'template'; parts: TemplatePart[]; heredoc?: { text: string; line: number; indent: number } })
  | (Node & { kind: 'tuple'; items: Expr[] })
  | (Node & { kind: 'object'; items: ObjectItem[] })
  /** The first name of a reference: `var`, `local`, `aws_lambda_function`, or a template variable. */
  | (Node & { kind: 'name'; name: string })
  | (Node & { kind: 'attr'; target: Expr; name: string })
  | (Node & { kind: 'index'; target: Expr; key: Expr })
  | (Node & { kind: 'call'; name: string; args: Expr[] })
  | (Node & { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr })
  | (Node & { kind: 'binary'; op: string; left: Expr; right: Expr })
  | (Node & { kind: 'unary'; op: string; operand: Expr })
  /** `for` expressions and splats (`x[*].y`): parsed, never evaluated. */
  | (Node & { kind: 'opaque'; what: string });

export interface ObjectItem {
  /** A bare name as key is the name itself, not a reference. */
  key: Expr;
  value: Expr;
}
