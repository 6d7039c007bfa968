/**
 * Reads what `dmap import` is given: an Amazon States Language definition (JSON or
 * YAML), a CloudFormation, SAM or CDK-synthesized template holding state machines, or a
 * Terraform configuration (terraform-state-machines.ts), and finds the ASL of each state
 * machine in it. Pure: files are read by read-definition-file.ts, which also reads the
 * files SAM's DefinitionUri points at and the rest of a Terraform folder.
 */
import { dirname } from 'node:path';
import { UserInputError, type InputProblem } from '../errors.js';
import { locatePath } from '../input/parse-located.js';
import { checkAsl } from './check-asl.js';
import { parseDefinitionText } from './definition-syntax.js';
import { quoteBareMarkers, renderIntrinsic, substitute, substituteDeep } from './intrinsics.js';
import { formatJsonPath, isObject, plural, type JsonObject } from './json-value.js';
import type { FileRead } from './terraform-configuration.js';
import type { TerraformFunction } from './terraform-functions.js';
import { readTerraformSource } from './terraform-state-machines.js';

export const SFN_STATE_MACHINE = 'AWS::StepFunctions::StateMachine';
export const SAM_STATE_MACHINE = 'AWS::Serverless::StateMachine';

export interface StateMachine {
  /** The template's logical ID, or the file name without extensions for an ASL file. */
  name: string;
  /** Set for a state machine found in a template. */
  logicalId?: string;
  /** How its definition was given, for messages: `ASL file`, `DefinitionString (Fn::Sub)`, `DefinitionUri statemachines/x.json`. */
  origin: string;
  /** The file holding the definition's text: the ASL file, the template, or the DefinitionUri file. */
  file: string;
  /** The ASL, with template placeholders substituted or left as `${Name}` markers. */
  definition: JsonObject;
  /**
   * What reading the definition assumed, for the import notes: `read` for a value taken
   * from a default (`var.limit ... its default, 100, was used`), `unsupported` for an
   * approximation (a conditional the files do not settle).
   */
  assumptions?: { kind: 'read' | 'unsupported'; message: string }[];
}

/** A SAM state machine whose definition is in a local file, still to be read. */
export interface PendingDefinitionUri {
  logicalId: string;
  /** The path as written in the template, relative to the template's folder. */
  uri: string;
  substitutions: Record<string, string>;
}

export interface SkippedMachine {
  logicalId: string;
  reason: string;
}

/** What a template holds besides state machines: the importer reads Lambda settings from it. */
export interface TemplateInfo {
  resources: Record<string, JsonObject>;
  /** SAM `Globals.Function`: defaults of every AWS::Serverless::Function. */
  globalsFunction: JsonObject;
  parameters: Record<string, JsonObject>;
  /** Set for a Terraform configuration: its Lambda functions by address (`aws_lambda_function.worker`), read by terraform-functions.ts. */
  terraform?: { functions: Record<string, TerraformFunction> };
}

export interface DefinitionSource {
  file: string;
  kind: 'asl' | 'template';
  /** "an Amazon States Language definition", "a SAM template with 14 resources". */
  description: string;
  /** In the order they appear; DefinitionUri ones still to be read. */
  machines: (StateMachine | PendingDefinitionUri)[];
  skipped: SkippedMachine[];
  template?: TemplateInfo;
}

export interface LoadedDefinition extends Omit<DefinitionSource, 'machines'> {
  machines: StateMachine[];
}

export function isPending(machine: StateMachine | PendingDefinitionUri): machine is PendingDefinitionUri {
  return 'uri' in machine;
}

/**
 * Detects the kind of input and extracts its state machines. Throws a UserInputError saying what was found.
 * A Terraform file is read alone here (read-definition-file.ts reads its folder); the
 * files its `templatefile()` and `file()` calls name are then not read, and say so.
 */
export function parseDefinitionSource(text: string, file: string): DefinitionSource {
  const parsed = parseDefinitionText(text, file);
  if (parsed.format === 'hcl') return terraformFileSource(text, file);
  const value = parsed.value;
  if (isObject(value) && isObject(value['Resources'])) return templateSource(value, file, text);
  if (isObject(value) && ('StartAt' in value || 'States' in value)) {
    const definition = checkedAsl(value, file, text, []);
    return { file, kind: 'asl', description: 'an Amazon States Language definition', machines: [{ name: stem(file), origin: 'ASL file', file, definition }], skipped: [] };
  }
  throw new UserInputError([{ file, message: `${whatIsIt(value)}: not an Amazon States Language definition (it needs StartAt and States) nor a CloudFormation, SAM or CDK template (it needs Resources)` }]);
}

/** Parses the file a SAM DefinitionUri points at, after DefinitionSubstitutions. */
export function parseDefinitionUriText(pending: PendingDefinitionUri, text: string, file: string): StateMachine {
  const substituted = substitute(text, pending.substitutions);
  return { name: pending.logicalId, logicalId: pending.logicalId, origin: `DefinitionUri ${pending.uri}`, file, definition: parseAslText(substituted, file) };
}

/** An ASL text in JSON or YAML, checked. */
function parseAslText(text: string, file: string): JsonObject {
  const parsed = parseDefinitionText(text, file);
  if (parsed.format === 'hcl') throw new UserInputError([{ file, message: 'is Terraform, not an Amazon States Language definition in JSON or YAML' }]);
  return checkedAsl(parsed.value, file, text, []);
}

function terraformFileSource(text: string, file: string): DefinitionSource {
  const input = { given: file, folder: dirname(file), files: [{ file, text }], tfvars: [], fileTexts: new Map<string, FileRead>() };
  const first = readTerraformSource(input);
  if (first.kind === 'done') return first.source;
  const notRead = new Map<string, FileRead>(first.files.map((path) => [path, { error: 'not read: give dmap import the .tf file or its folder, not its text' }]));
  const second = readTerraformSource({ ...input, fileTexts: notRead });
  if (second.kind === 'done') return second.source;
  throw new Error(`internal: ${second.files.join(', ')} still to read`);
}

function checkedAsl(value: unknown, file: string, text: string | undefined, prefix: (string | number)[]): JsonObject {
  const problems = checkAsl(value);
  if (problems.length === 0) return value as JsonObject;
  throw new UserInputError(
    problems.map((problem): InputProblem => ({
      file,
      ...(text !== undefined ? locatePath(text, [...prefix, ...problem.path]) : {}),
      field: formatJsonPath([...prefix, ...problem.path]),
      message: `${problem.message} (not valid Amazon States Language)`,
    })),
  );
}

function templateSource(template: JsonObject, file: string, text: string): DefinitionSource {
  const resources = Object.fromEntries(Object.entries(template['Resources'] as JsonObject).filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
  const globals = isObject(template['Globals']) && isObject(template['Globals']['Function']) ? template['Globals']['Function'] : {};
  const parameters = Object.fromEntries(
    Object.entries(isObject(template['Parameters']) ? template['Parameters'] : {}).filter((entry): entry is [string, JsonObject] => isObject(entry[1])),
  );
  const kind = templateKind(template, resources);
  const description = `a ${kind} template with ${plural(Object.keys(resources).length, 'resource')}`;
  const machines: (StateMachine | PendingDefinitionUri)[] = [];
  const skipped: SkippedMachine[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = resource['Type'];
    if (type !== SFN_STATE_MACHINE && type !== SAM_STATE_MACHINE) continue;
    const found = stateMachineOf(logicalId, type, isObject(resource['Properties']) ? resource['Properties'] : {}, file, text);
    if ('reason' in found) skipped.push(found);
    else machines.push(found);
  }
  if (machines.length === 0 && skipped.length === 0) {
    const types = [...new Set(Object.values(resources).map((r) => String(r['Type'])))];
    const shown = types.length > 5 ? `${types.slice(0, 5).join(', ')}, ...` : types.join(', ');
    throw new UserInputError([
      { file, message: `found ${description}${types.length > 0 ? ` (${shown})` : ''} and no state machine: no ${SFN_STATE_MACHINE} or ${SAM_STATE_MACHINE} resource` },
    ]);
  }
  return { file, kind: 'template', description, machines, skipped, template: { resources, globalsFunction: globals, parameters } };
}

function stateMachineOf(
  logicalId: string,
  type: string,
  properties: JsonObject,
  file: string,
  templateText: string,
): StateMachine | PendingDefinitionUri | SkippedMachine {
  const substitutions = Object.fromEntries(
    Object.entries(isObject(properties['DefinitionSubstitutions']) ? properties['DefinitionSubstitutions'] : {}).map(([key, v]) => [key, renderIntrinsic(v)]),
  );
  const at = ['Resources', logicalId, 'Properties'];
  if (isObject(properties['Definition'])) {
    const definition = substituteDeep(properties['Definition'], substitutions);
    return { name: logicalId, logicalId, origin: 'Definition', file, definition: checkedAsl(definition, file, templateText, [...at, 'Definition']) };
  }
  const definitionString = properties['DefinitionString'];
  if (type === SFN_STATE_MACHINE && definitionString !== undefined) {
    const form = typeof definitionString === 'string' ? '' : isObject(definitionString) ? ` (${Object.keys(definitionString)[0]})` : '';
    const text = substitute(renderIntrinsic(definitionString), substitutions);
    return { name: logicalId, logicalId, origin: `DefinitionString${form}`, file, definition: parseDefinitionString(text, file, [...at, 'DefinitionString']) };
  }
  const uri = properties['DefinitionUri'];
  if (type === SAM_STATE_MACHINE && typeof uri === 'string' && !/^s3:\/\//i.test(uri)) return { logicalId, uri, substitutions };
  if (uri !== undefined || properties['DefinitionS3Location'] !== undefined) {
    return { logicalId, reason: 'its definition is in Amazon S3 (DefinitionUri or DefinitionS3Location): download it and import that file' };
  }
  return { logicalId, reason: 'it has no Definition, DefinitionString or DefinitionUri' };
}

function parseDefinitionString(text: string, file: string, at: (string | number)[]): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(quoteBareMarkers(text));
  } catch (error) {
    throw new UserInputError([{ file, field: formatJsonPath(at), message: `is not valid JSON once its intrinsic functions are rendered: ${(error as Error).message}` }]);
  }
  return checkedAsl(value, file, undefined, at);
}

function templateKind(template: JsonObject, resources: Record<string, JsonObject>): string {
  const transform = template['Transform'];
  const transforms = Array.isArray(transform) ? transform : [transform];
  if (transforms.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless'))) return 'SAM';
  const cdk =
    (isObject(template['Parameters']) && 'BootstrapVersion' in template['Parameters']) ||
    Object.values(resources).some((r) => isObject(r['Metadata']) && 'aws:cdk:path' in r['Metadata']);
  return cdk ? 'CDK-synthesized CloudFormation' : 'CloudFormation';
}

function whatIsIt(value: unknown): string {
  if (value === null || value === undefined) return 'found an empty document';
  if (Array.isArray(value)) return `found a list of ${plural(value.length, 'entry', 'entries')}`;
  if (!isObject(value)) return `found a single ${typeof value} value`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'found an empty object';
  const shown = keys.length > 6 ? `${keys.slice(0, 6).join(', ')} and ${keys.length - 6} more` : keys.join(', ');
  return `found an object with the ${keys.length === 1 ? 'key' : 'keys'} ${shown}`;
}

/** `statemachines/dmap-temperatures.asl.json` → `dmap-temperatures`. */
export function stem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(json|ya?ml)$/i, '').replace(/\.asl$/i, '') || base;
}
