/**
 * The approximations and run-time values of the import, one at a time, on small
 * definitions written inline.
 */
import { describe, expect, it } from 'vitest';
import { importDefinition, type ImportedMap } from '../../src/importer/import-definition.js';
import { parseDefinitionSource, type LoadedDefinition } from '../../src/importer/load-definition.js';
import { noteLines } from './import-helpers.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function task(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: LAMBDA, 'Payload.$': '$' }, ...extra };
}

/** A definition with one Distributed Map whose child holds `states`, and map fields `extra`. */
function importMap(states: Record<string, unknown>, startAt: string, extra: Record<string, unknown> = {}): ImportedMap {
  const map = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: startAt, States: states }, End: true, ...extra };
  const source = parseDefinitionSource(JSON.stringify({ StartAt: 'M', States: { M: map } }), 'inline.asl.json');
  return importDefinition(source as LoadedDefinition).maps[0] as ImportedMap;
}

const unsupported = (m: ImportedMap) => noteLines(m.notes.filter((n) => n.kind === 'unsupported'));

describe('the child workflow', () => {
  it('follows a Choice without Default through its first rule', () => {
    const m = importMap(
      { Route: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Work' }, { Variable: '$.b', IsPresent: true, Next: 'Other' }] }, Other: { Type: 'Succeed' }, Work: task({ End: true }) },
      'Route',
    );
    expect(m.document['childWorkflow']).toEqual({ statesBeforeTask: 1, statesAfterTask: 0 });
    expect(unsupported(m)).toEqual([
      'unsupported childWorkflow.statesBeforeTask: Choice "Route" counts one transition; the path follows its first rule\'s Next "Work" (it has no Default), other branches are not modelled [States.M.ItemProcessor.States.Route]',
    ]);
  });

  it('reaches a Lambda task off the default path by the shortest route, and says so', () => {
    const m = importMap(
      { Route: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Prepare' }], Default: 'Skip' }, Skip: { Type: 'Succeed' }, Prepare: { Type: 'Pass', Next: 'Work' }, Work: task({ Next: 'Done' }), Done: { Type: 'Succeed' } },
      'Route',
    );
    expect(m.document['childWorkflow']).toEqual({ statesBeforeTask: 2, statesAfterTask: 1 });
    expect(unsupported(m)).toEqual([
      'unsupported childWorkflow.statesBeforeTask: the Lambda task "Work" is reached only through a Choice rule that is not the default: states counted along the shortest route to it ("Route" → "Prepare" → "Work") [States.M.ItemProcessor.States.Work]',
      'unsupported childWorkflow.statesBeforeTask: Choice "Route" counts one transition; the path follows a rule to "Prepare", on the route to the Lambda task, other branches are not modelled [States.M.ItemProcessor.States.Route]',
    ]);
  });

  it('counts each state of a loop once', () => {
    const m = importMap({ Work: task({ Next: 'Again?' }), 'Again?': { Type: 'Choice', Choices: [{ Variable: '$.more', BooleanEquals: true, Next: 'Work' }] } }, 'Work');
    expect(m.document['childWorkflow']).toMatchObject({ statesBeforeTask: 0, statesAfterTask: 1 });
    expect(unsupported(m)).toContain('unsupported childWorkflow.statesAfterTask: the path loops back to "Work": each state on it is counted once [States.M.ItemProcessor.States.Work]');
  });

  it('counts a Parallel state as one transition', () => {
    const m = importMap({ Work: task({ Next: 'Both' }), Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], End: true } }, 'Work');
    expect(m.document['childWorkflow']).toMatchObject({ statesAfterTask: 1 });
    expect(unsupported(m)).toEqual([
      'unsupported childWorkflow.statesAfterTask: Parallel "Both" counts one transition; the states inside it are not counted and their time is not simulated [States.M.ItemProcessor.States.Both]',
    ]);
  });

  it('asks for the function\'s settings when FunctionName.$ picks it at run time, and notes a callback task', () => {
    const m = importMap({ Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { 'FunctionName.$': '$.fn' }, End: true } }, 'Work');
    expect(m.document['lambda']).toMatchObject({ memoryMb: null, architecture: null, timeoutSeconds: null });
    expect(m.document['region']).toBeNull();
    expect(noteLines(m.notes).filter((n) => n.includes('lambda:') || n.startsWith('runtime lambda') || n.startsWith('unsupported lambda'))).toEqual([
      'unsupported lambda: "Work" waits for a task token (.waitForTaskToken): the wait for the callback is not modelled, only the invocation [States.M.ItemProcessor.States.Work.Resource]',
      'runtime lambda: FunctionName.$ "$.fn" picks the function when the state runs: the function\'s settings cannot be read [States.M.ItemProcessor.States.Work.Parameters.FunctionName.$]',
      'required lambda: the function\'s memory, architecture and timeout: FunctionName.$ "$.fn" picks the function when the state runs',
    ]);
  });

  it('reports TimeoutSecondsPath as a run-time value', () => {
    const m = importMap({ Work: task({ TimeoutSecondsPath: '$.timeout', End: true }) }, 'Work');
    expect(m.document['childWorkflow']).toMatchObject({ taskTimeoutSeconds: null });
    expect(noteLines(m.notes)).toContain(
      'runtime childWorkflow.taskTimeoutSeconds: TimeoutSecondsPath "$.timeout": read from the state input when the state machine runs [States.M.ItemProcessor.States.Work.TimeoutSecondsPath]',
    );
  });
});

describe('the Map state', () => {
  it('counts a literal Items array, and takes STANDARD when ExecutionType is not set', () => {
    const source = parseDefinitionSource(
      JSON.stringify({ StartAt: 'M', States: { M: { Type: 'Map', Items: [1, 2, 3], ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'W', States: { W: task({ End: true }) } }, End: true } } }),
      'items.asl.json',
    );
    const m = importDefinition(source as LoadedDefinition).maps[0] as ImportedMap;
    expect(m.document).toMatchObject({ itemReader: { source: 'inline', itemCount: 3 }, executionType: 'STANDARD' });
  });

  it('notes what it does not model of the reader and the writer', () => {
    const m = importMap({ W: task({ End: true }) }, 'W', {
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', ReaderConfig: { Transformation: 'LOAD_AND_FLATTEN', InputType: 'JSONL' }, Parameters: { Bucket: 'b' } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'r' }, WriterConfig: { Transformation: 'FLATTEN', OutputType: 'JSONL' } },
    });
    expect(m.document).toMatchObject({ itemReader: { source: 's3ListObjectsV2', objectCount: null }, resultWriter: {} });
    expect(unsupported(m)).toEqual([
      'unsupported itemReader.source: ReaderConfig.Transformation LOAD_AND_FLATTEN reads the records inside every listed object; the simulator lists objects and makes one item per object: set objectCount to the number of records, and fold the reading of each object into the Lambda durations [States.M.ItemReader.ReaderConfig.Transformation]',
      'unsupported resultWriter: WriterConfig {"Transformation":"FLATTEN","OutputType":"JSONL"}: the transformation is not modelled; set childWorkflow.outputBytes to the size each child\'s result has once transformed [States.M.ResultWriter.WriterConfig]',
    ]);
  });

  it('asks for a value that is not a number rather than guessing', () => {
    const m = importMap({ W: task({ End: true }) }, 'W', { MaxConcurrency: 'lots' });
    expect(m.document['maxConcurrency']).toBeNull();
    expect(noteLines(m.notes)).toContain('required maxConcurrency: MaxConcurrency must be a number (got "lots") [States.M.MaxConcurrency]');
  });
});
