/**
 * The Lambda functions of a Terraform configuration, and the settings the importer
 * reads from them: `memory_size`, `timeout`, `architectures`,
 * `reserved_concurrent_executions` and `ephemeral_storage { size }` of an
 * `aws_lambda_function`, or the same inputs of a terraform-aws-modules/lambda module
 * (`ephemeral_storage_size` there). They are found from the `${...}` markers a definition
 * holds (`${aws_lambda_function.worker.arn}`, `${module.worker.lambda_function_arn}`) or
 * from a literal function name or ARN. The settings come out in the FunctionSettings shape
 * template-functions.ts gives for CloudFormation, so the scenario is filled the same way.
 * Pure.
 */
import { markersIn, renderIntrinsic } from './intrinsics.js';
import type { TemplateInfo } from './load-definition.js';
import type { Attribute, Block, Expr } from './terraform-ast.js';
import { attribute, configurationScope, nestedBlock, type ScopeOptions, type TerraformConfiguration } from './terraform-configuration.js';
import { evaluate, toJson } from './terraform-evaluate.js';
import { findFunctionResource, functionSettings, type FunctionSettings, type SettingRead } from './template-functions.js';
import { ownValue, setOwn } from '../own-key.js';

/** A setting as written in the function's block: its value (markers for what is unknown), and how it was read. */
export interface TerraformSetting {
  value: unknown;
  /** ` (the default of var.memory)`, when a variable gave it. */
  via?: string;
}

export interface TerraformFunction {
  /** `aws_lambda_function.worker` or `module.worker`. */
  address: string;
  /** `aws_lambda_function`, or `module terraform-aws-modules/lambda/aws`. */
  type: string;
  file: string;
  line: number;
  /** The function_name, when the files give it. */
  functionName?: string;
  memorySize?: TerraformSetting;
  timeout?: TerraformSetting;
  architectures?: TerraformSetting;
  reservedConcurrency?: TerraformSetting;
  ephemeralStorageSize?: TerraformSetting;
}

const MODULE_SOURCE = /(^|\/)terraform-aws-modules\/lambda\/aws(\/\/.*)?$/;

/** Every aws_lambda_function resource and terraform-aws-modules/lambda module, by address. */
export function terraformFunctions(config: TerraformConfiguration, options: Omit<ScopeOptions, 'notes'>): Record<string, TerraformFunction> {
  const functions: Record<string, TerraformFunction> = {};
  for (const [address, block] of config.blocks) {
    const isResource = address.startsWith('aws_lambda_function.');
    const source = address.startsWith('module.') ? attribute(block, 'source') : undefined;
    const isModule = source !== undefined && source.expr.kind === 'template' && MODULE_SOURCE.test(source.expr.parts.join(''));
    if (!isResource && !isModule) continue;
    const read = (found: Attribute | undefined): TerraformSetting | undefined => (found ? setting(found, config, options) : undefined);
    const name = read(attribute(block, 'function_name'))?.value;
    const storage = isModule ? attribute(block, 'ephemeral_storage_size') : attributeOf(nestedBlock(block, 'ephemeral_storage'), 'size');
    const fn: TerraformFunction = { address, type: isResource ? 'aws_lambda_function' : 'module terraform-aws-modules/lambda/aws', file: block.file, line: block.line };
    if (typeof name === 'string' && !name.includes('${')) fn.functionName = name;
    const settings: [keyof TerraformFunction, Attribute | undefined][] = [
      ['memorySize', attribute(block, 'memory_size')],
      ['timeout', attribute(block, 'timeout')],
      ['architectures', attribute(block, 'architectures')],
      ['reservedConcurrency', attribute(block, 'reserved_concurrent_executions')],
      ['ephemeralStorageSize', storage],
    ];
    for (const [key, found] of settings) {
      const value = read(found);
      if (value) (fn as unknown as Record<string, TerraformSetting>)[key] = value;
    }
    setOwn(functions, address, fn);
  }
  return functions;
}

function attributeOf(block: Block | undefined, name: string): Attribute | undefined {
  return block ? attribute(block, name) : undefined;
}

function setting(found: Attribute, config: TerraformConfiguration, options: Omit<ScopeOptions, 'notes'>): TerraformSetting {
  const notes: string[] = [];
  let value: unknown;
  try {
    value = toJson(evaluate(found.expr, configurationScope(config, { ...options, notes })));
  } catch {
    value = `\${${found.expr.src}}`;
  }
  const variable = variableName(found.expr);
  if (variable && !(typeof value === 'string' && value.includes('${'))) {
    const via = config.variableValues.has(variable) ? ` (var.${variable}, from ${config.variableValues.get(variable)?.file})` : ` (the default of var.${variable})`;
    return { value, via };
  }
  return { value };
}

function variableName(expr: Expr): string | undefined {
  return expr.kind === 'attr' && expr.target.kind === 'name' && expr.target.name === 'var' ? expr.name : undefined;
}

const REFERENCE = /^((aws_lambda_function\.[\w-]+)(\[[^\]]*\])?\.(arn|qualified_arn|invoke_arn|qualified_invoke_arn|function_name|id)|(module\.[\w-]+)(\[[^\]]*\])?\.lambda_function_(arn|name|qualified_arn|invoke_arn|qualified_invoke_arn))$/;

/**
 * The function a Task names, in a Terraform configuration: through a `${...}` marker of
 * one of its attributes, or a literal function name or ARN equal to its function_name.
 */
export function findTerraformFunction(reference: unknown, template: TemplateInfo | undefined): TerraformFunction | undefined {
  const functions = template?.terraform?.functions;
  if (!functions) return undefined;
  const text = renderIntrinsic(reference);
  for (const marker of markersIn(text)) {
    const match = REFERENCE.exec(marker);
    const address = match?.[2] ?? match?.[5];
    if (address && ownValue(functions, address)) return ownValue(functions, address);
  }
  const name = /:function:([^:]+)/.exec(text)?.[1] ?? text.split(':')[0];
  return Object.values(functions).find((fn) => fn.functionName !== undefined && fn.functionName === name);
}

/** The settings of a Terraform function; unset ones are AWS's defaults (128 MB, 3 s, x86_64), noted as such. */
export function terraformFunctionSettings(fn: TerraformFunction): FunctionSettings {
  const number = (name: string, found: TerraformSetting | undefined, unit: string, awsDefault?: number): SettingRead<number> | undefined => {
    const from = `${fn.address}.${name}`;
    if (!found) {
      return awsDefault === undefined ? undefined : { kind: 'value', value: awsDefault, from, message: `${name} not set on ${fn.address}: AWS's default, ${awsDefault} ${unit}` };
    }
    const value = typeof found.value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(found.value) ? Number(found.value) : found.value;
    if (typeof value === 'number') return { kind: 'value', value, from, message: `${name} ${value}${found.via ?? ''} of ${fn.address}` };
    return { kind: 'unresolved', from, message: `${name} of ${fn.address} is ${JSON.stringify(value)}, known only when Terraform applies the configuration: give the applied value` };
  };
  const settings: FunctionSettings = {
    memoryMb: number('memory_size', fn.memorySize, 'MB', 128) as SettingRead<number>,
    timeoutSeconds: number('timeout', fn.timeout, 's', 3) as SettingRead<number>,
    architecture: architecture(fn),
  };
  const storageName = fn.address.startsWith('module.') ? 'ephemeral_storage_size' : 'ephemeral_storage.size';
  const storage = fn.ephemeralStorageSize ? number(storageName, fn.ephemeralStorageSize, 'MB') : undefined;
  if (storage) settings.ephemeralStorageMb = storage;
  const reserved = number('reserved_concurrent_executions', fn.reservedConcurrency, 'executions');
  if (reserved) settings.reservedConcurrency = reserved;
  return settings;
}

function architecture(fn: TerraformFunction): SettingRead<string> {
  const from = `${fn.address}.architectures`;
  const found = fn.architectures;
  if (!found) return { kind: 'value', value: 'x86_64', from, message: `architectures not set on ${fn.address}: AWS's default, x86_64` };
  const first = Array.isArray(found.value) ? found.value[0] : undefined;
  if (typeof first === 'string' && !first.includes('${')) return { kind: 'value', value: first, from, message: `architectures ["${first}"]${found.via ?? ''} of ${fn.address}` };
  return { kind: 'unresolved', from, message: `architectures of ${fn.address} is ${JSON.stringify(found.value)}, known only when Terraform applies the configuration: give the applied value` };
}

/**
 * The Lambda function a reference names and its settings, in a CloudFormation or SAM
 * template or a Terraform configuration: one call for map-to-scenario.ts's lambdaBlock.
 * `name` and `type` are for the note that says which function it is.
 */
export function lambdaFunctionSettings(reference: unknown, template: TemplateInfo | undefined): { name: string; type: string; settings: FunctionSettings } | undefined {
  if (!template) return undefined;
  const resource = findFunctionResource(reference, template);
  if (resource) return { name: resource.logicalId, type: resource.type, settings: functionSettings(resource, template) };
  const fn = findTerraformFunction(reference, template);
  return fn ? { name: fn.address, type: fn.type, settings: terraformFunctionSettings(fn) } : undefined;
}
