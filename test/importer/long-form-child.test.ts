/**
 * The long form of the child, on the real-shape fixtures (test/fixtures/asl/real-shapes,
 * see its README for the public definition each one mirrors): a child that is not
 * "Pass states, one Lambda task, Pass states" is imported state by state, with nothing
 * invented: what the definition cannot hold is null and REQUIRED. Each map is checked
 * for the states written (type, Resource, function), the functions (none when the child
 * invokes none), the fields left to fill, and then, once those are filled with plausible
 * values, that the scenario validates and simulates to SUCCEEDED.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fieldsToFill, importDefinition, type ImportedMap } from '../../src/importer/import-definition.js';
import type { JsonObject } from '../../src/importer/json-value.js';
import { parseDefinitionSource, type LoadedDefinition } from '../../src/importer/load-definition.js';
import { valueAt } from '../../src/input/field-path.js';
import { simulateMapRun } from '../../src/model/index.js';
import { validateScenario } from '../../src/scenario/index.js';
import { fillRequired } from './fill-required.js';
import { importFixture, noteLines } from './import-helpers.js';

const SHAPES = 'real-shapes';

/** One line per state, nested ones as `Parent / Child` (Parallel branches as `Parent [i] / Child`). */
function outline(states: unknown, prefix = ''): string[] {
  return Object.entries((states ?? {}) as Record<string, JsonObject>).flatMap(([name, state]) => {
    const path = `${prefix}${name}`;
    const parts = [String(state['type'])];
    if (state['resource'] !== undefined) parts.push(String(state['resource']));
    if (state['function'] !== undefined) parts.push(`function ${String(state['function'])}`);
    if (state['type'] === 'Map') parts.push(state['iterations'] === undefined ? 'over the batch' : `iterations ${String(state['iterations'])}`);
    const inner = isObject(state['itemProcessor'])
      ? outline(state['itemProcessor']['states'], `${path} / `)
      : Array.isArray(state['branches'])
        ? (state['branches'] as JsonObject[]).flatMap((branch, i) => outline(branch['states'], `${path} [${i}] / `))
        : [];
    return [`${path}: ${parts.join(' ')}`, ...inner];
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
/** A function whose settings no file gives. */
const UNKNOWN_FUNCTION = { memoryMb: null, architecture: null, timeoutSeconds: null, invocationOverheadMs: null, perItemDurationMs: null };
/** A function of the template: only its durations are asked for. */
const fromTemplate = (memoryMb: number, architecture: string, timeoutSeconds: number) => ({ memoryMb, architecture, timeoutSeconds, invocationOverheadMs: null, perItemDurationMs: null });
const fnFields = (name: string, settings: boolean) => [
  ...(settings ? [`functions.${name}.memoryMb`, `functions.${name}.architecture`, `functions.${name}.timeoutSeconds`] : []),
  `functions.${name}.invocationOverheadMs`,
  `functions.${name}.perItemDurationMs`,
];

interface Case {
  /** Fixture, under test/fixtures/asl/real-shapes. */
  file: string;
  /** The map's id, as `--map` takes it. */
  map: string;
  /** The child, as the fixtures' README describes it. */
  shape: string;
  /** Long form: the states written. Absent: the short form, with `short`. */
  states?: string[];
  short?: { statesBeforeTask: number; statesAfterTask: number };
  /** Long form: the `functions` written; absent when the child invokes no Lambda function. */
  functions?: JsonObject;
  /** Every field left null, in the order the notes give them. */
  toFill: string[];
  /** Items the filled-in scenario runs (the itemCount/objectCount filled in, or a literal Items array). */
  items?: number;
}

const CASES: Case[] = [
  {
    file: 'pass-only-child.asl.json',
    map: 'States.Read check results',
    shape: 'A1: Pass only (CSV reader)',
    states: ['Keep row: Pass'],
    toFill: ['region', 'itemReader.itemCount'],
  },
  {
    file: 's3-delete-objects-batch/template.yaml',
    map: 'PurgePrefixMachine.States.Purge objects',
    shape: 'A2: inline Map over $.Items [Pass] → aws-sdk:s3:deleteObjects → Pass',
    states: ['Build key list: Map over the batch', 'Build key list / Key only: Pass', 'Delete batch: Task arn:aws:states:::aws-sdk:s3:deleteObjects', 'Drop output: Pass'],
    toFill: ['region', 'itemReader.objectCount', 'childWorkflow.states.Delete batch.durationMs'],
  },
  {
    file: 'inline-map-copy-object-paginated.asl.json',
    map: 'States.Copy page',
    shape: 'A3: inline Map over $.Items [aws-sdk:s3:copyObject]',
    states: ['Copy each key: Map over the batch', 'Copy each key / CopyObject: Task arn:aws:states:::aws-sdk:s3:copyObject'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Copy each key.itemProcessor.states.CopyObject.durationMs'],
  },
  {
    file: 'choice-loop-inline-map-wait-sqs.asl.yaml',
    map: 'States.Workers',
    shape: 'A5: dynamodb:getItem → Choice → Pass → inline Map over another array [Pass → Wait (SecondsPath) → sqs:sendMessage (Catch) → Succeed] → loop back; Succeed',
    states: [
      'Refresh settings: Task arn:aws:states:::dynamodb:getItem',
      'Worker still running?: Choice',
      'Make thread list: Pass',
      'Threads: Map iterations null',
      'Threads / Pick pause: Pass',
      'Threads / Pause: Wait',
      'Threads / Send message: Task arn:aws:states:::sqs:sendMessage',
      'Threads / Thread done: Succeed',
      'Worker done: Succeed',
    ],
    toFill: [
      'region',
      'itemReader.itemCount',
      'childWorkflow.states.Refresh settings.durationMs',
      'childWorkflow.states.Worker still running?.choices.0.probability',
      'childWorkflow.states.Threads.iterations',
      'childWorkflow.states.Threads.itemProcessor.states.Pause.durationMs',
      'childWorkflow.states.Threads.itemProcessor.states.Send message.durationMs',
    ],
  },
  {
    file: 'terraform-heredoc-inline-map-manifest.tf',
    map: 'riskcalc_ecs.States.For each manifest part.ItemProcessor.States.Process manifest part',
    shape: 'A8: one activity task (Terraform ${aws_sfn_activity.x[0].id}), TimeoutSeconds, HeartbeatSeconds',
    states: ['Hand batch to a worker: Task arn:aws:states:::activity:riskcalc_worker'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Hand batch to a worker.durationMs'],
  },
  {
    file: 'cloudformation-inline-definition-activity.yaml',
    map: 'RiskMachine.States.For each manifest part.ItemProcessor.States.Process manifest part',
    shape: 'A9: one activity task (CloudFormation !Ref of an AWS::StepFunctions::Activity)',
    states: ['Hand batch to a worker: Task arn:aws:states:::activity:WorkerActivity'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Hand batch to a worker.durationMs'],
  },
  {
    file: 'dynamodb-batch-write-child/template.yaml',
    map: 'ImportMembersMachine.States.Read members file',
    shape: 'B1: inline Map over $.Items (no ProcessorConfig) [Pass] → aws-sdk:dynamodb:batchWriteItem',
    states: ['Build put requests: Map over the batch', 'Build put requests / Build put request: Pass', 'Write members: Task arn:aws:states:::aws-sdk:dynamodb:batchWriteItem'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Write members.durationMs'],
  },
  {
    file: 'jsonata-http-choice-start-execution-sync.asl.json',
    map: 'States.For each store',
    shape: 'B2 (JSONata): http:invoke → Choice (Condition) → states:startExecution.sync:2 → Pass',
    states: [
      'Get store totals: Task arn:aws:states:::http:invoke',
      'Anything to extract?: Choice',
      'Extract store data: Task arn:aws:states:::states:startExecution.sync:2',
      'Skip store: Pass',
    ],
    toFill: [
      'region',
      'itemReader.itemCount',
      'childWorkflow.states.Get store totals.durationMs',
      'childWorkflow.states.Anything to extract?.choices.0.probability',
      'childWorkflow.states.Extract store data.durationMs',
      'childWorkflow.states.Extract store data.execution.type',
      'childWorkflow.states.Extract store data.execution.transitions',
    ],
  },
  {
    file: 'terraform-template-file-data',
    map: 'csv_import.States.Rows',
    shape: 'B3: one dynamodb:putItem (Terraform data "template_file")',
    states: ['Put row: Task arn:aws:states:::dynamodb:putItem'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Put row.durationMs'],
  },
  {
    file: 'start-execution-async-child/template.yml',
    map: 'LoaderStateMachine.States.Rows',
    shape: 'B4: one states:startExecution (no .sync) of an EXPRESS machine of the template',
    states: ['Start writer: Task arn:aws:states:::states:startExecution'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Start writer.durationMs', 'childWorkflow.states.Start writer.execution.durationMs'],
  },
  {
    file: 'choice-sdk-tasks-child.asl.json',
    map: 'States.Move each rule',
    shape: 'B8: aws-sdk:scheduler:createSchedule → Choice → eventbridge disableRule | Pass | enableRule',
    states: [
      'CreateSchedule: Task arn:aws:states:::aws-sdk:scheduler:createSchedule',
      'Old rule state?: Choice',
      'Disable old rule: Task arn:aws:states:::aws-sdk:eventbridge:disableRule',
      'Leave old rule: Pass',
      'Enable old rule: Task arn:aws:states:::aws-sdk:eventbridge:enableRule',
    ],
    toFill: [
      'region',
      'itemReader.itemCount',
      'childWorkflow.states.CreateSchedule.durationMs',
      'childWorkflow.states.Old rule state?.choices.0.probability',
      'childWorkflow.states.Old rule state?.choices.1.probability',
      'childWorkflow.states.Disable old rule.durationMs',
      'childWorkflow.states.Enable old rule.durationMs',
    ],
  },
  {
    file: 'nested-distributed-map-in-child.asl.json',
    map: 'States.Every object',
    shape: 'B11 (outer): a nested Distributed Map (Catch → Fail): a Pass stands in for it',
    states: ['Object batch: Pass', 'Batch failed: Fail'],
    toFill: ['region', 'itemReader.objectCount'],
  },
  {
    file: 'nested-distributed-map-in-child.asl.json',
    map: 'States.Every object.ItemProcessor.States.Object batch',
    shape: 'B11 (inner): inline Map over $.Items [aws-sdk:s3:getObject → Pass → sns:publish]',
    states: [
      'Each object in batch: Map over the batch',
      'Each object in batch / Read object: Task arn:aws:states:::aws-sdk:s3:getObject',
      'Each object in batch / Add source field: Pass',
      'Each object in batch / Publish object: Task arn:aws:states:::sns:publish',
    ],
    toFill: [
      'region',
      'itemReader.itemCount',
      'childWorkflow.states.Each object in batch.itemProcessor.states.Read object.durationMs',
      'childWorkflow.states.Each object in batch.itemProcessor.states.Publish object.durationMs',
    ],
  },
  {
    file: 'cdk-lambda-then-s3-put-object.template.json',
    map: 'CaptionMachine964EBF06.States.Photo keys',
    shape: 'B12 (CDK): lambda → aws-sdk:s3:putObject',
    states: [`Caption photos: Task ${LAMBDA_INVOKE} function CaptionFunctionE728FCAC`, 'Save caption: Task arn:aws:states:::aws-sdk:s3:putObject'],
    functions: { CaptionFunctionE728FCAC: fromTemplate(1536, 'x86_64', 240) },
    toFill: ['region', 'itemReader.objectCount', 'childWorkflow.states.Save caption.durationMs', ...fnFields('CaptionFunctionE728FCAC', false)],
  },
  {
    file: 'dynamodb-batch-write-pass-child.asl.json',
    map: 'States.Write in batches of 25',
    shape: 'B13: Pass (InputPath $.Items) → aws-sdk:dynamodb:batchWriteItem',
    states: ['Wrap request items: Pass', 'BatchWriteItem: Task arn:aws:states:::aws-sdk:dynamodb:batchWriteItem'],
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.BatchWriteItem.durationMs'],
  },
  {
    file: 'callback-wait-for-task-token.template.json',
    map: 'VideoAnalysisMachine.States.Moderation Map',
    shape: 'B16: rekognition start → aws-sdk:dynamodb:putItem.waitForTaskToken → rekognition get → dynamodb:updateItem → Choice → lambda → Pass',
    states: [
      'StartContentModeration: Task arn:aws:states:::aws-sdk:rekognition:startContentModeration',
      'Wait for moderation callback: Task arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken',
      'GetContentModeration: Task arn:aws:states:::aws-sdk:rekognition:getContentModeration',
      'Record moderation status: Task arn:aws:states:::dynamodb:updateItem',
      'Anything flagged?: Choice',
      `Write moderation results: Task ${LAMBDA_INVOKE} function WriteModerationResults4B488B1C`,
      'Nothing flagged: Pass',
    ],
    functions: { WriteModerationResults4B488B1C: fromTemplate(512, 'x86_64', 120) },
    toFill: [
      'region',
      'itemReader.objectCount',
      'childWorkflow.states.StartContentModeration.durationMs',
      'childWorkflow.states.Wait for moderation callback.durationMs',
      'childWorkflow.states.GetContentModeration.durationMs',
      'childWorkflow.states.Record moderation status.durationMs',
      'childWorkflow.states.Anything flagged?.choices.0.probability',
      ...fnFields('WriteModerationResults4B488B1C', false),
    ],
  },
  {
    file: 'callback-wait-for-task-token.template.json',
    map: 'VideoAnalysisMachine.States.Labels Map',
    shape: 'B16 (ReaderConfig {}): start → putItem.waitForTaskToken → get → updateItem → lambda',
    states: [
      'StartLabelDetection: Task arn:aws:states:::aws-sdk:rekognition:startLabelDetection',
      'Wait for label callback: Task arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken',
      'GetLabelDetection: Task arn:aws:states:::aws-sdk:rekognition:getLabelDetection',
      'Record label status: Task arn:aws:states:::dynamodb:updateItem',
      `Write label results: Task ${LAMBDA_INVOKE} function WriteLabelResultsD449151C`,
    ],
    functions: { WriteLabelResultsD449151C: fromTemplate(768, 'x86_64', 180) },
    toFill: [
      'region',
      'itemReader.objectCount',
      'childWorkflow.states.StartLabelDetection.durationMs',
      'childWorkflow.states.Wait for label callback.durationMs',
      'childWorkflow.states.GetLabelDetection.durationMs',
      'childWorkflow.states.Record label status.durationMs',
      ...fnFields('WriteLabelResultsD449151C', false),
    ],
  },
  {
    file: 'jsonata-inline-map-over-batch.yaml',
    map: 'CardsMachine.States.Read scanned cards',
    shape: 'D1 (JSONata): inline Map over {% $states.input.Items %} [aws-sdk:textract:analyzeDocument → Pass → Pass] → aws-sdk:firehose:putRecordBatch',
    states: [
      'Read card batch: Map over the batch',
      'Read card batch / Ask questions of card: Task arn:aws:states:::aws-sdk:textract:analyzeDocument',
      'Read card batch / Pair questions and answers: Pass',
      'Read card batch / Fold into record: Pass',
      'Send records: Task arn:aws:states:::aws-sdk:firehose:putRecordBatch',
    ],
    toFill: ['region', 'itemReader.objectCount', 'childWorkflow.states.Read card batch.itemProcessor.states.Ask questions of card.durationMs', 'childWorkflow.states.Send records.durationMs'],
  },
  {
    file: 'jsonata-parquet-manifest/template.yaml',
    map: 'ReadingsAnalyticsMachine.States.Analyse readings',
    shape: 'D2 (JSONata): lambda (Arguments, Assign) → aws-sdk:firehose:putRecord',
    states: [`Analyse reading: Task ${LAMBDA_INVOKE} function ReadingsAnalyticsFunction`, 'Send to stream: Task arn:aws:states:::aws-sdk:firehose:putRecord'],
    functions: { ReadingsAnalyticsFunction: fromTemplate(640, 'arm64', 45) },
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Send to stream.durationMs', ...fnFields('ReadingsAnalyticsFunction', false)],
  },
  {
    file: 'cdk-callback-textract-chain.template.json',
    map: 'ClaimFormsMachine1A121B74.States.AnalyseForms',
    shape: 'D4 (CDK): aws-sdk:textract:startDocumentAnalysis → aws-sdk:dynamodb:putItem.waitForTaskToken → lambda',
    states: [
      'StartFormAnalysis: Task arn:aws:states:::aws-sdk:textract:startDocumentAnalysis',
      'ParkTaskToken: Task arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken',
      `FetchFormResults: Task ${LAMBDA_INVOKE} function FormResultsFunctionBD497640`,
    ],
    functions: { FormResultsFunctionBD497640: fromTemplate(1024, 'arm64', 60) },
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.StartFormAnalysis.durationMs', 'childWorkflow.states.ParkTaskToken.durationMs', ...fnFields('FormResultsFunctionBD497640', false)],
  },
  {
    file: 'wait-lambda-dynamodb-child.asl.json',
    map: 'States.Check rows',
    shape: 'D5: Wait 6 s → lambda → aws-sdk:dynamodb:putItem',
    states: ['Pretend to be slow: Wait', `Validate row: Task ${LAMBDA_INVOKE} function ValidateRowFunction`, 'Save row: Task arn:aws:states:::aws-sdk:dynamodb:putItem'],
    functions: { ValidateRowFunction: UNKNOWN_FUNCTION },
    toFill: ['region', 'itemReader.itemCount', 'childWorkflow.states.Save row.durationMs', ...fnFields('ValidateRowFunction', true)],
  },
  {
    file: 'terraform-templatefile',
    map: 'upload_checks.States.Map',
    shape: 'E1 (Terraform templatefile, legacy Iterator): Parallel of 3 branches, each check lambda (Catch) → notify lambda (Catch) → Pass; four functions',
    states: [
      'Run every check: Parallel',
      `Run every check [0] / Virus Scan: Task ${LAMBDA_INVOKE} function upload-staging-virus-scan`,
      `Run every check [0] / Virus Scan Notify: Task ${LAMBDA_INVOKE} function upload-staging-notify`,
      'Run every check [0] / Virus Scan Notify Failed: Pass',
      `Run every check [1] / Format Detect: Task ${LAMBDA_INVOKE} function upload-staging-format-detect`,
      `Run every check [1] / Format Detect Notify: Task ${LAMBDA_INVOKE} function upload-staging-notify`,
      'Run every check [1] / Format Detect Notify Failed: Pass',
      `Run every check [2] / Fixity: Task ${LAMBDA_INVOKE} function upload-staging-fixity`,
      `Run every check [2] / Fixity Notify: Task ${LAMBDA_INVOKE} function upload-staging-notify`,
      'Run every check [2] / Fixity Notify Failed: Pass',
    ],
    functions: {
      'upload-staging-virus-scan': UNKNOWN_FUNCTION,
      'upload-staging-notify': UNKNOWN_FUNCTION,
      'upload-staging-format-detect': UNKNOWN_FUNCTION,
      'upload-staging-fixity': UNKNOWN_FUNCTION,
    },
    toFill: [
      'itemReader.itemCount',
      ...fnFields('upload-staging-virus-scan', true),
      ...fnFields('upload-staging-notify', true),
      ...fnFields('upload-staging-format-detect', true),
      ...fnFields('upload-staging-fixity', true),
    ],
  },
  {
    file: 'terraform-templatefile',
    map: 'upload_checks_v2.States.Map',
    shape: 'E2 (Terraform templatefile into a module, Iterator): lambda (Retry, Catch) → notify lambda (Catch) → Pass',
    states: [`All Checks: Task ${LAMBDA_INVOKE} function upload-staging-all-checks`, `All Checks Notify: Task ${LAMBDA_INVOKE} function upload-staging-notify`, 'All Checks Notify Failed: Pass'],
    functions: { 'upload-staging-all-checks': UNKNOWN_FUNCTION, 'upload-staging-notify': UNKNOWN_FUNCTION },
    toFill: ['itemReader.itemCount', ...fnFields('upload-staging-all-checks', true), ...fnFields('upload-staging-notify', true)],
  },
  {
    file: 'terraform-jsonencode.tf',
    map: 'ingest_shards.States.Shards',
    shape: 'E3 (Terraform jsonencode, JSONata, Items a local list): one states:startExecution.sync:2',
    states: ['Ingest shard: Task arn:aws:states:::states:startExecution.sync:2'],
    toFill: ['region', 'childWorkflow.states.Ingest shard.durationMs', 'childWorkflow.states.Ingest shard.execution.type', 'childWorkflow.states.Ingest shard.execution.transitions'],
    items: 3,
  },
  // Children that fit the short form keep it: one Lambda task with Pass states around it.
  {
    file: 'lambda-arn-resource-child/template.yaml',
    map: 'StressTestStateMachine.States.Value every scenario',
    shape: 'B5: one Task whose Resource is the function (${ValuationFunction.Arn})',
    short: { statesBeforeTask: 0, statesAfterTask: 0 },
    toFill: ['region', 'itemReader.objectCount', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs'],
  },
  {
    file: 'pass-then-lambda-no-reader.asl.json',
    map: 'States.Fire requests',
    shape: 'B17: Pass → lambda whose Resource has a placeholder partition (arn:${AWSPartition}:states:::lambda:invoke)',
    short: { statesBeforeTask: 1, statesAfterTask: 0 },
    toFill: ['region', 'itemReader.itemCount', 'lambda.memoryMb', 'lambda.architecture', 'lambda.timeoutSeconds', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs'],
  },
  {
    file: 'cdk-sdk-lambda-invoke-json-reader.template.json',
    map: 'RepriceMachine681C5EB4.States.RepriceEverySku',
    shape: 'C1 (CDK): one aws-sdk:lambda:invoke',
    short: { statesBeforeTask: 0, statesAfterTask: 0 },
    toFill: ['region', 'itemReader.itemCount', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs'],
  },
  {
    file: 'jsonata-items-catch-fail-child.asl.json',
    map: 'States.AssessLineItems',
    shape: 'D3 (JSONata): one lambda with Retry and Catch → Fail',
    short: { statesBeforeTask: 0, statesAfterTask: 0 },
    toFill: ['itemReader.itemCount', 'lambda.memoryMb', 'lambda.architecture', 'lambda.timeoutSeconds', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs'],
  },
  {
    file: 'terraform-jsonencode.tf',
    map: 'mint_ids_state_machine.States.MintIdsMap',
    shape: 'E6 (Terraform jsonencode): one Task whose Resource is a module output named like a Lambda ARN',
    short: { statesBeforeTask: 0, statesAfterTask: 0 },
    toFill: ['region', 'itemReader.itemCount', 'lambda.memoryMb', 'lambda.architecture', 'lambda.timeoutSeconds', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs'],
  },
];

async function importCase(c: Case): Promise<ImportedMap> {
  const { maps } = await importFixture(`${SHAPES}/${c.file}`, c.map);
  expect(maps).toHaveLength(1);
  return maps[0] as ImportedMap;
}

/** Fills the nulls, validates and simulates; returns the result. */
function fillAndSimulate(imported: ImportedMap) {
  const { document, filled } = fillRequired(imported.document);
  // Every null the import wrote is one the notes ask for.
  expect([...filled].sort()).toEqual([...fieldsToFill(imported)].sort());
  const validation = validateScenario(document);
  if (!validation.ok) throw new Error(`does not validate: ${JSON.stringify(validation.issues)}`);
  return { scenario: validation.scenario, result: simulateMapRun(validation.scenario, { seed: 1 }) };
}

describe.each(CASES)('$file, $map: $shape', (c) => {
  it(c.states ? 'writes every state of the child, and no function it does not call' : 'keeps the short form', async () => {
    const imported = await importCase(c);
    const child = imported.document['childWorkflow'] as JsonObject;
    if (c.states) {
      expect(outline(child['states'])).toEqual(c.states);
      expect(Object.keys(child).sort()).toEqual(['startAt', 'states']);
      expect(imported.document).not.toHaveProperty('lambda');
      if (c.functions) expect(imported.document['functions']).toEqual(c.functions);
      else expect(imported.document).not.toHaveProperty('functions');
    } else {
      expect(child).toMatchObject(c.short ?? {});
      expect(child).not.toHaveProperty('states');
      expect(imported.document).toHaveProperty('lambda');
      expect(imported.document).not.toHaveProperty('functions');
    }
  });

  it('leaves null exactly the fields it asks for, and writes YAML holding the document', async () => {
    const imported = await importCase(c);
    expect(fieldsToFill(imported)).toEqual(c.toFill);
    for (const field of c.toFill) expect(valueAt(imported.document, field.split('.')), field).toBeNull();
    for (const note of imported.notes.filter((n) => n.kind === 'required')) {
      const value = valueAt(imported.document, note.field.split('.'));
      expect(value === null || isObject(value), `${note.field} is REQUIRED but holds ${JSON.stringify(value)}`).toBe(true);
    }
    expect(parse(imported.yaml)).toEqual(imported.document);
  });

  it('validates and simulates to SUCCEEDED once the REQUIRED fields are filled', async () => {
    const imported = await importCase(c);
    const { scenario, result } = fillAndSimulate(imported);
    const items = c.items ?? 1000;
    expect(result.status).toBe('SUCCEEDED');
    expect(result.itemCounts).toMatchObject({ total: items, succeeded: items });
    if (c.states) {
      expect(Object.keys(result.functions ?? {})).toEqual(Object.keys(c.functions ?? {}));
      if (!c.functions) expect(result.lambda.invocations).toBe(0);
      // The non-Lambda tasks ran as themselves, each billed at its own state.
      const tasks = (result.usage.tasks ?? []).map((t) => t.state);
      for (const state of tasks) expect(valueAt(scenario, state.split('.'))).toMatchObject({ type: 'Task' });
    } else {
      expect(result.lambda.invocations).toBeGreaterThan(0);
    }
  });
});

describe('what the long form reads, and says where from', () => {
  it('covers at least 15 real shapes in the long form', () => {
    expect(new Set(CASES.filter((c) => c.states).map((c) => c.shape.split(':')[0])).size).toBeGreaterThanOrEqual(15);
  });

  it('keeps a Task\'s Retry, Catch, TimeoutSeconds and HeartbeatSeconds, camelCase', async () => {
    const [ecs] = (await importFixture(`${SHAPES}/terraform-heredoc-inline-map-manifest.tf`, 'riskcalc_ecs')).maps;
    expect((ecs?.document['childWorkflow'] as JsonObject)['states']).toEqual({
      'Hand batch to a worker': {
        type: 'Task',
        resource: 'arn:aws:states:::activity:riskcalc_worker',
        durationMs: null,
        timeoutSeconds: 1200,
        heartbeatSeconds: 240,
        retry: [{ errorEquals: ['States.TaskFailed', 'States.Timeout'], backoffRate: 2, intervalSeconds: 20, maxAttempts: 3 }],
        end: true,
      },
    });
    const at = 'States.For each manifest part.ItemProcessor.States.Process manifest part.ItemProcessor.States.Hand batch to a worker';
    expect(noteLines(ecs?.notes ?? []).filter((n) => n.includes('Hand batch to a worker.'))).toEqual([
      `read childWorkflow.states.Hand batch to a worker.resource: Resource "\${aws_sfn_activity.riskcalc_worker[0].id}" is the Terraform activity aws_sfn_activity.riskcalc_worker, a callback: written as arn:aws:states:::activity:riskcalc_worker (its Region and account are known only when deployed) [${at}.Resource]`,
      'required childWorkflow.states.Hand batch to a worker.durationMs: time until the callback (SendTaskSuccess or SendTaskFailure with the task token, from the activity worker) arrives, in ms (a number or a distribution): a workload fact no definition holds',
      `read childWorkflow.states.Hand batch to a worker.timeoutSeconds: TimeoutSeconds 1200 [${at}.TimeoutSeconds]`,
      `read childWorkflow.states.Hand batch to a worker.heartbeatSeconds: HeartbeatSeconds 240 [${at}.HeartbeatSeconds]`,
      `read childWorkflow.states.Hand batch to a worker.retry: 1 retrier [${at}.Retry]`,
    ]);
  });

  it('writes Catch as errorEquals and next, and reads each function once however many tasks name it', async () => {
    const [v2] = (await importFixture(`${SHAPES}/terraform-templatefile`, 'upload_checks_v2')).maps;
    const states = (v2?.document['childWorkflow'] as JsonObject)['states'] as JsonObject;
    expect(states['All Checks']).toEqual({
      type: 'Task',
      resource: LAMBDA_INVOKE,
      function: 'upload-staging-all-checks',
      retry: [{ errorEquals: ['States.ALL'], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2 }],
      catch: [{ errorEquals: ['States.ALL'], next: 'All Checks Notify' }],
      end: true,
    });
    const [v1] = (await importFixture(`${SHAPES}/terraform-templatefile`, 'upload_checks')).maps;
    expect(noteLines(v1?.notes ?? []).filter((n) => n.startsWith('read functions.upload-staging-notify:'))).toEqual([
      'read functions.upload-staging-notify: invoked by "Virus Scan Notify", "Format Detect Notify", "Fixity Notify" [States.Map.Iterator.States.Run every check.Branches[0].States.Virus Scan Notify.Parameters.FunctionName]',
    ]);
    expect(v1?.document['region']).toBe('eu-west-2');
    expect(v1?.document['executionType']).toBe('STANDARD');
  });

  it('asks for the iterations of an inline Map that does not run over the batch, and the wait of a SecondsPath', async () => {
    const [workers] = (await importFixture(`${SHAPES}/choice-loop-inline-map-wait-sqs.asl.yaml`)).maps;
    const at = 'States.Workers.ItemProcessor.States';
    expect(noteLines(workers?.notes ?? []).filter((n) => n.startsWith('required childWorkflow.states.Threads'))).toEqual([
      `required childWorkflow.states.Threads.iterations: iterations of "Threads" per run (a number or a distribution): it iterates over ItemsPath "$.thread_list.items", not over the items of the batch: a workload fact no definition holds [${at}.Threads.ItemsPath]`,
      `required childWorkflow.states.Threads.itemProcessor.states.Pause.durationMs: how long "Pause" waits, in ms (a number or a distribution): SecondsPath "$.pause": read from the state input when the state machine runs [${at}.Threads.ItemProcessor.States.Pause.SecondsPath]`,
      'required childWorkflow.states.Threads.itemProcessor.states.Send message.durationMs: time from the call to its answer, in ms (a number or a distribution): a workload fact no definition holds',
    ]);
  });

  it('reads an inline Map over the JSONata Items of the batch, with its MaxConcurrency', async () => {
    const [cards] = (await importFixture(`${SHAPES}/jsonata-inline-map-over-batch.yaml`)).maps;
    const map = ((cards?.document['childWorkflow'] as JsonObject)['states'] as JsonObject)['Read card batch'] as JsonObject;
    expect(map).not.toHaveProperty('iterations');
    expect(noteLines(cards?.notes ?? [])).toContain(
      'read childWorkflow.states.Read card batch: inline Map "Read card batch" over Items "{% $states.input.Items %}": one iteration per item of the batch [States.Read scanned cards.ItemProcessor.States.Read card batch]',
    );
    const [copy] = (await importFixture(`${SHAPES}/inline-map-copy-object-paginated.asl.json`)).maps;
    expect(((copy?.document['childWorkflow'] as JsonObject)['states'] as JsonObject)['Copy each key']).toMatchObject({ type: 'Map', itemProcessor: { startAt: 'CopyObject' } });
  });

  it('reads a nested execution\'s type from the template, and asks for it when the state machine is elsewhere', async () => {
    const [loader] = (await importFixture(`${SHAPES}/start-execution-async-child/template.yml`)).maps;
    expect(((loader?.document['childWorkflow'] as JsonObject)['states'] as JsonObject)['Start writer']).toEqual({
      type: 'Task',
      resource: 'arn:aws:states:::states:startExecution',
      durationMs: null,
      execution: { type: 'EXPRESS', durationMs: null },
      end: true,
    });
    expect(noteLines(loader?.notes ?? [])).toContain('read childWorkflow.states.Start writer.execution.type: Type EXPRESS of WriterStateMachine (AWS::Serverless::StateMachine) [Resources.WriterStateMachine.Properties.Type]');
    const [stores] = (await importFixture(`${SHAPES}/jsonata-http-choice-start-execution-sync.asl.json`)).maps;
    expect(noteLines(stores?.notes ?? [])).toContain(
      'required childWorkflow.states.Extract store data.execution.type: type of the state machine "Extract store data" starts, STANDARD or EXPRESS: StateMachineArn "arn:aws:states:us-east-1:123456789012:stateMachine:store-extract" is a state machine outside the files read',
    );
  });

  it('stands a Pass in for a Distributed Map inside the child, and says to import it with --map', async () => {
    const [outer] = (await importFixture(`${SHAPES}/nested-distributed-map-in-child.asl.json`, 'States.Every object')).maps;
    expect(noteLines((outer?.notes ?? []).filter((n) => n.kind === 'unsupported'))).toEqual([
      'unsupported childWorkflow.states.Object batch: "Object batch" is a Distributed Map: it starts a Map Run of its own, which is not simulated inside this child; a Pass state stands in for it (one transition); its Retry and Catch are not kept. Import it separately with --map "States.Every object.ItemProcessor.States.Object batch" [States.Every object.ItemProcessor.States.Object batch]',
    ]);
  });

  it('says which short-form child it took a Resource placeholder for a function in, and reads a placeholder partition', async () => {
    const [mint] = (await importFixture(`${SHAPES}/terraform-jsonencode.tf`, 'mint_ids_state_machine')).maps;
    expect(noteLines(mint?.notes ?? [])).toContain(
      'unsupported lambda: Resource "${module.id_minter_lambda.lambda_arn}" names nothing the import can read; its name says it is a Lambda function, so it is taken for the function the child invokes [States.MintIdsMap.ItemProcessor.States.MintIds.Resource]',
    );
    const [fire] = (await importFixture(`${SHAPES}/pass-then-lambda-no-reader.asl.json`)).maps;
    expect(noteLines(fire?.notes ?? [])).toContain(
      'read lambda: the partition "${AWSPartition}" of Resource "arn:${AWSPartition}:states:::lambda:invoke" read as aws [States.Fire requests.ItemProcessor.States.Call target.Resource]',
    );
  });
});

describe('Lambda Resources in the long form', () => {
  /** A SAM template whose child invokes a function by placeholder, another by ARN, then writes to DynamoDB. */
  const TEMPLATE = {
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      Valuation: { Type: 'AWS::Serverless::Function', Properties: { MemorySize: 2048, Timeout: 30, Architectures: ['arm64'] } },
      Machine: {
        Type: 'AWS::Serverless::StateMachine',
        Properties: {
          Definition: {
            StartAt: 'Run',
            States: {
              Run: {
                Type: 'Map',
                ItemProcessor: {
                  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
                  StartAt: 'Value',
                  States: {
                    Value: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Valuation', 'Arn'] }, TimeoutSeconds: 20, Next: 'Audit' },
                    Audit: { Type: 'Task', Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:audit:live', Next: 'Store' },
                    Store: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't' }, End: true },
                  },
                },
                End: true,
              },
            },
          },
        },
      },
    },
  };

  it('writes arn:aws:states:::lambda:invoke for a placeholder naming a function of the template, and keeps a function ARN as written', () => {
    const source = parseDefinitionSource(JSON.stringify(TEMPLATE), 'template.json') as LoadedDefinition;
    const [run] = importDefinition(source).maps;
    expect((run?.document['childWorkflow'] as JsonObject)['states']).toEqual({
      Value: { type: 'Task', resource: LAMBDA_INVOKE, function: 'Valuation', timeoutSeconds: 20, next: 'Audit' },
      Audit: { type: 'Task', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:audit:live', function: 'audit', next: 'Store' },
      Store: { type: 'Task', resource: 'arn:aws:states:::dynamodb:putItem', durationMs: null, end: true },
    });
    expect(run?.document['functions']).toEqual({ Valuation: fromTemplate(2048, 'arm64', 30), audit: UNKNOWN_FUNCTION });
    expect(run?.document['region']).toBe('eu-west-1');
    expect(noteLines(run?.notes ?? []).filter((n) => n.includes('Value.resource') || n.startsWith('read functions.Valuation'))).toEqual([
      'read childWorkflow.states.Value.resource: Resource "${Valuation.Arn}" is Valuation (AWS::Serverless::Function): written as arn:aws:states:::lambda:invoke, which invokes the function the same way [States.Run.ItemProcessor.States.Value.Resource]',
      'read functions.Valuation: invoked by "Value" [States.Run.ItemProcessor.States.Value.Resource]',
      'read functions.Valuation.memoryMb: MemorySize 2048 of Valuation (AWS::Serverless::Function) [Resources.Valuation.Properties.MemorySize]',
      'read functions.Valuation.architecture: Architectures [arm64] of Valuation (AWS::Serverless::Function) [Resources.Valuation.Properties.Architectures]',
      'read functions.Valuation.timeoutSeconds: Timeout 30 of Valuation (AWS::Serverless::Function) [Resources.Valuation.Properties.Timeout]',
      'read functions.Valuation: the function is Valuation (AWS::Serverless::Function), named by FunctionName "${Valuation.Arn}" [States.Run.ItemProcessor.States.Value.Resource]',
    ]);
    const { result } = fillAndSimulate(run as ImportedMap);
    expect(result.status).toBe('SUCCEEDED');
    expect(Object.entries(result.functions ?? {}).map(([name, f]) => [name, f.invocations > 0])).toEqual([
      ['Valuation', true],
      ['audit', true],
    ]);
  });
});

describe('state names', () => {
  it('keeps a state whose name holds a dot: its REQUIRED field is asked for and commented in place', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Call api.v2',
            States: { 'Call api.v2': { Type: 'Task', Resource: 'arn:aws:states:::http:invoke', Arguments: { Method: 'GET' }, End: true } },
          },
          End: true,
        },
      },
    };
    const [m] = importDefinition(parseDefinitionSource(JSON.stringify(definition), 'dotted.asl.json') as LoadedDefinition).maps;
    expect(fieldsToFill(m as ImportedMap)).toEqual(['region', 'itemReader.itemCount', 'childWorkflow.states.Call api.v2.durationMs']);
    expect(m?.yaml).toContain(
      [
        '    Call api.v2:',
        '      type: Task',
        '      resource: arn:aws:states:::http:invoke',
        '      # REQUIRED: time the HTTPS endpoint takes to answer, in ms (a number or a distribution): a',
        '      #   workload fact no definition holds',
        '      durationMs: null',
      ].join('\n'),
    );
    expect(m?.yaml).not.toContain('# Not modelled:');
  });
});
