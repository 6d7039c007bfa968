/**
 * Issue 17: every numeric field of the scenario schema at its minimum and its maximum,
 * singly and a few at once, either fails validation (exit 2), is refused by the work
 * estimate before it runs (exit 2), or simulates to finite output: no NaN, no Infinity,
 * no null where money should be. The fields are read from the schema itself (its JSON
 * Schema), so a field added later is covered without touching this test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors.js';
import { estimateWork } from '../../src/model/work-estimate.js';
import { firstNonFinite } from '../../src/report/finite-figures.js';
import { MAX_EVENTS } from '../../src/runner/work-guard.js';
import { validateScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';
import { around, BASE, deepMerge, FIELDS, oneWait, withValue, type Field, type Json } from '../support/scenario-fields.js';

/** Runs the budget of this test allows per case; larger valid runs would be minutes of CI. */
const EVENTS_IN_BUDGET = 3e6;

/** How the single-field cases ended: most must really simulate, or this test would prove little. */
const tally: Record<Outcome, number> = { invalid: 0, refused: 0, simulated: 0 };

type Outcome = 'invalid' | 'refused' | 'simulated';

/** Validates and simulates `document`; fails the test on anything but the three outcomes allowed. */
async function outcomeOf(document: Json): Promise<Outcome> {
  const validation = validateScenario(document);
  if (!validation.ok) return 'invalid';
  const events = estimateWork(validation.scenario).eventsPerRun * 2;
  if (events > MAX_EVENTS) {
    await expect(simulate(document as ScenarioInput, { runs: 2 })).rejects.toThrow(/--force/);
    return 'refused';
  }
  expect(events, `${JSON.stringify(document)} is valid and under the work limit, but too big for this test`).toBeLessThan(EVENTS_IN_BUDGET);
  try {
    const { json } = await simulate(document as ScenarioInput, { runs: 2 });
    expect(firstNonFinite(json, []), JSON.stringify(document)).toBeUndefined();
    expect(json.cost.perRunUsd, JSON.stringify(document)).toMatch(/^-?\d+(\.\d+)?$/);
    return 'simulated';
  } catch (error) {
    // Only input the simulation itself can judge (e.g. a batch that cannot fit 256 KiB) may stop it, and as a user error.
    if (isUserInputError(error) && !/not a finite number/.test(error.message)) return 'invalid';
    throw new Error(`${JSON.stringify(document)}: ${(error as Error).stack}`);
  }
}

function caseOf(field: Field, end: 'min' | 'max', base: Json = BASE): Json {
  return oneWait(withValue(around(base, field), field.path, field[end]), field);
}

describe('every numeric scenario field at its extremes', () => {
  it('finds the numeric fields in the schema, nested forms and states included', () => {
    const paths = FIELDS.map((f) => f.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['itemReader.itemCount', 'lambda.logBytesPerInvocation', 'lambda.perItemDurationMs', 'childWorkflow.states.S.timeoutSeconds', 'timeSeriesBucketMs']));
    expect(FIELDS.length).toBeGreaterThan(80);
    for (const field of FIELDS) {
      expect(Number.isFinite(field.max), `${field.path.join('.')} has no maximum`).toBe(true);
    }
  });

  it.each(FIELDS.map((f) => [f.path.join('.'), f] as const))('%s at its minimum and maximum', async (_path, field) => {
    const outcomes = [await outcomeOf(caseOf(field, 'min')), await outcomeOf(caseOf(field, 'max'))];
    for (const outcome of outcomes) tally[outcome] += 1;
  }, 30_000);

  it('simulated most of those ends rather than rejecting them', () => {
    const total = tally.invalid + tally.refused + tally.simulated;
    expect(total).toBe(2 * FIELDS.length);
    expect(tally.simulated / total).toBeGreaterThan(0.9);
  });

  it('a few at once, at either end', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ field: fc.constantFrom(...FIELDS), end: fc.constantFrom('min' as const, 'max' as const) }), { minLength: 2, maxLength: 4, selector: (c) => c.field.path.join('.') }),
        async (chosen) => {
          const document = chosen.reduce<Json>((doc, { field, end }) => oneWait(withValue(around(doc, field), field.path, field[end]), field), BASE);
          await outcomeOf(document);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  }, 120_000);

  it('distributions at their widest spread still simulate to finite figures', async () => {
    const year = 365 * 24 * 3600 * 1000;
    for (const spec of [
      { type: 'lognormal', p50: 1e-6, p99: 1 },
      { type: 'lognormal', mean: 1, sd: 1000 },
      { type: 'lognormal', p50: year / 1e6, p99: year },
      { type: 'normal', mean: -year, sd: year },
      { type: 'exponential', mean: year },
      { type: 'empirical', samples: [0, year] },
    ]) {
      const document = deepMerge(BASE, { lambda: { perItemDurationMs: spec, timeoutSeconds: 900 }, childStarts: { startLatencyMs: spec }, mapRunOverhead: { closeMs: spec } });
      expect(await outcomeOf(document), JSON.stringify(spec)).not.toBe('invalid');
    }
  }, 60_000);
});
