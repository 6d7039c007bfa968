/**
 * One replication of a scenario, run in its own process so that its peak memory
 * (maxRSS) is its own. Prints one JSON line: seconds, events, maxRssMb, wall time.
 * Usage: tsx bench/large-run.ts <scenario> [objectCount]
 */
import { readFileSync } from 'node:fs';
import { simulateMapRun } from '../src/model/index.js';
import { parseScenarioText } from '../src/scenario/index.js';

const [file, objectCount] = process.argv.slice(2) as [string, string | undefined];
const { scenario } = parseScenarioText(readFileSync(file, 'utf8'), file);
if (objectCount !== undefined && scenario.itemReader.source === 's3ListObjectsV2') scenario.itemReader.objectCount = Number(objectCount);
const start = process.hrtime.bigint();
const result = simulateMapRun(scenario);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(
  `${JSON.stringify({
    items: result.itemCounts.total,
    children: result.executionCounts.total,
    status: result.status,
    seconds: Number(seconds.toFixed(2)),
    events: result.eventCount,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    simulatedWallTimeSeconds: Math.round(result.wallTimeMs / 1000),
    throttled: result.attempts.throttled,
  })}\n`,
);
