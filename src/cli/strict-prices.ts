/**
 * `--strict-prices`: usage the catalogue cannot price fails the command (exit 2) instead
 * of becoming an UNPRICED line, for pipelines that must not publish an incomplete total.
 * Every unpriced key is listed, with its Region and quantity.
 */
import { UserInputError } from '../errors.js';
import { runReplication } from '../montecarlo/index.js';
import type { CostReport, PriceCatalogue } from '../pricing/index.js';
import { formatQuantity, Money } from '../pricing/decimal.js';
import type { Scenario } from '../scenario/index.js';

/** Throws when `report` has unpriced lines; `what` says whose usage it is. */
export function assertEveryUsagePriced(report: CostReport, what: string): void {
  const unpriced = report.lines.filter((line) => line.kind === 'unpriced');
  if (unpriced.length === 0) return;
  throw new UserInputError(
    unpriced.map((line) => ({
      field: '--strict-prices',
      message:
        `${line.priceKey} (${line.service}: ${line.item}) in ${report.region}: ${formatQuantity(new Money(line.quantity).toDecimalPlaces(6))} ${line.unit} of ${what} ` +
        `have no price in catalogue ${report.catalogue.name} ${report.catalogue.version} (${line.formula.endsWith('UNPRICED') && line.formula.startsWith('above') ? 'above its last priced tier' : 'no price for this key in this Region'}); ` +
        'give one with --price KEY=USD[/PER] or --catalogue, or leave out --strict-prices to show it as UNPRICED',
    })),
  );
}

/**
 * For commands that only summarise many runs (sweep, sensitivity, backtest,
 * workflow-type, compare): prices the scenario's first replication, as simulate would,
 * and fails when any of its usage is unpriced.
 */
export function assertScenarioPriced(scenario: Scenario, seed: number, catalogue: PriceCatalogue, what: string): void {
  const detail = runReplication({ scenario, seed, catalogue }, 0);
  assertEveryUsagePriced(detail.cost.monthly, what);
}
