import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ASSUMPTION_RANGES } from '../../src/analysis/assumption-ranges.js';
import { assumptionsLedger } from '../../src/report/assumptions.js';
import { confidenceLegend, defaultConfidence } from '../../src/report/default-confidence.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';

/** Defaults that are the tool's settings, not a claim about AWS: no tag. */
const TOOL_SETTINGS = new Set(['seed', 'runs', 'region', 'sweep', 'timeSeriesBucketMs', 'lambda', 'functions', 'serviceQuotas', 'pricing.freeTier', 'pricing.runsPerMonth', 'pricing.discountPercent', 'pricing.priceOverrides']);

const FILES = [
  ...readdirSync('scenarios').map((f) => join('scenarios', f)),
  ...readdirSync('test/fidelity/cases')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('test/fidelity/cases', f)),
];

describe('confidence tags in the assumptions ledger', () => {
  it.each(FILES)('tags every default of %s that is a claim about AWS or the workload', async (file) => {
    const whole = readFileSync(file, 'utf8');
    // A fidelity case holds its scenario under `scenario:`.
    const text = file.startsWith('test/fidelity') ? stringify((parse(whole) as { scenario: unknown }).scenario) : whole;
    const { scenario } = parseScenarioText(text, file);
    const { json } = await simulate(scenario, { identity: { file } });
    const rows = assumptionsLedger({ scenario, rawDocument: parse(text), result: json, command: `dmap simulate ${file}` });
    const untagged = rows
      .filter((r) => r.source === 'default' && r.confidence === undefined)
      .map((r) => r.name)
      .filter((name) => !TOOL_SETTINGS.has(name) && !TOOL_SETTINGS.has(name.split('.')[0] as string));
    expect(untagged).toEqual([]);
    for (const r of rows) {
      if (r.source === 'scenario file' && !['region', 'seed'].includes(r.name) && !r.name.startsWith('pricing')) expect(r.confidence, r.name).toBe('yours');
      if (r.source === 'fitted') expect(r.confidence).toBe('fitted');
    }
  });

  it('gives each assumption dmap sensitivity varies the tag docs/model.md gives it, for the short and the long form', () => {
    for (const range of ASSUMPTION_RANGES.filter((r) => r.confidence !== 'user')) {
      expect(defaultConfidence(range.path), range.path).toBe(range.confidence);
      if (range.path.startsWith('lambda.')) expect(defaultConfidence(`functions["my-fn"].${range.path.slice(7)}`)).toBe(range.confidence);
    }
  });

  it('tags by the longest pattern, through array indices and named states', () => {
    expect(defaultConfidence('childWorkflow.retry[0].intervalSeconds')).toBe('H');
    expect(defaultConfidence('childWorkflow.states.Write.unitsPerItem')).toBe('L');
    expect(defaultConfidence('childWorkflow.states["odd.name"].retry')).toBe('H');
    expect(defaultConfidence('lambda.durationMeasuredAtMemoryMb')).toBe('D');
    expect(defaultConfidence('timeSeriesBucketMs')).toBeUndefined();
  });

  it('explains every tag in the legend', () => {
    for (const tag of ['H:', 'M:', 'L:', 'D:', 'yours:', 'fitted:']) expect(confidenceLegend()).toContain(tag);
  });
});
