/**
 * Each review warning, triggered by a scenario built to trigger it and simulated for
 * real, and absent from a clean scenario.
 */
import { describe, expect, it } from 'vitest';
import type { PriceCatalogue } from '../../src/pricing/index.js';
import { reviewWarnings } from '../../src/report/review-warnings.js';
import type { ReviewWarning } from '../../src/report/report-model.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulate.js';
import { FIXTURE_CATALOGUE } from '../pricing/fixture-catalogue.js';

/** 200 items in 20 batches, retried throttles, 5 % tolerance, a ResultWriter, a roomy timeout. */
const CLEAN = {
  name: 'clean',
  itemReader: { source: 'inline', itemCount: 200 },
  itemBatcher: { maxItemsPerBatch: 10 },
  maxConcurrency: 10,
  toleratedFailurePercentage: 5,
  childWorkflow: { retry: 'console-default' },
  resultWriter: {},
  lambda: { timeoutSeconds: 60, invocationOverheadMs: 50, perItemDurationMs: 10 },
} satisfies ScenarioInput;

const CLEAN_LAMBDA = CLEAN.lambda;

async function warningsFor(input: ScenarioInput, options: { runs?: number; catalogue?: PriceCatalogue } = {}): Promise<ReviewWarning[]> {
  const { scenario, json } = await simulate(input, { runs: options.runs ?? 1, ...(options.catalogue ? { catalogue: options.catalogue } : {}) });
  return reviewWarnings(scenario, json);
}

function find(warnings: ReviewWarning[], title: string): ReviewWarning {
  const found = warnings.find((w) => w.title === title);
  expect(found, `"${title}" in ${JSON.stringify(warnings.map((w) => w.title))}`).toBeDefined();
  return found as ReviewWarning;
}

function titles(warnings: ReviewWarning[]): string[] {
  return warnings.map((w) => w.title);
}

/** CLEAN without an item batcher: one item per child. */
function unbatched(changes: Partial<ScenarioInput>): ScenarioInput {
  const { itemBatcher: _omit, ...rest } = CLEAN;
  return { ...rest, ...changes };
}

describe('reviewWarnings', () => {
  it('flags nothing for a clean scenario', async () => {
    expect(await warningsFor(CLEAN, { runs: 5 })).toEqual([]);
  });

  it('warns that Lambda throttles when MaxConcurrency is above its concurrency, with the throttle counts', async () => {
    const warnings = await warningsFor(
      unbatched({
        itemReader: { source: 'inline', itemCount: 400 },
        maxConcurrency: 200,
        lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50, perItemDurationMs: 2000 },
      }),
      { runs: 3 },
    );
    const throttling = find(warnings, 'Lambda throttles: MaxConcurrency above its concurrency');
    expect(throttling.severity).toBe('warning');
    expect(throttling.detail).toContain('MaxConcurrency 200');
    expect(throttling.detail).toContain('limit of 50');
    expect(throttling.detail).toMatch(/Throttled attempts per run: P50 [1-9][\d,]*, P90 [1-9][\d,]*/);
    // console-default retries TooManyRequests.
    expect(titles(warnings)).not.toContain('Throttled invocations are not retried');
  });

  it('notes MaxConcurrency above the limit even when these runs never throttled', async () => {
    const warnings = await warningsFor({ ...CLEAN, maxConcurrency: 100, lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50 } });
    const note = find(warnings, 'MaxConcurrency above Lambda concurrency');
    expect(note.severity).toBe('info');
    expect(note.detail).toContain('P50 0, P90 0');
  });

  it('warns when throttles are possible and no retrier matches Lambda.TooManyRequestsException', async () => {
    const possible = await warningsFor({
      ...CLEAN,
      maxConcurrency: 100,
      childWorkflow: { retry: 'aws-best-practice' },
      lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50 },
    });
    expect(find(possible, 'Throttled invocations are not retried').detail).toContain('No retrier in childWorkflow.retry matches Lambda.TooManyRequestsException');

    const seen = await warningsFor(
      unbatched({
        itemReader: { source: 'inline', itemCount: 400 },
        maxConcurrency: 200,
        childWorkflow: { retry: 'none' },
        lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50, perItemDurationMs: 2000 },
      }),
    );
    const warning = find(seen, 'Throttled invocations are not retried');
    expect(warning.severity).toBe('warning');
    expect(warning.detail).toMatch(/Failed items per run: P50 [1-9]/);
    // Throttled children fail, so the run fails: that comes first.
    expect(seen[0]?.title).toBe('Map Runs fail');
  });

  it('treats a States.ALL retrier with retries left as retrying throttles, one with maxAttempts 0 as not', async () => {
    const base = { ...CLEAN, maxConcurrency: 100, lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50 } };
    const all = await warningsFor({ ...base, childWorkflow: { retry: [{ errorEquals: ['States.ALL'] }] } });
    expect(titles(all)).not.toContain('Throttled invocations are not retried');
    const zero = await warningsFor({ ...base, childWorkflow: { retry: [{ errorEquals: ['States.ALL'], maxAttempts: 0 }] } });
    expect(find(zero, 'Throttled invocations are not retried').detail).toContain('maxAttempts 0');
  });

  it('notes that no failure is tolerated, and warns when failures can happen', async () => {
    const { toleratedFailurePercentage: _omit, ...untolerant } = CLEAN;
    const note = find(await warningsFor(untolerant), 'No failure tolerated');
    expect(note.severity).toBe('info');
    expect(note.detail).toContain('Neither toleratedFailurePercentage nor toleratedFailureCount is set');

    const zeros = find(await warningsFor({ ...CLEAN, toleratedFailurePercentage: 0, toleratedFailureCount: 0 }), 'No failure tolerated');
    expect(zeros.detail).toContain('are 0');

    const risky = find(
      await warningsFor({ ...untolerant, lambda: { ...CLEAN_LAMBDA, errors: [{ error: 'Boom', probability: 0.001 }] } }),
      'No failure tolerated',
    );
    expect(risky.severity).toBe('warning');

    // A count alone is a tolerance.
    expect(titles(await warningsFor({ ...untolerant, toleratedFailureCount: 3 }))).not.toContain('No failure tolerated');
  });

  it('warns when Express children come close to the 5-minute limit', async () => {
    const warnings = await warningsFor({
      ...CLEAN,
      executionType: 'EXPRESS',
      itemReader: { source: 'inline', itemCount: 500 },
      itemBatcher: { maxItemsPerBatch: 250 },
      lambda: { ...CLEAN_LAMBDA, timeoutSeconds: 900, perItemDurationMs: 1000 },
    });
    const warning = find(warnings, 'Express children close to the 5-minute limit');
    expect(warning.severity).toBe('warning');
    expect(warning.detail).toContain('4 m 10 s'); // 50 ms + 1 s × 250
    expect(warning.detail).toContain('83.4 %');
    expect(warning.detail).toContain('up to 7 s of backoff'); // console-default: 1 + 2 + 4 s at most
  });

  it('warns when Express children time out', async () => {
    const warnings = await warningsFor({
      ...CLEAN,
      executionType: 'EXPRESS',
      itemReader: { source: 'inline', itemCount: 500 },
      itemBatcher: { maxItemsPerBatch: 250 },
      lambda: { ...CLEAN_LAMBDA, timeoutSeconds: 900, perItemDurationMs: 1400 },
    });
    const warning = find(warnings, 'Express children time out');
    expect(warning.detail).toMatch(/Timed-out items per run: P50 500, P90 500 \(first run 500\)/);
  });

  it('leaves Standard children alone however long they run', async () => {
    const warnings = await warningsFor({
      ...CLEAN,
      itemReader: { source: 'inline', itemCount: 500 },
      itemBatcher: { maxItemsPerBatch: 250 },
      lambda: { ...CLEAN_LAMBDA, timeoutSeconds: 900, perItemDurationMs: 1400 },
    });
    expect(titles(warnings).filter((t) => /Express|time out/.test(t))).toEqual([]);
  });

  it('warns when inline results come near or over 256 KiB without a ResultWriter', async () => {
    const { resultWriter: _omit, ...inline } = CLEAN;
    const near = find(
      await warningsFor({ ...inline, itemBatcher: { maxItemsPerBatch: 1 }, itemReader: { source: 'inline', itemCount: 1100 }, maxConcurrency: 200 }),
      'Results close to the 256 KiB inline limit',
    );
    expect(near.detail).toContain('220,000 bytes');
    expect(near.detail).toContain('83.9 %');

    const over = await warningsFor({ ...inline, itemBatcher: { maxItemsPerBatch: 1 }, itemReader: { source: 'inline', itemCount: 1400 }, maxConcurrency: 200 });
    expect(find(over, 'Results exceed the 256 KiB inline limit').detail).toContain('States.DataLimitExceeded');
    expect(titles(over)[0]).toBe('Map Runs fail');

    // The same volume through a ResultWriter is fine.
    const written = await warningsFor({ ...CLEAN, itemBatcher: { maxItemsPerBatch: 1 }, itemReader: { source: 'inline', itemCount: 1400 }, maxConcurrency: 200 });
    expect(titles(written).filter((t) => t.includes('256 KiB'))).toEqual([]);
  });

  it('warns when the Lambda timeout is close to, or below, the invocation P99', async () => {
    const big = { ...CLEAN, itemBatcher: { maxItemsPerBatch: 100 } };
    const close = find(
      await warningsFor({ ...big, lambda: { ...CLEAN_LAMBDA, timeoutSeconds: 3, perItemDurationMs: 25 } }),
      'Lambda timeout close to the invocation P99',
    );
    expect(close.detail).toContain('2.5 s at P99'); // 50 ms + 25 ms × 100
    expect(close.detail).toContain('lambda.timeoutSeconds 3 s');

    const over = await warningsFor({ ...big, lambda: { ...CLEAN_LAMBDA, timeoutSeconds: 3, perItemDurationMs: 40 } });
    expect(find(over, 'Lambda invocations exceed the function timeout').detail).toContain('Lambda.Unknown failure');
  });

  it('warns when runs fail, with how many and the 95 % interval', async () => {
    const warnings = await warningsFor({ ...CLEAN, lambda: { ...CLEAN_LAMBDA, poisonItems: { probability: 0.05 } } }, { runs: 5 });
    const warning = find(warnings, 'Map Runs fail');
    expect(warning.severity).toBe('warning');
    expect(warning.detail).toMatch(/^[1-5] of 5 runs ended FAILED \(\d+ %, 95 % CI/);
    expect(warnings[0]).toBe(warning);
  });

  it('warns about unpriced usage, naming the price keys', async () => {
    // The fixture catalogue has no CloudWatch Logs price.
    const warnings = await warningsFor({ ...CLEAN, lambda: { ...CLEAN_LAMBDA, logBytesPerInvocation: 500 } }, { catalogue: FIXTURE_CATALOGUE });
    const warning = find(warnings, 'Some usage is unpriced');
    expect(warning.detail).toContain('cloudwatchLogs.ingestion');
    expect(warning.detail).toContain('fixture 1');
  });

  it('orders warnings before notes, most severe first, the same way every time', async () => {
    const { toleratedFailurePercentage: _omit, ...input } = unbatched({
      itemReader: { source: 'inline', itemCount: 400 },
      maxConcurrency: 200,
      childWorkflow: { retry: 'none' },
      lambda: { ...CLEAN_LAMBDA, reservedConcurrency: 50, perItemDurationMs: 2000 },
    });
    const first = await warningsFor(input);
    expect(await warningsFor(input)).toEqual(first);
    expect(titles(first)).toEqual([
      'Map Runs fail',
      'Throttled invocations are not retried',
      'Lambda throttles: MaxConcurrency above its concurrency',
      'No failure tolerated',
    ]);
    const severities = first.map((w) => w.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'warning' ? -1 : 1)));
  });
});
