/**
 * A Terraform module as the importer reads it: the parsed `.tf` files of one folder,
 * indexed by what a definition can refer to (variables, locals, resources, data
 * sources, modules), and the Scope that resolves those names for terraform-evaluate.ts.
 *
 * - `var.x` is the value given in terraform.tfvars or a *.auto.tfvars file, else the
 *   variable's `default` (a note says which was used), else unknown: it stays a
 *   `${var.x}` marker and the field it fills is asked for.
 * - `local.x`, `path.module` (the folder itself), and a resource's or data source's
 *   attribute written in its block (`aws_s3_bucket.data.bucket`) are read.
 * - `data.template_file.x.rendered` is rendered from its `template` and `vars`.
 * - Anything computed on apply (`.arn`, `.id`, module outputs) is unknown.
 *
 * Pure: the files' texts come in; `file()` and `templatefile()` read from `fileTexts`,
 * and a path not in it yet is added to `missing` for the caller to read.
 */
import { isAbsolute, join } from 'node:path';
import type { Attribute, Block, Body, Expr } from './terraform-ast.js';
import { EvaluationError, evaluate, renderTemplate, toJson, type HclValue, type Scope } from './terraform-evaluate.js';

export interface ParsedFile {
  file: string;
  body: Body;
}

/** The text of a file read for `file()` or `templatefile()`, or why it could not be read. */
export type FileRead = { text: string } | { error: string };

export interface TerraformConfiguration {
  folder: string;
  files: ParsedFile[];
  variables: Map<string, Block>;
  /** Values from terraform.tfvars and *.auto.tfvars, later files winning. */
  variableValues: Map<string, Attribute>;
  locals: Map<string, Attribute>;
  /** By address: `aws_lambda_function.worker`, `data.template_file.definition`, `module.step_function`. */
  blocks: Map<string, Block>;
}

/** Thrown when `file()` or `templatefile()` needs a file not read yet: the caller reads it and starts again. */
export class MissingFile extends Error {
  constructor(readonly path: string) {
    super(`${path} is not read yet`);
    this.name = 'MissingFile';
  }
}

export function indexConfiguration(folder: string, files: ParsedFile[], tfvars: ParsedFile[]): TerraformConfiguration {
  const config: TerraformConfiguration = { folder, files, variables: new Map(), variableValues: new Map(), locals: new Map(), blocks: new Map() };
  for (const { body } of files) {
    for (const item of body) {
      if (item.kind !== 'block') continue;
      const [first, second] = item.labels;
      if (item.type === 'variable' && first) config.variables.set(first, item);
      else if (item.type === 'locals') for (const local of item.body) if (local.kind === 'attribute') config.locals.set(local.name, local);
      if (item.type === 'resource' && first && second) config.blocks.set(`${first}.${second}`, item);
      else if (item.type === 'data' && first && second) config.blocks.set(`data.${first}.${second}`, item);
      else if (item.type === 'module' && first) config.blocks.set(`module.${first}`, item);
    }
  }
  for (const { body } of tfvars) for (const item of body) if (item.kind === 'attribute') config.variableValues.set(item.name, item);
  return config;
}

export function attribute(block: Block, name: string): Attribute | undefined {
  return block.body.find((item): item is Attribute => item.kind === 'attribute' && item.name === name);
}

export function nestedBlock(block: Block, type: string): Block | undefined {
  return block.body.find((item): item is Block => item.kind === 'block' && item.type === type);
}

export interface ScopeOptions {
  fileTexts: ReadonlyMap<string, FileRead>;
  /** Collects the files `file()` and `templatefile()` asked for and that are not in fileTexts yet. */
  missing: Set<string>;
  /** Collects what the reading assumed, in order, once each. */
  notes: string[];
}

export function configurationScope(config: TerraformConfiguration, options: ScopeOptions): Scope {
  const evaluating = new Set<string>();
  const guarded = (key: string, run: () => HclValue | undefined): HclValue | undefined => {
    if (evaluating.has(key)) return undefined;
    evaluating.add(key);
    try {
      return run();
    } finally {
      evaluating.delete(key);
    }
  };
  const scope: Scope = {
    lookup(root, names) {
      const [first, second, third] = names;
      if (root === 'var' && first) {
        const value = guarded(`var.${first}`, () => variableValue(config, first, scope, options.notes));
        return value === undefined ? undefined : { value, used: 1 };
      }
      if (root === 'local' && first) {
        const local = config.locals.get(first);
        const value = local && guarded(`local.${first}`, () => evaluate(local.expr, scope));
        return value === undefined ? undefined : { value, used: 1 };
      }
      if (root === 'path' && (first === 'module' || first === 'root' || first === 'cwd')) return { value: '.', used: 1 };
      if (root === 'data' && first === 'template_file' && second && third === 'rendered') {
        const block = config.blocks.get(`data.template_file.${second}`);
        const value = block && guarded(`data.template_file.${second}`, () => renderedTemplateFile(block, scope));
        return value === undefined ? undefined : { value, used: 3 };
      }
      const address = root === 'data' ? `data.${first}.${second}` : `${root}.${first}`;
      const name = root === 'data' ? third : second;
      const block = config.blocks.get(address);
      const configured = block && name && !address.startsWith('module.') ? attribute(block, name) : undefined;
      const value = configured && guarded(`${address}.${name}`, () => evaluate(configured.expr, scope));
      return value === undefined ? undefined : { value, used: root === 'data' ? 3 : 2 };
    },
    readFile(path, expr) {
      const read = options.fileTexts.get(path);
      if (read === undefined) {
        options.missing.add(path);
        throw new MissingFile(path);
      }
      if ('error' in read) throw new EvaluationError(`${callName(expr)} cannot read ${path}: ${read.error}`, expr);
      return read.text;
    },
    resolvePath: (path) => (isAbsolute(path) ? path : join(config.folder, path)),
    note(message) {
      if (!options.notes.includes(message)) options.notes.push(message);
    },
  };
  return scope;
}

function variableValue(config: TerraformConfiguration, name: string, scope: Scope, notes: string[]): HclValue | undefined {
  const given = config.variableValues.get(name);
  if (given) {
    const value = evaluate(given.expr, scope);
    note(notes, `var.${name} is ${describe(value)}, as ${given.file}:${given.line} sets it`);
    return value;
  }
  const block = config.variables.get(name);
  const fallback = block && attribute(block, 'default');
  if (!fallback) return undefined;
  const value = evaluate(fallback.expr, scope);
  note(notes, `var.${name} is set in no .tfvars file here: its default, ${describe(value)}, was used (${fallback.file}:${fallback.line}); a value given when you apply replaces it`);
  return value;
}

function renderedTemplateFile(block: Block, scope: Scope): HclValue | undefined {
  const template = attribute(block, 'template');
  if (!template) return undefined;
  const text = evaluate(template.expr, scope);
  if (typeof text !== 'string') return undefined;
  const vars = attribute(block, 'vars');
  return renderTemplate(text, template.file, vars ? evaluate(vars.expr, scope) : {}, scope);
}

function note(notes: string[], message: string): void {
  if (!notes.includes(message)) notes.push(message);
}

function describe(value: HclValue): string {
  const text = JSON.stringify(toJson(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function callName(expr: Expr): string {
  return expr.kind === 'call' ? `${expr.name}()` : 'the configuration';
}
