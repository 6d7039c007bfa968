/**
 * Calibration against AWS's published figure: the re:Invent 2022 NOAA demo completes in
 * about 90–150 s (sample README,
 * https://github.com/aws-samples/aws-stepfunctions-examples/tree/main/sam/demo-distributed-map-data-processing).
 * Why the prediction lands there is explained in docs/model.md.
 */
import { readFileSync } from 'node:fs';
import { median } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { dominantCause, simulateMapRun } from '../../src/model/index.js';
import { parseScenarioText } from '../../src/scenario/index.js';

const FILE = 'scenarios/noaa-weather.yaml';

describe('NOAA calibration scenario', () => {
  const { scenario } = parseScenarioText(readFileSync(FILE, 'utf8'), FILE);
  const runs = Array.from({ length: 21 }, (_, seed) => simulateMapRun(scenario, { seed: seed + 1 }));

  it('predicts a median wall time inside AWS\'s reported 90–150 s', () => {
    const wallTimeSeconds = median(runs.map((r) => r.wallTimeMs / 1000));
    expect(wallTimeSeconds).toBeGreaterThanOrEqual(90);
    expect(wallTimeSeconds).toBeLessThanOrEqual(150);
  });

  it('lists first, as the explanation says: reading is the largest part of the critical path, and the throttles of the last children are retried', () => {
    for (const run of runs) {
      expect(run.status).toBe('SUCCEEDED');
      expect(run.itemReader.listRequests).toBe(558);
      expect(run.executionCounts.total).toBe(1116);
      expect(run.boundBy.reading / run.wallTimeMs).toBeGreaterThan(0.4);
      expect(dominantCause(run.boundBy).cause).toBe('reading');
      expect(run.peakConcurrentInvocations).toBeLessThanOrEqual(1000);
    }
  });
});
