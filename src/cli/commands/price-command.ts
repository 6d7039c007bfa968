import { loadCatalogueFile, defaultCatalogue, regionOrThrow } from '../../pricing/load-catalogue.js';
import { priceUsage, usageFromDocument, validateUsageDocument } from '../../pricing/index.js';
import { parseLocated } from '../../input/parse-located.js';
import { readTextFile } from '../../input/read-text-file.js';
import { renderCostCsv } from '../../report/cost-csv.js';
import { renderCostTable } from '../../report/cost-table.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import type { PriceOverrides } from '../parse-price-override.js';

export interface PriceFlags {
  json?: boolean;
  csv?: boolean;
  catalogue?: string;
  freeTier?: boolean;
  discount?: number;
  price?: PriceOverrides;
}

export async function runPriceCommand(file: string, flags: PriceFlags, io: CliOutput): Promise<number> {
  const text = await readTextFile(file, 'usage document');
  const { value: document } = parseLocated(text, file, validateUsageDocument);
  const catalogue = flags.catalogue ? await loadCatalogueFile(flags.catalogue) : defaultCatalogue();
  regionOrThrow(catalogue, document.region);
  const report = priceUsage(usageFromDocument(document), catalogue, {
    freeTier: flags.freeTier ?? document.freeTier,
    discountPercent: flags.discount ?? document.discountPercent,
    ...(flags.price ? { priceOverrides: flags.price } : {}),
  });
  if (flags.json) {
    io.out(`${JSON.stringify({ format: 'dmap-planner/price', formatVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, usageFile: file, ...report }, null, 2)}\n`);
  } else if (flags.csv) {
    io.out(renderCostCsv(report));
  } else {
    io.out(renderCostTable(report, `Cost of ${file}`));
  }
  return ExitCode.ok;
}
