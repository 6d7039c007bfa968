import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderScenarioReference, scenarioJsonSchema } from '../../src/scenario/scenario-reference.js';

describe('generated scenario reference', () => {
  it('docs/scenario.md is up to date (run `npm run generate`)', () => {
    expect(readFileSync('docs/scenario.md', 'utf8')).toBe(renderScenarioReference());
  });

  it('schema/scenario.schema.json is up to date (run `npm run generate`)', () => {
    expect(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it('documents every field with a description', () => {
    const doc = renderScenarioReference();
    const rows = doc.split('\n').filter((line) => line.startsWith('| `') && !line.includes('| `type` |'));
    for (const row of rows.filter((r) => r.split('|').length === 6)) {
      expect(row.split('|')[4]?.trim(), row).not.toBe('');
    }
  });
});
