import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEstimate, type Estimate } from '../../src/reconcile/index.js';

const SIMULATE = JSON.parse(readFileSync('test/fixtures/bills/estimate.json', 'utf8')) as Record<string, unknown>;

function estimateOf(document: unknown): Estimate {
  const validation = validateEstimate(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.value;
}

function priceResult(lines: unknown[], options: { freeTier?: boolean; discountPercent?: number } = {}) {
  return {
    format: 'dmap-planner/price',
    formatVersion: 1,
    usageFile: 'usage.yaml',
    region: 'us-east-1',
    catalogue: { name: 'aws-list-prices', version: '2025.11.0', effectiveDate: '2025-11-01' },
    options: { freeTier: options.freeTier ?? false, discountPercent: options.discountPercent ?? 0, priceOverrides: [] },
    lines,
  };
}

const line = (kind: string, priceKey: string | undefined, quantity: string, unit: string, costUsd: string | null) => ({
  kind,
  service: 'x',
  item: 'y',
  ...(priceKey ? { priceKey } : {}),
  quantity,
  unit,
  costUsd,
});

describe('validateEstimate', () => {
  it('reads a `dmap simulate --json` result: its Region, runs a month and lines by price key', () => {
    const estimate = estimateOf(SIMULATE);
    expect(estimate).toMatchObject({ format: 'simulate', name: 'nightly-ingest', region: 'us-east-1', runsPerMonth: 30, freeTier: false, discountPercent: 0 });
    expect(estimate.keys.map((k) => [k.priceKey, k.quantity.toFixed(), k.costUsd?.toFixed()])).toEqual([
      ['stepFunctions.standard.transition', '60150', '1.50375'],
      ['stepFunctions.express.request', '60000', '0.06'],
      ['stepFunctions.express.duration', '12.9166666666666666666666666666666666666666666666666666666667', '0.775000000000000000000000000000000000000000000000000000000002'],
      ['lambda.request', '60330', '0.012066'],
      ['lambda.duration.x86_64', '600', '0.01000002'],
      ['lambda.duration.arm64', '1447200', '19.29609648'],
      ['s3.request.putCopyPostList', '75150', '0.37575'],
      ['s3.request.getSelectOther', '15000000', '6'],
      ['cloudwatchLogs.ingestion', '0.2', '0.1'],
      ['dataTransfer.interRegion', '2', '0.04'],
    ]);
  });

  it('adds tier bands up, puts free-tier credits into the cost and keeps unpriced quantity apart', () => {
    const estimate = estimateOf(
      priceResult(
        [
          line('charge', 'lambda.request', '2000000', 'requests', '0.4'),
          line('freeTier', 'lambda.request', '1000000', 'requests', '-0.2'),
          line('charge', 'stepFunctions.express.duration', '1000', 'GB-hours', '60'),
          line('charge', 'stepFunctions.express.duration', '500', 'GB-hours', '15'),
          line('unpriced', 'bedrock.invokeModel.request', '10', 'requests', null),
          line('discount', undefined, '75.2', 'USD', '-7.52'),
        ],
        { freeTier: true, discountPercent: 10 },
      ),
    );
    expect(estimate.format).toBe('price');
    expect(estimate.runsPerMonth).toBeUndefined();
    expect(estimate.keys.map((k) => [k.priceKey, k.quantity.toFixed(), k.costUsd?.toFixed() ?? null, k.unpricedQuantity.toFixed()])).toEqual([
      ['stepFunctions.express.duration', '1500', '75', '0'],
      ['lambda.request', '2000000', '0.2', '0'],
      ['bedrock.invokeModel.request', '10', null, '10'],
    ]);
    expect(estimate.discountUsd?.toFixed()).toBe('-7.52');
  });

  it('keeps a Compute Savings Plan\'s saving apart from negotiated discounts: its lines name the price key they save on', () => {
    const document = {
      ...priceResult([
        line('charge', 'lambda.duration.arm64', '1000', 'GB-seconds', '0.0133'),
        line('discount', 'lambda.duration.arm64', '800', 'GB-seconds', '-0.0018'),
        line('discount', undefined, '0.0115', 'USD', '-0.00115'),
      ], { discountPercent: 10 }),
    };
    const withPlan = { ...document, options: { ...document.options, savingsPlan: { commitmentUsdPerHour: 0.01, discountPercent: 17, hours: 730 } } };
    const estimate = estimateOf(withPlan);
    expect(estimate.discountUsd?.toFixed()).toBe('-0.00295');
    expect(estimate.savingsPlan?.discountPercent).toBe(17);
    expect(estimate.savingsPlan?.savingUsd.toFixed()).toBe('-0.0018');
    // A document without the plan's options (older) still separates the saving; its rate is unknown.
    expect(estimateOf(document).savingsPlan).toEqual({ savingUsd: expect.anything() });
    // Without Savings Plan lines, none.
    expect(estimateOf(priceResult([line('discount', undefined, '1', 'USD', '-0.1')])).savingsPlan).toBeUndefined();
  });

  it('names what it reads when the file is something else', () => {
    const validation = validateEstimate({ format: 'dmap-planner/sweep' });
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.issues[0]).toMatchObject({ path: ['format'], value: 'dmap-planner/sweep' });
  });

  it('lists the problems of a damaged result', () => {
    const damaged = structuredClone(SIMULATE) as { cost: { runsPerMonth: unknown; lines: Array<Record<string, unknown>> } };
    damaged.cost.runsPerMonth = 0;
    (damaged.cost.lines[0] as Record<string, unknown>).priceKey = 'lambda.requests';
    const validation = validateEstimate(damaged);
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.issues.map((i) => i.path.join('.'))).toEqual(['cost.runsPerMonth', 'cost.lines.0.priceKey']);
  });
});
