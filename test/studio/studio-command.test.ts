/**
 * `dmap studio` on the command line: the file it writes (one self-contained page, the
 * scenario and the code inlined), `--serve` on 127.0.0.1, and bad input as exit code 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDmap } from '../cli/run-dmap.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dmap studio', () => {
  it('writes one page holding the scenario, its code and no reference to anything outside it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dmap-studio-cli-')), 'page.html');
    const run = runDmap('studio', 'scenarios/small-inline.yaml', '--out', out, '--runs', '50', '--seed', '7');
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const data = JSON.parse(/<script type="application\/json" id="dmap-studio-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');
    expect(data).toMatchObject({ format: 'dmap-planner/studio', formatVersion: 1, file: 'scenarios/small-inline.yaml', seed: 7, runs: 50 });
    expect(data.text).toBe(readFileSync('scenarios/small-inline.yaml', 'utf8'));
    // Scripts and styles are inline: no src, no stylesheet link, no import of a URL.
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*stylesheet/i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|importScripts\(|navigator\.sendBeacon|new WebSocket\(|new EventSource\(/);
    // The same inputs give the same file.
    const again = join(mkdtempSync(join(tmpdir(), 'dmap-studio-cli-')), 'page.html');
    expect(runDmap('studio', 'scenarios/small-inline.yaml', '--out', again, '--runs', '50', '--seed', '7').status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(html);
  });

  it('serves the same page on 127.0.0.1 until stopped', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dmap-studio-cli-')), 'page.html');
    expect(runDmap('studio', 'scenarios/small-inline.yaml', '--out', out).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'studio', 'scenarios/small-inline.yaml', '--serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          text += chunk;
          const found = /at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/.exec(text);
          if (found) resolve(found[1] as string);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before serving: ${text}`)));
      });
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body).toBe(readFileSync(out, 'utf8'));
      expect((await get(`${url}index.html?x=1`)).status).toBe(200);
      expect((await get(`${url}other`)).status).toBe(404);
      expect((await get(url, 'POST')).status).toBe(405);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it.each([
    [['scenarios/missing.yaml'], /missing\.yaml/],
    [['scenarios/small-inline.yaml', '--runs', '20000'], /--runs: must be at most 10,000/],
    [['scenarios/small-inline.yaml', '--serve', '--port', 'http'], /--port: must be a whole number from 0 to 65,535/],
    [['scenarios/small-inline.yaml', '--seed', '-1'], /--seed/],
    [['scenarios/small-inline.yaml', '--currency', 'EUR'], /--exchange-rate: is needed with the other currency flags[\s\S]*--rate-date: is needed/],
    [['scenarios/small-inline.yaml', '--savings-plan-rate', '17'], /--savings-plan-commitment: is needed with --savings-plan-rate/],
    [['scenarios/small-inline.yaml', '--catalogue', 'no-such-catalogue.json'], /no-such-catalogue\.json/],
  ])('refuses %j as bad input (exit 2)', (args, message) => {
    const run = runDmap('studio', ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('is listed in the help', () => {
    const help = runDmap('--help');
    expect(help.stdout).toMatch(/studio \[options\] <scenario>/);
    const own = runDmap('studio', '--help');
    expect(own.stdout).toContain('--serve');
    expect(own.stdout).toContain('--port <n>');
    for (const flag of ['--catalogue', '--free-tier', '--discount', '--runs-per-month', '--price', '--savings-plan-commitment', '--strict-prices', '--currency']) expect(own.stdout).toContain(flag);
  });
});
