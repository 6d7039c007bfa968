import { describe, expect, it } from 'vitest';
import { UserInputError, formatProblem } from '../../src/errors.js';
import { ingestBill, type BillOptions, type CsvRecord } from '../../src/reconcile/index.js';
import { curText, recordsOf } from './records.js';

const FILE = 'bill.csv';

async function ingest(text: string, options: Partial<BillOptions> = {}) {
  return ingestBill(recordsOf(text), { file: FILE, ...options });
}

async function problemsOf(text: string, options: Partial<BillOptions> = {}): Promise<string[]> {
  try {
    await ingest(text, options);
  } catch (error) {
    if (error instanceof UserInputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected a UserInputError');
}

describe('ingestBill, a Cost and Usage Report', () => {
  it('adds up usage rows by product, usage type and Region', async () => {
    const bill = await ingest(
      curText(
        'AWSLambda,USE1-Request-ARM,Usage,30240,0.006048,us-east-1,Requests,USD',
        'AWSLambda,USE1-Request-ARM,Usage,30240,0.006048,us-east-1,Requests,USD',
        'AmazonS3,Requests-Tier2,Usage,1000,0.0004,,Requests,USD',
      ),
    );
    expect(bill.format).toBe('cur2');
    expect(bill.naming).toBe('cur2');
    expect(bill.usage.map((u) => [u.product, u.usageType, u.region, u.quantity?.toFixed(), u.costUsd.toFixed(), u.rows])).toEqual([
      ['AWSLambda', 'USE1-Request-ARM', 'us-east-1', '60480', '0.012096', 2],
      // No Region code and no product_region_code: us-east-1, as AWS's S3 usage reports say.
      ['AmazonS3', 'Requests-Tier2', 'us-east-1', '1000', '0.0004', 1],
    ]);
    expect(bill.rows).toEqual({ read: 3, usage: 3, adjustments: 0, skipped: 0 });
  });

  it('lists credits, tax and Savings Plan rows apart and skips other services, counting them', async () => {
    const bill = await ingest(
      curText(
        'AWSLambda,USE1-Lambda-GB-Second,Usage,100,0.00166667,us-east-1,Lambda-GB-Second,USD',
        'AWSLambda,USE1-Lambda-GB-Second,SavingsPlanCoveredUsage,50,0.000833335,us-east-1,Lambda-GB-Second,USD',
        'AWSLambda,USE1-Lambda-GB-Second,SavingsPlanNegation,0,-0.000833335,us-east-1,Lambda-GB-Second,USD',
        'AWSLambda,,Credit,,-5,,,USD',
        'AWSLambda,,Tax,,1.5,,,USD',
        ',,Tax,,0.25,,,USD',
        'AmazonEC2,BoxUsage:t3.micro,Usage,720,7.488,us-east-1,Hrs,USD',
        'AmazonEC2,,Tax,,0.75,,,USD',
      ),
    );
    expect(bill.usage.map((u) => [u.usageType, u.quantity?.toFixed()])).toEqual([['USE1-Lambda-GB-Second', '100']]);
    expect(bill.adjustments.map((a) => [a.lineItemType, a.product, a.costUsd.toFixed(), a.rows])).toEqual([
      ['Credit', 'AWSLambda', '-5', 1],
      ['SavingsPlanCoveredUsage', 'AWSLambda', '0.000833335', 1],
      ['SavingsPlanNegation', 'AWSLambda', '-0.000833335', 1],
      ['Tax', '', '0.25', 1],
      ['Tax', 'AWSLambda', '1.5', 1],
    ]);
    expect(bill.skipped.map((s) => [s.reason, s.key, s.rows, s.costUsd.toFixed()])).toEqual([['otherProduct', 'AmazonEC2', 2, '8.238']]);
    expect(bill.rows).toEqual({ read: 8, usage: 1, adjustments: 5, skipped: 2 });
  });

  it('compares covered usage as usage with --include-covered, the negation still apart', async () => {
    const bill = await ingest(
      curText(
        'AWSLambda,USE1-Lambda-GB-Second,Usage,100,0.00166667,us-east-1,Lambda-GB-Second,USD',
        'AWSLambda,USE1-Lambda-GB-Second,SavingsPlanCoveredUsage,50,0.000833335,us-east-1,Lambda-GB-Second,USD',
        'AWSLambda,USE1-Lambda-GB-Second,SavingsPlanNegation,0,-0.000833335,us-east-1,Lambda-GB-Second,USD',
      ),
      { includeCovered: true },
    );
    expect(bill.usage.map((u) => [u.quantity?.toFixed(), u.costUsd.toFixed()])).toEqual([['150', '0.002500005']]);
    expect(bill.adjustments.map((a) => a.lineItemType)).toEqual(['SavingsPlanNegation']);
  });

  it('keeps one Region and some products when asked, counting the rest', async () => {
    const text = curText(
      'AWSLambda,USE1-Request,Usage,10,0.000002,us-east-1,Requests,USD',
      'AWSLambda,USW2-Request,Usage,10,0.000002,,Requests,USD',
      'AmazonS3,Requests-Tier1,Usage,10,0.00005,us-east-1,Requests,USD',
    );
    const bill = await ingest(text, { region: 'us-east-1', products: ['AWSLambda'] });
    expect(bill.usage.map((u) => u.usageType)).toEqual(['USE1-Request']);
    expect(bill.skipped.map((s) => [s.reason, s.key, s.rows])).toEqual([
      ['otherRegion', 'us-west-2', 1],
      ['productFilter', 'AmazonS3', 1],
    ]);
    expect(bill.filters).toEqual({ region: 'us-east-1', products: ['AWSLambda'], includeCovered: false });
  });

  it('reads legacy CUR column names', async () => {
    const text = ['lineItem/ProductCode,lineItem/UsageType,lineItem/LineItemType,lineItem/UsageAmount,lineItem/UnblendedCost', 'AmazonStates,USE1-StateTransition,Usage,4000,0.1'].join('\n');
    const bill = await ingest(text);
    expect(bill.naming).toBe('legacy');
    expect(bill.usage.map((u) => [u.usageType, u.region, u.costUsd.toFixed()])).toEqual([['USE1-StateTransition', 'us-east-1', '0.1']]);
  });

  it('stops at a malformed amount, naming the file, line and column', async () => {
    const text = curText('AWSLambda,USE1-Request,Usage,10,0.000002,us-east-1,Requests,USD', 'AWSLambda,USE1-Request,Usage,ten,0.000002,us-east-1,Requests,USD');
    expect(await problemsOf(text)).toEqual(['bill.csv:3: line_item_usage_amount: must be a number (got "ten")']);
  });

  it('stops at an empty cost of a usage row', async () => {
    expect(await problemsOf(curText('AWSLambda,USE1-Request,Usage,10,,us-east-1,Requests,USD'))).toEqual(['bill.csv:2: line_item_unblended_cost: is empty; a number is required (got "")']);
  });

  it('stops at a row with the wrong number of fields', async () => {
    expect(await problemsOf(curText('AWSLambda,USE1-Request,Usage,10'))).toEqual(['bill.csv:2: has 4 fields; the header (line 1) has 8']);
  });

  it('stops at a bill in another currency', async () => {
    expect(await problemsOf(curText('AWSLambda,USE1-Request,Usage,10,0.000002,us-east-1,Requests,EUR'))).toEqual([
      'bill.csv:2: line_item_currency_code: the estimate is in USD; a bill in another currency cannot be compared (got "EUR")',
    ]);
  });

  it('lists every required column the header lacks', async () => {
    const text = ['line_item_product_code,line_item_usage_type,line_item_line_item_type', 'AWSLambda,USE1-Request,Usage'].join('\n');
    expect(await problemsOf(text)).toEqual([
      'bill.csv:1: line_item_usage_amount: required column missing from the header (legacy CUR: lineItem/UsageAmount)',
      'bill.csv:1: line_item_unblended_cost: required column missing from the header (legacy CUR: lineItem/UnblendedCost)',
    ]);
  });

  it('says when a file is neither format', async () => {
    const [problem] = await problemsOf('date,amount\n2025-10-01,3');
    expect(problem).toMatch(/^bill\.csv:1: not a bill reconcile can read/);
  });

  it('adds up a long bill one row at a time, keeping only the totals', async () => {
    const rows = 200_000;
    async function* bill(): AsyncGenerator<CsvRecord> {
      yield { fields: ['line_item_product_code', 'line_item_usage_type', 'line_item_line_item_type', 'line_item_usage_amount', 'line_item_unblended_cost'], line: 1 };
      for (let i = 0; i < rows; i++) {
        yield { fields: i % 2 === 0 ? ['AWSLambda', 'USE1-Request', 'Usage', '5', '0.000001'] : ['AmazonEC2', 'BoxUsage:t3.micro', 'Usage', '1', '0.0104'], line: i + 2 };
      }
    }
    const summary = await ingestBill(bill(), { file: FILE });
    expect(summary.usage).toHaveLength(1);
    expect(summary.usage[0]?.quantity?.toFixed()).toBe(String((rows / 2) * 5));
    expect(summary.usage[0]?.costUsd.toFixed()).toBe('0.1');
    expect(summary.skipped).toHaveLength(1);
    expect(summary.rows.read).toBe(rows);
  });
});

describe('ingestBill, a Cost Explorer export', () => {
  const HEADER = 'Usage type,USE1-StateTransition($),Requests-Tier2($),BoxUsage:t3.micro($),Tax($),Total costs($)';

  it('takes the "Usage type total" row, not the date rows as well', async () => {
    const bill = await ingest([HEADER, 'Usage type total,1.5,6,7.49,2,16.99', '2025-10-01,0.75,3,3.7,1,8.45', '2025-10-02,0.75,3,3.79,1,8.54'].join('\n'));
    expect(bill.format).toBe('cost-explorer');
    expect(bill.costsOnly).toBe(true);
    expect(bill.usage.map((u) => [u.usageType, u.region, u.quantity, u.costUsd.toFixed()])).toEqual([
      ['Requests-Tier2', 'us-east-1', undefined, '6'],
      ['USE1-StateTransition', 'us-east-1', undefined, '1.5'],
    ]);
    expect(bill.adjustments.map((a) => [a.lineItemType, a.costUsd.toFixed()])).toEqual([['Tax', '2']]);
    expect(bill.skipped.map((s) => [s.reason, s.key, s.costUsd.toFixed()])).toEqual([['unpricedUsageType', 'BoxUsage:t3.micro', '7.49']]);
    expect(bill.period).toEqual({ start: '2025-10-01', end: '2025-10-02', billingPeriods: [] });
  });

  it('adds the date rows up when there is no total row', async () => {
    const bill = await ingest([HEADER, '2025-10-01,0.75,3,3.7,1,8.45', '2025-10-02,"1,000.25",,3.79,1,8.54'].join('\n'));
    expect(bill.usage.map((u) => [u.usageType, u.costUsd.toFixed()])).toEqual([
      ['Requests-Tier2', '3'],
      ['USE1-StateTransition', '1001'],
    ]);
  });

  it('stops at a cell that is not a number, naming its column', async () => {
    expect(await problemsOf([HEADER, '2025-10-01,0.75,n/a,3.7,1,8.45'].join('\n'))).toEqual(['bill.csv:2: Requests-Tier2($): must be a number (got "n/a")']);
  });

  it('asks for a cost metric when the export shows usage quantities', async () => {
    const problems = await problemsOf(['Usage type,USE1-StateTransition(StateTransitions),Total usage(StateTransitions)', '2025-10-01,60000,60000'].join('\n'));
    expect(problems).toEqual(['bill.csv:1: column 2: shows StateTransitions, not costs: export the report with a cost metric (columns end in "($)") (got "USE1-StateTransition(StateTransitions)")']);
  });

  it('wants a usage-type grouping when forced to read one', async () => {
    const problems = await problemsOf(['Service,AWS Lambda($)', '2025-10-01,1'].join('\n'), { format: 'cost-explorer' });
    expect(problems[0]).toMatch(/^bill\.csv:1: column 1: a Cost Explorer export grouped by usage type starts with a "Usage type" column/);
  });

  it('refuses --product, which needs a product column', async () => {
    expect(await problemsOf([HEADER, '2025-10-01,0.75,3,3.7,1,8.45'].join('\n'), { products: ['AWSLambda'] })).toEqual([
      '--product: needs a Cost and Usage Report: a Cost Explorer export names no product',
    ]);
  });
});
