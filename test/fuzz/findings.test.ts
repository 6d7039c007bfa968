/**
 * What the fuzzing campaign found (and the Choice loops, found while checking the work
 * estimate it relies on), each as the smallest input that shows it, through the built
 * CLI: every one used to end in exit 3, a stack trace, a non-finite figure, a crash, or
 * seconds to hours of work, and is fixed in src.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDmap } from '../cli/run-dmap.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dmap-findings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const DEFINITION = {
  StartAt: 'Process',
  States: {
    Process: {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b' } },
      ItemBatcher: { MaxItemsPerBatch: 10 },
      End: true,
    },
  },
};

describe('fuzzing findings', () => {
  it('import: MaxItemsPerBatch 1e400 (Infinity once parsed) is a note and a field to fill in, not .inf in the scenario', () => {
    const path = file('huge-batch.asl.json', JSON.stringify(DEFINITION).replace('"MaxItemsPerBatch":10', '"MaxItemsPerBatch":1e400'));
    const run = runDmap('import', path);
    expect(run.status, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Infinity|\.inf/);
    expect(run.stderr).toMatch(/MaxItemsPerBatch is a number too large to hold/);
    expect(run.stdout).toMatch(/maxItemsPerBatch: null/);
  });

  it('import: a JSON definition nested 100,000 levels deep with a syntax error is exit 2 at its line, not a stack overflow', () => {
    const path = file('deep.asl.json', `{"StartAt": ${'['.repeat(100_000)}1${']'.repeat(99_999)}}`);
    const run = runDmap('import', path);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${path}:1:\\d+: not valid JSON: nested more than 1,000 levels deep`));
  });

  it('validate: 20,000 wrong items are the first 100 problems and a count of the rest', () => {
    const path = file('many.yaml', `name: many\nitemReader: { source: inline, itemCount: 10 }\nlambda: { perItemDurationMs: 10 }\nchildWorkflow:\n  retry: [${new Array(20_000).fill(0).join(', ')}]\n`);
    const run = runDmap('validate', path);
    expect(run.status, run.stderr).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('101 problems:');
    expect(lines).toHaveLength(102);
    expect(lines[1]).toMatch(/childWorkflow\.retry\[0\]: must be an object \(got 0\)/);
    expect(lines.at(-1)).toBe(`  ${path}: and 19,900 more problems, not listed`);
  });

  it('validate: a Choice that always loops back is exit 2 at the state; simulate: one that loops back 99,999 times in 100,000 is refused with the estimate', () => {
    const states = (p: number) => `childWorkflow:\n  states:\n    A: { type: Pass, next: C }\n    C: { type: Choice, choices: [ { next: A, probability: ${p} } ], default: Done }\n    Done: { type: Succeed }\n`;
    const endless = file('endless.yaml', `name: endless\nitemReader: { source: inline, itemCount: 10 }\nlambda: { perItemDurationMs: 10 }\n${states(1)}`);
    const run = runDmap('simulate', endless);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${endless}:\\d+:\\d+: childWorkflow\\.states\\.A: is in a loop that never ends`));
    const rare = file('rare-exit.yaml', `name: rare\nitemReader: { source: inline, itemCount: 100000 }\nlambda: { perItemDurationMs: 10 }\n${states(0.99999)}`);
    const started = Date.now();
    const refused = runDmap('simulate', rare);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/100,000 child executions of 200,001 states each.*--force/s);
  });

  it('validate and price: YAML nested 5,000 flow levels deep is exit 2 at the level past 1,000, not a stack overflow', () => {
    const deep = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    const scenario = file('deep.yaml', `name: deep\nitemReader: { source: inline, itemCount: 10 }\nlambda: { perItemDurationMs: 10 }\ndescription: ${deep}\n`);
    const run = runDmap('validate', scenario);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toBe(`error:\n  ${scenario}:4:1014: nested more than 1,000 levels deep\n`);
    const usage = file('deep-usage.yaml', `region: ${deep}\n`);
    expect(runDmap('price', usage).stderr).toMatch(/deep-usage\.yaml:1:1009: nested more than 1,000 levels deep/);
  });
});
