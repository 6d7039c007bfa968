import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateMapRun } from '../../src/model/index.js';
import { parseScenarioText } from '../../src/scenario/index.js';

const files = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => `scenarios/${f}`);

describe.each(files)('%s', (file) => {
  const { scenario, warnings } = parseScenarioText(readFileSync(file, 'utf8'), file);

  it('is valid without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('runs to SUCCEEDED with every item accounted for, the same way twice', () => {
    const first = simulateMapRun(scenario);
    expect(first.status).toBe('SUCCEEDED');
    expect(first.itemCounts.succeeded).toBe(first.itemCounts.total);
    expect(simulateMapRun(scenario)).toEqual(first);
  });
});
