/**
 * The settings of one Lambda function a child invokes, as a scenario block: the short
 * form's `lambda`, or one entry of the long form's `functions`. Memory, architecture,
 * timeout (and ephemeral storage, reserved concurrency) come from the function's
 * resource in a CloudFormation, SAM or CDK template or a Terraform configuration
 * (terraform-functions.ts's lambdaFunctionSettings); what no file gives is REQUIRED, and
 * so are the two durations, always. A literal function ARN also gives the Region. Pure.
 */
import type { NoteList } from './import-notes.js';
import { renderIntrinsic } from './intrinsics.js';
import type { JsonObject } from './json-value.js';
import type { TemplateInfo } from './load-definition.js';
import type { LambdaTarget } from './task-kind.js';
import type { SettingRead } from './template-functions.js';
import { lambdaFunctionSettings } from './terraform-functions.js';

const WORKLOAD_FACT = 'a workload fact no definition holds';

/**
 * The block for the function `target` names, with its notes filed under `field`
 * (`lambda`, `functions.Worker`). Sets `document.region` from a literal function ARN
 * when the Region is still unknown. `durations: false` leaves the two duration fields
 * out (the short form adds them itself, after every other note).
 */
export function functionBlock(
  field: string,
  target: LambdaTarget | undefined,
  notes: NoteList,
  template: TemplateInfo | undefined,
  document: JsonObject,
  options: { durations: boolean } = { durations: true },
): JsonObject {
  const block: JsonObject = { memoryMb: null, architecture: null, timeoutSeconds: null };
  const done = () => (options.durations ? withDurations(field, block, notes) : block);
  let reason: string;
  if (!target) {
    reason = 'the child has no Lambda task to read them from';
  } else if (target.kind === 'runtime') {
    reason = target.message;
    notes.runtime(field, `${target.message}: the function's settings cannot be read`, target.from);
  } else {
    const text = renderIntrinsic(target.reference);
    const region = /^arn:aws[\w-]*:lambda:([a-z]{2}(-[a-z]+)+-\d+):/.exec(text)?.[1];
    if (region && document['region'] === null) {
      document['region'] = region;
      notes.read('region', `${region}, from the function's ARN`, target.from);
    }
    const found = lambdaFunctionSettings(target.reference, template);
    if (found) {
      const { settings } = found;
      setting(field, block, 'memoryMb', settings.memoryMb, notes);
      setting(field, block, 'architecture', settings.architecture, notes);
      setting(field, block, 'timeoutSeconds', settings.timeoutSeconds, notes);
      if (settings.ephemeralStorageMb) setting(field, block, 'ephemeralStorageMb', settings.ephemeralStorageMb, notes);
      if (settings.reservedConcurrency) setting(field, block, 'reservedConcurrency', settings.reservedConcurrency, notes);
      notes.read(field, `the function is ${found.name} (${found.type}), named by FunctionName ${JSON.stringify(text)}`, target.from);
      return done();
    }
    reason = template
      ? `FunctionName ${JSON.stringify(text)} is not a function of this template`
      : text.includes('${')
        ? `FunctionName ${JSON.stringify(text)} is a template placeholder: import the CloudFormation or SAM template to read them`
        : `the definition names the function (${JSON.stringify(text)}) but not its settings`;
  }
  notes.required(field, `the function's memory, architecture and timeout: ${reason}`);
  notes.required(`${field}.memoryMb`, "the function's MemorySize, in MB");
  notes.required(`${field}.architecture`, "the function's architecture: x86_64 or arm64");
  notes.required(`${field}.timeoutSeconds`, "the function's Timeout, in seconds");
  return done();
}

/** Adds the two durations every function needs, REQUIRED. */
export function withDurations(field: string, block: JsonObject, notes: NoteList): JsonObject {
  notes.required(`${field}.invocationOverheadMs`, `time one invocation spends regardless of its batch size, in ms (a number or a distribution): ${WORKLOAD_FACT}`);
  notes.required(`${field}.perItemDurationMs`, `average time per item within one invocation, in ms (a number or a distribution): ${WORKLOAD_FACT}`);
  return { ...block, invocationOverheadMs: null, perItemDurationMs: null };
}

function setting(field: string, block: JsonObject, key: string, read: SettingRead<number> | SettingRead<string>, notes: NoteList): void {
  if (read.kind === 'value') {
    block[key] = read.value;
    notes.read(`${field}.${key}`, read.message, read.from);
  } else {
    block[key] = null;
    notes.required(`${field}.${key}`, read.message, read.from);
  }
}
