/**
 * Issue 17: a run far beyond a planning question is refused before it starts, with its
 * estimate; --force (force: true) goes ahead. The estimate stays within a small factor
 * of what the kernel really runs for the shipped scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors.js';
import { simulateMapRun } from '../../src/model/map-run.js';
import { estimateWork } from '../../src/model/work-estimate.js';
import { checkWork, MAX_EVENTS } from '../../src/runner/work-guard.js';
import { parseScenarioText, validateScenario, type Scenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

function scenarioOf(document: Record<string, unknown>): Scenario {
  const validation = validateScenario({ name: 'w', lambda: { perItemDurationMs: 10 }, ...document });
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

describe('estimateWork', () => {
  it.each(['scenarios/small-inline.yaml', 'scenarios/reinvent-500k.yaml', 'scenarios/noaa-weather.yaml', 'scenarios/orders-to-dynamodb.yaml'])(
    'is within a factor of 3 of the events %s really takes',
    (file) => {
      const { scenario } = parseScenarioText(readFileSync(file, 'utf8'), file);
      const estimate = estimateWork(scenario).eventsPerRun;
      const actual = simulateMapRun(scenario).eventCount;
      expect(estimate / actual).toBeGreaterThan(1 / 3);
      expect(estimate / actual).toBeLessThan(3);
    },
  );

  it('counts children, states and retried attempts', () => {
    const e = estimateWork(
      scenarioOf({
        itemReader: { source: 'inline', itemCount: 1000 },
        itemBatcher: { maxItemsPerBatch: 10 },
        childWorkflow: { statesBeforeTask: 2, statesAfterTask: 1, retry: [{ errorEquals: ['States.ALL'], maxAttempts: 3 }] },
        lambda: { perItemDurationMs: 10, errors: [{ error: 'Boom', probability: 1 }] },
      }),
    );
    expect(e.children).toBe(100);
    expect(e.statesPerChild).toBe(4);
    expect(e.attemptsPerTask).toBe(4);
  });
});

describe('checkWork', () => {
  const huge = () => scenarioOf({ itemReader: { source: 'inline', itemCount: 1e12 } });

  it('refuses more than 10^9 events with the estimate and names --force', () => {
    let message = '';
    try {
      checkWork([{ scenario: huge(), runs: 1 }]);
    } catch (error) {
      expect(isUserInputError(error)).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toMatch(/about 2\.5 × 10\^12 events/);
    expect(message).toMatch(/1,000,000,000,000 child executions/);
    expect(message).toMatch(/years of simulated time/);
    expect(message).toMatch(/--force/);
  });

  it('counts every run and every configuration', () => {
    const medium = scenarioOf({ itemReader: { source: 'inline', itemCount: 1_000_000 } });
    const perRun = estimateWork(medium).eventsPerRun;
    const runs = Math.ceil(MAX_EVENTS / perRun) + 1;
    expect(() => checkWork([{ scenario: medium, runs: 1 }])).not.toThrow();
    expect(() => checkWork([{ scenario: medium, runs }])).toThrow(/events/);
    expect(() => checkWork(Array.from({ length: runs }, () => ({ scenario: medium, runs: 1 })))).toThrow(/largest of/);
  });

  it('goes ahead with force', () => {
    expect(() => checkWork([{ scenario: huge(), runs: 1000 }], true)).not.toThrow();
  });

  it('guards the library front door too', async () => {
    await expect(simulate({ name: 'huge', itemReader: { source: 'inline', itemCount: 1e12 }, lambda: { perItemDurationMs: 10 } })).rejects.toThrow(/--force/);
  });
});
