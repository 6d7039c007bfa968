/**
 * `npm run bench`: the performance figures the issues ask for, measured in this
 * process. Timings are wall-clock and vary with the machine; the ratios are what to
 * compare.
 */
import { holdBareHeap, holdKernel, type HoldResult } from './kernel-bench.js';
import { benchFlagship } from './model-bench.js';

const PENDING = 10_000;
const EVENTS = 2_000_000;
const TRIALS = 5;

function best(results: HoldResult[]): HoldResult {
  return results.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
}

function kernelSection(): void {
  const kernel: HoldResult[] = [];
  const bare: HoldResult[] = [];
  // Interleaved trials, so both loops see the same machine conditions; best of each.
  for (let i = 0; i < TRIALS; i++) {
    bare.push(holdBareHeap(PENDING, EVENTS));
    kernel.push(holdKernel(PENDING, EVENTS));
  }
  const k = best(kernel);
  const b = best(bare);
  const rate = (r: HoldResult) => `${(r.eventsPerSecond / 1e6).toFixed(2)} M events/s (${r.events.toLocaleString('en-US')} events in ${r.seconds.toFixed(3)} s)`;
  console.log(`Kernel hold workload: ${PENDING.toLocaleString('en-US')} pending, ${EVENTS.toLocaleString('en-US')} scheduled, best of ${TRIALS}`);
  console.log(`  bare binary heap   ${rate(b)}`);
  console.log(`  SimulationKernel   ${rate(k)}`);
  console.log(`  kernel / bare      ${((k.eventsPerSecond / b.eventsPerSecond) * 100).toFixed(1)} %  (target ≥ 50 %)`);
}

kernelSection();
console.log('');
benchFlagship();
