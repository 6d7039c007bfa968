/**
 * The fixture bills of test/fixtures/bills/ (written from AWS's documented CUR 2.0 columns
 * and the Cost Explorer export layout) against the fixture estimate: the variance table to
 * the cent.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/cli/read-csv-records.js';
import { UserInputError } from '../../src/errors.js';
import { ingestBill, reconcile, validateEstimate, type BillOptions, type Estimate, type Reconciliation } from '../../src/reconcile/index.js';
import { recordsOf } from './records.js';

const CUR = 'test/fixtures/bills/cur2-2025-10.csv';
const COST_EXPLORER = 'test/fixtures/bills/cost-explorer-2025-10.csv';

function fixtureEstimate(): Estimate {
  const validation = validateEstimate(JSON.parse(readFileSync('test/fixtures/bills/estimate.json', 'utf8')));
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.value;
}

async function reconcileFile(file: string, options: Partial<BillOptions> = {}, runs?: number): Promise<Reconciliation> {
  const bill = await ingestBill(readCsvRecords(file), { file, ...options });
  return reconcile(fixtureEstimate(), bill, runs === undefined ? {} : { runs });
}

/** line → [estimate $, billed $, difference $, difference %] */
function table(r: Reconciliation): Array<[string, string | null, string, string | null, string | null]> {
  return r.lines.map((l) => [l.priceKey, l.estimate.costUsdCents, l.billed.costUsdCents, l.difference.costUsdCents, l.difference.percent]);
}

describe('reconcile, the CUR 2.0 fixture', () => {
  it('gives the expected variance table, to the cent', async () => {
    const r = await reconcileFile(CUR);
    expect(table(r)).toEqual([
      ['stepFunctions.standard.transition', '1.50', '1.51', '0.01', '0.10'],
      ['stepFunctions.express.request', '0.06', '0.06', '0.00', '0.00'],
      ['stepFunctions.express.duration', '0.78', '0.79', '0.01', '1.63'],
      ['lambda.request', '0.01', '0.01', '0.00', '0.30'],
      ['lambda.duration.x86_64', '0.01', '0.01', '0.00', '2.08'],
      ['lambda.duration.arm64', '19.30', '19.87', '0.57', '3.00'],
      ['s3.request.putCopyPostList', '0.38', '0.38', '0.00', '0.20'],
      ['s3.request.getSelectOther', '6.00', '6.00', '0.00', '0.00'],
      ['cloudwatchLogs.ingestion', '0.10', '0.13', '0.03', '25.00'],
    ]);
    expect(r.totals.compared).toEqual({
      estimate: { costUsd: '28.1326625', costUsdCents: '28.14' },
      billed: { costUsd: '28.75169722815', costUsdCents: '28.76' },
      difference: { costUsd: '0.61903472815', costUsdCents: '0.62' },
      percent: '2.20',
    });
    expect(r.totals.usage.estimate.costUsdCents).toBe('28.18');
    expect(r.totals.usage.billed.costUsdCents).toBe('29.07');
    expect(r.totals.usage.difference.costUsdCents).toBe('0.89');
    expect(r.totals.adjustments.costUsdCents).toBe('-2.88');
    expect(r.totals.billed.costUsdCents).toBe('26.19');
  });

  it('meets bill usage types and estimate lines by service and usage type, converting units', async () => {
    const r = await reconcileFile(CUR);
    const byKey = new Map(r.lines.map((l) => [l.priceKey, l]));
    expect(byKey.get('lambda.request')).toMatchObject({ usageTypes: ['USE1-Request', 'USE1-Request-ARM'], estimate: { quantity: '60330' }, billed: { quantity: '60510', rows: 3 } });
    // 47,250 GB-seconds on the bill are 13.125 of the estimate's GB-hours.
    expect(byKey.get('stepFunctions.express.duration')).toMatchObject({ usageTypes: ['USE1-StepFunctions-GB-Second'], unit: 'GB-hours', billed: { quantity: '13.125' } });
    expect(byKey.get('s3.request.putCopyPostList')).toMatchObject({ usageTypes: ['Requests-Tier1'], confidence: 'H' });
    expect(byKey.get('lambda.duration.arm64')?.difference).toMatchObject({ quantity: '43416', quantityPercent: '3.00' });
  });

  it('lists what only the bill has, and what only the estimate has', async () => {
    const r = await reconcileFile(CUR);
    expect(r.billOnly.map((l) => [l.product, l.usageTypes.join(), l.region, l.reason, l.priceKey ?? null, l.quantity, l.unit, l.costUsdCents])).toEqual([
      ['AWSLambda', 'USW2-Lambda-GB-Second', 'us-west-2', 'priced', 'lambda.duration.x86_64', '1200', 'GB-seconds', '0.02'],
      ['AmazonS3', 'TimedStorage-ByteHrs', 'us-east-1', 'notPriced', null, '12.5', 'GB-Mo', '0.29'],
    ]);
    expect(r.estimateOnly.map((l) => [l.priceKey, l.region, l.quantity, l.costUsdCents])).toEqual([['dataTransfer.interRegion', 'us-east-1', '2', '0.04']]);
  });

  it('keeps credits and tax out of the lines, and skips Amazon EC2, counting it', async () => {
    const r = await reconcileFile(CUR);
    expect(r.adjustments.map((a) => [a.lineItemType, a.product, a.costUsdCents, a.rows])).toEqual([
      ['Credit', 'AWSLambda', '-5.00', 1],
      ['Tax', 'AWSLambda', '1.59', 1],
      ['Tax', 'AmazonS3', '0.53', 1],
    ]);
    expect(r.bill.skipped).toEqual([{ reason: 'otherProduct', key: 'AmazonEC2', rows: 3, costUsd: '8.238' }]);
    expect(r.bill.rows).toEqual({ read: 21, usage: 15, adjustments: 3, skipped: 3 });
    expect(r.bill.period).toEqual({ start: '2025-10-01T00:00:00.000Z', end: '2025-11-01T00:00:00.000Z', billingPeriods: ['2025-10-01T00:00:00.000Z'] });
  });

  it('says which runs the estimate stands for: the result\'s runsPerMonth by default', async () => {
    const r = await reconcileFile(CUR);
    expect(r.estimate).toMatchObject({ runsPerMonth: 30, runs: 30, runsSource: 'runsPerMonth', scale: '1' });
    expect(r.notes).toEqual([]);
  });

  it('scales the estimate to --runs, and says that tiers were applied to the result\'s month', async () => {
    const r = await reconcileFile(CUR, { region: 'us-east-1' }, 31);
    expect(r.estimate).toMatchObject({ runs: 31, runsSource: 'flag' });
    expect(r.lines.find((l) => l.priceKey === 'lambda.duration.arm64')).toMatchObject({
      estimate: { quantity: '1495440', costUsdCents: '19.94' },
      billed: { costUsdCents: '19.87' },
      difference: { costUsdCents: '-0.07', percent: '-0.32' },
    });
    expect(r.notes[0]).toMatch(/^The estimate's lines are the month of 30 Map Runs, scaled linearly to 31/);
    expect(r.billOnly.map((l) => l.usageTypes.join())).toEqual(['TimedStorage-ByteHrs']);
    expect(r.bill.skipped.map((s) => [s.reason, s.key])).toEqual([
      ['otherProduct', 'AmazonEC2'],
      ['otherRegion', 'us-west-2'],
    ]);
  });

  it('keeps only the products asked for', async () => {
    const r = await reconcileFile(CUR, { products: ['AWSLambda', 'AmazonStates'] });
    expect(r.lines.map((l) => l.priceKey)).toEqual(['stepFunctions.standard.transition', 'stepFunctions.express.request', 'stepFunctions.express.duration', 'lambda.request', 'lambda.duration.x86_64', 'lambda.duration.arm64']);
    expect(r.estimateOnly.map((l) => l.priceKey)).toEqual(['s3.request.putCopyPostList', 's3.request.getSelectOther', 'cloudwatchLogs.ingestion', 'dataTransfer.interRegion']);
  });
});

describe('reconcile, the Cost Explorer fixture', () => {
  it('gives the same costs to the cent, without quantities', async () => {
    const r = await reconcileFile(COST_EXPLORER);
    expect(table(r)).toEqual([
      ['stepFunctions.standard.transition', '1.50', '1.51', '0.01', '0.10'],
      ['stepFunctions.express.request', '0.06', '0.06', '0.00', '0.00'],
      ['stepFunctions.express.duration', '0.78', '0.79', '0.01', '1.63'],
      ['lambda.request', '0.01', '0.01', '0.00', '0.30'],
      ['lambda.duration.x86_64', '0.01', '0.01', '0.00', '2.08'],
      ['lambda.duration.arm64', '19.30', '19.87', '0.57', '3.00'],
      ['s3.request.putCopyPostList', '0.38', '0.38', '0.00', '0.20'],
      ['s3.request.getSelectOther', '6.00', '6.00', '0.00', '0.00'],
      ['cloudwatchLogs.ingestion', '0.10', '0.13', '0.03', '25.00'],
    ]);
    expect(r.lines.every((l) => l.billed.quantity === null && l.difference.quantity === null)).toBe(true);
    expect(r.totals.compared.billed.costUsdCents).toBe('28.76');
    expect(r.notes[0]).toMatch(/^A Cost Explorer export has costs only/);
  });

  it('attributes a usage type several services share to the one the estimate has, marked [L]', async () => {
    const r = await reconcileFile(COST_EXPLORER);
    expect(r.lines.find((l) => l.priceKey === 's3.request.putCopyPostList')).toMatchObject({ usageTypes: ['Requests-Tier1'], confidence: 'L' });
  });

  it('lists a shared usage type as ambiguous when the estimate has none or several of its services', async () => {
    const estimate = fixtureEstimate();
    estimate.keys = estimate.keys.filter((k) => k.priceKey !== 's3.request.putCopyPostList');
    const bill = await ingestBill(recordsOf('Usage type,Requests-Tier1($)\nUsage type total,0.38'), { file: 'ce.csv' });
    const r = reconcile(estimate, bill);
    expect(r.billOnly).toEqual([
      expect.objectContaining({ usageTypes: ['Requests-Tier1'], reason: 'ambiguous', candidates: ['s3.request.putCopyPostList', 'sqs.request.standard', 'sns.request.publish'], costUsdCents: '0.38' }),
    ]);
  });
});

describe('reconcile, a `dmap price --json` estimate', () => {
  const priceEstimate = () => {
    const simulate = JSON.parse(readFileSync('test/fixtures/bills/estimate.json', 'utf8')) as { cost: { lines: unknown[] } };
    const validation = validateEstimate({
      format: 'dmap-planner/price',
      formatVersion: 1,
      usageFile: 'test/fixtures/bills/estimate-usage.yaml',
      region: 'us-east-1',
      catalogue: { name: 'aws-list-prices', version: '2025.11.0', effectiveDate: '2025-11-01' },
      options: { freeTier: false, discountPercent: 10, priceOverrides: [] },
      lines: [...simulate.cost.lines, { kind: 'discount', service: 'Discount', item: 'Negotiated discount (10 %)', quantity: '28.1726625', unit: 'USD', costUsd: '-2.81726625' }],
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    return validation.value;
  };

  it('is the usage document\'s month, with its discount beside the totals', async () => {
    const bill = await ingestBill(readCsvRecords(CUR), { file: CUR });
    const r = reconcile(priceEstimate(), bill);
    expect(r.estimate).toMatchObject({ format: 'price', runsSource: 'month', scale: '1' });
    expect(r.estimate.runs).toBeUndefined();
    expect(r.totals.compared.estimate.costUsdCents).toBe('28.14');
    expect(r.totals.estimateDiscount).toEqual({ costUsd: '-2.81726625', costUsdCents: '-2.82' });
  });

  it('refuses --runs', async () => {
    const bill = await ingestBill(readCsvRecords(CUR), { file: CUR });
    expect(() => reconcile(priceEstimate(), bill, { runs: 3 })).toThrow(UserInputError);
  });
});
