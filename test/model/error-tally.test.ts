import { describe, expect, it } from 'vitest';
import { ErrorTally } from '../../src/model/error-tally.js';

describe('ErrorTally', () => {
  it('gives each name one code and counts by name, sorted, without names never counted', () => {
    const tally = new ErrorTally();
    const timeout = tally.code('States.Timeout');
    const throttle = tally.code('Lambda.TooManyRequestsException');
    tally.code('Lambda.Unknown');
    expect(tally.code('States.Timeout')).toBe(timeout);
    expect(tally.name(throttle)).toBe('Lambda.TooManyRequestsException');
    tally.count(timeout);
    tally.count(throttle);
    tally.count(throttle);
    expect(tally.byName()).toEqual({ 'Lambda.TooManyRequestsException': 2, 'States.Timeout': 1 });
    expect(Object.keys(tally.byName())).toEqual(['Lambda.TooManyRequestsException', 'States.Timeout']);
  });
});
