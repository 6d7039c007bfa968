/**
 * One Distributed Map → a scenario document (a plain object, before validation) and the
 * notes saying where each field came from. Fields the definition gives are read; fields
 * it gives only at run time (`...Path`, JSONata) and workload facts (item counts,
 * durations, function settings without a template) are written as `null`, so the
 * scenario does not validate until the user fills them in. Pure.
 */
import { childWorkflowToScenario, type LambdaTarget } from './child-workflow.js';
import { readNumberField, type FieldRead } from './field-value.js';
import type { FoundMap } from './find-distributed-maps.js';
import { NoteList, type ImportNote } from './import-notes.js';
import { renderIntrinsic } from './intrinsics.js';
import { isObject, objectOrEmpty, type JsonObject } from './json-value.js';
import { itemReaderToScenario } from './item-reader.js';
import type { TemplateInfo } from './load-definition.js';
import { findFunctionResource, functionSettings, type SettingRead } from './template-functions.js';

export interface ScenarioImport {
  document: JsonObject;
  notes: ImportNote[];
}

const WORKLOAD_FACT = 'a workload fact no definition holds';

export function mapToScenario(map: FoundMap, template?: TemplateInfo): ScenarioImport {
  const notes = new NoteList();
  const state = map.state;
  const at = map.pathText;
  const document: JsonObject = {
    name: `${map.machine.name} / ${map.stateName}`,
    description: `Distributed Map "${map.stateName}" of ${map.machine.name}, imported from ${map.machine.file}`,
    region: null,
  };
  document['itemReader'] = itemReaderToScenario(map, notes, template);

  const batcher = state['ItemBatcher'];
  if (isObject(batcher)) {
    const block: JsonObject = {};
    readInto(block, 'maxItemsPerBatch', readNumberField(batcher, 'MaxItemsPerBatch', `${at}.ItemBatcher`, template), 'itemBatcher', notes);
    readInto(block, 'maxInputBytesPerBatch', readNumberField(batcher, 'MaxInputBytesPerBatch', `${at}.ItemBatcher`, template), 'itemBatcher', notes);
    if (Object.keys(block).length === 0) notes.read('itemBatcher', 'ItemBatcher with neither limit: batches fill up to 256 KiB', `${at}.ItemBatcher`);
    document['itemBatcher'] = block;
  }
  const concurrency = readNumberField(state, 'MaxConcurrency', at, template);
  if (concurrency.kind === 'absent') notes.read('maxConcurrency', 'MaxConcurrency not set: Step Functions runs up to 10,000 children at once', at);
  readInto(document, 'maxConcurrency', concurrency, '', notes);
  readInto(document, 'toleratedFailurePercentage', readNumberField(state, 'ToleratedFailurePercentage', at, template), '', notes);
  readInto(document, 'toleratedFailureCount', readNumberField(state, 'ToleratedFailureCount', at, template), '', notes);

  const processorConfig = objectOrEmpty(objectOrEmpty(state['ItemProcessor'])['ProcessorConfig']);
  const executionType = processorConfig['ExecutionType'];
  const configAt = `${at}.ItemProcessor.ProcessorConfig`;
  if (executionType === 'STANDARD' || executionType === 'EXPRESS') {
    document['executionType'] = executionType;
    notes.read('executionType', `ProcessorConfig.ExecutionType ${executionType}`, `${configAt}.ExecutionType`);
  } else if (executionType === undefined) {
    document['executionType'] = 'STANDARD';
    notes.read('executionType', 'STANDARD: ProcessorConfig.ExecutionType is not set, and Step Functions then runs Standard children', configAt);
  } else {
    document['executionType'] = null;
    notes.required('executionType', `ProcessorConfig.ExecutionType is ${JSON.stringify(executionType)}: give STANDARD or EXPRESS`, `${configAt}.ExecutionType`);
  }

  const writer = state['ResultWriter'];
  if (isObject(writer) && typeof writer['Resource'] === 'string' && /:states:::s3:putObject$/.test(renderIntrinsic(writer['Resource']))) {
    document['resultWriter'] = {};
    notes.read('resultWriter', `ResultWriter ${renderIntrinsic(writer['Resource'])}: results written to S3`, `${at}.ResultWriter`);
    if (isObject(writer['WriterConfig'])) {
      notes.unsupported('resultWriter', `WriterConfig ${JSON.stringify(writer['WriterConfig'])}: the transformation is not modelled; set childWorkflow.outputBytes to the size each child's result has once transformed`, `${at}.ResultWriter.WriterConfig`);
    }
  } else if (isObject(writer)) {
    notes.unsupported('resultWriter', 'ResultWriter without an S3 Resource (WriterConfig only): results return inline, as if there were no ResultWriter', `${at}.ResultWriter`);
  } else {
    notes.read('resultWriter', 'no ResultWriter: results return inline and must fit 256 KiB', at);
  }

  const child = childWorkflowToScenario(map, notes, template);
  document['childWorkflow'] = child.childWorkflow;
  document['lambda'] = lambdaBlock(child.task?.target, notes, template, document);
  if (document['region'] === null) {
    notes.required('region', 'the AWS Region the state machine runs in, e.g. us-east-1: the definition does not name it, and it sets quotas and prices');
  }
  notes.required('lambda.invocationOverheadMs', `time one invocation spends regardless of its batch size, in ms (a number or a distribution): ${WORKLOAD_FACT}`);
  notes.required('lambda.perItemDurationMs', `average time per item within one invocation, in ms (a number or a distribution): ${WORKLOAD_FACT}`);
  return { document, notes: orderNotes(notes.notes) };
}

/** Sets `key` on `block` from a FieldRead and notes how; runtime and placeholder values become null. */
function readInto(block: JsonObject, key: string, read: FieldRead, parent: string, notes: NoteList): void {
  const field = parent ? `${parent}.${key}` : key;
  if (read.kind === 'absent') return;
  if (read.kind === 'value') {
    block[key] = read.value;
    notes.read(field, `${read.from.split('.').pop()} ${read.value}${read.via ? `, ${read.via}` : ''}`, read.from);
    return;
  }
  block[key] = null;
  notes.add({ field, kind: read.kind === 'invalid' ? 'required' : read.kind, message: read.message, from: read.from });
}

function lambdaBlock(target: LambdaTarget | undefined, notes: NoteList, template: TemplateInfo | undefined, document: JsonObject): JsonObject {
  const block: JsonObject = { memoryMb: null, architecture: null, timeoutSeconds: null };
  let reason: string;
  if (!target) {
    reason = 'the child has no Lambda task to read them from';
  } else if (target.kind === 'runtime') {
    reason = target.message;
    notes.runtime('lambda', `${target.message}: the function's settings cannot be read`, target.from);
  } else {
    const text = renderIntrinsic(target.reference);
    const region = /^arn:aws[\w-]*:lambda:([a-z]{2}(-[a-z]+)+-\d+):/.exec(text)?.[1];
    if (region) {
      document['region'] = region;
      notes.read('region', `${region}, from the function's ARN`, target.from);
    }
    const fn = findFunctionResource(target.reference, template);
    if (fn && template) {
      const settings = functionSettings(fn, template);
      setting(block, 'memoryMb', settings.memoryMb, notes);
      setting(block, 'architecture', settings.architecture, notes);
      setting(block, 'timeoutSeconds', settings.timeoutSeconds, notes);
      if (settings.ephemeralStorageMb) setting(block, 'ephemeralStorageMb', settings.ephemeralStorageMb, notes);
      if (settings.reservedConcurrency) setting(block, 'reservedConcurrency', settings.reservedConcurrency, notes);
      notes.read('lambda', `the function is ${fn.logicalId} (${fn.type}), named by FunctionName ${JSON.stringify(text)}`, target.from);
      return withDurations(block);
    }
    reason = template
      ? `FunctionName ${JSON.stringify(text)} is not a function of this template`
      : text.includes('${')
        ? `FunctionName ${JSON.stringify(text)} is a template placeholder: import the CloudFormation or SAM template to read them`
        : `the definition names the function (${JSON.stringify(text)}) but not its settings`;
  }
  notes.required('lambda', `the function's memory, architecture and timeout: ${reason}`);
  notes.required('lambda.memoryMb', "the function's MemorySize, in MB");
  notes.required('lambda.architecture', "the function's architecture: x86_64 or arm64");
  notes.required('lambda.timeoutSeconds', "the function's Timeout, in seconds");
  return withDurations(block);
}

function withDurations(block: JsonObject): JsonObject {
  return { ...block, invocationOverheadMs: null, perItemDurationMs: null };
}

function setting(block: JsonObject, key: string, read: SettingRead<number> | SettingRead<string>, notes: NoteList): void {
  if (read.kind === 'value') {
    block[key] = read.value;
    notes.read(`lambda.${key}`, read.message, read.from);
  } else {
    block[key] = null;
    notes.required(`lambda.${key}`, read.message, read.from);
  }
}

/** Notes in the order of the scenario's fields, so the list reads like the file; stable within a field. */
function orderNotes(notes: ImportNote[]): ImportNote[] {
  const order = ['name', 'region', 'itemReader', 'itemBatcher', 'maxConcurrency', 'toleratedFailurePercentage', 'toleratedFailureCount', 'executionType', 'resultWriter', 'childWorkflow', 'lambda'];
  const rank = (note: ImportNote) => {
    const i = order.indexOf(note.field.split('.')[0] as string);
    return i < 0 ? order.length : i;
  };
  return notes.map((note, i) => ({ note, i })).sort((a, b) => rank(a.note) - rank(b.note) || a.i - b.i).map(({ note }) => note);
}
