/**
 * Importing from Terraform: a folder or a `.tf` file, with the definition written as a
 * heredoc, `jsonencode`, `templatefile`, `file` (through template_file) or a module's
 * argument; variables read from .tfvars or their defaults, or asked for; Lambda settings
 * read from `aws_lambda_function` resources and terraform-aws-modules/lambda modules.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDefinition } from '../../src/importer/import-definition.js';
import { parseDefinitionSource, type LoadedDefinition } from '../../src/importer/load-definition.js';
import { readDefinitionFile } from '../../src/importer/read-definition-file.js';
import { findTerraformFunction, lambdaFunctionSettings, terraformFunctionSettings, type TerraformFunction } from '../../src/importer/terraform-functions.js';
import { runDmap } from '../cli/run-dmap.js';
import { FIXTURES, importFixture, noteLines } from './import-helpers.js';

const TF = `${FIXTURES}/terraform`;

/** A Terraform folder written from `files`, for the cases no fixture holds. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dmap-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `resource "aws_sfn_state_machine" "m" { definition = <expression> }` around a one-map definition. */
function machineTf(definition: string): string {
  return `resource "aws_sfn_state_machine" "m" {\n  definition = ${definition}\n}\n`;
}

const MAP_JSON = (extra: string) =>
  `{"StartAt": "M", "States": {"M": {"Type": "Map", ${extra}"ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-2:123456789012:function:f", "End": true}}}, "End": true}}}`;

describe('a heredoc definition', () => {
  it('substitutes variables with defaults, keeps resource attributes as markers, and notes the defaults used', async () => {
    const { definition, maps } = await importFixture('terraform/heredoc');
    expect(definition.description).toBe('a Terraform configuration with 3 .tf files and 4 resources');
    expect(definition.machines.map((m) => [m.name, m.origin, m.file])).toEqual([['thumbnails', `definition = a heredoc at ${TF}/heredoc/main.tf:29`, `${TF}/heredoc/main.tf`]]);
    const map = maps[0];
    expect(map?.map.id).toBe('thumbnails.States.Resize images');
    expect(map?.map.state).toMatchObject({
      MaxConcurrency: 250,
      ItemReader: { Parameters: { Bucket: '${aws_s3_bucket.images.id}' } },
      ItemProcessor: { States: { Resize: { Parameters: { FunctionName: '${aws_lambda_function.resize.arn}:$LATEST' } } } },
    });
    expect(map?.document).toMatchObject({ name: 'thumbnails / Resize images', maxConcurrency: 250, itemBatcher: { maxItemsPerBatch: 50 }, toleratedFailurePercentage: 5, executionType: 'EXPRESS' });
    expect(noteLines(map?.notes ?? []).filter((line) => line.startsWith('read :'))).toEqual([
      `read : var.environment is set in no .tfvars file here: its default, "dev", was used (${TF}/heredoc/variables.tf:9); a value given when you apply replaces it`,
      `read : var.max_concurrency is set in no .tfvars file here: its default, 250, was used (${TF}/heredoc/variables.tf:15); a value given when you apply replaces it`,
    ]);
  });

  it('exposes the function the task invokes, with its settings in the shape CloudFormation functions have', async () => {
    const definition = await readDefinitionFile(`${TF}/heredoc`);
    const found = lambdaFunctionSettings('${aws_lambda_function.resize.arn}:$LATEST', definition.template);
    expect(found?.name).toBe('aws_lambda_function.resize');
    expect(found?.settings).toEqual({
      memoryMb: { kind: 'value', value: 1769, from: 'aws_lambda_function.resize.memory_size', message: 'memory_size 1769 of aws_lambda_function.resize' },
      timeoutSeconds: { kind: 'value', value: 60, from: 'aws_lambda_function.resize.timeout', message: 'timeout 60 of aws_lambda_function.resize' },
      architecture: { kind: 'value', value: 'arm64', from: 'aws_lambda_function.resize.architectures', message: 'architectures ["arm64"] of aws_lambda_function.resize' },
    });
  });
});

describe('a jsonencode definition', () => {
  it('reads HCL object syntax, locals, .tfvars values and variable defaults', async () => {
    const { definition, maps } = await importFixture('terraform/jsonencode');
    expect(definition.machines[0]?.origin).toBe(`definition = jsonencode({...}) at ${TF}/jsonencode/main.tf:18`);
    const map = maps[0];
    expect(map?.document).toMatchObject({
      maxConcurrency: 500,
      toleratedFailurePercentage: 2,
      itemReader: { source: 's3Object', inputType: 'CSV', itemCount: null },
      itemBatcher: { maxItemsPerBatch: 200 },
      childWorkflow: {
        retry: [{ errorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2, jitterStrategy: 'FULL' }],
      },
    });
    expect(map?.map.state['ResultWriter']).toEqual({ Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'ledger-reconcile-results', Prefix: 'runs/' } });
    expect(noteLines(map?.notes ?? []).filter((line) => line.startsWith('read :'))).toEqual([
      `read : var.max_concurrency is set in no .tfvars file here: its default, 500, was used (${TF}/jsonencode/variables.tf:8); a value given when you apply replaces it`,
      `read : var.tolerated_failure_percentage is 2, as ${TF}/jsonencode/terraform.tfvars:1 sets it`,
    ]);
  });

  it('reads memory_size through a variable, ephemeral_storage and reserved concurrency, and AWS defaults for what is unset', async () => {
    const { template } = await readDefinitionFile(`${TF}/jsonencode`);
    const worker = findTerraformFunction('${aws_lambda_function.worker.arn}', template) as TerraformFunction;
    expect(terraformFunctionSettings(worker)).toEqual({
      memoryMb: { kind: 'value', value: 1024, from: 'aws_lambda_function.worker.memory_size', message: 'memory_size 1024 (the default of var.worker_memory_mb) of aws_lambda_function.worker' },
      timeoutSeconds: { kind: 'value', value: 120, from: 'aws_lambda_function.worker.timeout', message: 'timeout 120 of aws_lambda_function.worker' },
      architecture: { kind: 'value', value: 'arm64', from: 'aws_lambda_function.worker.architectures', message: 'architectures ["arm64"] of aws_lambda_function.worker' },
      ephemeralStorageMb: { kind: 'value', value: 2048, from: 'aws_lambda_function.worker.ephemeral_storage.size', message: 'ephemeral_storage.size 2048 of aws_lambda_function.worker' },
      reservedConcurrency: { kind: 'value', value: 400, from: 'aws_lambda_function.worker.reserved_concurrent_executions', message: 'reserved_concurrent_executions 400 of aws_lambda_function.worker' },
    });
    const locate = findTerraformFunction('ledger-reconcile-locate', template) as TerraformFunction;
    expect(Object.values(terraformFunctionSettings(locate)).map((s) => s.message)).toEqual([
      "memory_size not set on aws_lambda_function.locate_export: AWS's default, 128 MB",
      "timeout not set on aws_lambda_function.locate_export: AWS's default, 3 s",
      "architectures not set on aws_lambda_function.locate_export: AWS's default, x86_64",
    ]);
    expect(findTerraformFunction('arn:aws:lambda:eu-west-1:123456789012:function:ledger-reconcile-worker', template)?.address).toBe('aws_lambda_function.worker');
    expect(findTerraformFunction('${aws_lambda_function.missing.arn}', template)).toBeUndefined();
  });
});

describe('templatefile and template_file definitions', () => {
  it('reads the template beside the .tf file, substitutes its variables, and names the template as where the definition is', async () => {
    const { definition, maps } = await importFixture('terraform/templatefile');
    expect(definition.machines.map((m) => [m.name, m.origin, m.file])).toEqual([
      ['archive', `definition = data.template_file.archive_definition.rendered at ${TF}/templatefile/legacy.tf:12`, `${TF}/templatefile/legacy.tf`],
      ['csv_import', `definition = templatefile(${TF}/templatefile/statemachines/csv-import.asl.json)`, `${TF}/templatefile/statemachines/csv-import.asl.json`],
    ]);
    const [archive, csv] = [maps.find((m) => m.map.machine.name === 'archive'), maps.find((m) => m.map.machine.name === 'csv_import')];
    expect(csv?.map.state).toMatchObject({ MaxConcurrency: 40, ItemBatcher: { MaxItemsPerBatch: 100 }, ItemProcessor: { States: { 'Import batch': { Resource: '${aws_lambda_function.import_rows.arn}' } } } });
    expect(csv?.map.machine.definition['Comment']).toBe('Import the rows of a CSV file into csv-import-rows');
    expect(archive?.map.state).toMatchObject({
      ItemReader: { Parameters: { Bucket: 'csv-archive-bucket' } },
      ItemProcessor: { States: { Copy: { Parameters: { 'CopySource.$': "States.Format('csv-archive-bucket/{}', $.Key)" } } } },
    });
  });

  it('imports only the state machines of the .tf file given, with the variables of its whole folder', async () => {
    const definition = await readDefinitionFile(`${TF}/templatefile/legacy.tf`);
    expect(definition.file).toBe(`${TF}/templatefile/legacy.tf`);
    expect(definition.machines.map((m) => m.name)).toEqual(['archive']);
    await expect(readDefinitionFile(`${TF}/heredoc/variables.tf`)).rejects.toThrow(
      `${TF}/heredoc/variables.tf: found no state machine in this file (no aws_sfn_state_machine resource, nor a module given a definition); in the same folder, ${TF}/heredoc/main.tf has thumbnails: import that file, or the folder`,
    );
  });

  it('says which file a template could not be read from, and which directive it does not read', async () => {
    const dir = folder({
      'main.tf': [
        'resource "aws_sfn_state_machine" "missing" {',
        '  definition = templatefile("${path.module}/nowhere.asl.json", {})',
        '}',
        'resource "aws_sfn_state_machine" "directive" {',
        '  definition = templatefile("${path.module}/if.asl.json", { fast = true })',
        '}',
      ].join('\n'),
      'if.asl.json': '{"StartAt": "A", "States": {"A": {"Type": "Pass", %{ if fast }"End": true%{ endif }}}}\n',
    });
    const definition = await readDefinitionFile(dir);
    expect(definition.skipped).toEqual([
      { logicalId: 'missing', reason: `templatefile() cannot read ${dir}/nowhere.asl.json: file not found (${dir}/main.tf:2)` },
      { logicalId: 'directive', reason: `the template directive %{ if fast } is not supported: only \${...} interpolations are read (${dir}/if.asl.json:1)` },
    ]);
  });
});

describe('variables without a value', () => {
  it('leaves them as ${var.x} markers, so the fields they fill are REQUIRED, and reads a terraform-aws-modules/step-functions module', async () => {
    const { definition, maps } = await importFixture('terraform/variable-without-default');
    expect(definition.machines.map((m) => [m.name, m.origin])).toEqual([['orders_sfn', `module.orders_sfn definition = jsonencode({...}) at ${TF}/variable-without-default/main.tf:8`]]);
    const map = maps[0];
    expect(map?.document).toMatchObject({ maxConcurrency: null, toleratedFailurePercentage: null });
    expect(noteLines(map?.notes ?? []).filter((line) => /^required (maxConcurrency|toleratedFailurePercentage)/.test(line))).toEqual([
      'required maxConcurrency: MaxConcurrency is "${var.max_concurrency}", a placeholder filled in when the stack is deployed: give the deployed value [States.Fulfil orders.MaxConcurrency]',
      'required toleratedFailurePercentage: ToleratedFailurePercentage is "${var.tolerated_failure_percentage}", a placeholder filled in when the stack is deployed: give the deployed value [States.Fulfil orders.ToleratedFailurePercentage]',
    ]);
  });

  it('finds a terraform-aws-modules/lambda module from its outputs', async () => {
    const { template } = await readDefinitionFile(`${TF}/variable-without-default`);
    const found = lambdaFunctionSettings('${module.fulfil_lambda.lambda_function_arn}', template);
    expect(found && [found.name, found.type, found.settings.memoryMb, found.settings.ephemeralStorageMb]).toEqual([
      'module.fulfil_lambda',
      'module terraform-aws-modules/lambda/aws',
      { kind: 'value', value: 256, from: 'module.fulfil_lambda.memory_size', message: 'memory_size 256 of module.fulfil_lambda' },
      { kind: 'value', value: 1024, from: 'module.fulfil_lambda.ephemeral_storage_size', message: 'ephemeral_storage_size 1024 of module.fulfil_lambda' },
    ]);
  });

  it('asks for a setting of a function that only apply knows', () => {
    const source = parseDefinitionSource(
      `${machineTf(`jsonencode(${JSON.stringify(JSON.parse(MAP_JSON('')))})`)}resource "aws_lambda_function" "f" {\n  function_name = "f"\n  memory_size = var.memory\n}\n`,
      'main.tf',
    );
    const found = lambdaFunctionSettings('arn:aws:lambda:us-east-2:123456789012:function:f', source.template);
    expect(found?.settings.memoryMb).toEqual({
      kind: 'unresolved',
      from: 'aws_lambda_function.f.memory_size',
      message: 'memory_size of aws_lambda_function.f is "${var.memory}", known only when Terraform applies the configuration: give the applied value',
    });
  });
});

describe('what a definition expression can be', () => {
  it('follows locals, and settles a conditional by its variable, or reads its first branch and says so', () => {
    const text = [
      'variable "batched" { default = false }',
      'locals {',
      '  plain   = ' + JSON.stringify(MAP_JSON('"MaxConcurrency": 10, ')),
      '  batched = ' + JSON.stringify(MAP_JSON('"MaxConcurrency": 20, ')),
      '}',
      machineTf('var.batched ? local.batched : local.plain'),
      'resource "aws_sfn_state_machine" "n" {',
      '  definition = var.unknown_flag ? local.batched : local.plain',
      '}',
    ].join('\n');
    const source = parseDefinitionSource(text, 'main.tf') as LoadedDefinition;
    expect(source.machines.map((m) => [m.name, m.origin, (m.definition['States'] as Record<string, Record<string, unknown>>)['M']?.['MaxConcurrency']])).toEqual([
      ['m', 'definition = local.plain = a string at main.tf:3', 10],
      ['n', 'definition = local.batched = a string at main.tf:4', 20],
    ]);
    expect(source.machines[1]?.assumptions).toEqual([
      { kind: 'unsupported', message: "the definition depends on var.unknown_flag, which these files do not settle: its first branch (before ':') was read" },
    ]);
    const notes = importDefinition(source, { map: 'n' }).maps[0]?.notes ?? [];
    expect(noteLines(notes)[0]).toBe("unsupported : the definition depends on var.unknown_flag, which these files do not settle: its first branch (before ':') was read");
  });

  it('reads a module whose definition is a state machine, and leaves other modules alone', () => {
    const text = [
      'module "orders" {',
      '  source                   = "./modules/state-machine"',
      `  state_machine_definition = ${JSON.stringify(MAP_JSON(''))}`,
      '}',
      'module "ecs_service" {',
      '  source          = "./modules/service"',
      '  task_definition = aws_ecs_task_definition.app.arn',
      '}',
      'module "glue" {',
      '  source     = "./modules/glue"',
      '  definition = jsonencode({ Name = "crawler", Targets = [] })',
      '}',
    ].join('\n');
    const source = parseDefinitionSource(text, 'main.tf');
    expect([source.machines.map((m) => ('uri' in m ? [m.logicalId, m.uri] : [m.name, m.origin])), source.skipped]).toEqual([[['orders', 'module.orders state_machine_definition = a string at main.tf:3']], []]);
  });

  it('skips a definition only apply knows, saying why', () => {
    const text = `${machineTf('var.definition')}variable "definition" { type = string }\nresource "aws_sfn_state_machine" "n" {\n  definition = module.defs.json\n}\n`;
    expect(parseDefinitionSource(text, 'main.tf').skipped).toEqual([
      { logicalId: 'm', reason: 'its definition is var.definition, a variable without a default or .tfvars value: import the file the definition is written in' },
      { logicalId: 'n', reason: 'its definition is module.defs.json, a module output: import the file the definition is written in' },
    ]);
  });

  it('reads a .tf text alone, without the files its templatefile() names', () => {
    const source = parseDefinitionSource(machineTf('templatefile("sm.asl.json", {})'), 'infra/main.tf');
    expect(source.skipped).toEqual([{ logicalId: 'm', reason: 'templatefile() cannot read infra/sm.asl.json: not read: give dmap import the .tf file or its folder, not its text (infra/main.tf:2)' }]);
  });

  it('says what a configuration without a state machine holds', () => {
    expect(() => parseDefinitionSource('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\nvariable "v" {}\n', 'main.tf')).toThrow(
      'main.tf: found a Terraform configuration with 1 .tf file and 1 resource (aws_s3_bucket) and no state machine: no aws_sfn_state_machine resource, nor a module given a definition',
    );
  });
});

describe('problems in a Terraform definition, at their line in the .tf file', () => {
  it('locates invalid JSON inside a heredoc', () => {
    const text = machineTf('<<-EOF\n    {\n      "StartAt": "A"\n      "States": {}\n    }\n  EOF');
    expect(() => parseDefinitionSource(text, 'main.tf')).toThrow(`main.tf:5:7: aws_sfn_state_machine.m.definition: is not valid JSON: expected ',' or '}' after the value of "StartAt", found '"'`);
  });

  it('locates ASL problems inside a heredoc and inside jsonencode', () => {
    const heredoc = machineTf('<<EOF\n{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Next": "B" } }\n}\nEOF');
    expect(() => parseDefinitionSource(heredoc, 'main.tf')).toThrow('main.tf:5:46: aws_sfn_state_machine.m.definition.States.A.Next: names "B", which is not a state here (not valid Amazon States Language)');
    const encoded = machineTf('jsonencode({\n    StartAt = "A"\n    States = {\n      A = { Type = "Wait", Next = "Nowhere" }\n    }\n  })');
    expect(() => parseDefinitionSource(encoded, 'main.tf')).toThrow(
      'main.tf:5:28: aws_sfn_state_machine.m.definition.States.A.Next: names "Nowhere", which is not a state here (not valid Amazon States Language)',
    );
  });

  it('reports a syntax error of any .tf file of the folder', async () => {
    const dir = folder({ 'main.tf': machineTf(JSON.stringify(MAP_JSON(''))), 'broken.tf': 'variable "x" {\n  default = [1, 2\n}\n' });
    await expect(readDefinitionFile(join(dir, 'main.tf'))).rejects.toThrow(`${dir}/broken.tf:3:1: not valid Terraform (HCL): expected ',' or ']' in the list, found '}'`);
  });
});

describe('dmap import on Terraform', () => {
  it('imports a folder, and writes a scenario that names the Terraform it came from', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dmap-tf-out-')), 'reconcile.yaml');
    const run = runDmap('import', `${TF}/jsonencode`, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`^Found a Terraform configuration with 3 \\.tf files and 4 resources in ${TF}/jsonencode, with 1 state machine:\\n {2}reconcile {2}1 Distributed Map \\(definition = jsonencode\\(\\{\\.\\.\\.\\}\\) at ${TF}/jsonencode/main\\.tf:18\\)\\n`),
    );
    expect(run.stderr).toContain(`    (map)                           var.tolerated_failure_percentage is 2, as ${TF}/jsonencode/terraform.tfvars:1 sets it\n`);
    expect(run.stdout).toContain(`Wrote ${out} (reconcile.States.Reconcile lines)`);
    const runTf = runDmap('import', `${TF}/variable-without-default/main.tf`);
    expect(runTf.status, runTf.stderr).toBe(0);
    expect(parse(runTf.stdout)).toMatchObject({ name: 'orders_sfn / Fulfil orders', maxConcurrency: null });
    expect(runTf.stdout).toContain('\n# REQUIRED: MaxConcurrency is "${var.max_concurrency}", a placeholder filled in when the stack is');
  });
});
