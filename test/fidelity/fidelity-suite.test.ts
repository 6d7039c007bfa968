/**
 * The fidelity suite: every case is a valid scenario, and docs/fidelity.md says what the
 * model predicts for them now (regenerate it with `npm run fidelity` after a change to the
 * model or the cases). Where each case lands is the document's job, not a pass/fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/index.js';
import { loadFidelityCases, renderFidelityDocument } from '../../scripts/fidelity-suite.js';

const cases = loadFidelityCases();

describe('fidelity suite', () => {
  it('has at least 8 published measurements, each with a valid scenario', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const fidelityCase of cases) {
      const validation = validateScenario(fidelityCase.scenario);
      expect(validation.ok ? [] : validation.issues, fidelityCase.id).toEqual([]);
    }
  });

  it('docs/fidelity.md is up to date (run `npm run fidelity`), and every fitted default matches its measurement', async () => {
    const { markdown, drifted } = await renderFidelityDocument(cases);
    expect(markdown).toBe(readFileSync('docs/fidelity.md', 'utf8'));
    expect(drifted).toEqual([]);
  }, 300_000);
});
