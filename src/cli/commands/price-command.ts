import { missingRegionMessage } from '../../pricing/load-catalogue.js';
import { priceUsage, usageFromDocument, validateUsageDocument } from '../../pricing/index.js';
import { parseLocated } from '../../input/parse-located.js';
import { readTextFile } from '../../input/read-text-file.js';
import { renderCostCsv } from '../../report/cost-csv.js';
import { renderCostTable } from '../../report/cost-table.js';
import { convertUsd } from '../../report/format-money.js';
import { currencyHead } from '../../report/currency-json.js';
import { convertLine } from '../../report/simulation-json.js';
import { plain } from '../../pricing/decimal.js';
import { assertFiniteFigures } from '../../report/finite-figures.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { catalogueOf, pricingWithFlags, type PricingFlags } from '../pricing-flags.js';
import { assertEveryUsagePriced } from '../strict-prices.js';
import { hasOwnKey } from '../../own-key.js';

export interface PriceFlags extends PricingFlags {
  json?: boolean;
  csv?: boolean;
}

export async function runPriceCommand(file: string, flags: PriceFlags, io: CliOutput): Promise<number> {
  const text = await readTextFile(file, 'usage document');
  const catalogue = await catalogueOf(flags);
  // The Region is checked against the catalogue inside validation, so its error carries the file and line.
  const { value: document } = parseLocated(text, file, (raw) => {
    const validation = validateUsageDocument(raw);
    if (!validation.ok || hasOwnKey(catalogue.regions, validation.value.region)) return validation;
    return { ok: false, issues: [{ path: ['region'], message: missingRegionMessage(catalogue), value: validation.value.region }] };
  });
  // The document's own settings, with the pricing flags over them (pricing-flags.ts).
  const pricing = pricingWithFlags({ freeTier: document.freeTier, discountPercent: document.discountPercent, runsPerMonth: 1, discounts: {}, priceOverrides: {} }, flags);
  const report = priceUsage(usageFromDocument(document), catalogue, {
    freeTier: pricing.freeTier,
    discountPercent: pricing.discountPercent,
    ...(Object.keys(pricing.discounts).length > 0 ? { discounts: pricing.discounts } : {}),
    ...(Object.keys(pricing.priceOverrides).length > 0 ? { priceOverrides: pricing.priceOverrides } : {}),
    ...(pricing.computeSavingsPlan ? { savingsPlan: pricing.computeSavingsPlan } : {}),
  });
  if (flags.strictPrices) assertEveryUsagePriced(report, file);
  assertFiniteFigures(report, { document, file, what: 'usage document' });
  // Unpriced usage must not pass unnoticed when the output goes to a file.
  if (flags.json || flags.csv) for (const warning of report.warnings) io.err(`warning: ${warning}\n`);
  if (flags.json) {
    const currency = pricing.currency;
    const converted = currency
      ? {
          lines: report.lines.map((line) => convertLine(line, currency)),
          currency: {
            ...currencyHead(currency),
            total: plain(convertUsd(report.totalUsd, currency).toDecimalPlaces(12)),
            totalAwsRounded: convertUsd(report.totalUsdAwsRounded, currency).toFixed(2),
          },
        }
      : {};
    io.out(`${JSON.stringify({ format: 'dmap-planner/price', formatVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, usageFile: file, ...report, ...converted }, null, 2)}\n`);
  } else if (flags.csv) {
    io.out(renderCostCsv(report, pricing.currency ? { currency: pricing.currency } : {}));
  } else {
    io.out(renderCostTable(report, `Cost of ${file}`, pricing.currency));
  }
  return ExitCode.ok;
}
