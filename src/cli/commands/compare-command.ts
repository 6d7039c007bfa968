import { sha256Hex } from '../file-hash.js';
import { readTextFile } from '../../input/read-text-file.js';
import { compareResults } from '../../planner/compare.js';
import { breaches, type FailIf } from '../../planner/fail-if.js';
import { catalogueOf, currencyFromFlags, hasPricingFlags, withPricingFlags, type PricingFlags } from '../pricing-flags.js';
import { buildComparisonJson } from '../../report/comparison-json.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../report/comparison-report.js';
import { SIMULATE_FORMAT, type SimulationJson } from '../../report/simulation-json.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { parseScenarioText } from '../../scenario/index.js';
import { simulate } from '../../simulate.js';
import type { PriceCatalogue } from '../../pricing/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';

export interface CompareFlags extends PricingFlags {
  /** Run even when the work estimate is far beyond what a user could want (src/runner/work-guard.ts). */
  force?: boolean;
  runs?: number;
  seed?: number;
  workers?: number;
  markdown?: boolean;
  json?: boolean;
  failIf?: FailIf[];
}

export async function runCompareCommand(fileA: string, fileB: string, flags: CompareFlags, io: CliOutput): Promise<number> {
  // From the flags, not from either side: a saved result's figures can be shown in a currency though they cannot be repriced.
  const currency = currencyFromFlags(flags);
  const catalogue = await catalogueOf(flags);
  const a = await resultOf(fileA, flags, catalogue, io);
  const b = await resultOf(fileB, flags, catalogue, io);
  const comparison = compareResults(a, b, currency);
  const breached = breaches(comparison, flags.failIf ?? []);
  if (flags.json) io.out(`${JSON.stringify(buildComparisonJson(comparison, breached, currency), null, 2)}\n`);
  else io.out(flags.markdown ? renderComparisonMarkdown(comparison, breached, currency) : renderComparisonText(comparison, breached, currency));
  for (const breach of breached) io.err(`guard failed: ${breach.guard.text} (observed ${breach.observed})\n`);
  return breached.length > 0 ? ExitCode.thresholdBreached : ExitCode.ok;
}

/** A saved `dmap simulate --json` result is used as it is; a scenario is simulated (same seed for both sides). */
async function resultOf(file: string, flags: CompareFlags, catalogue: PriceCatalogue, io: CliOutput): Promise<SimulationJson> {
  const text = await readTextFile(file, 'scenario or result');
  if (file.endsWith('.json')) {
    const parsed = safeJson(text);
    if (parsed?.format === SIMULATE_FORMAT) {
      // A saved result keeps the prices it was simulated with: say so rather than compare unlike figures silently.
      if (hasPricingFlags(flags) || flags.strictPrices) io.err(`warning: ${file} is a saved result: the pricing flags do not change its figures (simulate it again with them)\n`);
      return parsed as SimulationJson;
    }
  }
  // The pricing flags apply to each scenario as simulate applies them (pricing-flags.ts).
  const { scenario, document } = withPricingFlags(parseScenarioText(text, file), flags);
  const runs = flags.runs ?? 100;
  if (flags.strictPrices) assertScenarioPriced(scenario, flags.seed ?? scenario.seed, catalogue, `${file}'s first run`);
  const { json } = await simulate(scenario, {
    runs,
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    workers: flags.workers ?? (runs > 1 ? defaultWorkerCount() : 1),
    catalogue,
    identity: { file, sha256: sha256Hex(text) },
    ...(flags.force ? { force: true } : {}),
    document,
    ...(flags.catalogue ? { catalogueFile: flags.catalogue } : {}),
  });
  return json;
}

function safeJson(text: string): { format?: unknown } | undefined {
  try {
    return JSON.parse(text) as { format?: unknown };
  } catch {
    return undefined;
  }
}
