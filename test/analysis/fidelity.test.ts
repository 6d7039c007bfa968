import { describe, expect, it } from 'vitest';
import { evaluateCase, renderFidelityMarkdown } from '../../src/analysis/fidelity.js';
import { fidelityCaseSchema } from '../../src/analysis/fidelity-case.js';

const CASE = fidelityCaseSchema.parse({
  id: 'PM-99',
  title: 'a test case',
  source: 'https://example.invalid/run',
  measured: '"around 90 seconds"',
  metric: 'wallTimeSeconds',
  band: [60, 120],
  bandWhy: 'around 90 s read as 60–120 s',
  role: 'validation',
  scenario: {},
});

describe('evaluateCase', () => {
  it('takes P10, P50 and P90 of the replications and calls the case inside when the band and P10–P90 overlap', () => {
    const values = Array.from({ length: 101 }, (_, i) => 50 + i); // 50 … 150
    const result = evaluateCase(CASE, values);
    expect([result.p10, result.p50, result.p90]).toEqual([60, 100, 140]);
    expect(result.inside).toBe(true);
    expect(evaluateCase(CASE, [1, 2, 3]).inside).toBe(false);
    expect(evaluateCase(CASE, [200, 300]).inside).toBe(false);
    expect(evaluateCase(CASE, [10, 130]).inside).toBe(true);
  });

  it('says which way a case misses, and counts only validation cases', () => {
    const text = renderFidelityMarkdown([evaluateCase(CASE, [1, 2, 3]), evaluateCase({ ...CASE, id: 'PM-98', role: 'fit', fits: ['x'] }, [90])], {
      seed: 1,
      runs: 3,
      version: 'test',
    });
    expect(text).toContain('Validation cases inside their band: **0 of 1**. Fitted: 1.');
    expect(text).toContain('**outside: faster or cheaper**');
    expect(text).toContain('| PM-98: a test case | fit (x) |');
  });

  it('rejects a band that runs backwards and an id that is not a measurement id', () => {
    expect(fidelityCaseSchema.safeParse({ ...CASE, band: [120, 60] }).success).toBe(false);
    expect(fidelityCaseSchema.safeParse({ ...CASE, id: 'X' }).success).toBe(false);
  });
});
