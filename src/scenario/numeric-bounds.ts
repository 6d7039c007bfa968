/**
 * The largest (and, for rates, smallest) numbers a scenario or usage document accepts.
 * AWS's own limits where AWS has them (ReaderConfig.MaxItems, Lambda timeouts and
 * memory, payload sizes: src/aws/quotas.ts); elsewhere physical bounds far beyond any
 * real workload, chosen so that every product the simulator and the pricing form
 * (items × attempts × duration × price) stays a finite number: a duration is at most a
 * year, a size at most a terabyte, a count at most 10^12. Without them a valid-looking
 * `logBytesPerInvocation: 1e308` priced to Infinity, and a lognormal with `sd: 1e300`
 * drew NaN delays.
 */

/** A year, in ms: the longest a Standard execution runs, and the longest duration a scenario may give. */
export const MAX_DURATION_MS = 365 * 24 * 60 * 60 * 1000;
/** A terabyte, in bytes. */
export const MAX_BYTES = 1e12;
/** Billed memory of an Express execution, in MB (64 MB steps): a tebibyte. */
export const MAX_BILLED_MEMORY_MB = 1_048_576;
/** Items, objects, states, children, tokens, concurrency. */
export const MAX_COUNT = 1e12;
/** Lambda concurrency an account or a function may be given: far above any account's quota. */
export const MAX_CONCURRENCY = 1_000_000;
/** Rates in units per second: from one a day-ish to a billion a second. */
export const MIN_RATE_PER_SECOND = 0.00001;
export const MAX_RATE_PER_SECOND = 1e9;
/** Bytes per second a reader or writer moves: at most a terabyte a second, at least one byte. */
export const MAX_BYTES_PER_SECOND = 1e12;
/** A factor that multiplies a duration (batchDurationFactor). */
export const MAX_FACTOR = 1000;
/** Quota units per item or per request. */
export const MAX_UNITS = 1e6;
/** A price in USD for `per` units (a price override). */
export const MAX_PRICE_USD = 1e9;
/** Map Runs a month, replications of a sweep point: as the --runs-per-month and --runs flags allow. */
export const MAX_RUNS_PER_MONTH = 100_000_000;
export const MAX_RUNS = 1_000_000;
/** A budget in USD. */
export const MAX_BUDGET_USD = 1e12;
/** A lognormal's spread: its p99 at most this many times its p50, its sd at most this many times its mean. */
export const MAX_LOGNORMAL_P99_OVER_P50 = 1e6;
export const MAX_LOGNORMAL_SD_OVER_MEAN = 1000;

/** `31,536,000,000`: a bound as the docs write it. */
export function formatBound(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
}
