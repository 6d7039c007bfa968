/**
 * `npm run bench`: the performance figures the issues ask for, measured on this
 * machine. Timings are wall-clock and vary with the machine; the ratios and the
 * targets beside each figure are what to compare.
 */
import { spawnSync } from 'node:child_process';
import { holdBareHeap, holdKernel, type HoldResult } from './kernel-bench.js';
import { benchFlagship } from './model-bench.js';
import { benchMonteCarlo } from './montecarlo-bench.js';
import { benchCalibrate } from './calibrate-bench.js';
import { benchSensitivity } from './sensitivity-bench.js';
import { benchSweep } from './sweep-bench.js';
import { benchStudio } from './studio-bench.js';

const PENDING = 10_000;
const EVENTS = 2_000_000;
const TRIALS = 5;
const LARGE_SCENARIO = 'bench/scenarios/ten-million-children.yaml';

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

/** Runs one replication in a fresh process, so its peak memory is its own. */
function largeRun(objectCount: number, scenario = LARGE_SCENARIO): { seconds: number; maxRssMb: number; events: number; children: number; status: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/large-run.ts', scenario, String(objectCount)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`large run failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function largeSection(): void {
  console.log(`Large runs (${LARGE_SCENARIO}), one replication each in its own process`);
  for (const objects of [1_000_000, 10_000_000]) {
    const r = largeRun(objects);
    console.log(
      `  ${r.children.toLocaleString('en-US').padStart(10)} children: ${r.seconds.toFixed(2)} s, peak RSS ${r.maxRssMb} MB, ${r.events.toLocaleString('en-US')} events, ${r.status}` +
        (objects === 10_000_000 ? '  (targets: < 30 s, < 1,536 MB, RSS flat in the item count)' : ''),
    );
  }
}

const FIVE_STATE_SCENARIO = 'bench/scenarios/five-state-child.yaml';

function childStatesSection(): void {
  console.log(`Long-form child (${FIVE_STATE_SCENARIO}): Choice, two Lambdas, DynamoDB, Pass; one replication in its own process`);
  const r = largeRun(1_000_000, FIVE_STATE_SCENARIO);
  console.log(
    `  ${r.children.toLocaleString('en-US')} children over 1,000,000 items: ${r.seconds.toFixed(2)} s, peak RSS ${r.maxRssMb} MB, ${r.events.toLocaleString('en-US')} events, ${r.status}  (target < 10 s)`,
  );
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
  kernel: kernelSection,
  flagship: benchFlagship,
  large: largeSection,
  children: childStatesSection,
  montecarlo: benchMonteCarlo,
  sweep: benchSweep,
  sensitivity: benchSensitivity,
  calibrate: benchCalibrate,
  studio: benchStudio,
};

// `npm run bench -- montecarlo sweep` runs only those sections; no names runs them all.
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown bench section: ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
for (const [name, section] of Object.entries(SECTIONS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await section();
  console.log('');
}
