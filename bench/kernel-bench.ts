/**
 * Kernel throughput on a schedule-and-pop ("hold") workload: a steady population of
 * pending events; each event, when it runs, schedules one more at a pseudo-random delay.
 * The same workload runs on a bare binary heap in the same process for comparison.
 */
import { SimulationKernel } from '../src/core/index.js';
import { BareHeap } from './bare-heap.js';

const DELAYS = 4096;

function delayTable(): Float64Array {
  // A fixed table (not an RNG) so both loops see identical delays and pay nothing to draw them.
  const delays = new Float64Array(DELAYS);
  let x = 12345;
  for (let i = 0; i < DELAYS; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    delays[i] = 1 + (x / 2147483648) * 1000;
  }
  return delays;
}

export interface HoldResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export function holdKernel(pending: number, events: number): HoldResult {
  const delays = delayTable();
  const kernel = new SimulationKernel();
  let n = 0;
  const onEvent = () => {
    if (n < events) kernel.schedule(delays[n++ & (DELAYS - 1)] as number, onEvent);
  };
  for (let i = 0; i < pending; i++) kernel.schedule(delays[i & (DELAYS - 1)] as number, onEvent);
  const start = process.hrtime.bigint();
  kernel.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: kernel.eventCount, seconds, eventsPerSecond: kernel.eventCount / seconds };
}

export function holdBareHeap(pending: number, events: number): HoldResult {
  const delays = delayTable();
  const heap = new BareHeap(pending + 1);
  for (let i = 0; i < pending; i++) heap.push(delays[i & (DELAYS - 1)] as number);
  let n = 0;
  let popped = 0;
  const start = process.hrtime.bigint();
  while (heap.size > 0) {
    const now = heap.pop();
    popped++;
    if (n < events) heap.push(now + (delays[n++ & (DELAYS - 1)] as number));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: popped, seconds, eventsPerSecond: popped / seconds };
}
