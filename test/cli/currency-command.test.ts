/**
 * A display currency (--currency EUR --exchange-rate 0.5 --rate-date 2026-11-30) in every
 * command that prints money, through the built CLI (issue 15, point 5): the converted
 * amount beside the USD one, equal to USD × the rate, the rate said once per output, a
 * currency block in the JSON; and without the flags nothing of it. The rate 0.5 keeps
 * every product exact in binary too, so figures compare with toBe.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runDmap, type CliRun } from './run-dmap.js';

const SMALL = 'scenarios/small-inline.yaml';
const FLAGS = ['--currency', 'EUR', '--exchange-rate', '0.5', '--rate-date', '2026-11-30'];
/** The rate note; Markdown escapes its parentheses. */
const NOTE = /EUR at 0\.5 EUR per USD on 2026-11-30, given by the user \\?\(no rate is fetched\\?\); USD figures are the priced ones/;
/** Each test spawns the CLI several times; on a loaded 2-core machine that can take over the default 30 s. */
const SLOW = 180_000;
const dir = mkdtempSync(join(tmpdir(), 'dmap-currency-'));

function ok(run: CliRun): string {
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** How often the rate note appears: once per output that shows converted money. */
function notes(text: string): number {
  return text.match(new RegExp(NOTE.source, 'g'))?.length ?? 0;
}

/** "$0.005191 (EUR 0.002596)" → [0.005191, 0.002596], for each amount shown with its conversion. */
function pairs(text: string): Array<[number, number]> {
  return [...text.matchAll(/\$([\d,.]+) \(EUR ([\d,.]+)\)/g)].map((m) => [Number((m[1] as string).replace(/,/g, '')), Number((m[2] as string).replace(/,/g, ''))]);
}

/** The JSON without what the currency adds, to compare with the JSON printed without the flags. */
function withoutCurrency(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCurrency);
  if (typeof value === 'string') return value.replace(/ \(EUR [^)]*\)/g, '');
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([key]) => !['currency', 'costInCurrency', 'inCurrency', 'costInCurrencyP90'].includes(key));
  return Object.fromEntries(kept.map(([key, v]) => [key, withoutCurrency(v)]));
}

function expectNoCurrency(text: string): void {
  expect(text).not.toMatch(/EUR/);
  expect(notes(text)).toBe(0);
}

describe('a display currency in every command', () => {
  it('dmap sweep: table, recommendation, JSON, and the report\'s pages, CSV and chart axis', () => {
    const args = ['sweep', SMALL, '--vary', 'maxConcurrency=10,20', '--vary', 'itemBatcher.maxItemsPerBatch=5,10', '--runs', '4', '--budget', '0.01'];
    const text = ok(runDmap(...args, ...FLAGS));
    expect(text).toMatch(/^ *→?\*? +\d+ +\d+ +4 +.*\$[\d.]+ \(EUR [\d.]+\)/m);
    expect(text).toMatch(/goal: cost at most \$0\.01 \(EUR 0\.01\) per run in 95 % of runs/);
    expect(text).toMatch(/^Recommendation: .*expected cost \$[\d.]+ \(EUR [\d.]+\) per run/m);
    expect(notes(text)).toBe(1);
    const plain = ok(runDmap(...args));
    expectNoCurrency(plain);

    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toEqual({ code: 'EUR', perUsd: 0.5, date: '2026-11-30', note: expect.stringMatching(NOTE) });
    for (const point of json.points) {
      expect(point.costInCurrency.p90).toBe(point.costUsd.p90 * 0.5);
      expect(point.costInCurrency.p50).toBe(point.costUsd.p50 * 0.5);
      expect(point.costInCurrency.expectedCost).toBe(point.failureEconomics.expectedCostUsd * 0.5);
    }
    const plainJson = JSON.parse(ok(runDmap(...args, '--json')));
    expect(plainJson.currency).toBeUndefined();
    expect(withoutCurrency(json)).toEqual(plainJson);

    const report = join(dir, 'sweep');
    ok(runDmap(...args, '--report', report, ...FLAGS));
    const markdown = readFileSync(join(report, 'sweep.md'), 'utf8');
    expect(notes(markdown)).toBe(1);
    expect(markdown).toMatch(/\| \\\$[\d.]+ \\\(EUR [\d.]+\\\) \|/);
    const html = readFileSync(join(report, 'sweep.html'), 'utf8');
    expect(notes(html)).toBe(1);
    expect(html).toContain('P90 cost per run (USD); whiskers from P10; EUR = USD × 0.5 (rate of 2026-11-30)');
    const rows = parseCsv(readFileSync(join(report, 'sweep.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    for (const row of rows) {
      expect([row['currency'], row['currency_per_usd'], row['rate_date']]).toEqual(['EUR', '0.5', '2026-11-30']);
      expect(Number(row['cost_p90_in_currency'])).toBe(Number(row['cost_usd_p90']) * 0.5);
    }
  }, SLOW);

  it('dmap compare: both tables and the verdict, Markdown, JSON, also for a saved result', () => {
    const saved = join(dir, 'saved.json');
    writeFileSync(saved, ok(runDmap('simulate', SMALL, '--runs', '4', '--json')));
    const args = ['compare', saved, SMALL, '--runs', '4'];
    const text = ok(runDmap(...args, ...FLAGS));
    expect(text).toMatch(/^Cost per run P90 +\$[\d.]+ \(EUR [\d.]+\) +\$[\d.]+ \(EUR [\d.]+\)/m);
    expect(text).toMatch(/^AWS Lambda: Requests +\$[\d.]+ \(EUR [\d.]+\)/m);
    // A saved result's figures can be shown converted: no warning that the flags do not reprice it.
    expect(runDmap(...args, ...FLAGS).stderr).not.toMatch(/saved result/);
    expect(notes(text)).toBe(1);
    expectNoCurrency(ok(runDmap(...args)));
    const markdown = ok(runDmap(...args, '--markdown', ...FLAGS));
    expect(notes(markdown)).toBe(1);
    expect(markdown).toMatch(/\| Cost per run P50 \| \$[\d.]+ \(EUR [\d.]+\) \|/);

    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toMatchObject({ code: 'EUR', perUsd: 0.5, date: '2026-11-30' });
    const cost = json.metrics.find((m: { metric: string }) => m.metric === 'cost-p90');
    expect(cost.inCurrency.a).toBe(cost.a * 0.5);
    expect(cost.inCurrency.b).toBe(cost.b * 0.5);
    for (const line of json.lines) expect(line.inCurrency.aMean).toBe(line.aMeanUsd * 0.5);
    expect(json.metrics.find((m: { metric: string }) => m.metric === 'time-p90').inCurrency).toBeUndefined();
    expect(withoutCurrency(json)).toEqual(JSON.parse(ok(runDmap(...args, '--json'))));
  }, SLOW);

  it('dmap sensitivity: baseline, table, JSON, and the report\'s CSV and tornado axis', () => {
    const args = ['sensitivity', SMALL, '--runs', '4', '--only', 'lambda.perItemDurationMs'];
    const text = ok(runDmap(...args, ...FLAGS));
    expect(text).toMatch(/^Baseline: P90 wall time .* · P90 cost \$[\d.]+ \(EUR [\d.]+\) · /m);
    expect(text).toMatch(/^1 +lambda\.perItemDurationMs .*\$[\d.]+ \(EUR [\d.]+\) \/ \$[\d.]+ \(EUR [\d.]+\)/m);
    expect(notes(text)).toBe(1);
    expectNoCurrency(ok(runDmap(...args)));

    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toMatchObject({ code: 'EUR', perUsd: 0.5, date: '2026-11-30' });
    expect(json.baseline.costInCurrency.p90).toBe(json.baseline.costUsd.p90 * 0.5);
    expect(json.assumptions[0].high.costInCurrency.p50).toBe(json.assumptions[0].high.costUsd.p50 * 0.5);
    expect(withoutCurrency(json)).toEqual(JSON.parse(ok(runDmap(...args, '--json'))));

    const report = join(dir, 'sensitivity');
    ok(runDmap(...args, '--report', report, ...FLAGS));
    expect(notes(readFileSync(join(report, 'sensitivity.md'), 'utf8'))).toBe(1);
    const html = readFileSync(join(report, 'sensitivity.html'), 'utf8');
    expect(notes(html)).toBe(1);
    expect(html).toContain('P90 cost per run (USD); EUR = USD × 0.5 (rate of 2026-11-30)');
    const rows = parseCsv(readFileSync(join(report, 'sensitivity.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    for (const row of rows) expect(Number(row['p90_cost_in_currency'])).toBe(Number(row['p90_cost_usd']) * 0.5);
  }, SLOW);

  it('dmap backtest: the cost figure in the table and the JSON', () => {
    const scenario = join(dir, 'pm-16.yaml');
    writeFileSync(scenario, stringify(parse(readFileSync('test/fidelity/cases/pm-16.yaml', 'utf8')).scenario));
    const args = ['backtest', scenario, '--map-run', 'test/fixtures/map-runs/pm-16-describe-map-run.json', '--runs', '10', '--cost-usd', '0.05'];
    const text = ok(runDmap(...args, ...FLAGS));
    expect(text).toMatch(/^Cost per run +\$0\.05000 \(EUR 0\.02500\) +\$[\d.]+ \(EUR [\d.]+\)/m);
    expect(notes(text)).toBe(1);
    expectNoCurrency(ok(runDmap(...args)));
    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toMatchObject({ code: 'EUR', perUsd: 0.5, date: '2026-11-30' });
    const cost = json.figures.find((f: { id: string }) => f.id === 'costUsd');
    expect(cost.inCurrency.actual).toBe(0.025);
    expect(cost.inCurrency.predicted.p90).toBe(cost.predicted.p90 * 0.5);
    expect(json.figures.find((f: { id: string }) => f.id === 'wallTimeSeconds').inCurrency).toBeUndefined();
    expect(withoutCurrency(json)).toEqual(JSON.parse(ok(runDmap(...args, '--json'))));
  }, SLOW);

  it('dmap workflow-type: table, JSON and the report\'s chart axis', () => {
    const args = ['workflow-type', SMALL, '--batch-sizes', '10,100', '--runs', '2'];
    const text = ok(runDmap(...args, ...FLAGS));
    expect(text).toMatch(/^ +10 +\$[\d.]+ \(EUR [\d.]+\) +\$[\d.]+ \(EUR [\d.]+\) +−\$[\d.]+ \(EUR [\d.]+\)/m);
    expect(notes(text)).toBe(1);
    expectNoCurrency(ok(runDmap(...args)));
    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toMatchObject({ code: 'EUR', perUsd: 0.5, date: '2026-11-30' });
    for (const row of json.rows) {
      expect(row.inCurrency.standard.costP50).toBe(row.standard.costUsdP50 * 0.5);
      expect(row.inCurrency.expressMinusStandard).toBe(row.expressMinusStandardUsd * 0.5);
    }
    expect(withoutCurrency(json)).toEqual(JSON.parse(ok(runDmap(...args, '--json'))));
    const report = join(dir, 'workflow-type');
    ok(runDmap(...args, '--report', report, ...FLAGS));
    const html = readFileSync(join(report, 'workflow-type.html'), 'utf8');
    expect(notes(html)).toBe(1);
    expect(html).toContain('Cost per run, P50 (USD); EUR = USD × 0.5 (rate of 2026-11-30)');
    expect(notes(readFileSync(join(report, 'workflow-type.md'), 'utf8'))).toBe(1);
  }, SLOW);

  it('dmap reconcile: text, Markdown, CSV and JSON', () => {
    const args = ['reconcile', 'test/fixtures/bills/estimate.json', '--bill', 'test/fixtures/bills/cur2-2025-10.csv'];
    const text = ok(runDmap(...args, ...FLAGS));
    // The fixture's compared lines: $28.14 estimated, $28.76 billed.
    expect(text).toMatch(/^Lines on both +\$28\.14 \(EUR 14\.07\) +\$28\.76 \(EUR 14\.38\) +\+\$0\.62 \(EUR 0\.31\) +\+2\.2 %$/m);
    // Every amount shown converted, to the cent (half a cent rounds up: $1.51 → EUR 0.76).
    const shown = pairs(text);
    expect(shown.length).toBeGreaterThan(20);
    for (const [usd, eur] of shown) expect(Math.abs(eur - usd * 0.5)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(notes(text)).toBe(1);
    expectNoCurrency(ok(runDmap(...args)));
    const markdown = ok(runDmap(...args, '--markdown', ...FLAGS));
    expect(notes(markdown)).toBe(1);
    expect(markdown).toContain('| **All usage** | \\$28.18 \\(EUR 14.09\\) |');

    const rows = parseCsv(ok(runDmap(...args, '--csv', ...FLAGS)), { columns: true }) as Array<Record<string, string>>;
    const total = rows.find((r) => r['item'] === 'Lines on both') as Record<string, string>;
    expect(total['currency']).toBe('EUR');
    expect(Number(total['estimate_in_currency'])).toBe(Number(total['estimate_usd']) * 0.5);

    const json = JSON.parse(ok(runDmap(...args, '--json', ...FLAGS)));
    expect(json.currency).toMatchObject({ code: 'EUR', perUsd: 0.5, date: '2026-11-30', note: expect.stringMatching(NOTE) });
    expect(Number(json.currency.totals.usage.billed)).toBe(Number(json.totals.usage.billed.costUsd) * 0.5);
    for (const line of json.lines) expect(Number(line.inCurrency.billed)).toBe(Number(line.billed.costUsd) * 0.5);
    expect(withoutCurrency(json)).toEqual(JSON.parse(ok(runDmap(...args, '--json'))));
  }, SLOW);

  it('a currency flag without its partners exits 2 on every command, naming the missing flags', () => {
    const runs = [
      runDmap('simulate', SMALL, '--currency', 'EUR'),
      runDmap('price', 'examples/usage/lambda-pricing-example-1.yaml', '--currency', 'EUR'),
      runDmap('sweep', SMALL, '--vary', 'maxConcurrency=10,20', '--currency', 'EUR'),
      runDmap('compare', SMALL, SMALL, '--currency', 'EUR'),
      runDmap('sensitivity', SMALL, '--currency', 'EUR'),
      runDmap('backtest', SMALL, '--map-run', 'test/fixtures/map-runs/pm-16-describe-map-run.json', '--currency', 'EUR'),
      runDmap('workflow-type', SMALL, '--currency', 'EUR'),
      runDmap('studio', SMALL, '--out', join(dir, 'never-written.html'), '--currency', 'EUR'),
      runDmap('reconcile', 'test/fixtures/bills/estimate.json', '--bill', 'test/fixtures/bills/cur2-2025-10.csv', '--currency', 'EUR'),
    ];
    for (const run of runs) {
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^2 problems:\n  --exchange-rate: is needed with the other currency flags: .*\n  --rate-date: is needed with the other currency flags: /);
    }
    const bad = runDmap('reconcile', 'test/fixtures/bills/estimate.json', '--bill', 'test/fixtures/bills/cur2-2025-10.csv', '--currency', 'USD', '--exchange-rate', '0', '--rate-date', '2026-13-01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^3 problems:/);
  }, SLOW);
});
