/// <reference lib="dom" />
/**
 * Opens a real report in headless Chromium (Debian's `chromium`, driven by
 * playwright-core) the way a reader would: from disk, offline. No console error, no
 * network request, every chart drawn, and user text shown as text. A screenshot is
 * kept in test-output/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDmap } from '../cli/run-dmap.js';
import { watchPage } from '../support/page-watch.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const XSS_NAME = '<script>alert(1)</script>';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

function writeReport(scenarioFile: string, runs: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'dmap-browser-')), 'report');
  const run = runDmap('simulate', scenarioFile, '--runs', runs, '--report', dir, '--sensitivity-runs', '10');
  expect(run.status, run.stderr).toBe(0);
  return join(dir, 'report.html');
}

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const { consoleErrors, dialogs } = watchPage(page);
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('request', (request) => request.url() !== url && requests.push(request.url()));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.chartsReady === 'true', undefined, { timeout: 20_000 });
  return { page, consoleErrors, requests, dialogs };
}

describe('report.html in Chromium', () => {
  it('opens offline, draws every chart and logs no error', async () => {
    const file = writeReport('scenarios/reinvent-500k.yaml', '60');
    const { page, consoleErrors, requests } = await open(file);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const canvases = await page.$$eval('canvas', (elements) =>
      elements.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
        return { id: c.dataset.chartId, width: c.width, painted: painted / (data.length / 4) };
      }),
    );
    // The six charts, then the Sensitivity section's tornado charts (P(fail) only when a run failed).
    const ids = canvases.map((c) => c.id);
    expect(ids.slice(0, 6)).toEqual(['concurrency', 'items-completed', 'wall-time', 'bounded-by', 'cost-by-line', 'cost-distribution']);
    expect(ids.slice(6, 8)).toEqual(['tornado-wall-time', 'tornado-cost']);
    expect(ids.slice(8).every((id) => id === 'tornado-failure')).toBe(true);
    for (const canvas of canvases) {
      expect(canvas.width, canvas.id).toBeGreaterThan(0);
      expect(canvas.painted, canvas.id).toBeGreaterThan(0.02);
    }
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/report-flagship.png', fullPage: true });
    await page.close();
  });

  it('opens sensitivity.html offline and draws its tornado charts', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dmap-browser-')), 'sensitivity');
    const run = runDmap('sensitivity', 'scenarios/small-inline.yaml', '--runs', '6', '--report', dir);
    expect(run.status, run.stderr).toBe(0);
    const { page, consoleErrors, requests } = await open(join(dir, 'sensitivity.html'));
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const painted = await page.$$eval('canvas', (elements) =>
      elements.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) ink++;
        return { id: c.dataset.chartId, share: ink / (data.length / 4) };
      }),
    );
    expect(painted.map((c) => c.id)).toEqual(['tornado-wall-time', 'tornado-cost']);
    for (const chart of painted) expect(chart.share, chart.id).toBeGreaterThan(0.02);
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/sensitivity-small-inline.png', fullPage: true });
    await page.close();
  });

  it('shows a scenario named like a script as text and runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-xss-'));
    const scenarioFile = join(dir, 'xss.yaml');
    const original = readFileSync('scenarios/small-inline.yaml', 'utf8');
    writeFileSync(scenarioFile, original.replace(/^name: .*$/m, `name: "${XSS_NAME}"`).replace(/^description: .*$/m, 'description: "<img src=x onerror=alert(2)> & <b>bold</b>"'));
    const { page, consoleErrors, requests, dialogs } = await open(writeReport(scenarioFile, '5'));
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe(XSS_NAME);
    expect(await page.locator('img').count()).toBe(0);
    await page.close();
  });
});
