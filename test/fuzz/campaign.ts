/**
 * The fuzzing campaign of issue 17: generated scenarios, usage documents and definitions
 * through the CLI (validate and simulate, price, import), each outcome classified
 * (classify-outcome.ts). Deterministic: the inputs are drawn by fast-check from `seed`,
 * chunk by chunk, so a seed and a count name every input. Findings are written to
 * `findingsDir` as the input file itself plus what went wrong, ready to become a
 * regression test. Used by the short run in `npm test` (fuzz.test.ts) and the long one
 * behind `npm run fuzz` (scripts/fuzz.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { classify, type Finding } from './classify-outcome.js';
import { runInputs, type FuzzInput, type InputKind, type PoolOptions } from './fuzz-pool.js';
import { definitionInput, quotedWords, scenarioInput, usageInput } from './input-arbitraries.js';

export interface CampaignOptions extends Omit<PoolOptions, 'onResult'> {
  seed: number;
  counts: Record<InputKind, number>;
  /** Where each finding's input and details are written; none when absent. */
  findingsDir?: string;
  onProgress?: (line: string) => void;
}

export interface KindTally {
  inputs: number;
  /** Exit 0 with finite output (`large`: valid, above the event budget, so validated only). */
  ok: number;
  large: number;
  /** Exit 2 with every problem located. */
  rejected: number;
  findings: number;
  /** Commands run, and the slowest input in ms. */
  commands: number;
  slowestMs: number;
}

export interface FindingRecord {
  kind: InputKind;
  index: number;
  finding: Finding;
  origin: string;
  detail: string;
  /** The input's file under findingsDir, when written. */
  file?: string;
}

export interface CampaignReport {
  seed: number;
  tally: Record<InputKind, KindTally>;
  byFinding: Partial<Record<Finding, number>>;
  findings: FindingRecord[];
  ms: number;
}

const ARBITRARIES: Record<InputKind, fc.Arbitrary<FuzzInput>> = { scenario: scenarioInput, usage: usageInput, definition: definitionInput };
/** Inputs drawn and run at a time: bounds the memory the inputs take (some are megabytes). */
const CHUNK = 200;

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = performance.now();
  const empty = (): KindTally => ({ inputs: 0, ok: 0, large: 0, rejected: 0, findings: 0, commands: 0, slowestMs: 0 });
  const report: CampaignReport = { seed: options.seed, tally: { scenario: empty(), usage: empty(), definition: empty() }, byFinding: {}, findings: [], ms: 0 };
  if (options.findingsDir) mkdirSync(options.findingsDir, { recursive: true });
  for (const [k, kind] of (['scenario', 'usage', 'definition'] as const).entries()) {
    const count = options.counts[kind];
    for (let from = 0; from < count; from += CHUNK) {
      // Each chunk has its own seed, derived from the campaign's: any chunk can be redrawn alone.
      const inputs = fc.sample(ARBITRARIES[kind], { seed: chunkSeed(options.seed, k, from), numRuns: Math.min(CHUNK, count - from) });
      const results = await runInputs(inputs, options);
      results.forEach((result, i) => {
        const tally = report.tally[kind];
        tally.inputs += 1;
        tally.commands += result.runs.length;
        tally.slowestMs = Math.max(tally.slowestMs, result.ms);
        const outcome = classify(result, quotedWords(result.input));
        if (outcome.ok) {
          if (outcome.large) tally.large += 1;
          else if (outcome.exit === 0) tally.ok += 1;
          else tally.rejected += 1;
          return;
        }
        tally.findings += 1;
        report.byFinding[outcome.finding] = (report.byFinding[outcome.finding] ?? 0) + 1;
        const record: FindingRecord = { kind, index: from + i, finding: outcome.finding, origin: result.input.origin, detail: outcome.detail.slice(0, 4000) };
        if (options.findingsDir) {
          record.file = join(options.findingsDir, `${kind}-${from + i}-${outcome.finding}${result.input.ext}`);
          writeFileSync(record.file, result.input.bytes);
          writeFileSync(`${record.file}.txt`, `${record.origin}\n${record.detail}\n`);
        }
        report.findings.push(record);
        options.onProgress?.(`FINDING ${kind} #${from + i} ${outcome.finding}: ${record.origin.slice(0, 300)}\n  ${record.detail.slice(0, 600).replace(/\n/g, '\n  ')}`);
      });
      const t = report.tally[kind];
      options.onProgress?.(`${kind}: ${t.inputs}/${count} (ok ${t.ok}, large ${t.large}, exit 2 ${t.rejected}, findings ${t.findings}) ${Math.round((performance.now() - started) / 1000)} s`);
    }
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

function chunkSeed(seed: number, kind: number, from: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + kind * 1_000_003 + from) | 0;
}
