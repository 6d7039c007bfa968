import { describe, expect, it } from 'vitest';
import { SimulationKernel } from '../../src/core/index.js';

/** Records (name, time) pairs, SimPy style, so tests assert the exact ordered log. */
function logger(kernel: SimulationKernel) {
  const log: Array<[string, number]> = [];
  const handler = (name: string) => () => log.push([name, kernel.nowMs]);
  return { log, handler };
}

describe('SimulationKernel', () => {
  it('runs events in time order', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    kernel.schedule(30, handler('c'));
    kernel.schedule(10, handler('a'));
    kernel.schedule(20, handler('b'));
    kernel.run();
    expect(log).toEqual([['a', 10], ['b', 20], ['c', 30]]);
    expect(kernel.eventCount).toBe(3);
  });

  it('breaks ties by insertion order, including events scheduled while running', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    kernel.schedule(5, handler('first'));
    kernel.schedule(5, () => {
      log.push(['second', kernel.nowMs]);
      kernel.schedule(0, handler('scheduled-by-second'));
    });
    kernel.schedule(5, handler('third'));
    kernel.schedule(0, handler('zero'));
    kernel.run();
    expect(log).toEqual([
      ['zero', 0],
      ['first', 5],
      ['second', 5],
      ['third', 5],
      ['scheduled-by-second', 5],
    ]);
  });

  it('passes the payload to the handler', () => {
    const kernel = new SimulationKernel();
    const seen: number[] = [];
    const onEvent = (payload: number) => seen.push(payload);
    kernel.schedule(2, onEvent, 7);
    kernel.schedule(1, onEvent, 3);
    kernel.run();
    expect(seen).toEqual([3, 7]);
  });

  it('cancels pending events and refuses stale handles', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    const a = kernel.schedule(1, handler('a'));
    const b = kernel.schedule(2, handler('b'));
    kernel.schedule(3, handler('c'));
    expect(kernel.cancel(b)).toBe(true);
    expect(kernel.cancel(b)).toBe(false);
    expect(kernel.pendingCount).toBe(2);
    kernel.run();
    expect(log).toEqual([['a', 1], ['c', 3]]);
    expect(kernel.cancel(a)).toBe(false);
    // The slot of `a` is reused; its old handle must not cancel the new event.
    kernel.schedule(1, handler('d'));
    expect(kernel.cancel(a)).toBe(false);
    kernel.run();
    expect(log.at(-1)).toEqual(['d', 4]);
  });

  it('cancelling the earliest event lets the next one run first', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    const early = kernel.schedule(1, handler('early'));
    kernel.schedule(1, handler('tie'));
    kernel.cancel(early);
    expect(kernel.peekMs()).toBe(1);
    kernel.run();
    expect(log).toEqual([['tie', 1]]);
  });

  it('runs until a time and leaves the clock there', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    kernel.schedule(10, handler('a'));
    kernel.schedule(20, handler('b'));
    kernel.schedule(30, handler('c'));
    kernel.run(20);
    expect(log).toEqual([['a', 10], ['b', 20]]);
    expect(kernel.nowMs).toBe(20);
    kernel.run(25);
    expect(kernel.nowMs).toBe(25);
    kernel.run();
    expect(log.at(-1)).toEqual(['c', 30]);
  });

  it('steps one event at a time', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    kernel.schedule(1, handler('a'));
    kernel.schedule(2, handler('b'));
    expect(kernel.step()).toBe(true);
    expect(log).toEqual([['a', 1]]);
    expect(kernel.step()).toBe(true);
    expect(kernel.step()).toBe(false);
    expect(kernel.peekMs()).toBe(Infinity);
  });

  it('stop() ends run after the current event', () => {
    const kernel = new SimulationKernel();
    const { log, handler } = logger(kernel);
    kernel.schedule(1, () => {
      log.push(['stopper', kernel.nowMs]);
      kernel.stop();
    });
    kernel.schedule(2, handler('later'));
    kernel.run();
    expect(log).toEqual([['stopper', 1]]);
    expect(kernel.pendingCount).toBe(1);
  });

  it('rejects negative delays and times in the past', () => {
    const kernel = new SimulationKernel();
    kernel.schedule(5, () => undefined);
    kernel.run();
    expect(() => kernel.schedule(-1, () => undefined)).toThrow(/non-negative/);
    expect(() => kernel.schedule(Number.NaN, () => undefined)).toThrow(/non-negative/);
    expect(() => kernel.scheduleAt(4, () => undefined)).toThrow(/in the past/);
  });
});
