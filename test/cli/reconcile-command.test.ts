/**
 * `dmap reconcile`, run as a user runs it: the built CLI on the fixture estimate and bills
 * of test/fixtures/bills/, and on broken bills written to a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

const ESTIMATE = 'test/fixtures/bills/estimate.json';
const CUR = 'test/fixtures/bills/cur2-2025-10.csv';
const COST_EXPLORER = 'test/fixtures/bills/cost-explorer-2025-10.csv';
const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-reconcile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reconcileRun(...args: string[]) {
  const run = runDmap('reconcile', ...args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('dmap reconcile', () => {
  it('prints the variance table of the CUR 2.0 fixture, to the cent', () => {
    const out = reconcileRun(ESTIMATE, '--bill', CUR);
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Line '));
    expect(lines.slice(start, start + 22)).toEqual([
      'Line                                                         Estimate  Billed  Difference  Difference %',
      '───────────────────────────────────────────────────────────  ────────  ──────  ──────────  ────────────',
      'AWS Step Functions: State transitions (Standard workflows)      $1.50   $1.51      +$0.01        +0.1 %',
      '  USE1-StateTransition [M]: 60,150 → 60,210 state transitions (+0.1 %)',
      'AWS Step Functions: Requests (Express workflows)                $0.06   $0.06       $0.00         0.0 %',
      '  USE1-StepFunctions-Request [M]: 60,000 → 60,000 requests (0.0 %)',
      'AWS Step Functions: Duration (Express workflows)                $0.78   $0.79      +$0.01        +1.6 %',
      '  USE1-StepFunctions-GB-Second [M]: ≈ 12.916667 → 13.125 GB-hours (+1.6 %)',
      'AWS Lambda: Requests                                            $0.01   $0.01       $0.00        +0.3 %',
      '  USE1-Request, USE1-Request-ARM [M]: 60,330 → 60,510 requests (+0.3 %)',
      'AWS Lambda: Duration (x86)                                      $0.01   $0.01       $0.00        +2.1 %',
      '  USE1-Lambda-GB-Second [M]: 600 → 612.5 GB-seconds (+2.1 %)',
      'AWS Lambda: Duration (Arm)                                     $19.30  $19.87      +$0.57        +3.0 %',
      '  USE1-Lambda-GB-Second-ARM [M]: 1,447,200 → 1,490,616 GB-seconds (+3.0 %)',
      'Amazon S3: PUT, COPY, POST, LIST requests (S3 Standard)         $0.38   $0.38       $0.00        +0.2 %',
      '  Requests-Tier1 [H]: 75,150 → 75,300 requests (+0.2 %)',
      'Amazon S3: GET, SELECT and all other requests (S3 Standard)     $6.00   $6.00       $0.00         0.0 %',
      '  Requests-Tier2 [H]: 15,000,000 → 15,000,000 requests (0.0 %)',
      'Amazon CloudWatch: Logs ingestion                               $0.10   $0.13      +$0.03       +25.0 %',
      '  USE1-DataProcessing-Bytes [M]: 0.2 → 0.25 GB (+25.0 %)',
      '───────────────────────────────────────────────────────────  ────────  ──────  ──────────  ────────────',
      'Lines on both                                                  $28.14  $28.76      +$0.62        +2.2 %',
    ]);
    expect(out).toContain(
      [
        'On the bill, not in the estimate:',
        '  AWS Lambda USW2-Lambda-GB-Second (AWSLambda, us-west-2): 1,200 GB-seconds, $0.02; priced by dmap as lambda.duration.x86_64; the estimate is for us-east-1',
        '  Amazon S3 TimedStorage-ByteHrs (AmazonS3, us-east-1): 12.5 GB-Mo, $0.29; a usage type dmap does not price',
        'In the estimate, not on the bill:',
        '  AWS Data Transfer: Data transfer out to another Region (us-east-1): 2 GB, $0.04',
      ].join('\n'),
    );
    expect(out).toContain('  All usage               $28.18  $29.07      +$0.89  (+3.1 %)');
    expect(out).toContain('  Credit  AWS Lambda (AWSLambda)  1 row  −$5.00');
    expect(out).toContain('Skipped: 3 rows of services dmap does not price (AmazonEC2 3 rows, $8.24).');
    expect(out).toContain("Estimate  nightly-ingest: us-east-1, 30 Map Runs (the result's runsPerMonth)");
  });

  it('prints byte-identical output for the same input, in every format', () => {
    for (const format of [[], ['--json'], ['--csv'], ['--markdown']]) {
      const a = reconcileRun(ESTIMATE, '--bill', CUR, ...format);
      const b = reconcileRun(ESTIMATE, '--bill', CUR, ...format);
      expect(a).toBe(b);
    }
  });

  it('reads a gzip-compressed CUR as AWS Data Exports delivers it', () => {
    const gz = join(dir, 'cur.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(CUR)));
    const plain = JSON.parse(reconcileRun(ESTIMATE, '--bill', CUR, '--json')) as { lines: unknown; totals: unknown };
    const compressed = JSON.parse(reconcileRun(ESTIMATE, '--bill', gz, '--json')) as { lines: unknown; totals: unknown };
    expect(compressed.lines).toEqual(plain.lines);
    expect(compressed.totals).toEqual(plain.totals);
  });

  it('reads a bill saved with a byte order mark and CRLF line ends', () => {
    const windows = join(dir, 'windows.csv');
    writeFileSync(windows, `\uFEFF${readFileSync(CUR, 'utf8').replace(/\n/g, '\r\n')}`);
    const plain = JSON.parse(reconcileRun(ESTIMATE, '--bill', CUR, '--json')) as { lines: unknown; totals: unknown };
    const crlf = JSON.parse(reconcileRun(ESTIMATE, '--bill', windows, '--json')) as { lines: unknown; totals: unknown };
    expect(crlf.lines).toEqual(plain.lines);
    expect(crlf.totals).toEqual(plain.totals);
  });

  it('detects a Cost Explorer export from its header', () => {
    const out = JSON.parse(reconcileRun(ESTIMATE, '--bill', COST_EXPLORER, '--json')) as { bill: { format: string }; totals: { compared: { billed: { costUsdCents: string } } } };
    expect(out.bill.format).toBe('cost-explorer');
    expect(out.totals.compared.billed.costUsdCents).toBe('28.76');
  });

  it('prints versioned JSON, CSV and Markdown', () => {
    const json = JSON.parse(reconcileRun(ESTIMATE, '--bill', CUR, '--json')) as { format: string; formatVersion: number; estimateFile: string };
    expect(json).toMatchObject({ format: 'dmap-planner/reconcile', formatVersion: 1, estimateFile: ESTIMATE });

    const records = parse(reconcileRun(ESTIMATE, '--bill', CUR, '--csv'), { columns: true }) as Array<Record<string, string>>;
    expect(records.filter((r) => r.kind === 'line')).toHaveLength(9);
    expect(records.find((r) => r.price_key === 'lambda.duration.arm64')).toMatchObject({ estimate_usd_cents: '19.30', billed_usd_cents: '19.87', difference_usd_cents: '0.57', difference_percent: '3.00' });
    expect(records.find((r) => r.kind === 'total' && r.item === 'All usage')).toMatchObject({ estimate_usd_cents: '28.18', billed_usd_cents: '29.07' });

    const markdown = reconcileRun(ESTIMATE, '--bill', CUR, '--markdown');
    expect(markdown).toContain('| Line | Usage types | Estimated quantity | Billed quantity | Estimate | Billed | Difference | Difference % |');
    expect(markdown).toContain('### On the bill, not in the estimate');
  });

  it('scales the estimate to --runs and says so', () => {
    const out = reconcileRun(ESTIMATE, '--bill', CUR, '--runs', '31');
    expect(out).toContain('31 Map Runs (--runs; the result is priced for 30 a month)');
    expect(out).toContain('scaled linearly to 31');
  });

  it('stops at a malformed row, naming the file and line, exit 2', () => {
    const bad = join(dir, 'bad-amount.csv');
    writeFileSync(bad, readFileSync(CUR, 'utf8').replace(',75300,USD,', ',75k,USD,'));
    const run = runDmap('reconcile', ESTIMATE, '--bill', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error:\n  ${bad}:13: line_item_usage_amount: must be a number (got "75k")\n`);
    expect(run.stdout).toBe('');
  });

  it('stops at a row with a field too few', () => {
    const bad = join(dir, 'short.csv');
    const lines = readFileSync(CUR, 'utf8').split('\n');
    lines[4] = (lines[4] as string).replace(/,OnDemand$/, '');
    writeFileSync(bad, lines.join('\n'));
    const run = runDmap('reconcile', ESTIMATE, '--bill', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad}:5: has 27 fields; the header (line 1) has 28`);
  });

  it('lists the required columns a header lacks', () => {
    const bad = join(dir, 'no-cost.csv');
    const text = readFileSync(CUR, 'utf8');
    const [header, ...rows] = text.split('\n');
    const columns = (header as string).split(',');
    const drop = columns.indexOf('line_item_unblended_cost');
    const without = (line: string) => line.split(',').filter((_, i) => i !== drop).join(',');
    writeFileSync(bad, [without(header as string), ...rows.slice(0, 2).map(without)].join('\n'));
    const run = runDmap('reconcile', ESTIMATE, '--bill', bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`error:\n  ${bad}:1: line_item_unblended_cost: required column missing from the header (legacy CUR: lineItem/UnblendedCost)\n`);
  });

  it('reports a broken CSV and a missing bill without a stack trace', () => {
    const broken = join(dir, 'quote.csv');
    writeFileSync(broken, `${readFileSync(CUR, 'utf8')}fixture-099,"unclosed\n`);
    const run = runDmap('reconcile', ESTIMATE, '--bill', broken);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${broken}:23: not valid CSV: Quote Not Closed`);
    expect(run.stderr).not.toMatch(STACK_FRAME);

    const missing = runDmap('reconcile', ESTIMATE, '--bill', join(dir, 'nope.csv'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read the bill: file not found');
  });

  it('refuses an estimate that is not a result, and --runs on a `dmap price` estimate', () => {
    const usage = runDmap('reconcile', 'test/fixtures/bills/estimate-usage.yaml', '--bill', CUR);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('format: must be "dmap-planner/simulate"');

    const price = join(dir, 'price.json');
    const priced = runDmap('price', 'test/fixtures/bills/estimate-usage.yaml', '--json');
    writeFileSync(price, priced.stdout);
    const run = runDmap('reconcile', price, '--bill', CUR, '--runs', '2');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--runs: applies to a `dmap simulate --json` result");
    expect(reconcileRun(price, '--bill', CUR)).toContain("the usage document's month");
  });

  it('checks its flags', () => {
    expect(runDmap('reconcile', ESTIMATE, '--bill', CUR, '--format', 'xlsx').stderr).toContain('--format: must be one of cur2, cost-explorer');
    expect(runDmap('reconcile', ESTIMATE, '--bill', CUR, '--product', 'AmazonEC2').status).toBe(2);
    expect(runDmap('reconcile', ESTIMATE, '--bill', CUR, '--region', 'virginia').status).toBe(2);
    expect(runDmap('reconcile', ESTIMATE, '--bill', CUR, '--json', '--csv').stderr).toContain('give at most one output format');
    expect(runDmap('reconcile', ESTIMATE).status).toBe(2);
  });

  it('labels the estimate\'s discount total as what it holds: a Savings Plan\'s saving, a negotiated discount, or both', () => {
    // The fixture's usage priced with a Compute Savings Plan, alone and with a negotiated discount.
    const usage = 'test/fixtures/bills/estimate-usage.yaml';
    const plan = ['--savings-plan-commitment', '0.01', '--savings-plan-rate', '17'];
    const estimate = (name: string, ...flags: string[]) => {
      const file = join(dir, name);
      const run = runDmap('price', usage, '--json', ...flags);
      expect(run.status, run.stderr).toBe(0);
      writeFileSync(file, run.stdout);
      return file;
    };
    const planOnly = estimate('plan.json', ...plan);
    const text = reconcileRun(planOnly, '--bill', CUR);
    expect(text).toMatch(/^ {2}Estimate's Compute Savings Plan saving \(17 % off Lambda duration\); the bill's Savings Plan rows are adjustments +−\$1\.50$/m);
    expect(text).not.toMatch(/Estimate's discount/);
    expect(text).toMatch(/^Estimate {2}.*, a Compute Savings Plan at 17 %$/m);
    expect(reconcileRun(planOnly, '--bill', CUR, '--markdown')).toContain("| Estimate's Compute Savings Plan saving (17 % off Lambda duration) | −\\$1.50 | | |");
    const rows = parse(reconcileRun(planOnly, '--bill', CUR, '--csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r['item']?.startsWith('Estimate'))?.['item']).toBe("Estimate's Compute Savings Plan saving");
    const json = JSON.parse(reconcileRun(planOnly, '--bill', CUR, '--json'));
    expect(json.estimate.savingsPlan).toEqual({ discountPercent: 17 });
    expect(json.totals.estimateSavingsPlan).toEqual(json.totals.estimateDiscount);

    const both = reconcileRun(estimate('both.json', ...plan, '--discount', '10'), '--bill', CUR);
    expect(both).toMatch(/^ {2}Estimate's discount \(10 %\) and Compute Savings Plan saving \(17 % off Lambda duration\); the bill's discounts and Savings Plan rows are adjustments +−\$[\d.]+$/m);
    const byService = reconcileRun(estimate('by-service.json', '--discount', 'lambda=12'), '--bill', CUR);
    expect(byService).toMatch(/^ {2}Estimate's discount \(lambda 12 %; the bill's discounts are adjustments\) +−\$[\d.]+$/m);
  });

  it('is shown as it prints in docs/pricing.md', () => {
    expect(readFileSync('docs/pricing.md', 'utf8')).toContain(`\`\`\`text\n${reconcileRun(ESTIMATE, '--bill', CUR)}\`\`\``);
  });

  it('shows examples in --help', () => {
    const run = runDmap('reconcile', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ dmap reconcile /);
  });
});
