/**
 * The acceptance set of issue #8: real-shaped definitions imported field by field. Each
 * test asserts the whole scenario document and every note, so a change in what is read,
 * asked for or approximated shows up here.
 */
import { describe, expect, it } from 'vitest';
import { DURATION_NOTES, functionSettingsRequired, importFixture, noteLines, NULL_LAMBDA, REGION_REQUIRED } from './import-helpers.js';

const NOAA_RETRY = [
  {
    errorEquals: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
    intervalSeconds: 2,
    maxAttempts: 6,
    backoffRate: 2,
  },
];

describe('import: the NOAA demo (aws-samples, re:Invent 2022)', () => {
  it('reads listObjectsV2, batch 500, MaxConcurrency 3000, 5 % tolerance, Express, ResultWriter and the Retry from the bare ASL', async () => {
    const { maps } = await importFixture('noaa/statemachines/dmap-temperatures.asl.json');
    expect(maps).toHaveLength(1);
    const [noaa] = maps;
    expect(noaa?.map.id).toBe('States.DistributedMap');
    expect(noaa?.document).toEqual({
      name: 'dmap-temperatures / DistributedMap',
      description: 'Distributed Map "DistributedMap" of dmap-temperatures, imported from test/fixtures/asl/noaa/statemachines/dmap-temperatures.asl.json',
      region: null,
      itemReader: { source: 's3ListObjectsV2', objectCount: null },
      itemBatcher: { maxItemsPerBatch: 500 },
      maxConcurrency: 3000,
      toleratedFailurePercentage: 5,
      executionType: 'EXPRESS',
      resultWriter: {},
      childWorkflow: { statesBeforeTask: 0, statesAfterTask: 0, retry: NOAA_RETRY },
      lambda: NULL_LAMBDA,
    });
    expect(noteLines(noaa?.notes ?? [])).toEqual([
      REGION_REQUIRED,
      'read itemReader.source: s3ListObjectsV2: ItemReader arn:aws:states:::s3:listObjectsV2 (Bucket ${InputBucket}), one item per object [States.DistributedMap.ItemReader.Resource]',
      'required itemReader.objectCount: number of objects the listing returns (Bucket ${InputBucket}): a workload fact no definition holds',
      'read itemBatcher.maxItemsPerBatch: MaxItemsPerBatch 500 [States.DistributedMap.ItemBatcher.MaxItemsPerBatch]',
      'read maxConcurrency: MaxConcurrency 3000 [States.DistributedMap.MaxConcurrency]',
      'read toleratedFailurePercentage: ToleratedFailurePercentage 5 [States.DistributedMap.ToleratedFailurePercentage]',
      'read executionType: ProcessorConfig.ExecutionType EXPRESS [States.DistributedMap.ItemProcessor.ProcessorConfig.ExecutionType]',
      'read resultWriter: ResultWriter arn:aws:states:::s3:putObject: results written to S3 [States.DistributedMap.ResultWriter]',
      'read childWorkflow.statesBeforeTask: 0 states before the Lambda task "Lambda Invoke" [States.DistributedMap.ItemProcessor.StartAt]',
      'read childWorkflow.statesAfterTask: 0 states after it [States.DistributedMap.ItemProcessor.States.Lambda Invoke]',
      'read childWorkflow.retry: Retry of "Lambda Invoke": 1 retrier [States.DistributedMap.ItemProcessor.States.Lambda Invoke.Retry]',
      ...functionSettingsRequired(
        'FunctionName "${DistributedMapTestFunctionName}" is a template placeholder: import the CloudFormation or SAM template to read them',
      ),
      ...DURATION_NOTES,
    ]);
  });

  it('reads the function\'s memory from the SAM template, and timeout and architecture from its Globals', async () => {
    const { maps, surveys, definition } = await importFixture('noaa/template.yaml', 'NOAAWeatherStateMachine');
    expect(definition.description).toBe('a SAM template with 8 resources');
    expect(surveys.map((s) => [s.machine.name, s.machine.origin, s.distributed.length])).toEqual([
      ['CopyNOAAS3DataStateMachine', 'DefinitionUri statemachines/copy-noaa-data-us-east-1.asl.json', 1],
      ['NOAAWeatherStateMachine', 'DefinitionUri statemachines/dmap-temperatures.asl.json', 1],
      ['DeleteNOAADataStateMachine', 'DefinitionUri statemachines/delete-s3-data.asl.json', 0],
    ]);
    const [noaa] = maps;
    expect(noaa?.map.id).toBe('NOAAWeatherStateMachine.States.DistributedMap');
    expect(noaa?.document['lambda']).toEqual({ memoryMb: 2048, architecture: 'arm64', timeoutSeconds: 120, invocationOverheadMs: null, perItemDurationMs: null });
    // DefinitionSubstitutions put the template's resources in place of the placeholders.
    expect(noteLines(noaa?.notes ?? []).filter((n) => n.startsWith('read lambda') || n.includes('Bucket'))).toEqual([
      'read itemReader.source: s3ListObjectsV2: ItemReader arn:aws:states:::s3:listObjectsV2 (Bucket ${NOAADataBucket}), one item per object [States.DistributedMap.ItemReader.Resource]',
      'required itemReader.objectCount: number of objects the listing returns (Bucket ${NOAADataBucket}): a workload fact no definition holds',
      'read lambda.memoryMb: MemorySize 2048 of TemperaturesFunction (AWS::Serverless::Function) [Resources.TemperaturesFunction.Properties.MemorySize]',
      'read lambda.architecture: Architectures [arm64] of TemperaturesFunction (AWS::Serverless::Function) [Globals.Function.Architectures]',
      'read lambda.timeoutSeconds: Timeout 120 of TemperaturesFunction (AWS::Serverless::Function) [Globals.Function.Timeout]',
      'read lambda: the function is TemperaturesFunction (AWS::Serverless::Function), named by FunctionName "${TemperaturesFunction.Arn}" [States.DistributedMap.ItemProcessor.States.Lambda Invoke.Parameters.FunctionName]',
    ]);
  });

  it('imports the sample\'s copy machine too, whose child invokes no Lambda function: the long form, an inline Map over the batch', async () => {
    const { maps } = await importFixture('noaa/template.yaml', 'CopyNOAAS3DataStateMachine');
    const [copy] = maps;
    expect(copy?.document).toMatchObject({
      itemReader: { source: 'inline', itemCount: null },
      itemBatcher: { maxItemsPerBatch: 100 },
      maxConcurrency: 1000,
      executionType: 'EXPRESS',
      childWorkflow: {
        startAt: 'Map',
        states: {
          Map: {
            type: 'Map',
            itemProcessor: { startAt: 'CopyObject', states: { CopyObject: { type: 'Task', resource: 'arn:aws:states:::aws-sdk:s3:copyObject', durationMs: null, end: true } } },
            end: true,
          },
        },
      },
    });
    expect(copy?.document).not.toHaveProperty('lambda');
    expect(copy?.document).not.toHaveProperty('functions');
    const at = 'States.Distributed S3 copy.ItemProcessor';
    expect(noteLines(copy?.notes ?? [])).toEqual(
      expect.arrayContaining([
        `read childWorkflow: the long form: the child is not "Pass states, one Lambda task, Pass states" (it has an inline Map ("Map")), so its 1 state is written one by one [${at}]`,
        `read childWorkflow.states.Map: inline Map "Map" over ItemsPath "$.Items": one iteration per item of the batch [${at}.States.Map]`,
        'required childWorkflow.states.Map.itemProcessor.states.CopyObject.durationMs: time from the call to its answer, in ms (a number or a distribution): a workload fact no definition holds',
      ]),
    );
  });
});

describe('import: a getObject CSV reader with a header row', () => {
  it('reads InputType CSV, MaxItems, both batch limits and the Region of the function ARN; asks for the tolerance given by a Path', async () => {
    const [csv] = (await importFixture('csv-reader/ratings-csv.asl.json')).maps;
    expect(csv?.document).toEqual({
      name: 'ratings-csv / Process ratings',
      description: 'Distributed Map "Process ratings" of ratings-csv, imported from test/fixtures/asl/csv-reader/ratings-csv.asl.json',
      region: 'us-west-2',
      itemReader: { source: 's3Object', inputType: 'CSV', itemCount: null, maxItems: 250000 },
      itemBatcher: { maxItemsPerBatch: 100, maxInputBytesPerBatch: 131072 },
      maxConcurrency: 500,
      toleratedFailurePercentage: null,
      executionType: 'EXPRESS',
      resultWriter: {},
      childWorkflow: {
        statesBeforeTask: 0,
        statesAfterTask: 0,
        retry: [
          {
            errorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
            intervalSeconds: 1,
            maxAttempts: 3,
            backoffRate: 2,
            jitterStrategy: 'FULL',
          },
        ],
      },
      lambda: NULL_LAMBDA,
    });
    const at = 'States.Process ratings';
    expect(noteLines(csv?.notes ?? [])).toEqual([
      `read region: us-west-2, from the function's ARN [${at}.ItemProcessor.States.Score ratings.Parameters.FunctionName]`,
      `read itemReader.source: s3Object: ItemReader arn:aws:states:::s3:getObject (Bucket amzn-s3-demo-bucket, Key csvDataset/ratings.csv), the records of one file [${at}.ItemReader.Resource]`,
      `read itemReader.inputType: ReaderConfig.InputType CSV [${at}.ItemReader.ReaderConfig.InputType]`,
      `read itemReader.itemCount: CSVHeaderLocation FIRST_ROW: the header row is not an item [${at}.ItemReader.ReaderConfig.CSVHeaderLocation]`,
      'required itemReader.itemCount: number of records (items) in the file (Bucket amzn-s3-demo-bucket, Key csvDataset/ratings.csv); the first row holds the column names (CSVHeaderLocation FIRST_ROW) and is not an item: count data rows only: a workload fact no definition holds',
      `read itemReader.maxItems: ReaderConfig.MaxItems 250000 [${at}.ItemReader.ReaderConfig.MaxItems]`,
      `read itemBatcher.maxItemsPerBatch: MaxItemsPerBatch 100 [${at}.ItemBatcher.MaxItemsPerBatch]`,
      `read itemBatcher.maxInputBytesPerBatch: MaxInputBytesPerBatch 131072 [${at}.ItemBatcher.MaxInputBytesPerBatch]`,
      `read maxConcurrency: MaxConcurrency 500 [${at}.MaxConcurrency]`,
      `runtime toleratedFailurePercentage: ToleratedFailurePercentagePath "$.tolerance": read from the state input when the state machine runs [${at}.ToleratedFailurePercentagePath]`,
      `read executionType: ProcessorConfig.ExecutionType EXPRESS [${at}.ItemProcessor.ProcessorConfig.ExecutionType]`,
      `read resultWriter: ResultWriter arn:aws:states:::s3:putObject: results written to S3 [${at}.ResultWriter]`,
      `read childWorkflow.statesBeforeTask: 0 states before the Lambda task "Score ratings" [${at}.ItemProcessor.StartAt]`,
      `read childWorkflow.statesAfterTask: 0 states after it [${at}.ItemProcessor.States.Score ratings]`,
      `read childWorkflow.retry: Retry of "Score ratings": 1 retrier [${at}.ItemProcessor.States.Score ratings.Retry]`,
      ...functionSettingsRequired('the definition names the function ("arn:aws:lambda:us-west-2:111122223333:function:ScoreRatings:$LATEST") but not its settings'),
      ...DURATION_NOTES,
    ]);
  });
});

describe('import: a JSONata definition', () => {
  it('reads Arguments.FunctionName, the Retry with MaxDelaySeconds and TimeoutSeconds; reports Items and MaxConcurrency as expressions', async () => {
    const [orders] = (await importFixture('jsonata/orders-jsonata.asl.json')).maps;
    expect(orders?.document).toEqual({
      name: 'orders-jsonata / Price orders',
      description: 'Distributed Map "Price orders" of orders-jsonata, imported from test/fixtures/asl/jsonata/orders-jsonata.asl.json',
      region: 'eu-west-1',
      itemReader: { source: 'inline', itemCount: null },
      itemBatcher: { maxItemsPerBatch: 25 },
      maxConcurrency: null,
      toleratedFailureCount: 10,
      executionType: 'STANDARD',
      childWorkflow: {
        statesBeforeTask: 0,
        statesAfterTask: 0,
        retry: [
          { errorEquals: ['Lambda.TooManyRequestsException'], intervalSeconds: 1, maxAttempts: 5, backoffRate: 2, maxDelaySeconds: 10, jitterStrategy: 'FULL' },
          { errorEquals: ['States.ALL'], maxAttempts: 0 },
        ],
        taskTimeoutSeconds: 300,
      },
      lambda: NULL_LAMBDA,
    });
    const at = 'States.Price orders';
    expect(noteLines(orders?.notes ?? [])).toEqual([
      `read region: eu-west-1, from the function's ARN [${at}.ItemProcessor.States.Price batch.Arguments.FunctionName]`,
      `read itemReader.source: inline: no ItemReader; the items are the array in Items {% $states.input.orders %}, a JSONata expression evaluated when the state runs [${at}.Items]`,
      'required itemReader.itemCount: number of items in that array (Items {% $states.input.orders %}, a JSONata expression evaluated when the state runs), known only when the state machine runs: a workload fact',
      `read itemBatcher.maxItemsPerBatch: MaxItemsPerBatch 25 [${at}.ItemBatcher.MaxItemsPerBatch]`,
      `runtime maxConcurrency: MaxConcurrency is the JSONata expression "{% $states.input.maxConcurrency %}", evaluated when the state runs [${at}.MaxConcurrency]`,
      `read toleratedFailureCount: ToleratedFailureCount 10 [${at}.ToleratedFailureCount]`,
      `read executionType: ProcessorConfig.ExecutionType STANDARD [${at}.ItemProcessor.ProcessorConfig.ExecutionType]`,
      `read resultWriter: no ResultWriter: results return inline and must fit 256 KiB [${at}]`,
      `read childWorkflow.statesBeforeTask: 0 states before the Lambda task "Price batch" [${at}.ItemProcessor.StartAt]`,
      `read childWorkflow.statesAfterTask: 0 states after it [${at}.ItemProcessor.States.Price batch]`,
      `read childWorkflow.retry: Retry of "Price batch": 2 retriers [${at}.ItemProcessor.States.Price batch.Retry]`,
      `read childWorkflow.taskTimeoutSeconds: TimeoutSeconds 300 of "Price batch" [${at}.ItemProcessor.States.Price batch.TimeoutSeconds]`,
      ...functionSettingsRequired('the definition names the function ("arn:aws:lambda:eu-west-1:123456789012:function:price-orders:live") but not its settings'),
      ...DURATION_NOTES,
    ]);
  });
});

describe('import: a Standard child with Choice, Pass and several Task states with Retry and Catch', () => {
  it('writes the long form: every state with its Retry and Catch, the Choice rule\'s share and the DynamoDB call\'s time asked for, one function per Lambda task', async () => {
    const [pipeline] = (await importFixture('standard-child/order-pipeline.asl.json')).maps;
    const lambdaRetry = { errorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2 };
    const fn = { memoryMb: null, architecture: null, timeoutSeconds: null, invocationOverheadMs: null, perItemDurationMs: null };
    expect(pipeline?.document).toEqual({
      name: 'order-pipeline / Process orders',
      description: 'Distributed Map "Process orders" of order-pipeline, imported from test/fixtures/asl/standard-child/order-pipeline.asl.json',
      region: 'us-east-1',
      itemReader: { source: 's3Object', inputType: 'JSONL', itemCount: null, maxItems: null },
      itemBatcher: { maxItemsPerBatch: null },
      maxConcurrency: 200,
      toleratedFailurePercentage: 1,
      executionType: 'STANDARD',
      childWorkflow: {
        startAt: 'Normalise',
        states: {
          Normalise: { type: 'Pass', next: 'Already processed?' },
          'Already processed?': { type: 'Choice', choices: [{ next: 'Skip batch', probability: null }], default: 'Load customers' },
          'Skip batch': { type: 'Succeed' },
          'Load customers': {
            type: 'Task',
            resource: 'arn:aws:states:::dynamodb:getItem',
            durationMs: null,
            retry: [{ errorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], intervalSeconds: 1, maxAttempts: 4, backoffRate: 2 }],
            next: 'Enrich orders',
          },
          'Enrich orders': {
            type: 'Task',
            resource: 'arn:aws:states:::lambda:invoke',
            function: 'enrich-orders',
            timeoutSeconds: 60,
            retry: [lambdaRetry, { errorEquals: ['States.Timeout'], intervalSeconds: 5, maxAttempts: 1 }],
            catch: [
              { errorEquals: ['InvalidOrder'], next: 'Record invalid' },
              { errorEquals: ['States.ALL'], next: 'Failed' },
            ],
            next: 'Store orders',
          },
          'Store orders': {
            type: 'Task',
            resource: 'arn:aws:states:::lambda:invoke',
            function: 'store-orders',
            retry: [{ errorEquals: ['Lambda.TooManyRequestsException'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 }],
            next: 'Done',
          },
          Done: { type: 'Succeed' },
          'Record invalid': { type: 'Pass', next: 'Skipped' },
          Skipped: { type: 'Succeed' },
          Failed: { type: 'Fail', error: 'OrderProcessingFailed' },
        },
      },
      functions: { 'enrich-orders': fn, 'store-orders': fn },
    });
    const at = 'States.Process orders';
    const child = `${at}.ItemProcessor.States`;
    const functionNotes = (name: string, state: string) => [
      `read functions.${name}: invoked by "${state}" [${child}.${state}.Parameters.FunctionName]`,
      ...functionSettingsRequired(`the definition names the function ("arn:aws:lambda:us-east-1:123456789012:function:${name}") but not its settings`).map((n) => n.replace(/ lambda/, ` functions.${name}`)),
      ...DURATION_NOTES.map((n) => n.replace(' lambda.', ` functions.${name}.`)),
    ];
    expect(noteLines(pipeline?.notes ?? [])).toEqual([
      `read region: us-east-1, from the function's ARN [${child}.Enrich orders.Parameters.FunctionName]`,
      `read itemReader.source: s3Object: ItemReader arn:aws:states:::s3:getObject (Bucket from $.bucket at run time, Key from $.key at run time), the records of one file [${at}.ItemReader.Resource]`,
      `read itemReader.inputType: ReaderConfig.InputType JSONL [${at}.ItemReader.ReaderConfig.InputType]`,
      'required itemReader.itemCount: number of records (items) in the file (Bucket from $.bucket at run time, Key from $.key at run time): a workload fact no definition holds',
      `runtime itemReader.maxItems: MaxItemsPath "$.limit": read from the state input when the state machine runs [${at}.ItemReader.ReaderConfig.MaxItemsPath]`,
      `runtime itemBatcher.maxItemsPerBatch: MaxItemsPerBatchPath "$.batchSize": read from the state input when the state machine runs [${at}.ItemBatcher.MaxItemsPerBatchPath]`,
      `read maxConcurrency: MaxConcurrency 200 [${at}.MaxConcurrency]`,
      `read toleratedFailurePercentage: ToleratedFailurePercentage 1 [${at}.ToleratedFailurePercentage]`,
      `read executionType: ProcessorConfig.ExecutionType STANDARD [${at}.ItemProcessor.ProcessorConfig.ExecutionType]`,
      `read resultWriter: no ResultWriter: results return inline and must fit 256 KiB [${at}]`,
      `read childWorkflow: the long form: the child is not "Pass states, one Lambda task, Pass states" (it has a Choice state ("Already processed?"), a Task that is not a Lambda invocation ("Load customers" (dynamodb:getItem)), 2 Succeed states ("Skip batch", "Done"), 2 Lambda tasks ("Enrich orders", "Store orders")), so its 10 states are written one by one [${at}.ItemProcessor]`,
      `read childWorkflow.startAt: StartAt "Normalise" [${at}.ItemProcessor.StartAt]`,
      `read childWorkflow.states.Normalise: Pass "Normalise" [${child}.Normalise]`,
      `read childWorkflow.states.Already processed?: Choice "Already processed?": 1 rule, Default "Load customers" [${child}.Already processed?]`,
      `required childWorkflow.states.Already processed?.choices.0.probability: share of visits to "Already processed?" that match rule 1 ($.orders[0].processed BooleanEquals true) and go to "Skip batch", between 0 and 1; the rest takes the Default "Load customers": a workload fact no definition holds [${child}.Already processed?.Choices[0]]`,
      `read childWorkflow.states.Skip batch: Succeed "Skip batch" [${child}.Skip batch]`,
      `read childWorkflow.states.Load customers: Task "Load customers": dynamodb:getItem [${child}.Load customers]`,
      'required childWorkflow.states.Load customers.durationMs: time from the call to its answer, in ms (a number or a distribution): a workload fact no definition holds',
      `read childWorkflow.states.Load customers.retry: 1 retrier [${child}.Load customers.Retry]`,
      `read childWorkflow.states.Enrich orders: Task "Enrich orders": a Lambda invocation [${child}.Enrich orders]`,
      `read childWorkflow.states.Enrich orders.timeoutSeconds: TimeoutSeconds 60 [${child}.Enrich orders.TimeoutSeconds]`,
      `read childWorkflow.states.Enrich orders.retry: 2 retriers [${child}.Enrich orders.Retry]`,
      `read childWorkflow.states.Enrich orders.catch: 2 catchers: → "Record invalid", → "Failed" [${child}.Enrich orders.Catch]`,
      `read childWorkflow.states.Store orders: Task "Store orders": a Lambda invocation [${child}.Store orders]`,
      `read childWorkflow.states.Store orders.retry: 1 retrier [${child}.Store orders.Retry]`,
      `read childWorkflow.states.Done: Succeed "Done" [${child}.Done]`,
      `read childWorkflow.states.Record invalid: Pass "Record invalid" [${child}.Record invalid]`,
      `read childWorkflow.states.Skipped: Succeed "Skipped" [${child}.Skipped]`,
      `read childWorkflow.states.Failed: Fail "Failed", Error OrderProcessingFailed [${child}.Failed]`,
      ...functionNotes('enrich-orders', 'Enrich orders'),
      ...functionNotes('store-orders', 'Store orders'),
    ]);
  });
});

describe('import: CloudFormation, SAM and CDK templates', () => {
  it('YAML with a !Sub DefinitionString: substitutes the function ARN, a parameter default and the partition; asks for a parameter without default', async () => {
    const { maps, definition } = await importFixture('cloudformation/sub-definition-string.yaml');
    expect(definition.description).toBe('a CloudFormation template with 5 resources');
    const [invoices] = maps;
    expect(invoices?.map.id).toBe('InvoiceExport.States.Render invoices');
    expect(invoices?.map.machine.origin).toBe('DefinitionString (Fn::Sub)');
    expect(invoices?.document).toEqual({
      name: 'InvoiceExport / Render invoices',
      description: 'Distributed Map "Render invoices" of InvoiceExport, imported from test/fixtures/asl/cloudformation/sub-definition-string.yaml',
      region: null,
      itemReader: { source: 's3ListObjectsV2', objectCount: null },
      itemBatcher: { maxItemsPerBatch: 10 },
      maxConcurrency: 400,
      toleratedFailurePercentage: null,
      executionType: 'EXPRESS',
      childWorkflow: { statesBeforeTask: 0, statesAfterTask: 0, taskTimeoutSeconds: 90 },
      lambda: { memoryMb: 1024, architecture: 'x86_64', timeoutSeconds: 60, ephemeralStorageMb: 2048, reservedConcurrency: 200, invocationOverheadMs: null, perItemDurationMs: null },
    });
    const at = 'States.Render invoices';
    const fn = 'RenderInvoiceFunction (AWS::Lambda::Function)';
    const props = 'Resources.RenderInvoiceFunction.Properties';
    expect(noteLines(invoices?.notes ?? [])).toEqual([
      REGION_REQUIRED,
      `read itemReader.source: s3ListObjectsV2: ItemReader arn:aws:states:::s3:listObjectsV2 (Bucket \${InvoiceBucket}, Prefix pending/), one item per object [${at}.ItemReader.Resource]`,
      'required itemReader.objectCount: number of objects the listing returns (Bucket ${InvoiceBucket}, Prefix pending/): a workload fact no definition holds',
      `read itemBatcher.maxItemsPerBatch: MaxItemsPerBatch 10 [${at}.ItemBatcher.MaxItemsPerBatch]`,
      `read maxConcurrency: MaxConcurrency 400, the default of template parameter Concurrency [${at}.MaxConcurrency]`,
      `required toleratedFailurePercentage: ToleratedFailurePercentage is "\${TolerancePercent}", a placeholder filled in when the stack is deployed: give the deployed value [${at}.ToleratedFailurePercentage]`,
      `read executionType: ProcessorConfig.ExecutionType EXPRESS [${at}.ItemProcessor.ProcessorConfig.ExecutionType]`,
      `read resultWriter: no ResultWriter: results return inline and must fit 256 KiB [${at}]`,
      `read childWorkflow.statesBeforeTask: 0 states before the Lambda task "Render" [${at}.ItemProcessor.StartAt]`,
      `read childWorkflow.statesAfterTask: 0 states after it [${at}.ItemProcessor.States.Render]`,
      `read childWorkflow.retry: "Render" has no Retry: none [${at}.ItemProcessor.States.Render]`,
      `read childWorkflow.taskTimeoutSeconds: TimeoutSeconds 90 of "Render" [${at}.ItemProcessor.States.Render.TimeoutSeconds]`,
      `read lambda.memoryMb: MemorySize 1024 of ${fn} [${props}.MemorySize]`,
      `read lambda.architecture: Architectures [x86_64] of ${fn} [${props}.Architectures]`,
      `read lambda.timeoutSeconds: Timeout 60 of ${fn} [${props}.Timeout]`,
      `read lambda.ephemeralStorageMb: EphemeralStorage.Size 2048 of ${fn} [${props}.EphemeralStorage.Size]`,
      `read lambda.reservedConcurrency: ReservedConcurrentExecutions 200 of ${fn} [${props}.ReservedConcurrentExecutions]`,
      `read lambda: the function is ${fn}, named by FunctionName "\${RenderInvoiceFunction.Arn}" [${at}.ItemProcessor.States.Render.Parameters.FunctionName]`,
      ...DURATION_NOTES,
    ]);
  });

  it('JSON with Fn::Sub [string, variables]: a literal variable fills a number, a !GetAtt one the Task\'s Resource', async () => {
    const [compact] = (await importFixture('cloudformation/sub-with-variables.template.json')).maps;
    expect(compact?.map.machine.origin).toBe('DefinitionString (Fn::Sub)');
    expect(compact?.document).toEqual({
      name: 'CompactLogs / Compact',
      description: 'Distributed Map "Compact" of CompactLogs, imported from test/fixtures/asl/cloudformation/sub-with-variables.template.json',
      region: null,
      itemReader: { source: 's3Object', inputType: 'MANIFEST', itemCount: null },
      itemBatcher: { maxItemsPerBatch: 200 },
      maxConcurrency: 100,
      executionType: 'STANDARD',
      resultWriter: {},
      childWorkflow: { statesBeforeTask: 0, statesAfterTask: 0 },
      lambda: { memoryMb: 3008, architecture: 'x86_64', timeoutSeconds: 900, invocationOverheadMs: null, perItemDurationMs: null },
    });
    expect(noteLines(compact?.notes ?? []).filter((n) => n.startsWith('read lambda'))).toEqual([
      'read lambda.memoryMb: MemorySize 3008 of CompactFunction (AWS::Lambda::Function) [Resources.CompactFunction.Properties.MemorySize]',
      "read lambda.architecture: Architectures not set on CompactFunction (AWS::Lambda::Function): AWS's default, x86_64 [Resources.CompactFunction.Properties.Architectures]",
      'read lambda.timeoutSeconds: Timeout 900 of CompactFunction (AWS::Lambda::Function) [Resources.CompactFunction.Properties.Timeout]',
      'read lambda: the function is CompactFunction (AWS::Lambda::Function), named by FunctionName "${CompactFunction.Arn}" [States.Compact.ItemProcessor.States.Compact batch.Resource]',
    ]);
  });

  it('CDK output with an Fn::Join DefinitionString: AWS::Partition filled in, the function found by its logical ID', async () => {
    const { maps, definition } = await importFixture('cdk/ThumbnailStack.template.json');
    expect(definition.description).toBe('a CDK-synthesized CloudFormation template with 4 resources');
    const [thumbnails] = maps;
    expect(thumbnails?.map.machine.origin).toBe('DefinitionString (Fn::Join)');
    expect(thumbnails?.document).toEqual({
      name: 'ThumbnailsStateMachineE5F6A7B8 / Make thumbnails',
      description: 'Distributed Map "Make thumbnails" of ThumbnailsStateMachineE5F6A7B8, imported from test/fixtures/asl/cdk/ThumbnailStack.template.json',
      region: null,
      itemReader: { source: 's3Object', inputType: 'JSON', itemCount: null },
      itemBatcher: { maxItemsPerBatch: 40 },
      maxConcurrency: 250,
      toleratedFailurePercentage: 2,
      executionType: 'EXPRESS',
      childWorkflow: {
        statesBeforeTask: 0,
        statesAfterTask: 0,
        retry: [
          {
            errorEquals: ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
            intervalSeconds: 2,
            maxAttempts: 6,
            backoffRate: 2,
          },
        ],
      },
      lambda: { memoryMb: 1536, architecture: 'arm64', timeoutSeconds: 45, invocationOverheadMs: null, perItemDurationMs: null },
    });
  });

  it('SAM with an inline Definition, !GetAtt in it, DefinitionSubstitutions and Globals.Function', async () => {
    const { maps, definition } = await importFixture('sam/inline-definition.yaml');
    expect(definition.description).toBe('a SAM template with 3 resources');
    const [moderation] = maps;
    expect(moderation?.map.machine.origin).toBe('Definition');
    expect(moderation?.document).toEqual({
      name: 'ModerationStateMachine / Moderate uploads',
      description: 'Distributed Map "Moderate uploads" of ModerationStateMachine, imported from test/fixtures/asl/sam/inline-definition.yaml',
      region: null,
      itemReader: { source: 's3ListObjectsV2', objectCount: null, maxItems: 50000 },
      itemBatcher: { maxItemsPerBatch: 20 },
      maxConcurrency: 1000,
      executionType: 'EXPRESS',
      childWorkflow: { statesBeforeTask: 0, statesAfterTask: 1, retry: [{ errorEquals: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 4 }] },
      lambda: { memoryMb: 1769, architecture: 'arm64', timeoutSeconds: 30, invocationOverheadMs: null, perItemDurationMs: null },
    });
    expect(noteLines(moderation?.notes ?? []).filter((n) => /^read (lambda|itemReader\.source)/.test(n))).toEqual([
      'read itemReader.source: s3ListObjectsV2: ItemReader arn:aws:states:::s3:listObjectsV2 (Bucket ${UploadsBucket}, Prefix uploads/), one item per object [States.Moderate uploads.ItemReader.Resource]',
      'read lambda.memoryMb: MemorySize 1769 of ModerateFunction (AWS::Serverless::Function) [Resources.ModerateFunction.Properties.MemorySize]',
      'read lambda.architecture: Architectures [arm64] of ModerateFunction (AWS::Serverless::Function) [Globals.Function.Architectures]',
      'read lambda.timeoutSeconds: Timeout 30 of ModerateFunction (AWS::Serverless::Function) [Globals.Function.Timeout]',
      'read lambda: the function is ModerateFunction (AWS::Serverless::Function), named by FunctionName "${ModerateFunction.Arn}" [States.Moderate uploads.ItemProcessor.States.Moderate.Parameters.FunctionName]',
    ]);
  });
});

describe('import: two Distributed Maps, one inside a Parallel branch', () => {
  it('finds both, with their paths, and imports each', async () => {
    const { maps } = await importFixture('two-maps/invoices-and-catalog.asl.json');
    expect(maps.map((m) => m.map.id)).toEqual(['States.Process invoices', 'States.Fan out.Branches[1].States.Reindex catalog']);
    const [invoices, catalog] = maps;
    expect(invoices?.document).toEqual({
      name: 'invoices-and-catalog / Process invoices',
      description: 'Distributed Map "Process invoices" of invoices-and-catalog, imported from test/fixtures/asl/two-maps/invoices-and-catalog.asl.json',
      region: 'us-east-2',
      itemReader: { source: 's3ListObjectsV2', objectCount: null },
      itemBatcher: { maxItemsPerBatch: 50 },
      maxConcurrency: 200,
      executionType: 'EXPRESS',
      childWorkflow: { statesBeforeTask: 0, statesAfterTask: 0 },
      lambda: NULL_LAMBDA,
    });
    expect(catalog?.document).toEqual({
      name: 'invoices-and-catalog / Reindex catalog',
      description: 'Distributed Map "Reindex catalog" of invoices-and-catalog, imported from test/fixtures/asl/two-maps/invoices-and-catalog.asl.json',
      region: 'us-east-2',
      itemReader: { source: 's3Object', inputType: 'PARQUET', itemCount: null, maxItems: 1000000 },
      itemBatcher: { maxInputBytesPerBatch: 65536 },
      toleratedFailureCount: 100,
      executionType: 'STANDARD',
      childWorkflow: {
        startAt: 'Index products',
        states: {
          'Index products': { type: 'Task', resource: 'arn:aws:states:::lambda:invoke', function: 'index-products', next: 'Wait for index' },
          'Wait for index': { type: 'Wait', seconds: 5, end: true },
        },
      },
      functions: { 'index-products': NULL_LAMBDA },
    });
    const at = 'States.Fan out.Branches[1].States.Reindex catalog';
    expect(noteLines(catalog?.notes ?? [])).toEqual([
      `read region: us-east-2, from the function's ARN [${at}.ItemProcessor.States.Index products.Parameters.FunctionName]`,
      `read itemReader.source: s3Object: ItemReader arn:aws:states:::s3:getObject (Bucket catalog-exports, Key products.parquet), the records of one file [${at}.ItemReader.Resource]`,
      `read itemReader.inputType: ReaderConfig.InputType PARQUET [${at}.ItemReader.ReaderConfig.InputType]`,
      'required itemReader.itemCount: number of records (items) in the file (Bucket catalog-exports, Key products.parquet): a workload fact no definition holds',
      `read itemReader.maxItems: ReaderConfig.MaxItems 1000000 [${at}.ItemReader.ReaderConfig.MaxItems]`,
      `read itemBatcher.maxInputBytesPerBatch: MaxInputBytesPerBatch 65536 [${at}.ItemBatcher.MaxInputBytesPerBatch]`,
      `read maxConcurrency: MaxConcurrency not set: Step Functions runs up to 10,000 children at once [${at}]`,
      `read toleratedFailureCount: ToleratedFailureCount 100 [${at}.ToleratedFailureCount]`,
      `read executionType: ProcessorConfig.ExecutionType STANDARD [${at}.ItemProcessor.ProcessorConfig.ExecutionType]`,
      `read resultWriter: no ResultWriter: results return inline and must fit 256 KiB [${at}]`,
      `read childWorkflow: the long form: the child is not "Pass states, one Lambda task, Pass states" (it has a Wait state ("Wait for index")), so its 2 states are written one by one [${at}.ItemProcessor]`,
      `read childWorkflow.startAt: StartAt "Index products" [${at}.ItemProcessor.StartAt]`,
      `read childWorkflow.states.Index products: Task "Index products": a Lambda invocation [${at}.ItemProcessor.States.Index products]`,
      `read childWorkflow.states.Wait for index: Wait "Wait for index" [${at}.ItemProcessor.States.Wait for index]`,
      `read childWorkflow.states.Wait for index.seconds: Seconds 5 [${at}.ItemProcessor.States.Wait for index.Seconds]`,
      `read functions.index-products: invoked by "Index products" [${at}.ItemProcessor.States.Index products.Parameters.FunctionName]`,
      ...functionSettingsRequired('the definition names the function ("arn:aws:lambda:us-east-2:123456789012:function:index-products") but not its settings').map((n) =>
        n.replace(' lambda', ' functions.index-products'),
      ),
      ...DURATION_NOTES.map((n) => n.replace(' lambda.', ' functions.index-products.')),
    ]);
  });

  it('imports only the map --map names: by state name, by path, or not at all with a suggestion', async () => {
    expect((await importFixture('two-maps/invoices-and-catalog.asl.json', 'Reindex catalog')).maps.map((m) => m.map.id)).toEqual([
      'States.Fan out.Branches[1].States.Reindex catalog',
    ]);
    expect((await importFixture('two-maps/invoices-and-catalog.asl.json', 'States.Process invoices')).maps.map((m) => m.map.id)).toEqual([
      'States.Process invoices',
    ]);
    await expect(importFixture('two-maps/invoices-and-catalog.asl.json', 'Reindex catalogue')).rejects.toThrow(
      'test/fixtures/asl/two-maps/invoices-and-catalog.asl.json: --map: names no Distributed Map; the definition has States.Process invoices, States.Fan out.Branches[1].States.Reindex catalog. Did you mean `Reindex catalog`? (got "Reindex catalogue")',
    );
  });
});
