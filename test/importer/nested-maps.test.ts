/**
 * A Distributed Map that runs many times per execution: inside an inline Map, inside
 * another Distributed Map's child, or on a loop of states (a Choice that jumps back),
 * at its own level or around the Parallel or Map holding it. The survey flags it, and
 * the import says so in a note, on stderr and in the scenario's header.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapContextNotes, surveyStateMachine } from '../../src/importer/find-distributed-maps.js';
import { importDefinition } from '../../src/importer/import-definition.js';
import { parseDefinitionSource, type LoadedDefinition } from '../../src/importer/load-definition.js';
import { runDmap } from '../cli/run-dmap.js';
import { importFixture } from './import-helpers.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function distributed(next: Record<string, unknown> = { End: true }): Record<string, unknown> {
  return {
    Type: 'Map',
    ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: LAMBDA, End: true } } },
    ...next,
  };
}

function inline(states: Record<string, unknown>, startAt: string, next: Record<string, unknown> = { End: true }): Record<string, unknown> {
  return { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: startAt, States: states }, ...next };
}

const PAGES = {
  StartAt: 'List page',
  States: {
    'List page': { Type: 'Task', Resource: LAMBDA, Next: 'Process page' },
    'Process page': distributed({ Next: 'More pages?' }),
    'More pages?': { Type: 'Choice', Choices: [{ Variable: '$.next', IsPresent: true, Next: 'List page' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

function repeats(definition: unknown): Record<string, string | undefined> {
  const source = parseDefinitionSource(JSON.stringify(definition), 'machine.asl.json') as LoadedDefinition;
  const survey = surveyStateMachine(source.machines[0] as LoadedDefinition['machines'][number], false);
  return Object.fromEntries(survey.distributed.map((m) => [m.stateName, m.repeats]));
}

describe('Distributed Maps that run many times per execution', () => {
  it('flags one inside an inline Map, and one inside another Distributed Map', () => {
    const definition = {
      StartAt: 'Per region',
      States: {
        'Per region': inline({ 'Copy region': distributed() }, 'Copy region', { Next: 'Outer' }),
        Outer: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'Inner', States: { Inner: distributed() } },
          End: true,
        },
      },
    };
    expect(repeats(definition)).toEqual({ 'Copy region': 'inside inline Map "Per region"', Outer: undefined, Inner: 'inside the child workflow of Distributed Map "Outer"' });
  });

  it('flags one on a loop of states, named by the Choice that jumps back', () => {
    expect(repeats(PAGES)).toEqual({ 'Process page': 'on a loop through "More pages?"' });
  });

  it('flags one inside a Parallel that is on a loop, and gives every reason, innermost first', () => {
    const definition = {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Reindex', States: { Reindex: distributed() } },
            { StartAt: 'Per shard', States: { 'Per shard': inline({ 'Copy shard': distributed() }, 'Copy shard') } },
          ],
          Next: 'Again?',
        },
        'Again?': { Type: 'Choice', Choices: [{ Variable: '$.again', BooleanEquals: true, Next: 'Fan out' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    expect(repeats(definition)).toEqual({ Reindex: 'on a loop through "Again?"', 'Copy shard': 'inside inline Map "Per shard", on a loop through "Again?"' });
  });

  it('finds a Distributed Map written with the legacy Iterator key', () => {
    const legacy = { StartAt: 'Check', States: { Check: { Type: 'Map', Iterator: (distributed()['ItemProcessor'] as object), End: true } } };
    expect(repeats(legacy)).toEqual({ Check: undefined });
  });

  it('does not flag a map in a Parallel that runs once, nor count a Catch that leads back as a loop', async () => {
    const { surveys } = await importFixture('two-maps/invoices-and-catalog.asl.json');
    expect(surveys[0]?.distributed.map((m) => m.repeats)).toEqual([undefined, undefined]);
    const retried = { StartAt: 'Load', States: { Load: distributed({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Load' }], End: true }) } };
    expect(repeats(retried)).toEqual({ Load: undefined });
  });

  it('adds a not-modelled note to the import, shown in the scenario header', () => {
    const source = parseDefinitionSource(JSON.stringify(PAGES), 'pages.asl.json') as LoadedDefinition;
    const [imported] = importDefinition(source).maps;
    const note = {
      field: '',
      kind: 'unsupported',
      message:
        '"Process page" is on a loop through "More pages?", so it runs many times per execution of pages: each run is a Map Run of its own, and this scenario is one of them; multiply its cost by the number of runs',
      from: 'States.Process page',
    };
    expect(mapContextNotes(imported?.map as NonNullable<typeof imported>['map'])).toEqual([note]);
    expect(imported?.notes).toContainEqual(note);
    expect(imported?.yaml).toContain('# Not modelled:\n# - "Process page" is on a loop through "More pages?", so it runs many times per execution of pages:');
  });

  it('prints the note with the others when `dmap import` runs', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dmap-nested-')), 'pages.asl.json');
    writeFileSync(file, JSON.stringify(PAGES, null, 2));
    const run = runDmap('import', file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('  Not modelled (approximations):\n    (map)                           "Process page" is on a loop through "More pages?", so it runs many times per execution of pages');
  });
});
