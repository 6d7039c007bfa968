/**
 * The scenario YAML `dmap import` writes, and the workload laid over it by
 * `dmap simulate --workload`: valid YAML that keeps the document, comments in the right
 * places, and a scenario that validates once the asked-for fields are given.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeWorkload } from '../../src/importer/merge-workload.js';
import { renderScenarioYaml } from '../../src/importer/render-scenario-yaml.js';
import { parseScenarioText, validateScenario } from '../../src/scenario/index.js';
import { importFixture } from './import-helpers.js';

describe('the rendered scenario', () => {
  it('is YAML holding exactly the imported document', async () => {
    for (const fixture of ['standard-child/order-pipeline.asl.json', 'two-maps/invoices-and-catalog.asl.json', 'sam/inline-definition.yaml']) {
      for (const imported of (await importFixture(fixture)).maps) expect(parse(imported.yaml)).toEqual(imported.document);
    }
  });

  it('puts REQUIRED and runtime comments above their field and read comments beside it', () => {
    const yaml = renderScenarioYaml({
      document: { name: 'x', itemReader: { source: 'inline', itemCount: null }, maxConcurrency: null, executionType: 'EXPRESS' },
      notes: [
        { field: 'itemReader.source', kind: 'read', message: 'inline', from: 'States.M.ItemsPath' },
        { field: 'itemReader.itemCount', kind: 'required', message: 'number of items' },
        { field: 'maxConcurrency', kind: 'runtime', message: 'MaxConcurrencyPath "$.c"' },
        { field: 'executionType', kind: 'read', message: 'EXPRESS', from: 'States.M.ItemProcessor.ProcessorConfig.ExecutionType' },
        { field: '', kind: 'unsupported', message: 'something about the whole map' },
      ],
      header: ['Imported from test.json'],
    });
    expect(yaml).toBe(
      [
        '# Imported from test.json',
        '',
        '# Not modelled:',
        '# - something about the whole map',
        '',
        'name: x',
        '',
        'itemReader:',
        '  source: inline # read from States.M.ItemsPath',
        '  # REQUIRED: number of items',
        '  itemCount: null',
        '',
        '# runtime value: MaxConcurrencyPath "$.c" — fill in',
        'maxConcurrency: null',
        'executionType: EXPRESS # read from States.M.ItemProcessor.ProcessorConfig.ExecutionType',
        '',
      ].join('\n'),
    );
  });

  it('validates once the workload fills the REQUIRED fields', async () => {
    const [imported] = (await importFixture('csv-reader/ratings-csv.asl.json')).maps;
    const filled = imported?.yaml
      .replace('itemCount: null', 'itemCount: 1000000')
      .replace('toleratedFailurePercentage: null', 'toleratedFailurePercentage: 10')
      .replace('memoryMb: null', 'memoryMb: 1024')
      .replace('architecture: null', 'architecture: arm64')
      .replace('timeoutSeconds: null', 'timeoutSeconds: 30')
      .replace('invocationOverheadMs: null', 'invocationOverheadMs: 100')
      .replace('perItemDurationMs: null', 'perItemDurationMs: 4');
    const { scenario } = parseScenarioText(filled ?? '', 'filled.yaml');
    expect(scenario).toMatchObject({ region: 'us-west-2', itemReader: { source: 's3Object', inputType: 'CSV', itemCount: 1_000_000, maxItems: 250_000 }, toleratedFailurePercentage: 10 });
  });
});

describe('the workload over the imported scenario', () => {
  it('merges objects field by field; its values win', () => {
    const merged = mergeWorkload(
      { name: 'a', itemReader: { source: 's3ListObjectsV2', objectCount: null, maxItems: 10 }, lambda: { memoryMb: 2048, perItemDurationMs: null } },
      { itemReader: { objectCount: 5 }, lambda: { perItemDurationMs: { type: 'lognormal', p50: 10, p99: 50 }, memoryMb: 1024 }, seed: 3 },
    );
    expect(merged).toEqual({
      name: 'a',
      itemReader: { source: 's3ListObjectsV2', objectCount: 5, maxItems: 10 },
      lambda: { memoryMb: 1024, perItemDurationMs: { type: 'lognormal', p50: 10, p99: 50 } },
      seed: 3,
    });
  });

  it('replaces a block of another form whole: an item reader of another source, a distribution of another type', () => {
    const merged = mergeWorkload(
      { itemReader: { source: 's3ListObjectsV2', objectCount: null }, lambda: { initDurationMs: { type: 'lognormal', p50: 1, p99: 2 } } },
      { itemReader: { source: 'inline', itemCount: 7 }, lambda: { initDurationMs: { type: 'normal', mean: 5, sd: 1 } } },
    );
    expect(merged).toEqual({ itemReader: { source: 'inline', itemCount: 7 }, lambda: { initDurationMs: { type: 'normal', mean: 5, sd: 1 } } });
    expect(validateScenario(merged).ok).toBe(false);
  });
});
