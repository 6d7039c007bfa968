/**
 * The pricing flags, defined once for every command that puts a price on something
 * (simulate, sweep, compare, sensitivity, backtest, workflow-type, price): the catalogue,
 * free tier, discounts, runs a month, price overrides, a Compute Savings Plan,
 * `--strict-prices`, and a currency to show money in (which `dmap reconcile` takes alone:
 * it prices nothing, but prints money). Flags override the scenario's (or
 * usage document's) `pricing` block; every problem among them is reported at once.
 */
import type { Command } from 'commander';
import { UserInputError, type InputProblem } from '../errors.js';
import { DISCOUNT_SERVICES, type DiscountService } from '../pricing/discount-services.js';
import { defaultCatalogue, loadCatalogueFile } from '../pricing/load-catalogue.js';
import type { PriceCatalogue } from '../pricing/index.js';
import type { Scenario } from '../scenario/index.js';
import { parseRunsPerMonth } from './parse-flags.js';
import { collectPriceOverride, type PriceOverrides } from './parse-price-override.js';
import { closestName } from '../input/closest-name.js';

/** `--discount 10` (everything) and `--discount lambda=12,stepFunctions=5` (by service), repeatable. */
export interface DiscountFlag {
  everythingPercent?: number;
  byService: Partial<Record<DiscountService, number>>;
}

export interface PricingFlags {
  catalogue?: string;
  freeTier?: boolean;
  discount?: DiscountFlag;
  runsPerMonth?: number;
  price?: PriceOverrides;
  /** Raw text, checked with the rate so that every problem is listed at once. */
  savingsPlanCommitment?: string;
  savingsPlanRate?: string;
  strictPrices?: boolean;
  currency?: string;
  exchangeRate?: string;
  rateDate?: string;
}

export type ScenarioPricing = Scenario['pricing'];
export type Currency = NonNullable<ScenarioPricing['currency']>;

/**
 * Adds the pricing flags to `command`; `runsPerMonth: false` for `dmap price`, whose
 * document is the month. Every command that prices prints money, so each takes the
 * currency flags too.
 */
export function addPricingFlags(command: Command, options: { runsPerMonth?: boolean } = {}): Command {
  command
    .option('--catalogue <file>', 'price catalogue to use instead of the shipped AWS list prices')
    .option('--free-tier', 'subtract the monthly free tier from the cost (overrides the file)')
    .option('--no-free-tier', 'do not subtract it, even if the file says so')
    .option('--discount <percent|service=percent,...>', 'negotiated discount: 10 on everything, or by service, e.g. lambda=12,stepFunctions=5 (repeatable; overrides the file)', collectDiscount);
  if (options.runsPerMonth !== false) {
    command.option('--runs-per-month <n>', 'Map Runs a month: tiers and free tier apply to the monthly total (overrides the scenario)', parseRunsPerMonth);
  }
  command
    .option('--price <key=usd[/per]>', 'a custom price replacing the catalogue\'s, e.g. lambda.request=0.18/1000000 (repeatable)', collectPriceOverride)
    .option('--savings-plan-commitment <usd-per-hour>', 'a Compute Savings Plan\'s hourly commitment in USD; covers Lambda duration only (with --savings-plan-rate)')
    .option('--savings-plan-rate <percent>', 'the plan\'s discount off Lambda\'s On-Demand duration price (AWS: up to 17 %)')
    .option('--strict-prices', 'fail (exit 2) when any usage has no price in the catalogue, instead of showing it as UNPRICED');
  return addCurrencyFlags(command);
}

/** `--currency`, `--exchange-rate`, `--rate-date`: show money in another currency too, at the user's rate. */
export function addCurrencyFlags(command: Command): Command {
  return command
    .option('--currency <code>', 'also show money in this currency, e.g. EUR (with --exchange-rate and --rate-date; nothing is fetched)')
    .option('--exchange-rate <rate>', 'units of --currency one US dollar buys, e.g. 0.93')
    .option('--rate-date <YYYY-MM-DD>', 'the date of --exchange-rate');
}

/** `--discount 10`, `--discount lambda=12,stepFunctions=5`; later flags add to earlier ones. */
export function collectDiscount(text: string, previous: DiscountFlag = { byService: {} }): DiscountFlag {
  const result: DiscountFlag = { ...previous, byService: { ...previous.byService } };
  const problems: InputProblem[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^(?:([A-Za-z][A-Za-z0-9]*)=)?(\d+(?:\.\d+)?)$/.exec(part);
    const percent = match ? Number(match[2]) : NaN;
    if (!match || !(percent >= 0 && percent <= 100)) {
      problems.push({ field: '--discount', message: 'must be a percentage from 0 to 100 (on everything), or SERVICE=PERCENT pairs separated by commas, e.g. lambda=12,stepFunctions=5', value: part });
      continue;
    }
    const service = match[1];
    if (service === undefined) {
      result.everythingPercent = percent;
    } else if ((DISCOUNT_SERVICES as readonly string[]).includes(service)) {
      result.byService[service as DiscountService] = percent;
    } else {
      const suggestion = closestName(service, [...DISCOUNT_SERVICES]);
      problems.push({ field: '--discount', message: `unknown service${suggestion ? `; did you mean \`${suggestion}\`?` : ''}; services: ${DISCOUNT_SERVICES.join(', ')}`, value: service });
    }
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return result;
}

/**
 * The scenario's (or document's) pricing with the flags applied on top. Throws one
 * UserInputError listing every problem: a Savings Plan or currency flag without its
 * partners, a rate or date that is not one.
 */
export function pricingWithFlags(base: ScenarioPricing, flags: PricingFlags): ScenarioPricing {
  const problems: InputProblem[] = [];
  const savingsPlan = savingsPlanOf(flags, problems);
  const currency = currencyOf(flags, problems);
  if (problems.length > 0) throw new UserInputError(problems);
  const discount = flags.discount;
  return {
    ...base,
    ...(flags.freeTier !== undefined ? { freeTier: flags.freeTier } : {}),
    ...(flags.runsPerMonth !== undefined ? { runsPerMonth: flags.runsPerMonth } : {}),
    ...(discount?.everythingPercent !== undefined ? { discountPercent: discount.everythingPercent } : {}),
    discounts: { ...base.discounts, ...discount?.byService },
    priceOverrides: { ...base.priceOverrides, ...flags.price },
    ...(savingsPlan ? { computeSavingsPlan: savingsPlan } : {}),
    ...(currency ? { currency } : {}),
  };
}

/**
 * A loaded scenario with the pricing flags applied to both the scenario and the document
 * it came from: sweeps, sensitivity ends and workflow types rebuild scenarios from the
 * document, and must price them the same way.
 */
export function withPricingFlags<T extends { document: unknown; scenario: Scenario }>(loaded: T, flags: PricingFlags): T {
  const pricing = pricingWithFlags(loaded.scenario.pricing, flags);
  const document = typeof loaded.document === 'object' && loaded.document !== null ? { ...(loaded.document as Record<string, unknown>), pricing } : loaded.document;
  return { ...loaded, document, scenario: { ...loaded.scenario, pricing } };
}

/**
 * Whether any flag that changes a price was given (compare: a saved result cannot be
 * repriced). The currency flags change only how money is shown, which a saved result can.
 */
export function hasPricingFlags(flags: PricingFlags): boolean {
  return [flags.freeTier, flags.discount, flags.runsPerMonth, flags.price, flags.savingsPlanCommitment, flags.savingsPlanRate].some((f) => f !== undefined);
}

/**
 * The display currency the currency flags give, or undefined without them; throws one
 * UserInputError listing every problem (a flag without its partners, a bad code, rate or
 * date), as for the other pricing flags. For commands that show money they do not price.
 */
export function currencyFromFlags(flags: Pick<PricingFlags, 'currency' | 'exchangeRate' | 'rateDate'>): Currency | undefined {
  const problems: InputProblem[] = [];
  const currency = currencyOf(flags, problems);
  if (problems.length > 0) throw new UserInputError(problems);
  return currency;
}

export async function catalogueOf(flags: PricingFlags): Promise<PriceCatalogue> {
  return flags.catalogue ? loadCatalogueFile(flags.catalogue) : defaultCatalogue();
}

/** The flags again, for a report's rerun command. */
export function pricingRerunArgs(flags: PricingFlags): string[] {
  const args: string[] = [];
  if (flags.catalogue) args.push('--catalogue', flags.catalogue);
  if (flags.freeTier !== undefined) args.push(flags.freeTier ? '--free-tier' : '--no-free-tier');
  const discount = flags.discount;
  if (discount) {
    const parts = [
      ...(discount.everythingPercent !== undefined ? [String(discount.everythingPercent)] : []),
      ...Object.entries(discount.byService).map(([service, percent]) => `${service}=${percent}`),
    ];
    if (parts.length > 0) args.push('--discount', parts.join(','));
  }
  if (flags.runsPerMonth !== undefined) args.push('--runs-per-month', String(flags.runsPerMonth));
  for (const [key, price] of Object.entries(flags.price ?? {})) args.push('--price', `${key}=${price?.usd}${price?.per ? `/${price.per}` : ''}`);
  if (flags.savingsPlanCommitment !== undefined) args.push('--savings-plan-commitment', flags.savingsPlanCommitment);
  if (flags.savingsPlanRate !== undefined) args.push('--savings-plan-rate', flags.savingsPlanRate);
  if (flags.strictPrices) args.push('--strict-prices');
  if (flags.currency !== undefined) args.push('--currency', flags.currency, '--exchange-rate', String(flags.exchangeRate), '--rate-date', String(flags.rateDate));
  return args;
}

function savingsPlanOf(flags: PricingFlags, problems: InputProblem[]): ScenarioPricing['computeSavingsPlan'] {
  const { savingsPlanCommitment: commitmentText, savingsPlanRate: rateText } = flags;
  if (commitmentText === undefined && rateText === undefined) return undefined;
  if (commitmentText === undefined) problems.push({ field: '--savings-plan-commitment', message: 'is needed with --savings-plan-rate: the plan\'s hourly commitment in USD, e.g. 0.50' });
  if (rateText === undefined) problems.push({ field: '--savings-plan-rate', message: 'is needed with --savings-plan-commitment: the plan\'s discount off Lambda\'s On-Demand duration price in percent, e.g. 17' });
  const commitment = commitmentText === undefined ? undefined : decimalIn(commitmentText, 0, 1_000_000);
  const rate = rateText === undefined ? undefined : decimalIn(rateText, 0, 100);
  if (commitmentText !== undefined && (commitment === undefined || commitment === 0)) {
    problems.push({ field: '--savings-plan-commitment', message: 'must be an amount in USD per hour above 0 and at most 1,000,000', value: commitmentText });
  }
  if (rateText !== undefined && rate === undefined) problems.push({ field: '--savings-plan-rate', message: 'must be a percentage from 0 to 100', value: rateText });
  return commitment && rate !== undefined ? { commitmentUsdPerHour: commitment, discountPercent: rate } : undefined;
}

function currencyOf(flags: Pick<PricingFlags, 'currency' | 'exchangeRate' | 'rateDate'>, problems: InputProblem[]): Currency | undefined {
  const { currency: code, exchangeRate, rateDate } = flags;
  if (code === undefined && exchangeRate === undefined && rateDate === undefined) return undefined;
  const need = (field: string, what: string) => problems.push({ field, message: `is needed with the other currency flags: ${what}` });
  if (code === undefined) need('--currency', 'the currency to show money in, e.g. EUR');
  if (exchangeRate === undefined) need('--exchange-rate', 'units of the currency one US dollar buys, e.g. 0.93 (nothing is fetched)');
  if (rateDate === undefined) need('--rate-date', 'the date of the exchange rate, YYYY-MM-DD');
  if (code !== undefined && !/^[A-Z]{3}$/.test(code)) problems.push({ field: '--currency', message: 'must be a three-letter ISO 4217 code in capitals, e.g. EUR', value: code });
  if (code === 'USD') problems.push({ field: '--currency', message: 'money is always shown in USD; give another currency', value: code });
  const perUsd = exchangeRate === undefined ? undefined : decimalIn(exchangeRate, 0, 1_000_000);
  if (exchangeRate !== undefined && (perUsd === undefined || perUsd === 0)) problems.push({ field: '--exchange-rate', message: 'must be a number above 0 and at most 1,000,000: units of the currency per US dollar', value: exchangeRate });
  if (rateDate !== undefined && !isCalendarDate(rateDate)) problems.push({ field: '--rate-date', message: 'must be a date written YYYY-MM-DD, e.g. 2026-11-30', value: rateDate });
  if (code === undefined || !perUsd || rateDate === undefined) return undefined;
  return { code, perUsd, date: rateDate };
}

/** A plain decimal within [min, max], or undefined. */
function decimalIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
