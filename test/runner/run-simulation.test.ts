import { describe, expect, it } from 'vitest';
import { usefulWorkers } from '../../src/runner/run-simulation.js';

describe('usefulWorkers', () => {
  it('starts no more threads than there are replications to share, and at least this one', () => {
    expect(usefulWorkers(16, 4)).toBe(4);
    expect(usefulWorkers(2, 999)).toBe(2);
    expect(usefulWorkers(8, 0)).toBe(1);
  });
});
