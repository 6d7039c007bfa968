/**
 * The state machines of a Terraform configuration: every `aws_sfn_state_machine`
 * resource, and every module given a definition (`definition = ...` of
 * terraform-aws-modules/step-functions, `state_machine_definition = ...` of a module of
 * your own). Each `definition` is evaluated however it is written: a heredoc, a quoted
 * string, `jsonencode({...})`, `templatefile(...)`, `file(...)`, a `local`, the
 * `rendered` text of a template_file data source, or a conditional between two of them.
 * What only `terraform apply` knows stays a `${...}` marker, as in a CloudFormation
 * definition. Problems are located in the `.tf` file (or the template file) at their line.
 *
 * Pure: the caller reads the files, and reads again the ones `file()` and
 * `templatefile()` asked for when the result says `missing`.
 */
import { normalize } from 'node:path';
import { UserInputError, type InputProblem } from '../errors.js';
import { locatePath } from '../input/parse-located.js';
import { checkAsl } from './check-asl.js';
import { quoteBareMarkers } from './intrinsics.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { formatJsonPath, isObject, plural, type JsonObject } from './json-value.js';
import type { DefinitionSource, SkippedMachine, StateMachine } from './load-definition.js';
import type { Attribute, Block, Expr } from './terraform-ast.js';
import { configurationScope, indexConfiguration, MissingFile, type FileRead, type ParsedFile, type TerraformConfiguration } from './terraform-configuration.js';
import { EvaluationError, evaluate, isUnknown, toJson, type HclValue, type Scope } from './terraform-evaluate.js';
import { terraformFunctions } from './terraform-functions.js';
import { HclSyntaxError, parseHclBody } from './terraform-parser.js';

export interface TerraformFileText {
  file: string;
  text: string;
}

export interface TerraformInput {
  /** What the user gave: a `.tf` file or a folder. */
  given: string;
  folder: string;
  /** The folder's `.tf` files, in name order. */
  files: TerraformFileText[];
  /** terraform.tfvars, then the *.auto.tfvars files in name order, as Terraform reads them. */
  tfvars: TerraformFileText[];
  /** When a file was given: the state machines of that file only (the folder still gives variables, locals and functions). */
  only?: string;
  /** The files `file()` and `templatefile()` read, by path. */
  fileTexts: ReadonlyMap<string, FileRead>;
}

export type TerraformRead = { kind: 'done'; source: DefinitionSource } | { kind: 'missing'; files: string[] };

const STATE_MACHINE = 'aws_sfn_state_machine';
/** The arguments that give a module a state machine definition (not an ECS `task_definition`, say). */
const MODULE_DEFINITION = /^(definition|(state_machine|sfn|step_functions?|workflow)_definition)$/;

export function readTerraformSource(input: TerraformInput): TerraformRead {
  const config = indexConfiguration(input.folder, input.files.map(parseFile), input.tfvars.map(parseFile));
  const found = stateMachineBlocks(config);
  const resources = config.files.flatMap((f) => f.body).filter((item): item is Block => item.kind === 'block' && item.type === 'resource').length;
  const description = `a Terraform configuration with ${plural(config.files.length, '.tf file')} and ${plural(resources, 'resource')}`;
  const chosen = input.only === undefined ? found : found.filter((c) => normalize(c.block.file) === normalize(input.only as string));
  if (chosen.length === 0) throw new UserInputError([{ file: input.given, message: noStateMachineMessage(config, found, description, input.only) }]);

  const missing = new Set<string>();
  const machines: StateMachine[] = [];
  const skipped: SkippedMachine[] = [];
  for (const candidate of chosen) {
    const read = readMachine(candidate, config, input, missing);
    if (read === undefined || read === 'not a state machine') continue;
    if ('reason' in read) skipped.push(read);
    else machines.push(read);
  }
  if (missing.size > 0) return { kind: 'missing', files: [...missing] };
  const functions = terraformFunctions(config, { fileTexts: input.fileTexts, missing: new Set() });
  return {
    kind: 'done',
    source: { file: input.given, kind: 'template', description, machines, skipped, template: { resources: {}, globalsFunction: {}, parameters: {}, terraform: { functions } } },
  };
}

function parseFile({ file, text }: TerraformFileText): ParsedFile {
  try {
    return { file, body: parseHclBody(text, file) };
  } catch (error) {
    if (error instanceof HclSyntaxError) throw new UserInputError([{ file: error.file, line: error.line, column: error.column, message: `not valid Terraform (HCL): ${error.message}` }]);
    throw error;
  }
}

interface Candidate {
  /** `orders` for `resource "aws_sfn_state_machine" "orders"`, `step_function` for `module "step_function"`. */
  name: string;
  /** `aws_sfn_state_machine.orders`, `module.step_function`. */
  address: string;
  block: Block;
  definition?: Attribute;
}

function stateMachineBlocks(config: TerraformConfiguration): Candidate[] {
  const found: Candidate[] = [];
  for (const { body } of config.files) {
    for (const block of body) {
      if (block.kind !== 'block') continue;
      const [type, name] = block.labels;
      if (block.type === 'resource' && type === STATE_MACHINE && name) {
        found.push({ name, address: `${STATE_MACHINE}.${name}`, block, definition: definitionAttribute(block, (n) => n === 'definition') });
      } else if (block.type === 'module' && type) {
        const definition = definitionAttribute(block, (n) => MODULE_DEFINITION.test(n));
        if (definition) found.push({ name: type, address: `module.${type}`, block, definition });
      }
    }
  }
  return found;
}

function definitionAttribute(block: Block, test: (name: string) => boolean): Attribute | undefined {
  return block.body.find((item): item is Attribute => item.kind === 'attribute' && test(item.name));
}

function noStateMachineMessage(config: TerraformConfiguration, found: Candidate[], description: string, only: string | undefined): string {
  if (only !== undefined && found.length > 0) {
    const files = [...new Set(found.map((c) => c.block.file))];
    const where = files.map((file) => `${file} has ${found.filter((c) => c.block.file === file).map((c) => c.name).join(', ')}`).join('; ');
    return `found no state machine in this file (no ${STATE_MACHINE} resource, nor a module given a definition); in the same folder, ${where}: import that file, or the folder`;
  }
  const types = [...new Set(config.files.flatMap((f) => f.body).flatMap((item) => (item.kind === 'block' && item.type === 'resource' && item.labels[0] ? [item.labels[0]] : [])))];
  const shown = types.length > 5 ? `${types.slice(0, 5).join(', ')}, ...` : types.join(', ');
  return `found ${description}${types.length > 0 ? ` (${shown})` : ''} and no state machine: no ${STATE_MACHINE} resource, nor a module given a definition`;
}

/** Where a definition's text is, to say how it was given and to locate its problems. */
type TextOrigin =
  | { kind: 'heredoc'; file: string; firstLine: number; indent: number; text: string; how: string }
  | { kind: 'file'; file: string; how: string }
  | { kind: 'object'; object: Expr; how: string }
  | { kind: 'other'; how: string };

/**
 * A machine, a machine that cannot be read (with why), undefined while files it needs are
 * still to be read, or 'not a state machine' for a module whose `definition` is some other JSON.
 */
function readMachine(candidate: Candidate, config: TerraformConfiguration, input: TerraformInput, missing: Set<string>): StateMachine | SkippedMachine | 'not a state machine' | undefined {
  const { name, address, block, definition } = candidate;
  if (!definition) return { logicalId: name, reason: `${address} has no definition attribute` };
  const notes: string[] = [];
  const approximations: string[] = [];
  const scope = configurationScope(config, { fileTexts: input.fileTexts, missing, notes });
  try {
    const via: string[] = [];
    const expr = followDefinition(definition.expr, config, scope, approximations, via);
    const value = evaluate(expr, scope);
    const origin = textOrigin(expr, scope);
    const how = origin.kind === 'file' ? origin.how : `${origin.how} at ${expr.file}:${expr.line}`;
    const description = [`${address.startsWith('module.') ? `${address} ` : ''}${definition.name}`, ...via, how].join(' = ');
    const unknown = unknownDefinition(value);
    if (unknown) return { logicalId: name, reason: unknown };
    const file = origin.kind === 'file' ? origin.file : origin.kind === 'heredoc' ? origin.file : block.file;
    const asl = aslOf(value, origin, address, definition, file);
    if (address.startsWith('module.') && !(isObject(asl) && ('StartAt' in asl || 'States' in asl))) return 'not a state machine';
    checkDefinition(asl, { origin, text: typeof value === 'string' ? value : undefined }, address, definition, file);
    const assumptions = [...approximations.map((message) => ({ kind: 'unsupported' as const, message })), ...notes.map((message) => ({ kind: 'read' as const, message }))];
    return { name, logicalId: name, origin: description, file, definition: asl, ...(assumptions.length > 0 ? { assumptions } : {}) };
  } catch (error) {
    if (error instanceof MissingFile) return undefined;
    if (error instanceof EvaluationError) return { logicalId: name, reason: `${error.message} (${error.at.file}:${error.at.line})` };
    if (error instanceof HclSyntaxError) return { logicalId: name, reason: `${error.file}:${error.line}:${error.column}: not a valid template: ${error.message}` };
    throw error;
  }
}

/** Follows `local.x` and conditionals to the expression that gives the text; a condition the files do not settle takes its first branch. */
function followDefinition(start: Expr, config: TerraformConfiguration, scope: Scope, notes: string[], via: string[]): Expr {
  let expr = start;
  for (let depth = 0; depth < 20; depth++) {
    if (expr.kind === 'attr' && expr.target.kind === 'name' && expr.target.name === 'local' && config.locals.has(expr.name)) {
      via.push(`local.${expr.name}`);
      expr = (config.locals.get(expr.name) as Attribute).expr;
    } else if (expr.kind === 'conditional') {
      const condition = evaluate(expr.condition, scope);
      if (typeof condition !== 'boolean') notes.push(`the definition depends on ${expr.condition.src}, which these files do not settle: its first branch (before ':') was read`);
      expr = condition === false ? expr.otherwise : expr.then;
    } else return expr;
  }
  return expr;
}

function textOrigin(expr: Expr, scope: Scope): TextOrigin {
  if (expr.kind === 'template' && expr.heredoc) return { kind: 'heredoc', file: expr.file, firstLine: expr.heredoc.line, indent: expr.heredoc.indent, text: expr.heredoc.text, how: 'a heredoc' };
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args[0]) return { kind: 'object', object: expr.args[0], how: 'jsonencode({...})' };
  if (expr.kind === 'call' && (expr.name === 'templatefile' || expr.name === 'file') && expr.args[0]) {
    const path = evaluate(expr.args[0], scope);
    if (typeof path === 'string') {
      const file = scope.resolvePath(path);
      return { kind: 'file', file, how: `${expr.name}(${file})` };
    }
  }
  if (expr.kind === 'attr' && expr.name === 'rendered') return { kind: 'other', how: expr.src };
  return { kind: 'other', how: expr.kind === 'call' ? `${expr.name}(...)` : 'a string' };
}

/** Why a definition cannot be read when it is known only on apply; undefined when it can. */
function unknownDefinition(value: HclValue): string | undefined {
  const text = isUnknown(value) ? value.text : typeof value === 'string' ? /^\s*\$\{([^}]*)\}\s*$/.exec(value)?.[1] : undefined;
  if (text === undefined) return undefined;
  const what = text.startsWith('var.') ? 'a variable without a default or .tfvars value' : text.startsWith('module.') ? 'a module output' : 'known only when Terraform applies the configuration';
  return `its definition is ${text}, ${what}: import the file the definition is written in`;
}

function aslOf(value: HclValue, origin: TextOrigin, address: string, definition: Attribute, file: string): unknown {
  if (typeof value !== 'string') return toJson(value);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    try {
      // A `${var.limit}` standing for a number (`"MaxConcurrency": ${var.limit}`) is not JSON until applied.
      return JSON.parse(quoteBareMarkers(value)) as unknown;
    } catch {
      const problem = findJsonSyntaxError(value) ?? { line: 1, column: 1, message: 'not JSON' };
      const at =
        origin.kind === 'heredoc'
          ? { line: origin.firstLine + problem.line - 1, column: problem.column + origin.indent }
          : origin.kind === 'file'
            ? { line: problem.line, column: problem.column }
            : { line: definition.line, column: definition.column };
      throw new UserInputError([{ file, ...at, field: `${address}.${definition.name}`, message: `is not valid JSON: ${problem.message}` }]);
    }
  }
}

function checkDefinition(asl: unknown, source: { origin: TextOrigin; text: string | undefined }, address: string, definition: Attribute, file: string): asserts asl is JsonObject {
  const problems = checkAsl(asl);
  if (problems.length === 0 && isObject(asl)) return;
  throw new UserInputError(
    problems.map((problem): InputProblem => ({
      file,
      ...locate(source, problem.path, definition),
      field: `${address}.${definition.name}${problem.path.length > 0 ? `.${formatJsonPath(problem.path)}` : ''}`,
      message: `${problem.message} (not valid Amazon States Language)`,
    })),
  );
}

function locate({ origin, text }: { origin: TextOrigin; text: string | undefined }, path: (string | number)[], definition: Attribute): { line?: number; column?: number } {
  if (origin.kind === 'heredoc') {
    const at = locatePath(origin.text, path);
    return at.line === undefined ? {} : { line: origin.firstLine + at.line - 1, column: (at.column ?? 1) + origin.indent };
  }
  if (origin.kind === 'object') return locateInObject(origin.object, path);
  if (origin.kind === 'file') return text === undefined ? {} : locatePath(text, path);
  return { line: definition.line, column: definition.column };
}

/** The position of the deepest key along `path` in an HCL object or tuple expression. */
function locateInObject(expr: Expr, path: (string | number)[]): { line: number; column: number } {
  let node = expr;
  let at = { line: expr.line, column: expr.column };
  for (const segment of path) {
    if (node.kind === 'object') {
      const item = node.items.find(({ key }) => keyName(key) === segment);
      if (!item) break;
      at = { line: item.key.line, column: item.key.column };
      node = item.value;
    } else if (node.kind === 'tuple' && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Expr;
      at = { line: node.line, column: node.column };
    } else break;
  }
  return at;
}

function keyName(key: Expr): string | undefined {
  if (key.kind === 'literal') return String(key.value);
  if (key.kind === 'template' && key.parts.every((p) => typeof p === 'string')) return key.parts.join('');
  return undefined;
}
