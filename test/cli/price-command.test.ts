/**
 * `dmap price` and `dmap prices`, run as a user runs them: the built CLI on the usage
 * documents in examples/usage/ and on bad documents written to a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../../src/pricing/decimal.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { PRICE_KEYS, type PriceKey } from '../../src/pricing/price-keys.js';
import { AWS_WORKED_EXAMPLES } from '../pricing/aws-worked-examples.js';
import { runDmap } from './run-dmap.js';

const EXAMPLE_1 = 'examples/usage/lambda-pricing-example-1.yaml';
const EXPRESS_EXAMPLE = 'examples/usage/express-pricing-example.yaml';
const DMAP_MONTH = 'examples/usage/distributed-map-run.yaml';
const PARIS = 'examples/usage/eu-west-3-partial.yaml';

const CSV_COLUMNS = [
  'kind',
  'service',
  'item',
  'price_key',
  'quantity',
  'unit',
  'unit_price_usd',
  'per',
  'cost_usd',
  'cost_usd_cents',
  'formula',
  'source',
  // Which run or statistic a record holds, and over what: a usage document is one month as given.
  'statistic',
  'scope',
];

/** The parts of `dmap price --json` these tests read. */
interface PriceJson {
  format: string;
  formatVersion: number;
  region: string;
  options: { freeTier: boolean; discountPercent: number };
  lines: Array<{
    kind: 'charge' | 'freeTier' | 'discount' | 'unpriced';
    priceKey?: string;
    quantity: string;
    unitPriceUsd: string | null;
    costUsd: string | null;
    costUsdCents: string | null;
  }>;
  totalUsd: string;
  totalUsdAwsRounded: string;
  unpricedKeys: string[];
  warnings: string[];
}

function priceJson(...args: string[]): PriceJson {
  const run = runDmap('price', ...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as PriceJson;
}

function sum(values: Array<string | null>): InstanceType<typeof Money> {
  return values.reduce<InstanceType<typeof Money>>((total, v) => (v === null ? total : total.plus(v)), new Money(0));
}

/** A stack frame as Node prints it: "    at fn (/path/file.js:12:3)". */
const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;

/**
 * Minimal RFC 4180 reader (csv-parse is not a dependency): fields separated by commas,
 * records by LF or CRLF; a field in double quotes may hold commas, line breaks and
 * doubled quotes. Throws on a quote inside an unquoted field or an unterminated quote.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let fieldStart = true;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new Error(`text after a closing quote at offset ${i}`);
      }
      continue;
    }
    if (c === '"') {
      if (!fieldStart) throw new Error(`quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStart = false;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endField();
      records.push(record);
      record = [];
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (!fieldStart || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

describe('parseCsv (the test\'s own RFC 4180 reader)', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b, c","say ""hi""",\n"x\ny",2\n')).toEqual([
      ['a', 'b, c', 'say "hi"', ''],
      ['x\ny', '2'],
    ]);
    expect(parseCsv('a,b\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
  });
});

describe('dmap price', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dmap-price-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('AWS Lambda pricing page Example 1', () => {
    it('prints a table whose "as AWS bills" total is $2.73 and exits 0', () => {
      const run = runDmap('price', EXAMPLE_1);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Cost of examples\/usage\/lambda-pricing-example-1\.yaml: us-east-1, catalogue aws-list-prices /);
      expect(run.stdout).toMatch(/free tier subtracted/);
      expect(run.stdout).toMatch(/^Total as AWS bills \(each line rounded to cents\) +\$2\.73$/m);
      expect(run.stdout).toMatch(/^Total, exact \(to six decimals\) +\$2\.733338$/m);
      // The page's two lines, after the free-tier credits: $9.00 − $6.67 and $0.60 − $0.20.
      expect(run.stdout).toMatch(/^AWS Lambda +Duration \(x86\) +540,000 GB-seconds +\$0\.0000166667 +\$9\.00$/m);
      expect(run.stdout).toMatch(/^AWS Lambda +Free tier: Duration \(x86\) +400,000 GB-seconds +\$0\.0000166667 +−\$6\.67$/m);
      expect(run.stdout).not.toMatch(/warning/);
    });

    it('--json: format, both totals, and line costs that add up exactly to the totals', () => {
      const json = priceJson(EXAMPLE_1);
      expect(json.format).toBe('dmap-planner/price');
      expect(json.formatVersion).toBe(1);
      expect(json.region).toBe('us-east-1');
      expect(json.totalUsdAwsRounded).toBe('2.73');
      expect(json.totalUsd).toBe('2.733338');
      expect(json.unpricedKeys).toEqual([]);
      expect(json.warnings).toEqual([]);
      expect(json.lines.map((l) => `${l.kind} ${l.priceKey}`)).toEqual([
        'charge lambda.request',
        'freeTier lambda.request',
        'charge lambda.duration.x86_64',
        'freeTier lambda.duration.x86_64',
      ]);
      expect(sum(json.lines.map((l) => l.costUsd)).equals(json.totalUsd)).toBe(true);
      expect(sum(json.lines.map((l) => l.costUsdCents)).equals(json.totalUsdAwsRounded)).toBe(true);
      // Every money figure is a decimal string, never a binary float.
      for (const line of json.lines) {
        expect(line.costUsd).toMatch(/^-?\d+(\.\d+)?$/);
        expect(line.costUsdCents).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }
    });

    it('--csv: a header row, one record per line item, then the two totals', () => {
      const run = runDmap('price', EXAMPLE_1, '--csv');
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
      const records = parseCsv(run.stdout);
      const json = priceJson(EXAMPLE_1);
      expect(records).toHaveLength(1 + json.lines.length + 2);
      expect(records[0]).toEqual(CSV_COLUMNS);
      for (const record of records) expect(record).toHaveLength(CSV_COLUMNS.length);
      const column = (name: string) => CSV_COLUMNS.indexOf(name);
      const body = records.slice(1, -2);
      expect(body.map((r) => r[column('kind')])).toEqual(json.lines.map((l) => l.kind));
      expect(body.map((r) => r[column('cost_usd')])).toEqual(json.lines.map((l) => l.costUsd));
      // The formulas hold thousands separators: the parser, not a split on commas, keeps them whole.
      expect(body.some((r) => (r[column('formula')] as string).includes('3,000,000'))).toBe(true);
      const [exact, billed] = records.slice(-2) as [string[], string[]];
      expect(exact[column('kind')]).toBe('total');
      expect(exact[column('cost_usd')]).toBe('2.733338');
      expect(billed[column('kind')]).toBe('total');
      expect(billed[column('cost_usd_cents')]).toBe('2.73');
      for (const record of records.slice(1)) expect([record[column('statistic')], record[column('scope')]]).toEqual(['usage document', 'month']);
    });
  });

  it('reproduces the Step Functions pricing page Express example: $482.97', () => {
    const json = priceJson(EXPRESS_EXAMPLE);
    expect(json.totalUsdAwsRounded).toBe('482.97');
    const duration = json.lines.filter((l) => l.priceKey === 'stepFunctions.express.duration');
    expect(duration.map((l) => new Money(l.costUsdCents as string).toFixed(2))).toEqual(['60.00', '120.00', '202.97']);
  });

  it('rejects a Region the catalogue lacks with exit 2 and lists the Regions it has', () => {
    const file = write('unknown-region.yaml', 'region: mars-north-7\nlambda:\n  - architecture: x86_64\n    memoryMb: 1024\n    requests: 5\n    averageDurationMs: 100\n');
    const run = runDmap('price', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    // Located like any other mistake: file, line, field, rule and value.
    expect(run.stderr).toMatch(/unknown-region\.yaml:1:9: region: no prices for this Region in catalogue aws-list-prices [\d.]+; it has: .* \(got "mars-north-7"\)/);
    for (const region of ['us-east-1', 'eu-west-3', 'ap-southeast-1', 'sa-east-1']) expect(run.stderr).toContain(region);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  describe('bad quantities', () => {
    const fn = (requests: string) =>
      `region: us-east-1\nlambda:\n  - architecture: x86_64\n    memoryMb: 1024\n    requests: ${requests}\n    averageDurationMs: 100\n`;

    it('a negative quantity: exit 2, naming file, line, field and value', () => {
      const file = write('negative.yaml', fn('-5'));
      const run = runDmap('price', file);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file}:5:`);
      expect(run.stderr).toMatch(/lambda\[0\]\.requests: .*\(got -5\)/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(/internal error/);
    });

    it('a non-numeric quantity: exit 2, naming file, line, field and value', () => {
      const file = write('not-a-number.yaml', fn('lots'));
      const run = runDmap('price', file);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file}:5:`);
      expect(run.stderr).toMatch(/lambda\[0\]\.requests: .*\(got "lots"\)/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(/internal error/);
    });

    it('several mistakes in one file are all listed at once', () => {
      const file = write(
        'three-mistakes.yaml',
        [
          'region: us-east-1',
          'lambda:',
          '  - architecture: x86_64',
          '    memoryMb: 1024',
          '    requests: -5',
          '    averageDurationMs: 100',
          '  - architecture: arm64',
          '    memoryMb: 1024',
          '    requests: lots',
          '    averageDurationMs: 100',
          's3:',
          '  getRequests: -1',
          '',
        ].join('\n'),
      );
      const run = runDmap('price', file);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe('3 problems:');
      expect(lines.slice(1)).toHaveLength(3);
      expect(lines[1]).toMatch(new RegExp(`^  ${escapeRegExp(file)}:5:\\d+: lambda\\[0\\]\\.requests: .*\\(got -5\\)$`));
      expect(lines[2]).toMatch(new RegExp(`^  ${escapeRegExp(file)}:9:\\d+: lambda\\[1\\]\\.requests: .*\\(got "lots"\\)$`));
      expect(lines[3]).toMatch(new RegExp(`^  ${escapeRegExp(file)}:12:\\d+: s3\\.getRequests: .*\\(got -1\\)$`));
      expect(run.stderr).not.toMatch(STACK_FRAME);
    });
  });

  describe('options', () => {
    it('--free-tier adds one credit line per covered item and lowers the total by exactly their sum', () => {
      const base = priceJson(DMAP_MONTH);
      const free = priceJson(DMAP_MONTH, '--free-tier');
      expect(base.options.freeTier).toBe(false);
      expect(free.options.freeTier).toBe(true);
      expect(base.lines.filter((l) => l.kind === 'freeTier')).toEqual([]);
      const credits = free.lines.filter((l) => l.kind === 'freeTier');
      expect(credits.map((l) => [l.priceKey, l.quantity])).toEqual([
        ['stepFunctions.standard.transition', '4000'],
        ['lambda.request', '180900'], // fewer requests than the 1,000,000 free: all of them
        ['lambda.duration.arm64', '400000'],
        ['cloudwatchLogs.ingestion', '0.5'],
      ]);
      for (const credit of credits) expect(new Money(credit.costUsd as string).isNegative()).toBe(true);
      expect(new Money(base.totalUsd).plus(sum(credits.map((l) => l.costUsd))).equals(free.totalUsd)).toBe(true);
      expect(base.totalUsdAwsRounded).toBe('178.53');
      expect(free.totalUsdAwsRounded).toBe('172.81'); // 178.53 − 0.10 − 0.04 − 5.33 − 0.25

      const table = runDmap('price', DMAP_MONTH, '--free-tier');
      expect(table.status).toBe(0);
      expect(table.stdout).toMatch(/free tier subtracted/);
      expect(table.stdout).toMatch(/^AWS Step Functions +Free tier: State transitions \(Standard workflows\) +4,000 state transitions .* −\$0\.10$/m);
      expect(table.stdout).toMatch(/^Total as AWS bills .* \$172\.81$/m);
    });

    it('--discount 10 adds a discount line of exactly 10 % of everything above it', () => {
      const base = priceJson(DMAP_MONTH);
      const discounted = priceJson(DMAP_MONTH, '--discount', '10');
      expect(discounted.options.discountPercent).toBe(10);
      const discount = discounted.lines.at(-1);
      expect(discount?.kind).toBe('discount');
      expect(new Money(discount?.costUsd as string).equals(new Money(base.totalUsd).times('-0.1'))).toBe(true);
      expect(new Money(discounted.totalUsd).equals(new Money(base.totalUsd).times('0.9'))).toBe(true);
      // As AWS bills: $178.53 of lines, then the discount line rounded to cents (−$17.85).
      expect(discount?.costUsdCents).toBe('-17.85');
      expect(discounted.totalUsdAwsRounded).toBe('160.68');

      const table = runDmap('price', DMAP_MONTH, '--discount', '10');
      expect(table.status).toBe(0);
      expect(table.stdout).toMatch(/free tier not subtracted; 10 % discount/);
      expect(table.stdout).toMatch(/^Discount +Negotiated discount \(10 %\) .* −\$17\.85$/m);
      expect(table.stdout).toMatch(/^Total as AWS bills .* \$160\.68$/m);
    });

    it('the document\'s free tier and --discount together: the discount applies after the credits', () => {
      const json = priceJson(EXAMPLE_1, '--discount', '10');
      expect(json.totalUsd).toBe('2.4600042'); // 2.733338 × 0.9
      expect(json.totalUsdAwsRounded).toBe('2.46'); // 2.73 − 0.27
    });

    it('rejects a discount that is not a percentage with exit 2', () => {
      for (const value of ['abc', '150', '-1']) {
        const run = runDmap('price', EXAMPLE_1, '--discount', value);
        expect(run.status, value).toBe(2);
        expect(run.stderr).toMatch(/--discount/);
      }
    });
  });

  describe('a Region with gaps in the catalogue (eu-west-3)', () => {
    const unpriced = ['stepFunctions.express.request', 'stepFunctions.express.duration', 's3.request.putCopyPostList', 's3.request.getSelectOther', 'cloudwatchLogs.ingestion'];

    it('shows UNPRICED lines and warnings, never $0.00, and exits 0', () => {
      const run = runDmap('price', PARIS);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const rows = run.stdout.split('\n').filter((l) => l.includes('UNPRICED') && !l.startsWith('Both totals'));
      expect(rows).toHaveLength(unpriced.length);
      expect(run.stdout).toContain('Both totals exclude the UNPRICED lines.');
      for (const row of rows) {
        expect(row).toMatch(/UNPRICED +UNPRICED$/);
        expect(row).not.toMatch(/\$0\.00/);
      }
      const warnings = run.stdout.split('\n').filter((l) => l.startsWith('warning: '));
      expect(warnings).toHaveLength(unpriced.length);
      for (const warning of warnings) expect(warning).toMatch(/no price for eu-west-3 .*the total excludes/);
    });

    it('leaves the unpriced lines out of both totals', () => {
      const json = priceJson(PARIS);
      expect(json.unpricedKeys).toEqual(unpriced);
      expect(json.warnings).toHaveLength(unpriced.length);
      const unpricedLines = json.lines.filter((l) => l.kind === 'unpriced');
      expect(unpricedLines.map((l) => l.priceKey)).toEqual(unpriced);
      for (const line of unpricedLines) {
        expect(line.unitPriceUsd).toBeNull();
        expect(line.costUsd).toBeNull();
        expect(line.costUsdCents).toBeNull();
      }
      const priced = json.lines.filter((l) => l.kind !== 'unpriced');
      expect(priced.map((l) => l.priceKey)).toEqual(['stepFunctions.standard.transition', 'lambda.request', 'lambda.duration.arm64']);
      expect(sum(priced.map((l) => l.costUsd)).equals(json.totalUsd)).toBe(true);
      expect(sum(priced.map((l) => l.costUsdCents)).equals(json.totalUsdAwsRounded)).toBe(true);
      expect(json.totalUsdAwsRounded).toBe('153.97'); // 5.35 + 0.04 + 148.58

      const csv = parseCsv(runDmap('price', PARIS, '--csv').stdout);
      const costColumn = CSV_COLUMNS.indexOf('cost_usd');
      const unpricedRecords = csv.filter((r) => r[0] === 'unpriced');
      expect(unpricedRecords).toHaveLength(unpriced.length);
      for (const record of unpricedRecords) expect(record[costColumn]).toBe('UNPRICED');
    });
  });

  it('every example usage document prices without errors', () => {
    for (const file of [EXAMPLE_1, EXPRESS_EXAMPLE, DMAP_MONTH, PARIS]) {
      const run = runDmap('price', file);
      expect(run.status, `${file}: ${run.stderr}`).toBe(0);
    }
  });
});

describe('dmap prices', () => {
  it('--region us-east-1 lists every price key with its source URL and confidence', () => {
    const run = runDmap('prices', '--region', 'us-east-1');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const catalogue = defaultCatalogue();
    expect(run.stdout).toMatch(new RegExp(`^${catalogue.name} ${escapeRegExp(catalogue.version)}, prices as of ${catalogue.effectiveDate} \\(USD\\)`));
    expect(run.stdout).toMatch(/^us-east-1 — US East \(N\. Virginia\)$/m);
    const prices = catalogue.regions['us-east-1']?.prices ?? {};
    const lines = run.stdout.split('\n');
    for (const key of Object.keys(PRICE_KEYS) as PriceKey[]) {
      const { service, item } = PRICE_KEYS[key];
      const line = lines.find((l) => l.startsWith(`  ${service}, ${item} `));
      expect(line, key).toBeDefined();
      const price = prices[key];
      if (price) {
        expect(line).toContain(`[${price.confidence}]`);
        expect(line).toContain(catalogue.sources[price.source]?.url);
      } else {
        expect(line).toMatch(/not in catalogue \(unpriced\)$/);
      }
    }
    const missing = (Object.keys(PRICE_KEYS) as PriceKey[]).filter((k) => !prices[k]);
    expect(lines.filter((l) => l.includes('not in catalogue'))).toHaveLength(missing.length);
    expect(run.stdout).not.toMatch(/^eu-west-1/m);
    expect(run.stdout).toMatch(/^Free tier \(monthly, per account/m);
  });

  it('--region nowhere-1 exits 2 and lists the Regions', () => {
    const run = runDmap('prices', '--region', 'nowhere-1');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/region: no prices for this Region in catalogue .*\(got "nowhere-1"\)/);
    for (const region of ['us-east-1', 'eu-west-3', 'ap-southeast-1']) expect(run.stderr).toContain(region);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('--json prints the catalogue as JSON', () => {
    const run = runDmap('prices', '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { name: string; currency: string; regions: Record<string, { prices: Record<string, unknown> }> };
    expect(json.name).toBe('aws-list-prices');
    expect(json.currency).toBe('USD');
    expect(Object.keys(json.regions).sort()).toEqual(Object.keys(defaultCatalogue().regions).sort());
    const one = JSON.parse(runDmap('prices', '--region', 'eu-west-3', '--json').stdout) as typeof json;
    expect(Object.keys(one.regions)).toEqual(['eu-west-3']);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('docs/pricing.md', () => {
  const doc = readFileSync(new URL('../../docs/pricing.md', import.meta.url), 'utf8');

  it('has the Region coverage table of the shipped catalogue (regenerate it when the catalogue changes)', () => {
    const table = /<!-- coverage-table:start -->\n([\s\S]*?)\n<!-- coverage-table:end -->/.exec(doc)?.[1];
    expect(table).toBe(coverageTable());
  });

  it('has a row for every price key and every AWS worked example', () => {
    for (const key of Object.keys(PRICE_KEYS)) expect(doc).toContain(`| \`${key}\` |`);
    for (const example of AWS_WORKED_EXAMPLES) {
      expect(doc).toContain(`| $${example.expectedTotalUsd}`);
      expect(doc).toContain(example.url);
    }
  });
});

const COVERAGE_COLUMNS: Record<PriceKey, string> = {
  'stepFunctions.standard.transition': 'SFN Standard',
  'stepFunctions.express.request': 'Express req.',
  'stepFunctions.express.duration': 'Express dur.',
  'lambda.request': 'λ req.',
  'lambda.duration.x86_64': 'λ x86',
  'lambda.duration.arm64': 'λ Arm',
  'lambda.ephemeralStorage': 'λ ephemeral',
  's3.request.putCopyPostList': 'S3 PUT/LIST',
  's3.request.getSelectOther': 'S3 GET',
  'cloudwatchLogs.ingestion': 'CW Logs',
  'dataTransfer.interRegion': 'Inter-Region',
  's3.request.deleteCancel': 'S3 DELETE',
  'dynamodb.onDemand.writeRequestUnit': 'DDB WRU',
  'dynamodb.onDemand.readRequestUnit': 'DDB RRU',
  'sqs.request.standard': 'SQS std.',
  'sqs.request.fifo': 'SQS FIFO',
  'sns.request.publish': 'SNS',
  'eventbridge.event.custom': 'EventBridge',
  'fargate.vcpu.x86_64': 'Fargate vCPU x86',
  'fargate.memory.x86_64': 'Fargate GB x86',
  'fargate.vcpu.arm64': 'Fargate vCPU Arm',
  'fargate.memory.arm64': 'Fargate GB Arm',
  'batch.job': 'Batch',
  'other.request': 'Other',
  'bedrock.invokeModel.request': 'Bedrock',
};

/** The docs' coverage table, from the shipped catalogue: one row per Region, one column per price key. */
function coverageTable(): string {
  const catalogue = defaultCatalogue();
  const keys = Object.keys(PRICE_KEYS) as PriceKey[];
  const abbreviate = (bound: string) => {
    const value = Number(bound);
    for (const [size, suffix] of [[1e9, ' B'], [1e6, ' M'], [1e3, ' k']] as const) if (value >= size) return `${value / size}${suffix}`;
    return bound;
  };
  const rows = [`| Region | ${keys.map((k) => COVERAGE_COLUMNS[k]).join(' | ')} |`, `|---|${keys.map(() => '---').join('|')}|`];
  for (const region of Object.keys(catalogue.regions).sort()) {
    const prices = catalogue.regions[region]?.prices ?? {};
    const cells = keys.map((key) => {
      const price = prices[key];
      if (!price) return '—';
      const tag = price.confidence ?? '?';
      if (!price.tiers) return tag;
      const last = price.tiers.at(-1)?.upTo;
      return last == null ? `${tag} tiered` : `${tag}, first ${abbreviate(last)}`;
    });
    rows.push(`| ${region} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}
