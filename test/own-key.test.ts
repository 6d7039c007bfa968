/**
 * Issue 17: a key the user wrote (a Region, a function, quota or state name, a
 * CloudFormation logical ID) never finds what objects inherit from Object.prototype.
 * The helpers, and a scan of src/ for records keyed by user input read with brackets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOwnKey, ownValue, setOwn } from '../src/own-key.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Records keyed by what the user wrote; read them with ownValue / hasOwnKey. */
const USER_KEYED = /\b(regions|prices|sources|freeTier|functions|serviceQuotas|resources|parameters|globalsFunction|priceOverrides)(\?\.)?\[(?!\d)[^\]]/;
/** `in` against such a record finds inherited names too. */
const USER_KEYED_IN = /\bin (catalogue\.(regions|sources)|scenario\.(functions|serviceQuotas)|states|siblings|vars)\b/;

describe('own keys', () => {
  it('ownValue and hasOwnKey ignore what objects inherit', () => {
    const record: Record<string, number> = { 'us-east-1': 1 };
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(ownValue(record, key)).toBeUndefined();
      expect(hasOwnKey(record, key)).toBe(false);
    }
    expect(ownValue(record, 'us-east-1')).toBe(1);
  });

  it('setOwn makes __proto__ a field, not the prototype', () => {
    const record: Record<string, unknown> = {};
    setOwn(record, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__']);
  });

  it('src/ reads user-keyed records through them, never with brackets or `in`', () => {
    const offenders = sourceFiles('src')
      .filter((file) => !file.includes(`${join('src', 'calibrate')}`) && !file.includes(`${join('src', 'reconcile')}`))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
          .filter(({ line }) => !/^\s*(\*|\/\/)/.test(line) && (USER_KEYED.test(line) || USER_KEYED_IN.test(line))),
      );
    expect(offenders).toEqual([]);
  });
});
