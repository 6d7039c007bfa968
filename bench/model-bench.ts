/**
 * One replication of the flagship scenario, timed.
 */
import { readFileSync } from 'node:fs';
import { simulateMapRun } from '../src/model/index.js';
import { parseScenarioText } from '../src/scenario/index.js';

const FLAGSHIP = 'scenarios/reinvent-500k.yaml';

export function benchFlagship(): void {
  const { scenario } = parseScenarioText(readFileSync(FLAGSHIP, 'utf8'), FLAGSHIP);
  for (let i = 0; i < 5; i++) simulateMapRun(scenario, { replication: i }); // warm-up
  const runs = 50;
  const times: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    events = simulateMapRun(scenario, { replication: i }).eventCount;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)] as number;
  console.log(`Flagship (${FLAGSHIP}), one replication: median ${median.toFixed(2)} ms, max ${(times.at(-1) as number).toFixed(2)} ms over ${runs} runs (${events.toLocaleString("en-US")} events; target < 100 ms)`);
}
