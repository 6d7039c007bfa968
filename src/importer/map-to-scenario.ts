/**
 * One Distributed Map → a scenario document (a plain object, before validation) and the
 * notes saying where each field came from. Fields the definition gives are read; fields
 * it gives only at run time (`...Path`, JSONata) and workload facts (item counts,
 * durations, function settings without a template) are written as `null`, so the
 * scenario does not validate until the user fills them in. Pure.
 */
import { childStatesToScenario, itemProcessorOf, shortFormMisfits } from './child-states.js';
import { childWorkflowToScenario } from './child-workflow.js';
import { readNumberField, type FieldRead } from './field-value.js';
import type { FoundMap } from './find-distributed-maps.js';
import { functionBlock, withDurations } from './function-block.js';
import { NoteList, type ImportNote } from './import-notes.js';
import { renderIntrinsic } from './intrinsics.js';
import { isObject, objectOrEmpty, type JsonObject } from './json-value.js';
import { itemReaderToScenario } from './item-reader.js';
import type { TemplateInfo } from './load-definition.js';

export interface ScenarioImport {
  document: JsonObject;
  notes: ImportNote[];
}

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

  const { processor, key: processorKey } = itemProcessorOf(state);
  const processorConfig = objectOrEmpty(processor['ProcessorConfig']);
  const executionType = processorConfig['ExecutionType'];
  const configAt = `${at}.${processorKey}.ProcessorConfig`;
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

  const misfits = shortFormMisfits(processor, `${at}.${processorKey}`, template);
  if (misfits.length > 0) {
    // The long form: every state as it is, and one `functions` entry per Lambda function.
    const long = childStatesToScenario(map, misfits, notes, template, document);
    document['childWorkflow'] = long.childWorkflow;
    if (Object.keys(long.functions).length > 0) document['functions'] = long.functions;
    requireRegion(document, notes);
    return { document, notes: orderNotes(notes.notes) };
  }
  const child = childWorkflowToScenario(map, notes, template);
  document['childWorkflow'] = child.childWorkflow;
  document['lambda'] = functionBlock('lambda', child.task?.target, notes, template, document, { durations: false });
  requireRegion(document, notes);
  document['lambda'] = withDurations('lambda', document['lambda'] as JsonObject, notes);
  return { document, notes: orderNotes(notes.notes) };
}

function requireRegion(document: JsonObject, notes: NoteList): void {
  if (document['region'] === null) {
    notes.required('region', 'the AWS Region the state machine runs in, e.g. us-east-1: the definition does not name it, and it sets quotas and prices');
  }
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

/** Notes in the order of the scenario's fields, so the list reads like the file; stable within a field. */
function orderNotes(notes: ImportNote[]): ImportNote[] {
  const order = ['name', 'region', 'itemReader', 'itemBatcher', 'maxConcurrency', 'toleratedFailurePercentage', 'toleratedFailureCount', 'executionType', 'resultWriter', 'childWorkflow', 'lambda', 'functions'];
  const rank = (note: ImportNote) => {
    const i = order.indexOf(note.field.split('.')[0] as string);
    return i < 0 ? order.length : i;
  };
  return notes.map((note, i) => ({ note, i })).sort((a, b) => rank(a.note) - rank(b.note) || a.i - b.i).map(({ note }) => note);
}
