/**
 * Evaluates Terraform expressions as far as the files alone allow. Literals, objects,
 * lists, string templates, operators and the functions definitions use (`jsonencode`,
 * `templatefile`, `file`, `merge`, ...) are computed; what only `terraform apply` knows
 * (a resource's ARN, a variable without a default, a module output) becomes an Unknown
 * that keeps its source text, and shows in the result as a `${...}` marker
 * (`${aws_lambda_function.worker.arn}`), the form the importer already reads in
 * CloudFormation definitions. Names (`var.x`, `local.y`, resources) are resolved by a
 * Scope the caller gives. Pure: files are read through the Scope.
 */
import { quoteBareMarkers } from './intrinsics.js';
import type { Expr, SourcePosition } from './terraform-ast.js';
import { parseHclTemplate } from './terraform-parser.js';
import { hasOwnKey, ownValue } from '../own-key.js';

/** A value known only when Terraform applies the configuration. */
export class Unknown {
  readonly text: string;
  constructor(text: string) {
    this.text = text.replace(/\s+/g, ' ');
  }
  get marker(): string {
    return `\${${this.text}}`;
  }
}

export type HclValue = string | number | boolean | null | Unknown | HclValue[] | { [key: string]: HclValue };
type HclObject = { [key: string]: HclValue };

/** An expression that cannot be read at all (a `%{ }` directive, a file that cannot be read): says why. */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly at: SourcePosition,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

export interface Scope {
  /**
   * The value a reference names, from its first name and the attribute names after it
   * (`var` + [`max_concurrency`]); `used` says how many of those names it consumed.
   * Undefined when the files cannot tell.
   */
  lookup(root: string, names: string[], expr: Expr): { value: HclValue; used: number } | undefined;
  /** The text of a file `file()` or `templatefile()` reads, its path already resolved; throws when it cannot be read. */
  readFile(path: string, expr: Expr): string;
  /** A path as written in the configuration, made relative to where dmap runs. */
  resolvePath(path: string): string;
  /** Records something the reading assumed (a variable's default used), once. */
  note(message: string): void;
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isHclObject(value: HclValue): value is HclObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

/** The value as plain JSON: every Unknown becomes its `${...}` marker string. */
export function toJson(value: HclValue): unknown {
  if (isUnknown(value)) return value.marker;
  if (Array.isArray(value)) return value.map(toJson);
  if (isHclObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

export function containsUnknown(value: HclValue): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isHclObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export function evaluate(expr: Expr, scope: Scope): HclValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return evaluateTemplate(expr, scope);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, scope));
    case 'object': {
      const object: HclObject = {};
      for (const { key, value } of expr.items) {
        const name = evaluate(key, scope);
        if (typeof name === 'string' || typeof name === 'number') object[String(name)] = evaluate(value, scope);
        else return new Unknown(expr.src);
      }
      return object;
    }
    case 'name':
    case 'attr':
    case 'index':
      return evaluateReference(expr, scope);
    case 'call':
      return callFunction(expr, scope);
    case 'conditional': {
      const condition = evaluate(expr.condition, scope);
      if (typeof condition === 'boolean') return evaluate(condition ? expr.then : expr.otherwise, scope);
      return new Unknown(expr.src);
    }
    case 'binary':
      return binary(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope), expr.src);
    case 'unary': {
      const operand = evaluate(expr.operand, scope);
      if (expr.op === '!' && typeof operand === 'boolean') return !operand;
      if (expr.op === '-' && typeof operand === 'number') return -operand;
      return new Unknown(expr.src);
    }
    case 'opaque':
      return new Unknown(expr.src);
  }
}

function evaluateTemplate(expr: Extract<Expr, { kind: 'template' }>, scope: Scope): HclValue {
  const [only] = expr.parts;
  if (expr.parts.length === 1 && typeof only === 'object' && only.kind === 'interpolation') return evaluate(only.expr, scope);
  let text = '';
  for (const part of expr.parts) {
    if (typeof part === 'string') text += part;
    else if (part.kind === 'directive') {
      throw new EvaluationError(`the template directive ${part.src} is not supported: only \${...} interpolations are read`, { file: expr.file, line: part.line, column: part.column });
    } else text += asText(evaluate(part.expr, scope), part.expr.src);
  }
  return text;
}

function asText(value: HclValue, src: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  if (isUnknown(value)) return value.marker;
  return new Unknown(src).marker;
}

/** `var.x.y`, `local.m["k"]`, `aws_lambda_function.worker.arn`: the scope resolves the head, known values the rest. */
function evaluateReference(expr: Expr, scope: Scope): HclValue {
  const steps: (string | Expr)[] = [];
  let head: Expr = expr;
  while (head.kind === 'attr' || head.kind === 'index') {
    steps.unshift(head.kind === 'attr' ? head.name : head.key);
    head = head.target;
  }
  let value: HclValue;
  let rest: (string | Expr)[];
  if (head.kind === 'name') {
    const names: string[] = [];
    for (const step of steps) {
      if (typeof step !== 'string') break;
      names.push(step);
    }
    const found = scope.lookup(head.name, names, expr);
    if (!found) return new Unknown(expr.src);
    value = found.value;
    rest = steps.slice(found.used);
  } else {
    value = evaluate(head, scope);
    rest = steps;
  }
  for (const step of rest) {
    const key = typeof step === 'string' ? step : evaluate(step, scope);
    if (isUnknown(value) || isUnknown(key)) return new Unknown(expr.src);
    if (Array.isArray(value) && typeof key === 'number') value = value[key] ?? new Unknown(expr.src);
    else if (isHclObject(value) && (typeof key === 'string' || typeof key === 'number')) value = value[String(key)] ?? new Unknown(expr.src);
    else return new Unknown(expr.src);
  }
  return value;
}

function binary(op: string, left: HclValue, right: HclValue, src: string): HclValue {
  if (containsUnknown(left) || containsUnknown(right)) return new Unknown(src);
  if (op === '==') return JSON.stringify(left) === JSON.stringify(right);
  if (op === '!=') return JSON.stringify(left) !== JSON.stringify(right);
  if (op === '&&' || op === '||') {
    if (typeof left !== 'boolean' || typeof right !== 'boolean') return new Unknown(src);
    return op === '&&' ? left && right : left || right;
  }
  const a = typeof left === 'string' && left.trim() !== '' ? Number(left) : left;
  const b = typeof right === 'string' && right.trim() !== '' ? Number(right) : right;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return new Unknown(src);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return new Unknown(src);
  }
}

type HclFunction = (args: HclValue[], call: Extract<Expr, { kind: 'call' }>, scope: Scope) => HclValue;

const FUNCTIONS: Record<string, HclFunction> = {
  jsonencode: ([value]) => (value === undefined ? null : JSON.stringify(toJson(value))),
  jsondecode: ([text], call) => {
    if (typeof text !== 'string') return new Unknown(call.src);
    // Markers of unknown values standing for numbers (`"MaxConcurrency": ${var.limit}`) are read as strings.
    for (const candidate of [text, quoteBareMarkers(text)]) {
      try {
        return JSON.parse(candidate) as HclValue;
      } catch {
        // try the next reading
      }
    }
    return new Unknown(call.src);
  },
  file: ([path], call, scope) => (typeof path === 'string' ? scope.readFile(scope.resolvePath(path), call) : new Unknown(call.src)),
  templatefile: ([path, vars], call, scope) => {
    if (typeof path !== 'string') return new Unknown(call.src);
    const file = scope.resolvePath(path);
    return renderTemplate(scope.readFile(file, call), file, vars ?? {}, scope);
  },
  merge: (args, call) => {
    if (!args.every((a) => isHclObject(a) || a === null)) return new Unknown(call.src);
    return Object.assign({}, ...args.filter((a) => a !== null)) as HclObject;
  },
  concat: (args, call) => (args.every(Array.isArray) ? (args as HclValue[][]).flat(1) : new Unknown(call.src)),
  lookup: ([map, key, fallback], call) => {
    if (!isHclObject(map ?? null) || typeof key !== 'string') return new Unknown(call.src);
    return (map as HclObject)[key] ?? fallback ?? new Unknown(call.src);
  },
  coalesce: (args, call) => {
    for (const arg of args) {
      if (isUnknown(arg)) return new Unknown(call.src);
      if (arg !== null && arg !== '') return arg;
    }
    return null;
  },
  try: (args, call) => args.find((a) => !containsUnknown(a)) ?? new Unknown(call.src),
  tostring: ([v], call) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : (v ?? new Unknown(call.src))),
  tonumber: ([v], call) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : new Unknown(call.src)),
  tobool: ([v], call) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : new Unknown(call.src)),
  tolist: ([v], call) => (Array.isArray(v) ? v : new Unknown(call.src)),
  toset: ([v], call) => (Array.isArray(v) ? v : new Unknown(call.src)),
  tomap: ([v], call) => (v !== undefined && isHclObject(v) ? v : new Unknown(call.src)),
  trimspace: ([v], call) => (typeof v === 'string' ? v.trim() : new Unknown(call.src)),
  lower: ([v], call) => (typeof v === 'string' ? v.toLowerCase() : new Unknown(call.src)),
  upper: ([v], call) => (typeof v === 'string' ? v.toUpperCase() : new Unknown(call.src)),
  replace: ([s, find, by], call) =>
    typeof s === 'string' && typeof find === 'string' && typeof by === 'string' && !/^\/.*\/$/.test(find) ? s.split(find).join(by) : new Unknown(call.src),
  join: ([separator, list], call) =>
    typeof separator === 'string' && Array.isArray(list) && list.every((v) => typeof v === 'string' || typeof v === 'number') ? list.join(separator) : new Unknown(call.src),
  format: ([spec, ...args], call) => {
    if (typeof spec !== 'string' || args.some((a) => typeof a !== 'string' && typeof a !== 'number' && typeof a !== 'boolean')) return new Unknown(call.src);
    let i = 0;
    const out = spec.replace(/%[sdv%]/g, (m) => (m === '%%' ? '%' : String(args[i++] ?? '')));
    return /%[^sdv%]/.test(spec) ? new Unknown(call.src) : out;
  },
};

function callFunction(call: Extract<Expr, { kind: 'call' }>, scope: Scope): HclValue {
  const fn = ownValue(FUNCTIONS, call.name);
  if (!fn) return new Unknown(call.src);
  return fn(
    call.args.map((arg) => evaluate(arg, scope)),
    call,
    scope,
  );
}

/** A template's text rendered with `vars`, as `templatefile()` and the template_file data source do. */
export function renderTemplate(text: string, file: string, vars: HclValue, scope: Scope): HclValue {
  const template = parseHclTemplate(text, file);
  const templateScope: Scope = {
    lookup: (root) => (isHclObject(vars) && hasOwnKey(vars, root) ? { value: vars[root] as HclValue, used: 0 } : undefined),
    readFile: (path, expr) => scope.readFile(path, expr),
    resolvePath: (path) => scope.resolvePath(path),
    note: (message) => scope.note(message),
  };
  return evaluate(template, templateScope);
}
