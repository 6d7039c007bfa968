/**
 * Issue 17: the guard at the edge of the core. Whatever slips past the schema bounds,
 * no figure leaves as NaN, Infinity or null money: the user gets a UserInputError naming
 * the figure and the input that most likely caused it.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/errors.js';
import { assertFiniteFigures, firstNonFinite } from '../../src/report/finite-figures.js';

function errorOf(run: () => void): UserInputError {
  try {
    run();
  } catch (error) {
    if (isUserInputError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
}

describe('assertFiniteFigures', () => {
  it('passes finite output, nulls that are not NaN included (an unpriced line)', () => {
    expect(() => assertFiniteFigures({ costUsd: '0.5', lines: [{ costUsd: null }], wall: 12.5 }, { document: {}, what: 'scenario' })).not.toThrow();
  });

  it('finds NaN and Infinity as numbers and as decimal strings', () => {
    expect(firstNonFinite({ a: [1, { b: Number.NaN }] }, [])).toEqual({ path: ['a', 1, 'b'], value: 'NaN' });
    expect(firstNonFinite({ cost: { totalUsd: 'Infinity' } }, [])).toEqual({ path: ['cost', 'totalUsd'], value: 'Infinity' });
    expect(firstNonFinite({ formula: 'Infinity bytes logged' }, [])).toBeUndefined();
  });

  it('names the figure and the largest input, never the seed', () => {
    const error = errorOf(() =>
      assertFiniteFigures(
        { summary: { costUsd: { mean: Infinity } } },
        { document: { seed: 4_000_000_000, lambda: { memoryMb: 1024, logBytesPerInvocation: 1e200 } }, file: 's.yaml', what: 'scenario' },
      ),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 's.yaml', field: 'lambda.logBytesPerInvocation', value: 1e200 });
    expect(error.problems[0]?.message).toMatch(/summary\.costUsd\.mean came out as Infinity, not a finite number/);
  });
});

describe('a price too large to compute with', () => {
  it('is named before any scenario field when a cost overflows', async () => {
    const { defaultCatalogue } = await import('../../src/pricing/load-catalogue.js');
    const catalogue = structuredClone(defaultCatalogue());
    const region = catalogue.regions['us-east-1'];
    if (!region) throw new Error('no us-east-1');
    region.prices['lambda.request'] = { ...(region.prices['lambda.request'] as NonNullable<(typeof region.prices)[string]>), usd: '9'.repeat(400) };
    const error = errorOf(() => assertFiniteFigures({ costUsd: Infinity }, { document: { itemReader: { itemCount: 1000 } }, what: 'scenario', catalogue, catalogueFile: 'c.json' }));
    expect(error.problems[0]).toMatchObject({ file: 'c.json', field: 'regions.us-east-1.prices.lambda.request.usd', value: '999999999999999999999...' });
  });
});
