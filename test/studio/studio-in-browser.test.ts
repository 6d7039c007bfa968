/// <reference lib="dom" />
/**
 * `dmap studio`'s page in headless Chromium (Debian's `chromium`, driven by playwright-core,
 * as the report tests do), opened from disk with the network off: it loads with no
 * console error and no request but its own file and its workers' blob URLs; moving
 * controls updates the figures; the figures equal `dmap simulate --runs 200 --json` of
 * the scenario file the page saves, run with the command it gives; the URL fragment
 * reproduces a view; a hostile scenario name shows as text. Screenshots go to test-output/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTo } from '../../src/report/round.js';
import type { SimulationJson } from '../../src/report/simulation-json.js';
import type { StudioHandle } from '../../src/studio/browser/page-main.js';
import { runDmap } from '../cli/run-dmap.js';
import { watchPage } from '../support/page-watch.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Simulating 200 flagship runs on a loaded 2-core machine, twice over, takes a while. */
const SLOW = 240_000;

declare global {
  interface Window {
    dmapStudio: StudioHandle;
  }
}

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-studio-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

function writeStudio(scenario: string, name: string, ...args: string[]): string {
  const out = join(dir, name);
  const run = runDmap('studio', scenario, '--out', out, ...args);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`Studio written to ${out}`);
  return out;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens the page from disk, offline, every request other than the file and its blobs refused. */
async function open(file: string, fragment = '', viewport = { width: 1280, height: 900 }, noWorkers = false): Promise<Opened> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  if (noWorkers) {
    await context.addInitScript(() => {
      (window as unknown as { Worker: unknown }).Worker = function Worker() {
        throw new Error('no workers here');
      };
    });
  }
  await context.setOffline(true);
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/.test(url)) return route.continue();
    return route.abort();
  });
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  const { consoleErrors, dialogs } = watchPage(page);
  await page.goto(`${pathToFileURL(file).href}${fragment}`);
  await settled(page, 0);
  return { context, page, consoleErrors, requests, dialogs };
}

/** Waits for the update after `before` to be shown (or refused). */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (b) => window.dmapStudio !== undefined && window.dmapStudio.updates > b && document.body.dataset.studio !== 'running',
    before,
    { timeout: SLOW, polling: 50 },
  );
}

const updates = (page: Page) => page.evaluate(() => window.dmapStudio.updates);
const figures = (page: Page) => page.evaluate(() => window.dmapStudio.json as SimulationJson);
const cardText = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .card-value`).innerText();

/** The CLI's document, without the block naming the file it read (its path and hash differ). */
function cliJson(...args: string[]): SimulationJson {
  const run = runDmap('simulate', ...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as SimulationJson;
}

function withoutIdentity(json: SimulationJson): Omit<SimulationJson, 'scenario'> {
  const { scenario: _identity, ...rest } = json;
  return rest;
}

function expectOnlyLocalRequests(opened: Opened, file: string): void {
  const own = pathToFileURL(file).href;
  for (const url of opened.requests) expect(url.startsWith(own) || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
}

describe('dmap studio in Chromium', () => {
  it(
    'opens the flagship offline, updates as controls move, and shows the CLI\'s figures for the start and for changed settings',
    async () => {
      const file = writeStudio('scenarios/reinvent-500k.yaml', 'flagship.html');
      const html = readFileSync(file, 'utf8');
      // Nothing in the file is loaded from elsewhere.
      expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
      const opened = await open(file);
      const { page } = opened;

      // The start: the CLI's figures for the scenario file, 200 runs, its seed.
      const start = await figures(page);
      expect(start.runs).toBe(200);
      expect(withoutIdentity(start)).toEqual(withoutIdentity(cliJson('scenarios/reinvent-500k.yaml', '--runs', '200')));
      const startP50 = await cardText(page, 'time-p50');
      expect(await page.locator('#bottleneck').innerText()).toMatch(/^Bounded by listing-bound: \d+ % of wall time/);
      expect(await page.locator('#charts canvas').count()).toBe(4);

      // Batch size, typed into its box.
      let before = await updates(page);
      const batch = page.getByRole('spinbutton', { name: 'Batch size' });
      await batch.fill('500');
      await batch.press('Enter');
      await settled(page, before);
      expect(page.url()).toContain('itemBatcher.maxItemsPerBatch=500');
      expect(await cardText(page, 'time-p50')).not.toBe(startP50);
      expect((await figures(page)).mapRun.executionCounts.total).toBe(1000);
      expect(await page.locator('[data-figure="time-p50"] .card-delta').innerText()).toMatch(/from the start/);

      // The execution type, chosen in its select.
      before = await updates(page);
      await page.getByRole('combobox', { name: 'Execution type' }).selectOption('STANDARD');
      await settled(page, before);
      expect((await figures(page)).mapRun.executionType).toBe('STANDARD');

      // Memory, by keyboard on its slider: focus it and step it up.
      before = await updates(page);
      const memory = page.getByRole('slider', { name: 'Memory' });
      await memory.focus();
      for (let i = 0; i < 12; i++) await memory.press('ArrowRight');
      await settled(page, before);
      const state = await page.evaluate(() => window.dmapStudio.state);
      expect(state.values['lambda.memoryMb']).toBeGreaterThan(1024);
      const changed = await figures(page);
      expect(changed.summary.costUsd.p50).not.toBe(start.summary.costUsd.p50);
      expect(await page.locator('#comparison tbody tr').count()).toBeGreaterThanOrEqual(8);

      // Saved as a file and run with the page's command: the same figures, to the digit.
      const command = await page.locator('#cli-command').innerText();
      expect(command).toMatch(/^dmap simulate reinvent-500k-studio\.yaml --runs 200 --seed 1 --json$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the scenario/ }).click()]);
      expect(download.suggestedFilename()).toBe('reinvent-500k-studio.yaml');
      const saved = join(dir, download.suggestedFilename());
      await download.saveAs(saved);
      const args = command.split(' ').slice(2, -1).map((arg) => (arg === 'reinvent-500k-studio.yaml' ? saved : arg));
      expect(withoutIdentity(changed)).toEqual(withoutIdentity(cliJson(...args)));
      expect(readFileSync(saved, 'utf8')).toMatch(/^# yaml-language-server: .*\n# Saved by dmap studio/);

      expect(new URL(page.url()).hash).toMatch(/^#runs=200&seed=1&itemBatcher\.maxItemsPerBatch=500&executionType=STANDARD&lambda\.memoryMb=\d+$/);

      expect(opened.consoleErrors).toEqual([]);
      expect(opened.dialogs).toEqual([]);
      expect(await page.evaluate(() => window.dmapStudio.errors)).toEqual([]);
      expectOnlyLocalRequests(opened, file);
      // The replications ran on Web Workers started from the page's own code.
      expect(page.workers().length).toBeGreaterThanOrEqual(1);
      for (const worker of page.workers()) expect(worker.url()).toMatch(/^blob:/);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: 'test-output/studio-flagship.png', fullPage: true });
      await opened.context.close();
    },
    SLOW * 2,
  );

  it(
    'says what is wrong with invalid settings, keeps the last figures, and reproduces a view from its link',
    async () => {
      const file = writeStudio('scenarios/small-inline.yaml', 'small.html', '--runs', '20');
      const opened = await open(file);
      const { page } = opened;
      let before = await updates(page);
      // 150 account concurrency leaves only 50 to reserve: 100 breaks the schema's rule.
      const account = page.getByRole('spinbutton', { name: 'Lambda concurrency' });
      await account.fill('150');
      await account.press('Enter');
      await settled(page, before);
      const good = await figures(page);
      before = await updates(page);
      const reserved = page.getByRole('spinbutton', { name: 'Reserved concurrency' });
      await reserved.fill('100');
      await reserved.press('Enter');
      await settled(page, before);
      expect(await page.evaluate(() => document.body.dataset.studio)).toBe('invalid');
      expect(await page.locator('#problems').innerText()).toMatch(/lambda\.reservedConcurrency: must leave 100 unreserved/);
      expect(await reserved.getAttribute('aria-invalid')).toBe('true');
      // The figures shown are still the last valid settings'.
      expect(await figures(page)).toEqual(good);
      // Back to a valid value: simulated again.
      before = await updates(page);
      await reserved.fill('');
      await reserved.press('Enter');
      await settled(page, before);
      expect(await page.evaluate(() => document.body.dataset.studio)).toBe('ready');
      expect(await page.locator('#problems').isHidden()).toBe(true);
      expect(await figures(page)).toEqual(good);

      // The link reproduces the view: the same settings, the same figures, in a page of its own.
      const hash = new URL(page.url()).hash;
      expect(hash).toBe('#runs=20&seed=42&lambda.accountConcurrency=150');
      const again = await open(file, hash);
      expect(await again.page.evaluate(() => window.dmapStudio.state)).toEqual({ runs: 20, seed: 42, values: { 'lambda.accountConcurrency': 150 } });
      expect(await figures(again.page)).toEqual(good);
      expect(await again.page.getByRole('spinbutton', { name: 'Lambda concurrency' }).inputValue()).toBe('150');
      expect(again.consoleErrors).toEqual([]);
      await again.context.close();

      expect(opened.consoleErrors).toEqual([]);
      await opened.context.close();
    },
    SLOW,
  );

  it(
    'runs a small sweep with a deadline in the page to `dmap sweep`\'s figures, frontier and recommendation, and applies a point',
    async () => {
      const file = writeStudio('scenarios/small-inline.yaml', 'sweep.html', '--runs', '20');
      const opened = await open(file);
      const { page } = opened;
      await page.getByLabel('First field').selectOption('itemBatcher.maxItemsPerBatch');
      await page.locator('#sweep-values-1').fill('5, 10, 20');
      await page.getByLabel('Second field').selectOption('maxConcurrency');
      await page.locator('#sweep-values-2').fill('10, 40');
      await page.locator('#sweep-runs').fill('20');
      await page.getByLabel('Deadline (optional)').fill('10s');
      await page.getByRole('button', { name: 'Run the sweep' }).click();
      await page.waitForFunction(() => window.dmapStudio.sweep !== undefined, undefined, { timeout: SLOW });
      const sweep = await page.evaluate(() => window.dmapStudio.sweep);
      const cli = runDmap('sweep', 'scenarios/small-inline.yaml', '--vary', 'itemBatcher.maxItemsPerBatch=5,10,20', '--vary', 'maxConcurrency=10,40', '--runs', '20', '--deadline', '10s', '--json');
      expect(cli.status, cli.stderr).toBe(0);
      const json = JSON.parse(cli.stdout) as {
        points: Array<{ index: number; runs: number; wallTimeSeconds: { p90: number }; costUsd: { p90: number } }>;
        frontier: number[];
        recommendation: { pointIndex: number | null; reason: string };
      };
      expect(sweep?.points.map((p) => p.result.runs)).toEqual(json.points.map((p) => p.runs));
      expect(sweep?.recommendation.pointIndex).toBe(json.recommendation.pointIndex);
      expect(sweep?.recommendation.reason).toBe(json.recommendation.reason);
      expect(await page.locator('table.sweep thead').innerText()).toContain('Meets the goal');
      expect(sweep?.points.map((p) => [roundTo(p.result.wallTimeSeconds.p90, 3), roundTo(p.result.costUsd.p90, 8)])).toEqual(json.points.map((p) => [p.wallTimeSeconds.p90, p.costUsd.p90]));
      expect(sweep?.frontier).toEqual(json.frontier);
      expect(await page.locator('table.sweep tbody tr').count()).toBe(6);
      expect(await page.locator('table.sweep tr.on-frontier').count()).toBe(json.frontier.length);
      const before = await updates(page);
      await page.locator('table.sweep tbody tr').first().getByRole('button', { name: /^Apply/ }).click();
      await settled(page, before);
      expect(await page.evaluate(() => window.dmapStudio.state.values)).toEqual({ 'itemBatcher.maxItemsPerBatch': 5, maxConcurrency: 10 });
      expect(opened.consoleErrors).toEqual([]);
      await opened.context.close();
    },
    SLOW,
  );

  it('gives the same figures on the page\'s own thread when the browser will not start workers', async () => {
    const file = writeStudio('scenarios/small-inline.yaml', 'no-workers.html', '--runs', '30');
    const opened = await open(file, '#runs=30&seed=5&itemBatcher.maxItemsPerBatch=20', undefined, true);
    const { page } = opened;
    expect(page.workers()).toEqual([]);
    expect(await page.locator('#status').innerText()).toMatch(/on this page's own thread/);
    const saved = join(dir, 'no-workers.yaml');
    writeFileSync(saved, await page.evaluate(() => window.dmapStudio.scenarioYaml()));
    expect(withoutIdentity(await figures(page))).toEqual(withoutIdentity(cliJson(saved, '--runs', '30', '--seed', '5')));
    expect(opened.consoleErrors).toEqual([]);
    await opened.context.close();
  });

  it('prices with the pricing flags it was written with, as dmap simulate does with the same flags, and repeats them in its command', async () => {
    // A catalogue in which Lambda requests cost 1,000 times the list price: the page must price with it, not the shipped one.
    const catalogue = join(dir, 'dear-lambda.json');
    const shipped = JSON.parse(readFileSync('src/pricing/catalogues/aws-list-prices.json', 'utf8'));
    shipped.regions['us-east-1'].prices['lambda.request'].usd = '200';
    writeFileSync(catalogue, JSON.stringify(shipped));
    const flags = ['--catalogue', catalogue, '--discount', 'lambda=12', '--runs-per-month', '720', '--currency', 'EUR', '--exchange-rate', '0.5', '--rate-date', '2026-11-30'];
    const file = writeStudio('scenarios/small-inline.yaml', 'priced.html', '--runs', '30', ...flags);
    const opened = await open(file, '#runs=30&seed=5&itemBatcher.maxItemsPerBatch=20');
    const { page } = opened;
    const json = await figures(page);
    expect(json.cost.runsPerMonth).toBe(720);
    expect(json.cost.currency?.perUsd).toBe(0.5);

    const command = await page.evaluate(() => window.dmapStudio.command());
    expect(command).toBe(`dmap simulate small-inline-studio.yaml --runs 30 --seed 5 --json ${flags.join(' ')}`);
    const saved = join(dir, 'small-inline-studio.yaml');
    writeFileSync(saved, await page.evaluate(() => window.dmapStudio.scenarioYaml()));
    const args = command.split(' ').slice(2).filter((arg) => arg !== '--json').map((arg) => (arg === 'small-inline-studio.yaml' ? saved : arg));
    const cli = cliJson(...args);
    expect(withoutIdentity(json)).toEqual(withoutIdentity(cli));
    // The same flags with the shipped catalogue give a far lower cost: the page did price with the one given.
    expect(cliJson(...args.filter((arg) => arg !== '--catalogue' && arg !== catalogue)).summary.costUsd.p50).toBeLessThan(json.summary.costUsd.p50 / 2);

    // Money shows in EUR beside USD, at exactly half, and the rate is said.
    const usd = Number((await cardText(page, 'cost-p50')).replace(/^\$|,/g, ''));
    const eur = Number((await page.locator('[data-figure="cost-p50"] .card-currency').innerText()).replace(/^EUR |,/g, ''));
    expect(eur).toBeCloseTo((usd as number) / 2, 3);
    expect(await page.locator('#cost-lines').innerText()).toContain('EUR at 0.5 EUR per USD on 2026-11-30, given by the user');
    await page.waitForSelector('#comparison table', { timeout: SLOW });
    expect(await page.locator('#comparison tbody').innerText()).toMatch(/Cost per run P90\s+\$[0-9.]+ \(EUR [0-9.]+\)/);
    expect(opened.consoleErrors).toEqual([]);
    await opened.context.close();
  }, SLOW);

  it('shows a scenario named like a script as text, runs nothing of it, and saves it intact', async () => {
    const hostile = '</script><script>alert(1)</script>\u2028<!--';
    const scenario = join(dir, 'hostile.yaml');
    const original = readFileSync('scenarios/small-inline.yaml', 'utf8');
    writeFileSync(scenario, original.replace(/^name: .*$/m, `name: ${JSON.stringify(hostile)}`).replace(/^description: .*$/m, 'description: "<img src=x onerror=alert(2)> & <b>bold</b>"'));
    const file = writeStudio(scenario, 'hostile.html', '--runs', '5');
    const opened = await open(file);
    const { page } = opened;
    expect(opened.dialogs).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe(hostile);
    expect(await page.locator('.description').innerText()).toBe('<img src=x onerror=alert(2)> & <b>bold</b>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect((await figures(page)).scenario.name).toBe(hostile);
    const yaml = await page.evaluate(() => window.dmapStudio.scenarioYaml());
    const saved = join(dir, 'hostile-saved.yaml');
    writeFileSync(saved, yaml);
    const check = runDmap('validate', saved);
    expect(check.status, check.stderr).toBe(0);
    expectOnlyLocalRequests(opened, file);
    await opened.context.close();
  });

  it('has a label on every control, reads at 1280 px and on a laptop screen, and prints the figures without the controls', async () => {
    const file = writeStudio('scenarios/orders-to-dynamodb.yaml', 'laptop.html', '--runs', '3');
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1366, height: 768 },
    ]) {
      const opened = await open(file, '', viewport);
      const { page } = opened;
      const unlabelled = await page.locator('input, select, textarea').evaluateAll((elements) =>
        elements
          .filter((e) => !e.classList.contains('visually-hidden'))
          .filter((e) => ((e as HTMLInputElement).labels?.length ?? 0) === 0 && !e.getAttribute('aria-labelledby') && !e.getAttribute('aria-label'))
          .map((e) => e.id || e.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await page.locator('aside.panel').boundingBox().then((b) => b !== null && b.x < 60 && b.width >= 300)).toBe(true);
      mkdirSync('test-output', { recursive: true });
      await page.screenshot({ path: `test-output/studio-${viewport.width}.png` });
      if (viewport.width === 1280) {
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('aside.panel').isVisible()).toBe(false);
        expect(await page.locator('#figures').isVisible()).toBe(true);
        expect(await page.locator('#reproduce #changes').isVisible()).toBe(true);
        await page.pdf({ path: 'test-output/studio-print.pdf', format: 'A4' });
      }
      expect(opened.consoleErrors).toEqual([]);
      await opened.context.close();
    }
  }, SLOW);
});
