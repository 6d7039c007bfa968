/**
 * Keeps the architecture honest: the core is pure (no I/O, clock or global randomness)
 * and dependencies point one way (core knows nothing of the model, the model nothing of
 * files or terminals).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Files allowed to touch files, the process or the clock: the edges. */
const EDGES = new Set(['src/input/read-text-file.ts', 'src/importer/read-definition-file.ts', 'src/importer/load-scenario-or-definition.ts']);
const PURE_DIRS = ['src/core', 'src/aws-records', 'src/backtest', 'src/random', 'src/model', 'src/scenario', 'src/input', 'src/pricing', 'src/montecarlo', 'src/planner', 'src/importer', 'src/report', 'src/analysis', 'src/reconcile', 'src/calibrate'];
const IMPURE = /Math\.random|Date\.now|new Date\(|performance\.now|process\.|console\.|from 'node:(fs|child_process|net|http)/;

describe('architecture', () => {
  it.each(PURE_DIRS)('%s does no I/O and reads no clock or global randomness', (dir) => {
    for (const file of sourceFiles(dir).filter((f) => !EDGES.has(f))) {
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join('\n');
      expect(code, file).not.toMatch(IMPURE);
    }
  });

  it('the kernel imports nothing from the rest of dmap-planner', () => {
    for (const file of sourceFiles('src/core')) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1] as string);
      for (const path of imports) expect(path.startsWith('./'), `${file} imports ${path}`).toBe(true);
    }
  });

  it('the model imports neither the CLI nor the reports', () => {
    for (const file of sourceFiles('src/model')) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '\.\.\/(cli|report)\//);
    }
  });
});
