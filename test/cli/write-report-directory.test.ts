import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportDirectory } from '../../src/cli/write-report-directory.js';

describe('writeReportDirectory', () => {
  it('writes every file, then replaces the previous report as a whole', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dmap-report-'));
    const target = join(parent, 'flagship');
    await writeReportDirectory(target, [
      { path: 'report.html', content: 'old' },
      { path: 'stale.txt', content: 'only in the old report' },
    ]);
    await writeReportDirectory(target, [
      { path: 'report.html', content: 'new' },
      { path: 'charts/a.png', content: new Uint8Array([1, 2, 3]) },
    ]);
    expect(readFileSync(join(target, 'report.html'), 'utf8')).toBe('new');
    expect([...readFileSync(join(target, 'charts/a.png'))]).toEqual([1, 2, 3]);
    expect(existsSync(join(target, 'stale.txt'))).toBe(false);
    // The report path is a link to the one version left: the old one is gone.
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(target), 'flagship'].sort());
    expect(readlinkSync(target)).toMatch(/^\.flagship\.report-/);
  });

  it('replaces a report directory written by an older dmap (a real directory) and keeps nothing of it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dmap-report-'));
    const target = join(parent, 'flagship');
    mkdirSync(target);
    writeFileSync(join(target, 'report.html'), 'old layout');
    await writeReportDirectory(target, [{ path: 'report.html', content: 'new' }]);
    expect(readFileSync(join(target, 'report.html'), 'utf8')).toBe('new');
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(target), 'flagship'].sort());
  });

  it('does not replace a file that is in the way', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dmap-report-'));
    const target = join(parent, 'flagship');
    writeFileSync(target, 'not a report');
    await expect(writeReportDirectory(target, [{ path: 'report.html', content: 'new' }])).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('not a report');
    expect(readdirSync(parent)).toEqual(['flagship']);
  });

  it('leaves the previous report intact and no temporary files when writing fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dmap-report-'));
    const target = join(parent, 'flagship');
    await writeReportDirectory(target, [{ path: 'report.html', content: 'good' }]);
    // A file and a directory with the same name cannot both be written: the second write fails.
    await expect(
      writeReportDirectory(target, [
        { path: 'report.html', content: 'half' },
        { path: 'charts', content: 'a file' },
        { path: 'charts/a.png', content: 'x' },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(join(target, 'report.html'), 'utf8')).toBe('good');
    expect(readdirSync(parent).sort()).toEqual([readlinkSync(target), 'flagship'].sort());
  });
});
