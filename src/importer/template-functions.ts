/**
 * Finds the Lambda function a task invokes among a template's resources and reads its
 * settings: MemorySize, Timeout, Architectures, EphemeralStorage and reserved
 * concurrency, with SAM's Globals.Function as defaults for AWS::Serverless::Function.
 * Pure.
 */
import { markersIn, renderIntrinsic } from './intrinsics.js';
import { isObject, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { ownValue } from '../own-key.js';

const FUNCTION_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

export interface FunctionResource {
  logicalId: string;
  type: string;
  properties: JsonObject;
}

/**
 * The function resource a reference names: `${MyFunction.Arn}` or `${MyFunction}` markers
 * (from !GetAtt, !Ref, Fn::Sub, DefinitionSubstitutions), intrinsic objects, or a function
 * name or ARN that matches a resource's FunctionName.
 */
export function findFunctionResource(reference: unknown, template: TemplateInfo | undefined): FunctionResource | undefined {
  if (!template) return undefined;
  const text = renderIntrinsic(reference);
  for (const marker of markersIn(text)) {
    const found = functionResource(marker.split('.')[0] as string, template);
    if (found) return found;
  }
  const name = /:function:([^:]+)/.exec(text)?.[1] ?? text.split(':')[0];
  for (const logicalId of Object.keys(template.resources)) {
    const found = functionResource(logicalId, template);
    if (found && found.properties['FunctionName'] === name) return found;
  }
  return undefined;
}

function functionResource(logicalId: string, template: TemplateInfo): FunctionResource | undefined {
  const resource = ownValue(template.resources, logicalId);
  const type = resource?.['Type'];
  if (typeof type !== 'string' || !FUNCTION_TYPES.includes(type)) return undefined;
  return { logicalId, type, properties: isObject(resource?.['Properties']) ? resource['Properties'] : {} };
}

export type SettingRead<T> =
  | { kind: 'value'; value: T; from: string; message: string }
  | { kind: 'unresolved'; from: string; message: string };

export interface FunctionSettings {
  memoryMb: SettingRead<number>;
  timeoutSeconds: SettingRead<number>;
  architecture: SettingRead<string>;
  ephemeralStorageMb?: SettingRead<number>;
  reservedConcurrency?: SettingRead<number>;
}

/** The function's settings; an unset MemorySize, Timeout or Architectures is AWS's default (128 MB, 3 s, x86_64). */
export function functionSettings(fn: FunctionResource, template: TemplateInfo): FunctionSettings {
  const sam = fn.type === 'AWS::Serverless::Function';
  const property = (name: string): { value: unknown; from: string } | undefined => {
    if (ownValue(fn.properties, name) !== undefined) return { value: ownValue(fn.properties, name), from: `Resources.${fn.logicalId}.Properties.${name}` };
    if (sam && ownValue(template.globalsFunction, name) !== undefined) return { value: ownValue(template.globalsFunction, name), from: `Globals.Function.${name}` };
    return undefined;
  };
  const who = `${fn.logicalId} (${fn.type})`;
  const number = (name: string, unit: string, awsDefault?: number): SettingRead<number> | undefined => {
    const found = property(name);
    const resourceFrom = `Resources.${fn.logicalId}.Properties.${name}`;
    if (!found) {
      return awsDefault === undefined
        ? undefined
        : { kind: 'value', value: awsDefault, from: resourceFrom, message: `${name} not set on ${who}${sam ? ' nor in Globals.Function' : ''}: AWS's default, ${awsDefault} ${unit}` };
    }
    const resolved = resolveNumber(found.value, template);
    if (resolved.kind === 'value') return { kind: 'value', value: resolved.value, from: found.from, message: `${name} ${resolved.value}${resolved.via ?? ''} of ${who}` };
    return { kind: 'unresolved', from: found.from, message: `${name} of ${who} is ${resolved.text}, known only when the stack is deployed: give the deployed value` };
  };
  const memoryMb = number('MemorySize', 'MB', 128) as SettingRead<number>;
  const timeoutSeconds = number('Timeout', 's', 3) as SettingRead<number>;
  const architectures = property('Architectures');
  let architecture: SettingRead<string>;
  if (!architectures) {
    architecture = { kind: 'value', value: 'x86_64', from: `Resources.${fn.logicalId}.Properties.Architectures`, message: `Architectures not set on ${who}${sam ? ' nor in Globals.Function' : ''}: AWS's default, x86_64` };
  } else if (Array.isArray(architectures.value) && typeof architectures.value[0] === 'string') {
    architecture = { kind: 'value', value: architectures.value[0], from: architectures.from, message: `Architectures [${architectures.value[0]}] of ${who}` };
  } else {
    architecture = { kind: 'unresolved', from: architectures.from, message: `Architectures of ${who} is ${renderIntrinsic(architectures.value)}, known only when the stack is deployed: give the deployed value` };
  }
  const settings: FunctionSettings = { memoryMb, timeoutSeconds, architecture };
  const storage = property('EphemeralStorage');
  if (storage && isObject(storage.value) && storage.value['Size'] !== undefined) {
    const resolved = resolveNumber(storage.value['Size'], template);
    const from = `${storage.from}.Size`;
    settings.ephemeralStorageMb =
      resolved.kind === 'value'
        ? { kind: 'value', value: resolved.value, from, message: `EphemeralStorage.Size ${resolved.value}${resolved.via ?? ''} of ${who}` }
        : { kind: 'unresolved', from, message: `EphemeralStorage.Size of ${who} is ${resolved.text}, known only when the stack is deployed: give the deployed value` };
  }
  const reserved = number('ReservedConcurrentExecutions', 'executions');
  if (reserved) settings.reservedConcurrency = reserved;
  return settings;
}

type Resolved = { kind: 'value'; value: number; via?: string } | { kind: 'unresolved'; text: string };

/** A number, a numeric string, or a !Ref to a parameter with a numeric Default. */
function resolveNumber(value: unknown, template: TemplateInfo): Resolved {
  if (typeof value === 'number') return { kind: 'value', value };
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return { kind: 'value', value: Number(value) };
  if (isObject(value) && typeof value['Ref'] === 'string') {
    const name = value['Ref'];
    const fallback = ownValue(template.parameters, name)?.['Default'];
    const number = typeof fallback === 'number' ? fallback : typeof fallback === 'string' && /^\d+$/.test(fallback) ? Number(fallback) : undefined;
    if (number !== undefined) return { kind: 'value', value: number, via: ` (the default of template parameter ${name})` };
  }
  return { kind: 'unresolved', text: JSON.stringify(renderIntrinsic(value)) };
}
