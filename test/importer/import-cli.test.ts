/**
 * `dmap import` and `dmap simulate --workload` as a user runs them (the built binary:
 * `npm run build` first). Output, files written, exit codes and the "what was found"
 * messages.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runDmap } from '../cli/run-dmap.js';

const NOAA = 'test/fixtures/asl/noaa/statemachines/dmap-temperatures.asl.json';
const TWO_MAPS = 'test/fixtures/asl/two-maps/invoices-and-catalog.asl.json';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'dmap-import-'));
}

describe('dmap import', () => {
  it('prints the scenario on stdout and what it found, field by field, on stderr', () => {
    const run = runDmap('import', NOAA);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Found an Amazon States Language definition in test\/fixtures\/asl\/noaa\/statemachines\/dmap-temperatures\.asl\.json with 1 Distributed Map\.\n/);
    expect(run.stderr).toContain('Distributed Map States.DistributedMap → scenario "dmap-temperatures / DistributedMap"');
    expect(run.stderr).toMatch(/ {2}REQUIRED: workload facts to fill in:\n {4}region +the AWS Region/);
    expect(run.stderr).toMatch(/ {4}maxConcurrency +MaxConcurrency 3000 \[States\.DistributedMap\.MaxConcurrency\]/);
    const scenario = parse(run.stdout);
    expect(scenario).toMatchObject({ maxConcurrency: 3000, itemReader: { source: 's3ListObjectsV2', objectCount: null } });
    expect(run.stdout).toMatch(/^# Imported by `dmap import` from test\/fixtures\/asl\/noaa\/statemachines\/dmap-temperatures\.asl\.json\n# Distributed Map "DistributedMap" at States\.DistributedMap\n/);
    expect(run.stdout).toContain('  # REQUIRED: number of objects the listing returns (Bucket ${InputBucket}): a workload fact no\n  #   definition holds\n  objectCount: null\n');
    expect(run.stdout).toContain('maxConcurrency: 3000 # read from States.DistributedMap.MaxConcurrency\n');
  });

  it('writes --out atomically; `dmap validate` then names exactly the fields to fill in, and accepts the file once they are', () => {
    const dir = scratch();
    const out = join(dir, 'noaa.yaml');
    const run = runDmap('import', 'test/fixtures/asl/noaa/template.yaml', '--map', 'NOAAWeatherStateMachine', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Wrote ${out} (NOAAWeatherStateMachine.States.DistributedMap); fill in region, itemReader.objectCount, lambda.invocationOverheadMs, lambda.perItemDurationMs, then run \`dmap validate ${out}\`.\n`,
    );
    expect(readdirSync(dir)).toEqual(['noaa.yaml']);
    const before = runDmap('validate', out);
    expect(before.status).toBe(2);
    const fields = before.stderr.trimEnd().split('\n').slice(1).map((line) => line.replace(/^ {2}\S+:\d+:\d+: ([^:]+):.*$/, '$1'));
    expect(fields).toEqual(['region', 'itemReader.objectCount', 'lambda.invocationOverheadMs', 'lambda.perItemDurationMs']);
    const filled = readFileSync(out, 'utf8')
      .replace('region: null', 'region: us-east-1')
      .replace('objectCount: null', 'objectCount: 558000')
      .replace('invocationOverheadMs: null', 'invocationOverheadMs: 50')
      .replace('perItemDurationMs: null', 'perItemDurationMs: { type: lognormal, p50: 45, p99: 130 }');
    writeFileSync(out, filled);
    const after = runDmap('validate', out);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe(`${out}: valid scenario "NOAAWeatherStateMachine / DistributedMap"\n`);
  });

  it('prints several Distributed Maps as YAML documents separated by ---, or writes one file each into an --out directory', () => {
    const run = runDmap('import', TWO_MAPS);
    expect(run.status, run.stderr).toBe(0);
    const documents = parseAllDocuments(run.stdout);
    expect(Array.isArray(documents) && documents.map((d) => d.toJS().name)).toEqual(['invoices-and-catalog / Process invoices', 'invoices-and-catalog / Reindex catalog']);
    expect(run.stdout).toContain(
      '---\n# Imported by `dmap import` from test/fixtures/asl/two-maps/invoices-and-catalog.asl.json\n# Distributed Map "Reindex catalog" at States.Fan out.Branches[1].States.Reindex catalog\n',
    );

    const dir = join(scratch(), 'scenarios');
    const written = runDmap('import', TWO_MAPS, '--out', dir);
    expect(written.status, written.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['invoices-and-catalog-process-invoices.yaml', 'invoices-and-catalog-reindex-catalog.yaml']);
    expect(written.stdout.split('\n').filter(Boolean)).toHaveLength(2);

    const file = runDmap('import', TWO_MAPS, '--out', join(dir, 'one.yaml'));
    expect(file.status).toBe(2);
    expect(file.stderr).toContain(
      `--out: must be a directory: ${TWO_MAPS} has 2 Distributed Maps (States.Process invoices, States.Fan out.Branches[1].States.Reindex catalog); give a directory for one file each, or pick one with --map`,
    );
  });

  it.each([
    ['test/fixtures/asl/not-asl/openapi.yaml', 'found an object with the keys openapi, info, paths: not an Amazon States Language definition (it needs StartAt and States) nor a CloudFormation, SAM or CDK template (it needs Resources)'],
    [
      'test/fixtures/asl/not-asl/buckets-only.template.yaml',
      'found a CloudFormation template with 2 resources (AWS::S3::Bucket, AWS::Lambda::Function) and no state machine: no AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource',
    ],
    [
      'test/fixtures/asl/no-distributed-map/inline-maps.asl.json',
      'no Distributed Map (a Map state whose ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED): found an Amazon States Language definition with 7 states and 3 Map states, all INLINE',
    ],
    [
      'test/fixtures/asl/noaa/statemachines/delete-s3-data.asl.json',
      'no Distributed Map (a Map state whose ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED): found an Amazon States Language definition with 5 states and no Map state',
    ],
  ])('%s: exit 2, saying what it found', (file, message) => {
    const run = runDmap('import', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error:\n  ${file}: ${message}\n`);
  });

  it('lists every structural problem of a broken definition with its line', () => {
    const run = runDmap('import', 'test/fixtures/asl/not-asl/broken.asl.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        '2 problems:',
        '  test/fixtures/asl/not-asl/broken.asl.json:1:1: StartAt: is missing: an ASL definition names its first state in StartAt (not valid Amazon States Language)',
        '  test/fixtures/asl/not-asl/broken.asl.json:7:15: States.Load.Next: names "Sav", which is not a state here (not valid Amazon States Language)',
        '',
      ].join('\n'),
    );
  });

  it('shows examples in --help', () => {
    const run = runDmap('import', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ dmap import /);
  });
});

describe('dmap simulate <definition> --workload <file>', () => {
  it('names the workload file for every field it must give', () => {
    const dir = scratch();
    const workload = join(dir, 'workload.yaml');
    writeFileSync(workload, 'region: us-east-1\nlambda:\n  memoryMb: 2048\n  architecture: arm65\n  timeoutSeconds: 120\n  perItemDurationMs: 60\n');
    const run = runDmap('simulate', NOAA, '--workload', workload);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        '3 problems:',
        `  ${workload}: itemReader.objectCount: is required: number of objects the listing returns (Bucket \${InputBucket}): a workload fact no definition holds; add it to the workload file`,
        `  ${workload}:4:17: lambda.architecture: must be one of "x86_64", "arm64". Did you mean \`arm64\`? (got "arm65")`,
        `  ${workload}: lambda.invocationOverheadMs: is required: time one invocation spends regardless of its batch size, in ms (a number or a distribution): a workload fact no definition holds; add it to the workload file`,
        '',
      ].join('\n'),
    );
  });

  it('asks for --map when the definition has several Distributed Maps, and simulates the one named', () => {
    const dir = scratch();
    const workload = join(dir, 'workload.yaml');
    // "Reindex catalog" waits after its Lambda task, so its child is imported in the long form: the function is in `functions`.
    writeFileSync(
      workload,
      'itemReader: { itemCount: 2000 }\nfunctions:\n  index-products: { memoryMb: 1024, architecture: x86_64, timeoutSeconds: 60, invocationOverheadMs: 20, perItemDurationMs: 2 }\n',
    );
    const ambiguous = runDmap('simulate', TWO_MAPS, '--workload', workload);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toContain(
      `${TWO_MAPS}: --map: is missing: the definition has 2 Distributed Maps (States.Process invoices, States.Fan out.Branches[1].States.Reindex catalog); pick one with --map`,
    );
    const run = runDmap('simulate', TWO_MAPS, '--workload', workload, '--map', 'Reindex catalog', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ scenario: { name: 'invoices-and-catalog / Reindex catalog', file: TWO_MAPS }, mapRun: { status: 'SUCCEEDED', itemCounts: { total: 2000 } } });
  });

  it('points at --workload when a definition is given as a scenario, and rejects --map without it', () => {
    const run = runDmap('simulate', NOAA);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `error:\n  ${NOAA}: is a state machine definition or template, not a scenario: add \`--workload <file>\` with the workload facts (item count, durations), or run \`dmap import ${NOAA}\` to write a scenario to complete\n`,
    );
    const terraform = 'test/fixtures/asl/real-shapes/terraform-heredoc.tf';
    const tf = runDmap('simulate', terraform);
    expect(tf.status).toBe(2);
    expect(tf.stderr).toBe(
      `error:\n  ${terraform}: is a state machine definition or template, not a scenario: add \`--workload <file>\` with the workload facts (item count, durations), or run \`dmap import ${terraform}\` to write a scenario to complete\n`,
    );
    const map = runDmap('simulate', 'scenarios/small-inline.yaml', '--map', 'X');
    expect(map.status).toBe(2);
    expect(map.stderr).toContain('--map: picks a Distributed Map of a state machine definition: give the definition with --workload <file>');
  });
});
