import { createHash } from 'node:crypto';
import { formatProblem } from '../../errors.js';
import { UserInputError } from '../../errors.js';
import { locatePath } from '../../input/parse-located.js';
import { defaultCatalogue, loadCatalogueFile, missingRegionMessage } from '../../pricing/load-catalogue.js';
import { renderSummaryText } from '../../report/summary-text.js';
import { defaultWorkerCount } from '../../runner/replication-pool.js';
import { loadScenarioFile } from '../../scenario/load-scenario.js';
import { simulate } from '../../simulate.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import type { PriceOverrides } from '../parse-price-override.js';
import { progressReporter } from '../progress.js';

export interface SimulateFlags {
  seed?: number;
  runs?: number;
  precision?: number;
  maxRuns?: number;
  workers?: number;
  catalogue?: string;
  freeTier?: boolean;
  discount?: number;
  runsPerMonth?: number;
  price?: PriceOverrides;
  json?: boolean;
}

export async function runSimulateCommand(file: string, flags: SimulateFlags, io: CliOutput): Promise<number> {
  const loaded = await loadScenarioFile(file);
  const catalogue = flags.catalogue ? await loadCatalogueFile(flags.catalogue) : defaultCatalogue();
  if (!catalogue.regions[loaded.scenario.region]) {
    throw new UserInputError([
      { file, ...locatePath(loaded.text, ['region']), field: 'region', message: missingRegionMessage(catalogue), value: loaded.scenario.region },
    ]);
  }
  const manyRuns = (flags.runs ?? 1) > 1 || flags.precision !== undefined;
  const progress = progressReporter(!flags.json && manyRuns);
  try {
    // Pricing flags override the scenario's `pricing` block.
    const pricing = loaded.scenario.pricing;
    const scenario = {
      ...loaded.scenario,
      pricing: {
        freeTier: flags.freeTier ?? pricing.freeTier,
        discountPercent: flags.discount ?? pricing.discountPercent,
        runsPerMonth: flags.runsPerMonth ?? pricing.runsPerMonth,
        priceOverrides: { ...pricing.priceOverrides, ...flags.price },
      },
    };
    const { json } = await simulate(scenario, {
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      runs: flags.runs ?? 1,
      ...(flags.precision !== undefined ? { precisionPercent: flags.precision } : {}),
      ...(flags.maxRuns !== undefined ? { maxRuns: flags.maxRuns } : {}),
      workers: flags.workers ?? (manyRuns ? defaultWorkerCount() : 1),
      catalogue,
      identity: { file, sha256: createHash('sha256').update(loaded.text).digest('hex') },
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.stop();
    // Warnings come from the file, with line numbers; the library's own copies lack them.
    json.warnings = loaded.warnings.map((w) => ({ field: w.field, message: w.message, value: w.value }));
    if (flags.json) {
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
      io.out(renderSummaryText(json));
    }
    return ExitCode.ok;
  } finally {
    progress?.stop();
  }
}
