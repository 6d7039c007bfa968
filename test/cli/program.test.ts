import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/version.js';
import { runDmap } from './run-dmap.js';

describe('dmap', () => {
  it('shows an example and the exit codes in --help', () => {
    const run = runDmap('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('$ dmap simulate scenarios/reinvent-500k.yaml');
    expect(run.stdout).toContain('2  bad input');
  });

  it.each(['simulate', 'validate'])('shows an example in `%s --help`', (command) => {
    const run = runDmap(command, '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Examples?:\\n  \\$ dmap ${command} `));
  });

  it('prints the package version', () => {
    const run = runDmap('--version');
    expect(run.stdout.trim()).toBe(TOOL_VERSION);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(TOOL_VERSION);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(runDmap('simulat').status).toBe(2);
    const run = runDmap('simulate', 'scenarios/small-inline.yaml', '--sed', '3');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--sed'");
  });
});

describe('dmap validate', () => {
  it('accepts every shipped scenario', () => {
    for (const file of ['scenarios/reinvent-500k.yaml', 'scenarios/small-inline.yaml']) {
      const run = runDmap('validate', file);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/: valid scenario "/);
    }
  });

  it('lists the problems and exits 2', () => {
    const run = runDmap('validate', 'test/fixtures/five-mistakes.yaml');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('maxConcurency: unknown field; did you mean `maxConcurrency`?');
  });
});
