/**
 * The review warnings reach every output, not only the HTML and Markdown reports: the
 * terminal summary and the JSON `warnings`, after the scenario's own warnings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDmap } from './run-dmap.js';

describe('dmap simulate warnings', () => {
  it('puts the review warnings in the JSON warnings and in the terminal summary', () => {
    const json = JSON.parse(runDmap('simulate', 'scenarios/reinvent-500k.yaml', '--json').stdout);
    const titles = json.warnings.map((w: { title?: string }) => w.title);
    expect(titles).toEqual(['MaxConcurrency above Lambda concurrency', 'No failure tolerated']);
    expect(json.warnings[0]).toMatchObject({ severity: 'info', message: expect.stringMatching(/^MaxConcurrency 3,000 is above the function's concurrency limit of 1,000/) });
    const text = runDmap('simulate', 'scenarios/reinvent-500k.yaml').stdout;
    expect(text).toMatch(/\nWarnings:\n {2}- MaxConcurrency above Lambda concurrency: MaxConcurrency 3,000 is above/);
  });

  it('lists the scenario file\'s warnings first, with their field, then the review warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmap-warnings-'));
    const file = join(dir, 'capped.yaml');
    writeFileSync(file, ['name: capped', 'itemReader: { source: inline, itemCount: 100 }', 'maxConcurrency: 20000', 'resultWriter: {}', 'toleratedFailurePercentage: 5', 'lambda: { perItemDurationMs: 10, timeoutSeconds: 60 }', ''].join('\n'));
    const json = JSON.parse(runDmap('simulate', file, '--json').stdout);
    expect(json.warnings[0]).toMatchObject({ field: 'maxConcurrency', value: 20000 });
    expect(json.warnings[0].title).toBeUndefined();
    expect(json.warnings.slice(1).every((w: { title?: string }) => typeof w.title === 'string')).toBe(true);
  });
});
