import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { RETRY_PRESET_NAMES, RETRY_PRESETS, type Catcher, type Retrier } from '../../src/model/retry-policy.js';
import { catchSchema, retrySchema } from '../../src/scenario/retry-schema.js';

function issues(result: { success: boolean; error?: { issues: { code: string; message: string; path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe('retrySchema', () => {
  it('parses to Retrier[] and Catch to Catcher[]', () => {
    expectTypeOf<z.output<typeof retrySchema>>().toEqualTypeOf<Retrier[]>();
    expectTypeOf<z.output<typeof catchSchema>>().toEqualTypeOf<Catcher[]>();
  });

  it.each(RETRY_PRESET_NAMES)('turns the preset name %s into a copy of its array', (name) => {
    const parsed = retrySchema.parse(name);
    expect(parsed).toEqual(RETRY_PRESETS[name]);
    expect(parsed).not.toBe(RETRY_PRESETS[name]);
    parsed.push({ errorEquals: ['X'], intervalSeconds: 1, maxAttempts: 1, backoffRate: 1, jitterStrategy: 'NONE' });
    parsed[0]?.errorEquals.push('Y');
    expect(RETRY_PRESETS[name]).not.toContainEqual(expect.objectContaining({ errorEquals: ['X'] }));
  });

  it.each(RETRY_PRESET_NAMES)('accepts the preset %s written out as retriers', (name) => {
    expect(retrySchema.parse(structuredClone(RETRY_PRESETS[name]))).toEqual(RETRY_PRESETS[name]);
  });

  it('fills in the ASL defaults: 1 s, 3 attempts, ×2, no jitter, no cap', () => {
    expect(retrySchema.parse([{ errorEquals: ['Lambda.Unknown'] }])).toEqual([
      { errorEquals: ['Lambda.Unknown'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2, jitterStrategy: 'NONE' },
    ]);
    expect('maxDelaySeconds' in (retrySchema.parse([{ errorEquals: ['E'] }])[0] as Retrier)).toBe(false);
  });

  it('accepts an empty array and a States.ALL retrier last', () => {
    expect(retrySchema.parse([])).toEqual([]);
    const parsed = retrySchema.parse([
      { errorEquals: ['States.Timeout'], maxAttempts: 0 },
      { errorEquals: ['States.ALL'], intervalSeconds: 2, maxDelaySeconds: 30, jitterStrategy: 'FULL' },
    ]);
    expect(parsed[1]).toEqual({ errorEquals: ['States.ALL'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2, maxDelaySeconds: 30, jitterStrategy: 'FULL' });
  });

  it('rejects States.ALL in any retrier but the last', () => {
    const found = issues(retrySchema.safeParse([{ errorEquals: ['States.ALL'] }, { errorEquals: ['Lambda.Unknown'] }]));
    expect(found.map((i) => i.message).join('\n')).toMatch(/States\.ALL may appear only in the last retrier/);
    expect(found.some((i) => i.path.join('.') === '0.errorEquals.0')).toBe(true);
  });

  it('rejects States.ALL alongside other names', () => {
    const found = issues(retrySchema.safeParse([{ errorEquals: ['Lambda.Unknown', 'States.ALL'] }]));
    expect(found.map((i) => i.message).join('\n')).toMatch(/States\.ALL must appear alone/);
  });

  it.each([
    ['an unknown preset', 'aws-default'],
    ['empty errorEquals', [{ errorEquals: [] }]],
    ['an empty error name', [{ errorEquals: [''] }]],
    ['a zero interval', [{ errorEquals: ['E'], intervalSeconds: 0 }]],
    ['a fractional interval', [{ errorEquals: ['E'], intervalSeconds: 1.5 }]],
    ['negative attempts', [{ errorEquals: ['E'], maxAttempts: -1 }]],
    ['too many attempts', [{ errorEquals: ['E'], maxAttempts: 100_000_000 }]],
    ['a backoff below 1', [{ errorEquals: ['E'], backoffRate: 0.5 }]],
    ['a zero max delay', [{ errorEquals: ['E'], maxDelaySeconds: 0 }]],
    ['an unknown jitter', [{ errorEquals: ['E'], jitterStrategy: 'HALF' }]],
    ['an unknown field (ASL spelling)', [{ ErrorEquals: ['E'] }]],
    ['a typo', [{ errorEquals: ['E'], maxAttempt: 2 }]],
  ])('rejects %s', (_label, input) => {
    expect(retrySchema.safeParse(input).success).toBe(false);
  });

  it('reports the element issue, not a bare union failure, for a malformed retrier', () => {
    const result = retrySchema.safeParse([{ errorEquals: ['E'], intervalSeconds: 'x' }]);
    const [union] = issues(result);
    // Both branches fail; the string branch only with a type error at the root, which the
    // scenario validator discards, leaving the retrier's own issue.
    expect(union?.code).toBe('invalid_union');
    const branches = (union as unknown as { errors: { code: string; path: PropertyKey[] }[][] }).errors;
    expect(branches[0]).toEqual([expect.objectContaining({ code: 'invalid_type', path: [] })]);
    expect(branches[1]).toEqual([expect.objectContaining({ code: 'invalid_type', path: [0, 'intervalSeconds'] })]);
  });

  it('describes every retrier field with its ASL name, and lists the presets in the JSON Schema', () => {
    const json = z.toJSONSchema(retrySchema, { io: 'input' }) as unknown as {
      anyOf: [{ enum: string[]; description: string }, { items: { properties: Record<string, { description?: string }> } }];
    };
    expect(json.anyOf[0].enum).toEqual([...RETRY_PRESET_NAMES]);
    expect(json.anyOf[0].description).toMatch(/aws-best-practice/);
    const fields = json.anyOf[1].items.properties;
    expect(Object.keys(fields).sort()).toEqual(
      ['backoffRate', 'errorEquals', 'intervalSeconds', 'jitterStrategy', 'maxAttempts', 'maxDelaySeconds'].sort(),
    );
    for (const [key, field] of Object.entries(fields)) expect(field.description, key).toMatch(/^Retry\[\]\.[A-Z][A-Za-z]+: /);
  });
});

describe('catchSchema', () => {
  it('defaults the outcome to FAILED', () => {
    expect(catchSchema.parse([{ errorEquals: ['Lambda.Unknown'] }, { errorEquals: ['States.ALL'], outcome: 'SUCCEEDED' }])).toEqual([
      { errorEquals: ['Lambda.Unknown'], outcome: 'FAILED' },
      { errorEquals: ['States.ALL'], outcome: 'SUCCEEDED' },
    ]);
  });

  it('applies the States.ALL rule', () => {
    const notLast = issues(catchSchema.safeParse([{ errorEquals: ['States.ALL'] }, { errorEquals: ['E'] }]));
    expect(notLast.map((i) => i.message).join('\n')).toMatch(/only in the last catcher/);
    const notAlone = issues(catchSchema.safeParse([{ errorEquals: ['States.ALL', 'E'] }]));
    expect(notAlone.map((i) => i.message).join('\n')).toMatch(/must appear alone/);
  });

  it('describes the catcher fields with their ASL names', () => {
    const json = z.toJSONSchema(catchSchema, { io: 'input' }) as unknown as { items: { properties: Record<string, { description?: string }> } };
    for (const [key, field] of Object.entries(json.items.properties)) expect(field.description, key).toMatch(/^Catch\[\]\.[A-Z]/);
  });

  it('rejects an unknown outcome and a Next field', () => {
    expect(catchSchema.safeParse([{ errorEquals: ['E'], outcome: 'CAUGHT' }]).success).toBe(false);
    expect(catchSchema.safeParse([{ errorEquals: ['E'], next: 'Fallback' }]).success).toBe(false);
  });
});
