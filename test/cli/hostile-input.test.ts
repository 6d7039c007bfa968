/**
 * Issue 17 ("Hardening"), scope point 1: each example of the issue as a user meets it,
 * through the built CLI. Every one must end with exit 2 and a located, plain message
 * (or, for a closed pipe, quietly with 0): never exit 3, a stack trace, a hang, NaN,
 * Infinity or null where money should be.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDmap, type CliRun } from './run-dmap.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'examples/usage/lambda-pricing-example-1.yaml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A small valid scenario with `extra` lines added at the top level. */
function scenario(name: string, extra: string[] = [], lambda = '{ perItemDurationMs: 10 }'): string {
  return file(`${name}.yaml`, [`name: ${name}`, 'itemReader: { source: inline, itemCount: 20 }', `lambda: ${lambda}`, ...extra, ''].join('\n'));
}

/** Exit 2, every problem on a line of its own, no stack trace and no internal error. */
function expectUserError(run: CliRun, pattern: RegExp): void {
  expect(run.stderr).not.toMatch(/internal error|\n\s+at |EPIPE/);
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
}

function aliasBomb(): string {
  const lines = ['name: bomb', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases, in every command that reads YAML', () => {
  it('an unresolved alias is exit 2 with file:line:column', () => {
    const path = file('unresolved.yaml', 'name: *nope\nitemReader: { source: inline, itemCount: 10 }\n');
    expectUserError(runDmap('validate', path), new RegExp(`${path}:1:7: the alias \\*nope names no anchor`));
    expectUserError(runDmap('import', path), new RegExp(`${path}:1:7: the alias \\*nope names no anchor`));
  });

  it('an alias bomb is exit 2 in validate and in import (which used to hang growing memory)', () => {
    const path = file('bomb.yaml', aliasBomb());
    expectUserError(runDmap('validate', path), new RegExp(`${path}:\\d+:\\d+: aliases repeat more than 100,000 values`));
    expectUserError(runDmap('import', path), new RegExp(`${path}:\\d+:\\d+: aliases repeat more than 100,000 values`));
  });

  it('an alias inside its own anchor is exit 2, not a stack overflow', () => {
    const path = file('self.yaml', 'StartAt: &a [x, *a]\nStates: {}\n');
    expectUserError(runDmap('import', path), new RegExp(`${path}:1:17: the alias \\*a is inside the node its anchor &a marks`));
    expectUserError(runDmap('validate', path), /the alias \*a is inside/);
  });

  it('a workload file and a usage document go through the same loader', () => {
    const workload = file('workload.yaml', 'itemReader: *nope\n');
    expectUserError(runDmap('simulate', 'test/fixtures/asl/noaa/statemachines/dmap-temperatures.asl.json', '--workload', workload), /workload\.yaml:1:13: the alias \*nope/);
    const usage = file('usage-alias.yaml', 'region: *r\n');
    expectUserError(runDmap('price', usage), /usage-alias\.yaml:1:9: the alias \*r/);
  });

  it('100 aliases of one scalar are an ordinary file', () => {
    const lines = ['name: &n hundred', 'itemReader: { source: inline, itemCount: 10 }', 'lambda: { perItemDurationMs: 10 }', 'sweep:', '  vary:'];
    for (let i = 1; i <= 100; i++) lines.push(`    k${i}: [*n]`);
    const run = runDmap('validate', file('hundred.yaml', `${lines.join('\n')}\n`));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('keys that name what every object inherits', () => {
  it.each(['__proto__', 'constructor', 'toString'])('dmap price with region %s is exit 2: no prices for this Region', (region) => {
    const path = file(`region-${region}.yaml`, `region: ${region}\nlambda:\n  - { architecture: x86_64, memoryMb: 128, requests: 10, averageDurationMs: 100 }\n`);
    expectUserError(runDmap('price', path), new RegExp(`${path}:1:9: region: no prices for this Region`));
  });

  it.each(['__proto__', 'constructor', 'toString'])('dmap prices --region %s is exit 2', (region) => {
    expectUserError(runDmap('prices', '--region', region), /no prices for this Region/);
  });

  it('function, quota and state names such as constructor or valueOf name nothing unless given', () => {
    const path = file(
      'names.yaml',
      [
        'name: names',
        'itemReader: { source: inline, itemCount: 10 }',
        'lambda: { perItemDurationMs: 10 }',
        'childWorkflow:',
        '  states:',
        '    A: { type: Task, resource: "arn:aws:states:::lambda:invoke", function: constructor, next: valueOf }',
        '    B: { type: Task, resource: "arn:aws:states:::aws-sdk:dynamodb:putItem", durationMs: 5, quota: toString, end: true }',
        '',
      ].join('\n'),
    );
    const run = runDmap('validate', path);
    expectUserError(run, /function: names no function in `functions`/);
    expect(run.stderr).toMatch(/next: names no state of this scope/);
    expect(run.stderr).toMatch(/quota: names no entry of `serviceQuotas`/);
  });

  it('constructor and toString work as ordinary names when given; __proto__ is refused, never silently dropped', () => {
    const given = scenario('given', [
      'functions:',
      '  constructor: { perItemDurationMs: 10 }',
      'childWorkflow:',
      '  states:',
      '    toString: { type: Task, resource: "arn:aws:states:::lambda:invoke", function: constructor, end: true }',
    ]);
    const ok = runDmap('simulate', given, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).mapRun.lambda.invocations).toBe(20);
    const proto = scenario('proto', ['functions:', '  __proto__: { perItemDurationMs: 10 }']);
    expectUserError(runDmap('validate', proto), /functions\.__proto__: cannot be a name/);
  });

  it('--vary __proto__.x cannot pollute Object.prototype', () => {
    const run = runDmap('sweep', scenario('vary'), '--vary', '__proto__.polluted=1,2', '--runs', '1', '--workers', '1');
    expectUserError(run, /__proto__/);
  });
});

describe('per: 0 in a price', () => {
  it('--price KEY=USD/0 is exit 2 in dmap price and dmap simulate', () => {
    expectUserError(runDmap('price', USAGE, '--price', 'lambda.request=1/0'), /--price: lambda\.request: PER must be a number of units of at least 1/);
    expectUserError(runDmap('simulate', scenario('flag-per'), '--price', 'lambda.request=1/0'), /PER must be a number of units of at least 1/);
  });

  it("a scenario's pricing.priceOverrides with per \"0\" is exit 2 at its line", () => {
    const path = scenario('override-per', ['pricing:', '  priceOverrides:', '    lambda.request: { usd: "1", per: "0" }']);
    expectUserError(runDmap('simulate', path), /override-per\.yaml:6:\d+: pricing\.priceOverrides\.lambda\.request\.per: must be a number of units of at least 1/);
  });

  it("a catalogue's per \"0\" is exit 2", () => {
    const catalogue = file(
      'catalogue.yaml',
      [
        'name: c',
        'version: "1"',
        'effectiveDate: 2025-01-01',
        'currency: USD',
        'sources: { s: { url: "https://aws.amazon.com/lambda/pricing/" } }',
        'regions:',
        '  us-east-1:',
        '    prices:',
        '      lambda.request: { usd: "0.2", per: "0", unit: requests, source: s }',
        '',
      ].join('\n'),
    );
    expectUserError(runDmap('price', USAGE, '--catalogue', catalogue), /per: must be a number of units of at least 1/);
  });
});

describe('extreme numbers', () => {
  it('logBytesPerInvocation: 1e308 is exit 2, not $∞', () => {
    const run = runDmap('simulate', scenario('logs', [], '{ perItemDurationMs: 10, logBytesPerInvocation: 1e308 }'));
    expectUserError(run, /lambda\.logBytesPerInvocation: must be ≤ 1,000,000,000,000/);
    expect(run.stdout).not.toMatch(/∞|NaN/);
  });

  it('a lognormal with sd: 1e300 is exit 2, not an internal error about a NaN delay', () => {
    expectUserError(runDmap('simulate', scenario('spread', [], '{ perItemDurationMs: { type: lognormal, mean: 10, sd: 1e300 } }')), /perItemDurationMs\.sd: /);
    expectUserError(runDmap('simulate', scenario('spread99', [], '{ perItemDurationMs: { type: lognormal, p50: 10, p99: 1e12 } }')), /p99 may be at most 1,000,000 × p50/);
  });

  it('a catalogue price of 400 digits is exit 2 naming that price, not a figure printed as Infinity', () => {
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'src/pricing/catalogues/aws-list-prices.json'), 'utf8')) as { regions: Record<string, { prices: Record<string, { usd?: string }> }> };
    (catalogue.regions['us-east-1']?.prices['lambda.request'] as { usd?: string }).usd = '9'.repeat(400);
    const path = file('dear.json', JSON.stringify(catalogue));
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--catalogue', path, '--json');
    expectUserError(run, new RegExp(`${path}: regions\\.us-east-1\\.prices\\.lambda\\.request\\.usd: .* came out as Infinity, not a finite number`));
    expect(run.stdout).toBe('');
  });

  it('the largest values the schema allows give finite JSON, no null money', () => {
    const path = scenario('largest', ['dataTransfer: { interRegionBytesPerItem: 1000000000000 }'], '{ perItemDurationMs: 10, logBytesPerInvocation: 1000000000000 }');
    const run = runDmap('simulate', path, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/NaN|Infinity|"costUsd": null/);
  });
});

describe('work far beyond a planning question', () => {
  it('itemCount: 10^12 is refused at once with the estimate and --force named', () => {
    const path = file('huge.yaml', 'name: huge\nitemReader: { source: inline, itemCount: 1000000000000 }\nlambda: { perItemDurationMs: 10 }\n');
    const started = Date.now();
    const run = runDmap('simulate', path);
    expect(Date.now() - started).toBeLessThan(10_000);
    expectUserError(run, /about 2\.5 × 10\^12 events \(1,000,000,000,000 child executions.*--force/s);
    expectUserError(runDmap('sweep', path, '--vary', 'lambda.memoryMb=128,256', '--runs', '1'), /events.*--force/s);
    // Sensitivity tries items ×1.2, so its scenario stays below the schema's 10^12.
    const half = file('half.yaml', 'name: half\nitemReader: { source: inline, itemCount: 500000000000 }\nlambda: { perItemDurationMs: 10 }\n');
    expectUserError(runDmap('sensitivity', half, '--runs', '2'), /events.*--force/s);
  });

  it('statesBeforeTask: 10^9 is exit 2 (a definition holds a few thousand states at most)', () => {
    expectUserError(runDmap('validate', scenario('states', ['childWorkflow: { statesBeforeTask: 1000000000 }'])), /childWorkflow\.statesBeforeTask: must be ≤ 10,000/);
  });

  it('every command that simulates takes --force', () => {
    for (const command of ['simulate', 'sweep', 'sensitivity', 'backtest', 'compare', 'workflow-type']) {
      expect(runDmap(command, '--help').stdout, command).toMatch(/--force/);
    }
  });

  it('1 ms time-series buckets on a 100,000-item serial run keep at most 20,000 buckets and say the width used', () => {
    const path = file('serial.yaml', 'name: serial\nitemReader: { source: inline, itemCount: 100000 }\nmaxConcurrency: 1\ntimeSeriesBucketMs: 1\nlambda: { perItemDurationMs: 10 }\n');
    const run = spawnSync(process.execPath, [CLI, 'simulate', path, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { wallTimeSeconds?: number; timeSeries: { bucketSeconds: number; runningChildren: number[] } };
    expect(json.timeSeries.runningChildren.length).toBeLessThanOrEqual(20_000);
    expect(json.timeSeries.bucketSeconds).toBeGreaterThanOrEqual(0.001);
  });
});

describe('a closed pipe', () => {
  /** Runs the CLI with its stdout (or stderr) closed before it writes: as `| head -1` does. */
  function withClosed(stream: 'stdout' | 'stderr', ...args: string[]): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      if (stream === 'stdout') {
        child.stdout.destroy();
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      } else {
        child.stderr.destroy();
        child.stdout.resume();
      }
      child.on('close', (status) => resolve({ status, stderr }));
    });
  }

  it('ends quietly with status 0 when stdout closes (dmap simulate --help | head -1)', async () => {
    const help = await withClosed('stdout', 'simulate', '--help');
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    const json = await withClosed('stdout', 'simulate', 'scenarios/small-inline.yaml', '--json');
    expect(json.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(json.status).toBe(0);
  });

  it('ends quietly with status 0 when stderr closes', async () => {
    const run = await withClosed('stderr', 'validate', 'test/fixtures/five-mistakes.yaml');
    expect(run.status).toBe(0);
  });
});
