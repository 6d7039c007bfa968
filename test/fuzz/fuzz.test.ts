/**
 * Issue 17, scope point 2: the short fuzzing run of every `npm test`. A few hundred
 * generated scenarios, usage documents and definitions (test/fuzz/campaign.ts) through
 * the built CLI, each classified: exit 0 with finite output, or exit 2 with every
 * problem located; no internal error, stack trace, non-finite figure, hang or memory
 * blow-up. Seeded: a failure names its input, which reruns alone with the same seed.
 * The long run is `npm run fuzz` (scripts/fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';

/** Fixed, so CI runs the same inputs every time; `npm run fuzz` takes FUZZ_SEED. */
const SEED = 20261202;

describe('fuzzing the CLI (short run)', () => {
  it('gives exit 0 with finite output or a located exit 2 for every generated input', async () => {
    const report = await runCampaign({
      seed: SEED,
      counts: { scenario: 300, usage: 100, definition: 100 },
      threads: 1,
      timeoutMs: 60_000,
      heapMb: 1024,
      runs: 2,
      budgetEvents: 3e6,
    });
    const findings = report.findings.map((f) => `${f.kind} #${f.index} (seed ${SEED}) ${f.finding}: ${f.origin}\n${f.detail}`);
    expect(findings, findings.join('\n\n')).toEqual([]);
    // The campaign must reach valid inputs too, or it would test the parsers alone.
    for (const kind of ['scenario', 'usage', 'definition'] as const) expect(report.tally[kind].ok, kind).toBeGreaterThan(report.tally[kind].inputs / 10);
  }, 600_000);
});
