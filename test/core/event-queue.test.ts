import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/core/index.js';

describe('EventQueue', () => {
  it('pops in (time, insertion) order for any sequence of pushes and cancels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ timeMs: fc.integer({ min: 0, max: 20 }), cancel: fc.boolean() }), { maxLength: 300 }),
        (entries) => {
          const queue = new EventQueue();
          const noop = () => undefined;
          const handles = entries.map((e, i) => queue.push(e.timeMs, noop, i));
          entries.forEach((e, i) => {
            if (e.cancel) queue.cancel(handles[i] as number);
          });
          const expected = entries
            .map((e, i) => ({ ...e, i }))
            .filter((e) => !e.cancel)
            .sort((x, y) => x.timeMs - y.timeMs || x.i - y.i)
            .map((e) => e.i);
          const popped: number[] = [];
          while (queue.pop()) popped.push(queue.poppedPayload);
          expect(popped).toEqual(expected);
          expect(queue.size).toBe(0);
        },
      ),
    );
  });

  it('grows past its initial capacity', () => {
    const queue = new EventQueue();
    for (let i = 5000; i > 0; i--) queue.push(i, () => undefined, i);
    let previous = 0;
    let count = 0;
    while (queue.pop()) {
      expect(queue.poppedTimeMs).toBeGreaterThan(previous);
      previous = queue.poppedTimeMs;
      count++;
    }
    expect(count).toBe(5000);
  });
});
