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

const NULL_FUNCTION = { memoryMb: null, architecture: null, timeoutSeconds: null, invocationOverheadMs: null, perItemDurationMs: null };
const at = 'States.M.ItemProcessor';

describe('the child workflow', () => {
  it('writes a Choice without Default in the long form, each rule\'s share REQUIRED, the shares adding up to 1', () => {
    const m = importMap(
      { Route: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Work' }, { Variable: '$.b', IsPresent: true, Next: 'Other' }] }, Other: { Type: 'Succeed' }, Work: task({ End: true }) },
      'Route',
    );
    expect(m.document['childWorkflow']).toEqual({
      startAt: 'Route',
      states: {
        Route: { type: 'Choice', choices: [{ next: 'Work', probability: null }, { next: 'Other', probability: null }] },
        Other: { type: 'Succeed' },
        Work: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'work', end: true },
      },
    });
    expect(m.document['functions']).toEqual({ work: NULL_FUNCTION });
    expect(m.document).not.toHaveProperty('lambda');
    expect(noteLines(m.notes).filter((n) => n.includes('.choices.') || n.startsWith('read childWorkflow:'))).toEqual([
      `read childWorkflow: the long form: the child is not "Pass states, one Lambda task, Pass states" (it has a Choice state ("Route"), a Succeed state ("Other")), so its 3 states are written one by one [${at}]`,
      `required childWorkflow.states.Route.choices.0.probability: share of visits to "Route" that match rule 1 ($.a IsPresent true) and go to "Work", between 0 and 1; the shares must add up to 1: a workload fact no definition holds [${at}.States.Route.Choices[0]]`,
      `required childWorkflow.states.Route.choices.1.probability: share of visits to "Route" that match rule 2 ($.b IsPresent true) and go to "Other", between 0 and 1; the shares must add up to 1: a workload fact no definition holds [${at}.States.Route.Choices[1]]`,
    ]);
    expect(m.yaml).toContain(
      [
        '        - next: Work',
        '          # REQUIRED: share of visits to "Route" that match rule 1 ($.a IsPresent true) and go to',
        '          #   "Work", between 0 and 1; the shares must add up to 1: a workload fact no definition',
        '          #   holds',
        '          probability: null',
      ].join('\n'),
    );
  });

  it('keeps a loop as it is: the Choice that jumps back is a state like any other', () => {
    const m = importMap({ Work: task({ Next: 'Again?' }), 'Again?': { Type: 'Choice', Choices: [{ Variable: '$.more', BooleanEquals: true, Next: 'Work' }], Default: 'Done' }, Done: { Type: 'Succeed' } }, 'Work');
    expect(m.document['childWorkflow']).toMatchObject({
      states: { Work: { next: 'Again?' }, 'Again?': { type: 'Choice', choices: [{ next: 'Work', probability: null }], default: 'Done' } },
    });
    expect(noteLines(m.notes.filter((n) => n.kind === 'unsupported'))).toEqual([]);
  });

  it('writes a Parallel state with its branches', () => {
    const m = importMap({ Work: task({ Next: 'Both' }), Both: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }], End: true } }, 'Work');
    expect(m.document['childWorkflow']).toEqual({
      startAt: 'Work',
      states: {
        Work: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'work', next: 'Both' },
        Both: { type: 'Parallel', branches: [{ startAt: 'A', states: { A: { type: 'Pass', end: true } } }], end: true },
      },
    });
  });

  it('asks for the function\'s settings when FunctionName.$ picks it at run time (the short form)', () => {
    const m = importMap({ Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' }, End: true } }, 'Work');
    expect(m.document['childWorkflow']).toEqual({ statesBeforeTask: 0, statesAfterTask: 0 });
    expect(m.document['lambda']).toMatchObject({ memoryMb: null, architecture: null, timeoutSeconds: null });
    expect(m.document['region']).toBeNull();
    expect(noteLines(m.notes).filter((n) => n.includes('lambda:') || n.startsWith('runtime lambda') || n.startsWith('unsupported lambda'))).toEqual([
      'runtime lambda: FunctionName.$ "$.fn" picks the function when the state runs: the function\'s settings cannot be read [States.M.ItemProcessor.States.Work.Parameters.FunctionName.$]',
      'required lambda: the function\'s memory, architecture and timeout: FunctionName.$ "$.fn" picks the function when the state runs',
    ]);
  });

  it('writes a Lambda callback (.waitForTaskToken) as a callback task: the wait is asked for, the invocation is not simulated', () => {
    const m = importMap({ Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { 'FunctionName.$': '$.fn' }, End: true } }, 'Work');
    expect(m.document['childWorkflow']).toEqual({
      startAt: 'Work',
      states: { Work: { type: 'Task', resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', durationMs: null, end: true } },
    });
    expect(m.document).not.toHaveProperty('lambda');
    expect(m.document).not.toHaveProperty('functions');
    expect(noteLines(m.notes).filter((n) => n.includes('states.Work'))).toEqual([
      `read childWorkflow.states.Work: Task "Work": lambda:invoke.waitForTaskToken, a callback [${at}.States.Work]`,
      'required childWorkflow.states.Work.durationMs: time until the callback (SendTaskSuccess or SendTaskFailure with the task token) arrives, in ms (a number or a distribution): a workload fact no definition holds',
      `unsupported childWorkflow.states.Work.resource: "Work" invokes a Lambda function and waits for its callback: the invocation itself is neither simulated nor priced, only the wait [${at}.States.Work.Resource]`,
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
