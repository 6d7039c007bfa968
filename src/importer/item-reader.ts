/**
 * A Distributed Map's ItemReader (or ItemsPath / Items) → the scenario's `itemReader`.
 * How many items there are is a workload fact: it is always asked for. Pure.
 */
import { isJsonata, readNumberField } from './field-value.js';
import { NoteList } from './import-notes.js';
import { isObject, objectOrEmpty, type JsonObject } from './json-value.js';
import type { FoundMap } from './find-distributed-maps.js';
import type { TemplateInfo } from './load-definition.js';

const INPUT_TYPES = ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'];
const LIST_OBJECTS = /^arn:aws[\w-]*:states:::s3:listObjectsV2$/;
const GET_OBJECT = /^arn:aws[\w-]*:states:::s3:getObject$/;

export function itemReaderToScenario(map: FoundMap, notes: NoteList, template?: TemplateInfo): JsonObject {
  const state = map.state;
  const at = map.pathText;
  const reader = state['ItemReader'];
  if (!isObject(reader)) return inlineItems(map, notes);
  const resource = reader['Resource'];
  const config = objectOrEmpty(reader['ReaderConfig']);
  const configAt = `${at}.ItemReader.ReaderConfig`;
  const where = location(reader);
  if (typeof resource === 'string' && LIST_OBJECTS.test(resource)) {
    notes.read('itemReader.source', `s3ListObjectsV2: ItemReader ${resource}${where}, one item per object`, `${at}.ItemReader.Resource`);
    if (config['Transformation'] === 'LOAD_AND_FLATTEN') {
      notes.unsupported(
        'itemReader.source',
        'ReaderConfig.Transformation LOAD_AND_FLATTEN reads the records inside every listed object; the simulator lists objects and makes one item per object: set objectCount to the number of records, and fold the reading of each object into the Lambda durations',
        `${configAt}.Transformation`,
      );
    }
    notes.required('itemReader.objectCount', `number of objects the listing returns${where}: a workload fact no definition holds`);
    const block: JsonObject = { source: 's3ListObjectsV2', objectCount: null };
    readMaxItems(config, configAt, block, notes, template);
    return block;
  }
  if (typeof resource === 'string' && GET_OBJECT.test(resource)) {
    const block: JsonObject = { source: 's3Object' };
    notes.read('itemReader.source', `s3Object: ItemReader ${resource}${where}, the records of one file`, `${at}.ItemReader.Resource`);
    block['inputType'] = inputType(config, configAt, notes);
    let countHint = '';
    if (config['CSVHeaderLocation'] === 'FIRST_ROW') {
      countHint = '; the first row holds the column names (CSVHeaderLocation FIRST_ROW) and is not an item: count data rows only';
      notes.read('itemReader.itemCount', 'CSVHeaderLocation FIRST_ROW: the header row is not an item', `${configAt}.CSVHeaderLocation`);
    } else if (config['CSVHeaderLocation'] === 'GIVEN') {
      notes.read('itemReader.itemCount', 'CSVHeaderLocation GIVEN (CSVHeaders): every row is an item', `${configAt}.CSVHeaderLocation`);
    }
    notes.required('itemReader.itemCount', `number of records (items) in the file${where}${countHint}: a workload fact no definition holds`);
    block['itemCount'] = null;
    readMaxItems(config, configAt, block, notes, template);
    return block;
  }
  notes.unsupported(
    'itemReader.source',
    `ItemReader resource ${JSON.stringify(resource)} is none the simulator models (s3:listObjectsV2, s3:getObject): modelled as items in the state input`,
    `${at}.ItemReader.Resource`,
  );
  notes.required('itemReader.itemCount', 'number of items the reader yields: a workload fact no definition holds');
  return { source: 'inline', itemCount: null };
}

function inlineItems(map: FoundMap, notes: NoteList): JsonObject {
  const at = map.pathText;
  const items = map.state['Items'];
  const itemsPath = map.state['ItemsPath'];
  if (Array.isArray(items)) {
    notes.read('itemReader.source', 'inline: no ItemReader; the items are the Items array written in the definition', `${at}.Items`);
    notes.read('itemReader.itemCount', `${items.length}, the length of the Items array`, `${at}.Items`);
    return { source: 'inline', itemCount: items.length };
  }
  const how =
    items !== undefined
      ? `Items ${typeof items === 'string' ? items : JSON.stringify(items)}${isJsonata(items) ? ', a JSONata expression evaluated when the state runs' : ''}`
      : itemsPath !== undefined
        ? `ItemsPath ${JSON.stringify(itemsPath)}`
        : 'the whole state input (no ItemsPath)';
  notes.read('itemReader.source', `inline: no ItemReader; the items are the array in ${how}`, `${at}.${items !== undefined ? 'Items' : itemsPath !== undefined ? 'ItemsPath' : 'Type'}`);
  notes.required('itemReader.itemCount', `number of items in that array (${how}), known only when the state machine runs: a workload fact`);
  return { source: 'inline', itemCount: null };
}

function inputType(config: JsonObject, at: string, notes: NoteList): string | null {
  const given = config['InputType'];
  const manifest = config['ManifestType'];
  if (typeof given === 'string' && INPUT_TYPES.includes(given)) {
    notes.read('itemReader.inputType', `ReaderConfig.InputType ${given}`, `${at}.InputType`);
    if (manifest === 'ATHENA_DATA') {
      notes.unsupported('itemReader.inputType', `ManifestType ATHENA_DATA: the manifest lists ${given} data files; modelled as one ${given} file holding every record`, `${at}.ManifestType`);
    }
    return given;
  }
  if (given === undefined && manifest === 'S3_INVENTORY') {
    notes.read('itemReader.inputType', 'MANIFEST, for ReaderConfig.ManifestType S3_INVENTORY', `${at}.ManifestType`);
    return 'MANIFEST';
  }
  if (isJsonata(given)) notes.runtime('itemReader.inputType', `InputType is the JSONata expression ${JSON.stringify(given)}: one of ${INPUT_TYPES.join(', ')}`, `${at}.InputType`);
  else notes.required('itemReader.inputType', `ReaderConfig.InputType is ${given === undefined ? 'missing' : JSON.stringify(given)}: give one of ${INPUT_TYPES.join(', ')}`, `${at}.InputType`);
  return null;
}

function readMaxItems(config: JsonObject, at: string, block: JsonObject, notes: NoteList, template: TemplateInfo | undefined): void {
  const read = readNumberField(config, 'MaxItems', at, template);
  if (read.kind === 'absent') return;
  if (read.kind === 'value') {
    block['maxItems'] = read.value;
    notes.read('itemReader.maxItems', `ReaderConfig.MaxItems ${read.value}${read.via ? `, ${read.via}` : ''}`, read.from);
    return;
  }
  block['maxItems'] = null;
  notes.add({ field: 'itemReader.maxItems', kind: read.kind === 'invalid' ? 'required' : read.kind, message: read.message, from: read.from });
}

/** ` (Bucket x, Prefix y)`, from Parameters or Arguments; a value set at run time shows as such. */
function location(reader: JsonObject): string {
  const args = objectOrEmpty(reader['Parameters'] ?? reader['Arguments']);
  const parts: string[] = [];
  for (const key of ['Bucket', 'Prefix', 'Key']) {
    if (typeof args[key] === 'string') parts.push(`${key} ${args[key] as string}`);
    else if (args[`${key}.$`] !== undefined) parts.push(`${key} from ${String(args[`${key}.$`])} at run time`);
  }
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
