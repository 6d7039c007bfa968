/**
 * What a Task state of a child calls, read from its `Resource` (and, for
 * `lambda:invoke`, its `FunctionName`), in the terms of src/aws/task-resource.ts, and
 * the Resource to write in a long-form child (child-states.ts):
 * - a Resource ARN as written is kept; a partition given as a placeholder
 *   (`arn:${AWSPartition}:states:::lambda:invoke`) is read as `aws`;
 * - a Resource that is a template placeholder (`${CalculatorFunction.Arn}`,
 *   `${aws_sfn_activity.worker.id}`) is looked up in the template: a Lambda function
 *   becomes `arn:aws:states:::lambda:invoke` (which invokes it the same way), an
 *   activity `arn:aws:states:::activity:<name>` (Region and account are known only when
 *   deployed). A placeholder that names nothing in the template is taken for a Lambda
 *   function or an activity only when its own name says so, with a note; otherwise the
 *   Resource is asked for.
 * Pure.
 */
import { parseTaskResource, type TaskResource } from '../aws/task-resource.js';
import { markersIn, renderIntrinsic } from './intrinsics.js';
import { isObject, objectOrEmpty, type JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import { lambdaFunctionSettings } from './terraform-functions.js';
import { ownValue } from '../own-key.js';

/** How a Lambda task names its function. */
export type LambdaTarget =
  | { kind: 'reference'; reference: unknown; from: string }
  | { kind: 'runtime'; message: string; from: string };

/**
 * A note about the Resource, for the caller to file under the field it writes. `short`
 * is the note the short form (which writes no Resource) gives instead; absent: none.
 */
export interface ResourceNote {
  kind: 'read' | 'unsupported';
  message: string;
  from: string;
  short?: string;
}

export type TaskKind =
  | { kind: 'lambda'; resource: string; parsed: TaskResource; target: LambdaTarget; notes: ResourceNote[] }
  | { kind: 'other'; resource: string; parsed: TaskResource; notes: ResourceNote[] }
  /** A Resource the import cannot classify: a placeholder naming nothing it knows, or not an ARN Step Functions accepts. */
  | { kind: 'unknown'; text: string; reason: string; notes: ResourceNote[] };

const PARTITION_MARKER = /^arn:\$\{[^}]*\}:/;
const ACTIVITY_TYPE = 'AWS::StepFunctions::Activity';
const STATE_MACHINE_TYPES = ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'];

/** Classifies a Task state; `at` is its path in the definition. */
export function classifyTask(state: JsonObject, at: string, template?: TemplateInfo): TaskKind {
  const text = renderIntrinsic(state['Resource']);
  const from = `${at}.Resource`;
  const notes: ResourceNote[] = [];
  let resource = text;
  if (PARTITION_MARKER.test(text)) {
    resource = text.replace(PARTITION_MARKER, 'arn:aws:');
    const message = `the partition ${JSON.stringify(/^arn:(\$\{[^}]*\})/.exec(text)?.[1])} of Resource ${JSON.stringify(text)} read as aws`;
    notes.push({ kind: 'read', message, from, short: message });
  }
  if (markersIn(resource).length === 0) {
    const parsed = parseTaskResource(resource);
    if (!parsed) return { kind: 'unknown', text, reason: `Resource ${JSON.stringify(text)} is not a Resource ARN Step Functions accepts for a Task`, notes };
    if (parsed.kind === 'lambda') return { kind: 'lambda', resource, parsed, target: invokeTarget(state, at, resource, from), notes };
    return { kind: 'other', resource, parsed, notes };
  }
  // ARNs with placeholders for the Region or account: classify with the placeholders masked.
  const masked = resource.replace(/\$\{[^}]*\}/g, 'X');
  const parsedMasked = /^arn:aws[\w-]*:(states|lambda):/.test(masked) ? parseTaskResource(masked) : undefined;
  if (parsedMasked?.kind === 'lambda') return { kind: 'lambda', resource, parsed: parsedMasked, target: invokeTarget(state, at, resource, from), notes };
  if (parsedMasked && parsedMasked.service === 'activity') {
    const name = /:activity:(.+)$/.exec(resource)?.[1] ?? 'activity';
    const written = `arn:aws:states:::activity:${name.replace(/\$\{[^}]*\}/g, 'X')}`;
    notes.push({ kind: 'read', message: `activity ${JSON.stringify(text)}, a callback: written as ${written} (its Region and account are known only when deployed)`, from });
    return { kind: 'other', resource: written, parsed: parsedMasked, notes };
  }
  if (parsedMasked) return { kind: 'other', resource, parsed: parsedMasked, notes };

  // The Resource is a placeholder: look it up.
  const fn = lambdaFunctionSettings(text, template);
  if (fn) {
    notes.push({ kind: 'read', message: `Resource ${JSON.stringify(text)} is ${fn.name} (${fn.type}): written as arn:aws:states:::lambda:invoke, which invokes the function the same way`, from });
    return lambdaByPlaceholder(text, from, notes);
  }
  const activity = activityNamed(text, template);
  if (activity) {
    const written = `arn:aws:states:::activity:${activity.name}`;
    notes.push({ kind: 'read', message: `Resource ${JSON.stringify(text)} is ${activity.what}, a callback: written as ${written} (its Region and account are known only when deployed)`, from });
    return { kind: 'other', resource: written, parsed: parseTaskResource(written) as TaskResource, notes };
  }
  const marker = markersIn(text)[0] ?? text;
  if (/lambda|function/i.test(marker) && !/activity/i.test(marker)) {
    notes.push({
      kind: 'unsupported',
      message: `Resource ${JSON.stringify(text)} names nothing the import can read; its name says it is a Lambda function, so it is written as arn:aws:states:::lambda:invoke (if it is an activity, write arn:aws:states:::activity:<name> instead, drop \`function\` and give durationMs)`,
      from,
      short: `Resource ${JSON.stringify(text)} names nothing the import can read; its name says it is a Lambda function, so it is taken for the function the child invokes`,
    });
    return lambdaByPlaceholder(text, from, notes);
  }
  if (/activity/i.test(marker)) {
    const written = `arn:aws:states:::activity:${keyOf(marker)}`;
    notes.push({ kind: 'unsupported', message: `Resource ${JSON.stringify(text)} names nothing the import can read; its name says it is an activity, so it is written as ${written}, a callback`, from });
    return { kind: 'other', resource: written, parsed: parseTaskResource(written) as TaskResource, notes };
  }
  return {
    kind: 'unknown',
    text,
    reason: `Resource ${JSON.stringify(text)} is a placeholder filled in when the stack is deployed, and names nothing in the files read: give the ARN it stands for`,
    notes,
  };
}

function lambdaByPlaceholder(text: string, from: string, notes: ResourceNote[]): TaskKind {
  const resource = 'arn:aws:states:::lambda:invoke';
  return { kind: 'lambda', resource, parsed: parseTaskResource(resource) as TaskResource, target: { kind: 'reference', reference: text, from }, notes };
}

/** The function of a Lambda task: FunctionName for `lambda:invoke`, the Resource itself for a function ARN. */
function invokeTarget(state: JsonObject, at: string, resource: string, from: string): LambdaTarget {
  if (/^arn:aws[\w-]*:lambda:/.test(resource)) return { kind: 'reference', reference: renderIntrinsic(state['Resource']), from };
  const key = 'Parameters' in state ? 'Parameters' : 'Arguments';
  const args = objectOrEmpty(state[key]);
  if (args['FunctionName.$'] !== undefined) {
    return { kind: 'runtime', message: `FunctionName.$ ${JSON.stringify(args['FunctionName.$'])} picks the function when the state runs`, from: `${at}.${key}.FunctionName.$` };
  }
  const name = args['FunctionName'];
  if (typeof name === 'string' && /^\s*\{%/.test(name)) {
    return { kind: 'runtime', message: `FunctionName is the JSONata expression ${JSON.stringify(name)}, evaluated when the state runs`, from: `${at}.${key}.FunctionName` };
  }
  return { kind: 'reference', reference: name, from: `${at}.${key}.FunctionName` };
}

/** An activity a placeholder names: an AWS::StepFunctions::Activity of the template, or a Terraform aws_sfn_activity. */
function activityNamed(text: string, template: TemplateInfo | undefined): { name: string; what: string } | undefined {
  for (const marker of markersIn(text)) {
    const terraform = /^aws_sfn_activity\.([\w-]+)/.exec(marker);
    if (terraform) return { name: terraform[1] as string, what: `the Terraform activity aws_sfn_activity.${terraform[1]}` };
    const logicalId = marker.split('.')[0] as string;
    const resource = ownValue(template?.resources, logicalId);
    if (resource?.['Type'] === ACTIVITY_TYPE) {
      const name = objectOrEmpty(resource['Properties'])['Name'];
      return { name: typeof name === 'string' ? name : logicalId, what: `${logicalId} (${ACTIVITY_TYPE})` };
    }
  }
  return undefined;
}

/**
 * A short name for a function or resource, for `functions` and activity ARNs: the
 * function name of an ARN, or the resource a placeholder names (`${Worker.Arn}` →
 * `Worker`, `${module.minter.lambda_arn}` → `minter`). Never holds a dot, which would
 * break the dotted field paths of the notes.
 */
export function keyOf(text: string): string {
  const arnName = /:function:([^:]+)/.exec(text)?.[1];
  if (arnName && !arnName.includes('${')) return clean(arnName);
  const marker = markersIn(text).pop();
  if (marker !== undefined) {
    const segments = marker.replace(/\[[^\]]*\]/g, '').split('.');
    if (segments.length > 1 && /(^|_)(arn|name|id)$|^Arn$/i.test(segments[segments.length - 1] as string)) segments.pop();
    const kept = segments.filter((s, i) => !(i === 0 && ['var', 'local', 'module', 'data', 'aws_lambda_function', 'aws_sfn_activity', 'aws_sfn_state_machine'].includes(s)));
    return clean(kept[kept.length - 1] ?? marker);
  }
  return clean(text.split(':')[0] || text);
}

function clean(name: string): string {
  return name.replace(/[.\s]+/g, '_') || 'function';
}

/** The type of the state machine a nested execution starts, when the template defines it. */
export function nestedStateMachineType(
  state: JsonObject,
  template: TemplateInfo | undefined,
): { type: 'STANDARD' | 'EXPRESS'; message: string; from: string } | { type: null; message: string } {
  const args = objectOrEmpty(state['Parameters'] ?? state['Arguments']);
  if (args['StateMachineArn.$'] !== undefined) return { type: null, message: `StateMachineArn.$ ${JSON.stringify(args['StateMachineArn.$'])} picks the state machine when the state runs` };
  const arn = args['StateMachineArn'];
  const text = renderIntrinsic(arn);
  if (typeof arn === 'string' && /^\s*\{%/.test(arn)) return { type: null, message: `StateMachineArn is the JSONata expression ${JSON.stringify(arn)}, evaluated when the state runs` };
  for (const marker of markersIn(text)) {
    const terraform = /^aws_sfn_state_machine\.([\w-]+)/.exec(marker);
    if (terraform) {
      // TemplateInfo.terraform holds functions only; the `type` of the state machine is not read (yet).
      return { type: null, message: `StateMachineArn names the Terraform state machine aws_sfn_state_machine.${terraform[1]}, whose \`type\` the import does not read: give it (STANDARD when the resource does not set it)` };
    }
    const logicalId = marker.split('.')[0] as string;
    const resource = ownValue(template?.resources, logicalId);
    const type = resource?.['Type'];
    if (typeof type !== 'string' || !STATE_MACHINE_TYPES.includes(type)) continue;
    const properties = objectOrEmpty(resource?.['Properties']);
    const key = type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType';
    const written = properties[key];
    const from = `Resources.${logicalId}.Properties.${key}`;
    if (written === undefined) return { type: 'STANDARD', message: `${key} not set on ${logicalId} (${type}): STANDARD, the default`, from };
    if (written === 'STANDARD' || written === 'EXPRESS') return { type: written, message: `${key} ${written} of ${logicalId} (${type})`, from };
    return { type: null, message: `${key} of ${logicalId} is ${JSON.stringify(renderIntrinsic(written))}, known only when deployed` };
  }
  if (arn === undefined) return { type: null, message: 'the state machine it starts is not named in the definition' };
  if (isObject(arn) || typeof arn !== 'string' || markersIn(text).length > 0) return { type: null, message: `StateMachineArn ${JSON.stringify(text)} names no state machine of the files read` };
  return { type: null, message: `StateMachineArn ${JSON.stringify(text)} is a state machine outside the files read` };
}
