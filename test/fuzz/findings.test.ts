/**
 * What the fuzzing campaign found, each as the smallest input that shows it, through the
 * built CLI: every one used to end in exit 3, a stack trace, a non-finite figure or
 * seconds of work, and is fixed in src.
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
});
