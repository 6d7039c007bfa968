/**
 * Issue 17: one YAML loading path for every input, with the same alias limits, and every
 * problem a located user error. The scenario path (parseLocated) and the importer's path
 * (parseCfnText, with CloudFormation's tags) are both checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type InputProblem } from '../../src/errors.js';
import { parseCfnText } from '../../src/importer/cfn-yaml.js';
import { parseLocated } from '../../src/input/parse-located.js';
import { loadYaml, MAX_ALIASED_VALUES } from '../../src/input/yaml-loading.js';

const anything = (document: unknown) => ({ ok: true as const, value: document, warnings: [] });
const loaders: Array<[string, (text: string) => unknown]> = [
  ['parseLocated (scenarios, workloads, usage documents, catalogues)', (text) => parseLocated(text, 'in.yaml', anything).value],
  ['parseCfnText (definitions and templates)', (text) => parseCfnText(text, 'in.yaml').value],
];

function problemOf(load: () => unknown): InputProblem {
  try {
    load();
  } catch (error) {
    if (!isUserInputError(error)) throw error;
    expect(error.problems).toHaveLength(1);
    return error.problems[0] as InputProblem;
  }
  throw new Error('expected a UserInputError');
}

/** `levels` anchors, each a list of ten aliases of the one before: 10^levels values once expanded. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe.each(loaders)('%s', (_name, load) => {
  it('an alias naming no anchor is a located user error', () => {
    const problem = problemOf(() => load('name: *nope\n'));
    expect(problem).toMatchObject({ file: 'in.yaml', line: 1, column: 7 });
    expect(problem.message).toMatch(/\*nope names no anchor/);
  });

  it('an alias inside the node its anchor marks is a located user error, not a stack overflow', () => {
    const problem = problemOf(() => load('StartAt: &a [x, *a]\n'));
    expect(problem).toMatchObject({ file: 'in.yaml', line: 1, column: 17 });
    expect(problem.message).toMatch(/inside the node its anchor &a marks/);
  });

  it('an alias bomb stops at the limit, fast, with the alias that crossed it', () => {
    const started = Date.now();
    const problem = problemOf(() => load(aliasBomb(9)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problem.file).toBe('in.yaml');
    expect(problem.line).toBeGreaterThan(1);
    expect(problem.message).toMatch(/alias bomb/);
  });

  it('100 aliases of one scalar, as real files have, load', () => {
    const text = ['name: &n x', ...Array.from({ length: 100 }, (_, i) => `k${i + 1}: *n`)].join('\n');
    const value = load(text) as Record<string, unknown>;
    expect(value['k1']).toBe('x');
    expect(value['k100']).toBe('x');
  });

  it('aliases of a block reused many times load, up to the limit of values they add', () => {
    const block = '&d { memoryMb: 1024, timeoutSeconds: 30, architecture: arm64 }';
    const uses = Math.floor(MAX_ALIASED_VALUES / 7) - 1;
    const text = [`defaults: ${block}`, 'functions:', ...Array.from({ length: uses }, () => '  - *d')].join('\n');
    const value = load(text) as { functions: unknown[] };
    expect(value.functions).toHaveLength(uses);
    expect(value.functions[uses - 1]).toEqual({ memoryMb: 1024, timeoutSeconds: 30, architecture: 'arm64' });
  });

  it('a key named __proto__ is an own key, never the prototype', () => {
    const value = load('__proto__: { polluted: true }\nconstructor: 1\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a syntax error is located', () => {
    const problem = problemOf(() => load('a: [1, 2\nb: 3\n'));
    expect(problem.file).toBe('in.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
  });
});

describe('loadYaml', () => {
  it('keeps CloudFormation short forms working through the one loader', () => {
    const { value } = parseCfnText(
      ['Arn: !GetAtt Fn.Arn', 'Name: !Ref Stage', 'Text: !Sub "${AWS::Region}-x"', 'List: !Join [",", [a, b]]', 'Base: &b !Ref Env', 'Again: *b'].join('\n'),
      't.yaml',
    );
    expect(value).toEqual({
      Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      Name: { Ref: 'Stage' },
      Text: { 'Fn::Sub': '${AWS::Region}-x' },
      List: { 'Fn::Join': [',', ['a', 'b']] },
      Base: { Ref: 'Env' },
      Again: { Ref: 'Env' },
    });
  });

  it('refuses nesting deeper than any real file, aliases followed', () => {
    const lines = ['l0: &l0 [[[[[[[[[[x]]]]]]]]]]'];
    for (let i = 1; i <= 120; i++) lines.push(`l${i}: &l${i} [[[[[[[[[[*l${i - 1}]]]]]]]]]]`);
    const problem = problemOf(() => loadYaml(lines.join('\n'), 'deep.yaml'));
    expect(problem.message).toMatch(/nested more than 1,000 levels deep/);
    expect(problem.file).toBe('deep.yaml');
  });

  it('gives an alias its own copy: changing one use leaves the others alone', () => {
    const { value } = loadYaml('a: &a { x: 1 }\nb: *a\nc: *a\n', 'copy.yaml');
    const doc = value as Record<string, Record<string, number>>;
    (doc['b'] as Record<string, number>)['x'] = 2;
    expect(doc['c']).toEqual({ x: 1 });
    expect(doc['a']).toEqual({ x: 1 });
  });
});

describe('one YAML loading path', () => {
  const KNOWN = new Set<string>();

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );
  }

  it('no module but yaml-loading.ts parses YAML or converts it to values', () => {
    const offenders = sourceFiles('src').filter((file) => {
      if (file === join('src', 'input', 'yaml-loading.ts') || KNOWN.has(file)) return false;
      const code = readFileSync(file, 'utf8');
      const imported = [...code.matchAll(/import \{([^}]*)\} from 'yaml'/g)].flatMap((m) => (m[1] as string).split(',').map((name) => name.trim()));
      return imported.some((name) => /^(parse|parseDocument|parseAllDocuments|Parser|Composer)$/.test(name)) || /\.toJS\(/.test(code);
    });
    expect(offenders).toEqual([]);
  });
});
