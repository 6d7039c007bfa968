/**
 * Acceptance of issue #8: importing the NOAA demo's definition and adding its workload
 * reproduces the calibration scenario (scenarios/noaa-weather.yaml) exactly, as a
 * scenario, as a simulated Map Run, and through `dmap simulate --workload`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDefinition } from '../../src/importer/import-definition.js';
import type { JsonObject } from '../../src/importer/json-value.js';
import { loadScenarioOrDefinition } from '../../src/importer/load-scenario-or-definition.js';
import { mergeWorkload } from '../../src/importer/merge-workload.js';
import { readDefinitionFile } from '../../src/importer/read-definition-file.js';
import { simulateMapRun } from '../../src/model/index.js';
import { parseScenarioText, validateScenario, type Scenario } from '../../src/scenario/index.js';
import { runDmap } from '../cli/run-dmap.js';

const CALIBRATION = 'scenarios/noaa-weather.yaml';
const ASL = 'test/fixtures/asl/noaa/statemachines/dmap-temperatures.asl.json';
const TEMPLATE = 'test/fixtures/asl/noaa/template.yaml';
const WORKLOAD = 'test/fixtures/asl/noaa/workload.yaml';

/** What may differ: the name and description, and the order of error names in ErrorEquals (a set). */
function comparable(scenario: Scenario): unknown {
  const { name: _name, description: _description, ...rest } = scenario;
  return { ...rest, childWorkflow: { ...rest.childWorkflow, retry: rest.childWorkflow.retry.map((r) => ({ ...r, errorEquals: [...r.errorEquals].sort() })) } };
}

describe('NOAA round trip: import + workload = the calibration scenario', () => {
  const calibration = parseScenarioText(readFileSync(CALIBRATION, 'utf8'), CALIBRATION).scenario;

  it('the workload file holds exactly the calibration scenario\'s workload values', () => {
    const workload = parse(readFileSync(WORKLOAD, 'utf8')) as JsonObject;
    const raw = parse(readFileSync(CALIBRATION, 'utf8')) as JsonObject;
    const lambda = raw['lambda'] as JsonObject;
    expect(workload).toEqual({
      region: raw['region'],
      itemReader: { objectCount: (raw['itemReader'] as JsonObject)['objectCount'] },
      childWorkflow: { outputBytes: (raw['childWorkflow'] as JsonObject)['outputBytes'] },
      lambda: {
        accountConcurrency: lambda['accountConcurrency'],
        memoryMb: lambda['memoryMb'],
        architecture: lambda['architecture'],
        timeoutSeconds: lambda['timeoutSeconds'],
        initDurationMs: lambda['initDurationMs'],
        invocationOverheadMs: lambda['invocationOverheadMs'],
        perItemDurationMs: lambda['perItemDurationMs'],
      },
    });
  });

  it('the bare ASL with the workload file gives the calibration scenario', async () => {
    const loaded = await loadScenarioOrDefinition(ASL, { workload: WORKLOAD });
    expect(loaded.file).toBe(WORKLOAD);
    expect(loaded.warnings).toEqual([]);
    expect(comparable(loaded.scenario)).toEqual(comparable(calibration));
  });

  it('the SAM template gives memory, architecture and timeout itself: the workload needs only the workload facts', async () => {
    const { maps } = importDefinition(await readDefinitionFile(TEMPLATE), { map: 'NOAAWeatherStateMachine' });
    const workload = parse(readFileSync(WORKLOAD, 'utf8')) as JsonObject;
    const { memoryMb: _m, architecture: _a, timeoutSeconds: _t, ...workloadLambda } = workload['lambda'] as JsonObject;
    const validation = validateScenario(mergeWorkload(maps[0]?.document ?? {}, { ...workload, lambda: workloadLambda }));
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(comparable(validation.scenario)).toEqual(comparable(calibration));
  });

  it('simulates to the same Map Run, seed for seed', async () => {
    const { scenario } = await loadScenarioOrDefinition(ASL, { workload: WORKLOAD });
    for (const seed of [1, 2]) expect(simulateMapRun(scenario, { seed })).toEqual(simulateMapRun(calibration, { seed }));
  });

  it('`dmap simulate <definition> --workload` prints the same JSON as the calibration scenario, but for its identity', () => {
    const imported = runDmap('simulate', ASL, '--workload', WORKLOAD, '--json');
    const reference = runDmap('simulate', CALIBRATION, '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(reference.status).toBe(0);
    const a = JSON.parse(imported.stdout);
    const b = JSON.parse(reference.stdout);
    expect(a.scenario).toMatchObject({ name: 'dmap-temperatures / DistributedMap', file: ASL });
    expect(a.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    delete a.scenario;
    delete b.scenario;
    expect(JSON.stringify(a, null, 2)).toBe(JSON.stringify(b, null, 2));
  });
});
