import { UserInputError } from '../../errors.js';
import { parseLocated } from '../../input/parse-located.js';
import { readTextFile } from '../../input/read-text-file.js';
import { ingestBill, reconcile, validateEstimate, type BillFormat } from '../../reconcile/index.js';
import { renderReconciliationCsv } from '../../report/reconcile-csv.js';
import { buildReconciliationJson } from '../../report/reconcile-json.js';
import { renderReconciliationMarkdown } from '../../report/reconcile-markdown.js';
import { renderReconciliationText } from '../../report/reconcile-text.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { progressReporter } from '../progress.js';
import { fileSize, readCsvRecords } from '../read-csv-records.js';
import { currencyFromFlags, type PricingFlags } from '../pricing-flags.js';

export interface ReconcileFlags extends Pick<PricingFlags, 'currency' | 'exchangeRate' | 'rateDate'> {
  bill: string;
  format?: BillFormat;
  runs?: number;
  region?: string;
  product?: string[];
  includeCovered?: boolean;
  csv?: boolean;
  json?: boolean;
  markdown?: boolean;
}

/** Bills at least this big show a progress bar on a terminal. */
const PROGRESS_BYTES = 8_000_000;

export async function runReconcileCommand(resultFile: string, flags: ReconcileFlags, io: CliOutput): Promise<number> {
  const outputs = (['csv', 'json', 'markdown'] as const).filter((f) => flags[f]);
  if (outputs.length > 1) throw new UserInputError([{ field: `--${outputs.join(', --')}`, message: 'give at most one output format' }]);
  // Checked before the bill is read: a bad currency flag should not wait for a large bill.
  const currency = currencyFromFlags(flags);

  const text = await readTextFile(resultFile, 'estimate');
  const { value: estimate } = parseLocated(text, resultFile, (document) => {
    const validation = validateEstimate(document);
    return validation.ok ? { ...validation, warnings: [] } : validation;
  });
  if (flags.runs !== undefined && estimate.runsPerMonth === undefined) {
    throw new UserInputError([{ field: '--runs', message: 'applies to a `dmap simulate --json` result; a `dmap price --json` estimate is already the usage document\'s month', value: flags.runs }]);
  }

  const size = await fileSize(flags.bill, 'bill');
  const progress = size >= PROGRESS_BYTES ? progressReporter(!flags.json, 'reading the bill', 'MB') : undefined;
  const totalMb = Math.ceil(size / 1_000_000);
  let bill;
  try {
    bill = await ingestBill(
      readCsvRecords(flags.bill, progress && ((bytes) => progress.update(Math.floor(bytes / 1_000_000), totalMb))),
      {
        file: flags.bill,
        ...(flags.format ? { format: flags.format } : {}),
        ...(flags.region ? { region: flags.region } : {}),
        ...(flags.product ? { products: flags.product } : {}),
        ...(flags.includeCovered ? { includeCovered: true } : {}),
      },
    );
  } finally {
    progress?.stop();
  }

  const reconciliation = reconcile(estimate, bill, flags.runs !== undefined ? { runs: flags.runs } : {});
  if (flags.json) io.out(`${JSON.stringify(buildReconciliationJson(reconciliation, resultFile, currency), null, 2)}\n`);
  else if (flags.csv) io.out(renderReconciliationCsv(reconciliation, currency));
  else if (flags.markdown) io.out(renderReconciliationMarkdown(reconciliation, resultFile, currency));
  else io.out(renderReconciliationText(reconciliation, resultFile, currency));
  return ExitCode.ok;
}
