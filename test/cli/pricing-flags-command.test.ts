/**
 * The shared pricing flags (src/cli/pricing-flags.ts) through the built CLI: every command
 * that prices takes them, sweep and compare apply them, --strict-prices fails on unpriced
 * usage, a display currency shows beside every amount, and the free-tier credit reads the
 * same in simulate and price (issue 15).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

const SMALL = 'scenarios/small-inline.yaml';
/** Each test spawns the CLI several times; on a loaded 2-core machine that can take over the default 30 s. */
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'dmap-pricing-flags-'));

/** A small run that lists an S3 prefix (so it bills S3 LIST requests). */
const S3_SCENARIO = join(dir, 's3.yaml');
writeFileSync(
  S3_SCENARIO,
  'name: s3-small\nitemReader: { source: s3ListObjectsV2, objectCount: 2000, pageSize: 1000 }\nitemBatcher: { maxItemsPerBatch: 250 }\nmaxConcurrency: 10\nexecutionType: EXPRESS\nlambda: { invocationOverheadMs: 50, perItemDurationMs: 5 }\n',
);
/** The shipped catalogue without S3 PUT/LIST prices in us-east-1, whatever else it has. */
const NO_S3_LIST = join(dir, 'no-s3-list.json');
const shipped = JSON.parse(readFileSync('src/pricing/catalogues/aws-list-prices.json', 'utf8'));
delete shipped.regions['us-east-1'].prices['s3.request.putCopyPostList'];
writeFileSync(NO_S3_LIST, JSON.stringify(shipped));

describe('the pricing flags', () => {
  it('are offered by every command that prices, from one definition', () => {
    for (const command of ['simulate', 'sweep', 'compare', 'sensitivity', 'backtest', 'workflow-type', 'studio', 'price']) {
      const help = runDmap(command, '--help').stdout;
      for (const flag of ['--catalogue', '--free-tier', '--no-free-tier', '--discount', '--price', '--savings-plan-commitment', '--savings-plan-rate', '--strict-prices']) {
        expect(help, `${command} ${flag}`).toContain(flag);
      }
      // A usage document is already the month: only simulations take runs a month.
      expect(help.includes('--runs-per-month'), command).toBe(command !== 'price');
    }
    // Every command that prints money can show it in another currency; reconcile prices nothing but prints money.
    for (const command of ['simulate', 'sweep', 'compare', 'sensitivity', 'backtest', 'workflow-type', 'studio', 'price', 'reconcile']) {
      const help = runDmap(command, '--help').stdout;
      for (const flag of ['--currency', '--exchange-rate', '--rate-date']) expect(help, `${command} ${flag}`).toContain(flag);
    }
  }, SLOW);

  it('change what dmap sweep reports: --discount 50 halves every configuration\'s cost', () => {
    const sweep = (...extra: string[]) =>
      JSON.parse(runDmap('sweep', SMALL, '--vary', 'maxConcurrency=10,20', '--runs', '4', '--json', ...extra).stdout) as { points: Array<{ costUsd: { p50: number; p90: number } }> };
    const list = sweep();
    const half = sweep('--discount', '50');
    expect(half.points).toHaveLength(2);
    half.points.forEach((point, i) => {
      // The sweep JSON rounds money to 8 decimals.
      expect(point.costUsd.p90).toBeCloseTo((list.points[i]?.costUsd.p90 ?? NaN) / 2, 7);
      expect(point.costUsd.p50).toBeCloseTo((list.points[i]?.costUsd.p50 ?? NaN) / 2, 7);
    });
  }, SLOW);

  it('change what dmap compare reports, on both sides: a Lambda price override raises the cost per run', () => {
    const compare = (...extra: string[]) =>
      JSON.parse(runDmap('compare', SMALL, SMALL, '--runs', '4', '--json', ...extra).stdout) as { metrics: Array<{ metric: string; a: number; b: number }> };
    const cost = (c: ReturnType<typeof compare>) => c.metrics.find((m) => m.metric === 'cost-p90') as { a: number; b: number };
    const list = cost(compare());
    const dear = cost(compare('--price', 'lambda.request=1000/1000000'));
    // 100 invocations a run at $1,000 per million instead of $0.20: $0.09998 more a run.
    expect(dear.a - list.a).toBeCloseTo((100 * (1000 - 0.2)) / 1e6, 8);
    expect(dear.b).toBe(dear.a);
  }, SLOW);

  it('apply the scenario\'s discounts by service, and a flag overrides them', () => {
    const scenario = join(dir, 'discounted.yaml');
    writeFileSync(scenario, `${readFileSync(SMALL, 'utf8')}\npricing:\n  discounts: { lambda: 50 }\n`);
    const lines = (...extra: string[]) =>
      (JSON.parse(runDmap('simulate', scenario, '--json', ...extra).stdout) as { cost: { lines: Array<{ kind: string; item: string; costUsd: string }> } }).cost.lines.filter((l) => l.kind === 'discount');
    expect(lines().map((l) => l.item)).toEqual(['Negotiated discount on AWS Lambda (50 %)']);
    expect(lines('--discount', 'lambda=10,stepFunctions=5').map((l) => l.item)).toEqual(['Negotiated discount on AWS Step Functions (5 %)', 'Negotiated discount on AWS Lambda (10 %)']);
  }, SLOW);

  it('reject a bad discount, Savings Plan or currency with exit 2, naming every problem at once', () => {
    const badService = runDmap('simulate', SMALL, '--discount', 'lamda=12');
    expect(badService.status).toBe(2);
    expect(badService.stderr).toMatch(/--discount: unknown service; did you mean `lambda`\?.*\(got "lamda"\)/);
    const partners = runDmap('simulate', SMALL, '--savings-plan-rate', '170', '--currency', 'eur', '--rate-date', '2026-02-30');
    expect(partners.status).toBe(2);
    expect(partners.stderr).toMatch(/^5 problems:/);
    for (const text of [
      /--savings-plan-commitment: is needed with --savings-plan-rate/,
      /--savings-plan-rate: must be a percentage from 0 to 100 \(got "170"\)/,
      /--exchange-rate: is needed with the other currency flags/,
      /--currency: must be a three-letter ISO 4217 code in capitals, e\.g\. EUR \(got "eur"\)/,
      /--rate-date: must be a date written YYYY-MM-DD, e\.g\. 2026-11-30 \(got "2026-02-30"\)/,
    ]) {
      expect(partners.stderr).toMatch(text);
    }
    expect(partners.stderr).not.toMatch(/at .*\.js:\d+/);
  }, SLOW);
});

describe('--strict-prices', () => {
  it('without it, unpriced usage is shown loudly as UNPRICED and the exit code is 0', () => {
    const run = runDmap('simulate', S3_SCENARIO, '--catalogue', NO_S3_LIST);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^UNPRICED +Amazon S3 PUT, COPY, POST, LIST requests \(S3 Standard\): no price for us-east-1 in catalogue [0-9.]+; the total excludes 2 requests$/m);
    expect(run.stdout).toMatch(/Some usage is unpriced/);
  }, SLOW);

  it('fails simulate, price and sweep with exit 2, listing each unpriced key and its Region', () => {
    const simulate = runDmap('simulate', S3_SCENARIO, '--catalogue', NO_S3_LIST, '--strict-prices');
    expect(simulate.status).toBe(2);
    expect(simulate.stdout).toBe('');
    expect(simulate.stderr).toMatch(/--strict-prices: s3\.request\.putCopyPostList \(Amazon S3: PUT, COPY, POST, LIST requests \(S3 Standard\)\) in us-east-1: 2 requests .* have no price in catalogue aws-list-prices/);

    const usage = join(dir, 'usage.yaml');
    writeFileSync(usage, 'region: us-east-1\ns3: { listRequests: 1000, getRequests: 5 }\nquantities: { other.request: 7 }\n');
    const price = runDmap('price', usage, '--catalogue', NO_S3_LIST, '--strict-prices');
    expect(price.status).toBe(2);
    expect(price.stderr).toMatch(/^2 problems:/);
    expect(price.stderr).toMatch(/s3\.request\.putCopyPostList .* in us-east-1: 1,000 requests/);
    expect(price.stderr).toMatch(/other\.request .* in us-east-1: 7 requests/);

    const sweep = runDmap('sweep', S3_SCENARIO, '--vary', 'maxConcurrency=5,10', '--runs', '2', '--catalogue', NO_S3_LIST, '--strict-prices');
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/--strict-prices: s3\.request\.putCopyPostList/);
    // With every key priced it passes.
    expect(runDmap('simulate', S3_SCENARIO, '--strict-prices', '--json').status).toBe(0);
  }, SLOW);
});

describe('a display currency', () => {
  const FLAGS = ['--currency', 'EUR', '--exchange-rate', '0.93', '--rate-date', '2026-11-30'];

  it('shows every amount of simulate\'s summary in EUR beside USD, and the rate once', () => {
    const run = runDmap('simulate', SMALL, '--runs', '3', ...FLAGS);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^First run's cost +\$[\d.]+ \(EUR [\d.]+\) per run, exact/m);
    expect(run.stdout).toMatch(/^Billed a month +\$[\d.]+ \(EUR [\d.]+\) for 1 run a month/m);
    expect(run.stdout).toMatch(/^ +Cost per run +P50 \$[\d.]+ \(EUR [\d.]+\) · P90 \$[\d.]+ \(EUR [\d.]+\)/m);
    expect(run.stdout.match(/EUR at 0\.93 EUR per USD on 2026-11-30, given by the user/g)).toHaveLength(1);
  }, SLOW);

  it('adds converted fields to the JSON and keeps the USD ones', () => {
    const json = JSON.parse(runDmap('simulate', SMALL, '--json', ...FLAGS).stdout);
    expect(json.cost.currency).toMatchObject({ code: 'EUR', perUsd: 0.93, date: '2026-11-30' });
    expect(Number(json.cost.currency.perRun)).toBeCloseTo(Number(json.cost.perRunUsd) * 0.93, 12);
    for (const line of json.cost.lines) {
      expect(typeof line.costUsd).toBe('string');
      expect(Number(line.costInCurrency)).toBeCloseTo(Number(line.costUsd) * 0.93, 10);
    }
    expect(json.summary.costInCurrency.perRun.p90).toBeCloseTo(json.summary.costUsd.p90 * 0.93, 7);
  }, SLOW);

  it('converts dmap price\'s table, CSV and JSON', () => {
    const example = 'examples/usage/lambda-pricing-example-1.yaml';
    const table = runDmap('price', example, ...FLAGS);
    expect(table.status, table.stderr).toBe(0);
    // $2.73 × 0.93 = EUR 2.5389 → 2.54.
    expect(table.stdout).toMatch(/^Total as AWS bills \(each line rounded to cents\) +\$2\.73 \(EUR 2\.54\)$/m);
    expect(table.stdout).toMatch(/EUR at 0\.93 EUR per USD on 2026-11-30/);
    const csv = runDmap('price', example, '--csv', ...FLAGS).stdout.split('\n');
    expect(csv[0]).toMatch(/,statistic,scope,currency,cost_in_currency,cost_in_currency_cents$/);
    const json = JSON.parse(runDmap('price', example, '--json', ...FLAGS).stdout);
    expect(json.totalUsdAwsRounded).toBe('2.73');
    expect(json.currency.totalAwsRounded).toBe('2.54');
  }, SLOW);
});

describe('the free-tier credit', () => {
  it('reads the same in simulate and price for the same usage, and the same beside any charge: −$6.67 for the Lambda GB-s allowance', () => {
    // The flagship's month of 30 runs: 969,656.25 GB-s; the old rule printed −$6.66 or −$6.67
    // depending on the charge's fraction of a cent.
    const simulated = JSON.parse(runDmap('simulate', 'scenarios/reinvent-500k.yaml', '--free-tier', '--runs-per-month', '30', '--json').stdout);
    const credit = simulated.cost.lines.find((l: { item: string }) => l.item === 'Free tier: Duration (x86)');
    expect([credit.costUsd, credit.costUsdCents]).toEqual(['-6.66668', '-6.67']);
    const gbSeconds = simulated.cost.lines.find((l: { item: string }) => l.item === 'Duration (x86)').quantity;
    for (const quantity of [gbSeconds, '400300']) {
      const usage = join(dir, `lambda-${quantity}.yaml`);
      writeFileSync(usage, `region: us-east-1\nfreeTier: true\nlambda:\n  - { architecture: x86_64, memoryMb: 1024, requests: 60000, gbSeconds: ${quantity} }\n`);
      const table = runDmap('price', usage).stdout;
      expect(table, quantity).toMatch(/^AWS Lambda +Free tier: Duration \(x86\) +400,000 GB-seconds +\$0\.0000166667 +−\$6\.67$/m);
    }
  }, SLOW);
});
