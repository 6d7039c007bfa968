/**
 * `npm run fuzz`: the long fuzzing campaign of issue 17 (test/fuzz/campaign.ts) over the
 * built CLI. By default 10,000 scenarios, 2,000 usage documents and 1,000 definitions,
 * seed 17, one thread per core. Environment: FUZZ_SEED, FUZZ_SCENARIOS, FUZZ_USAGE,
 * FUZZ_DEFINITIONS, FUZZ_THREADS, FUZZ_TIMEOUT_MS, FUZZ_FINDINGS (directory, default
 * fuzz-findings/). Prints the tally; exits 1 if anything was found.
 */
import { availableParallelism } from 'node:os';
import { runCampaign } from '../test/fuzz/campaign.js';

const env = (name: string, fallback: number): number => {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};

const seed = env('FUZZ_SEED', 17);
const counts = { scenario: env('FUZZ_SCENARIOS', 10_000), usage: env('FUZZ_USAGE', 2_000), definition: env('FUZZ_DEFINITIONS', 1_000) };
const threads = env('FUZZ_THREADS', availableParallelism());
const timeoutMs = env('FUZZ_TIMEOUT_MS', 30_000);
const findingsDir = process.env['FUZZ_FINDINGS'] || 'fuzz-findings';

process.stdout.write(`fuzz: seed ${seed}, ${counts.scenario} scenarios, ${counts.usage} usage documents, ${counts.definition} definitions, ${threads} threads, ${timeoutMs} ms per input\n`);
const report = await runCampaign({ seed, counts, threads, timeoutMs, heapMb: 1024, runs: 2, budgetEvents: 3e6, findingsDir, onProgress: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write(`\nfuzz: seed ${seed}, ${Math.round(report.ms / 1000)} s\n`);
for (const [kind, t] of Object.entries(report.tally)) {
  process.stdout.write(`  ${kind.padEnd(10)} ${t.inputs} inputs: ${t.ok} exit 0, ${t.large} valid but above the event budget (validated only), ${t.rejected} exit 2, ${t.findings} findings; ${t.commands} commands, slowest input ${t.slowestMs} ms\n`);
}
const found = Object.entries(report.byFinding).map(([finding, n]) => `${finding} ${n}`);
process.stdout.write(`  findings: ${found.length === 0 ? 'none' : `${found.join(', ')} (inputs and details in ${findingsDir}/)`}\n`);
process.exitCode = report.findings.length === 0 ? 0 : 1;
