/**
 * Flag parsers that turn a bad flag into a UserInputError naming the flag, the rule and
 * the value.
 */
import { UserInputError } from '../errors.js';
import { RANK_BY, type RankBy } from '../analysis/sensitivity.js';
import { parseBudgetUsd, parseDeadlineSeconds } from '../planner/parse-goal.js';

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserInputError([{ field: flag, message: `must be a whole number from ${min} to ${max}`, value: text }]);
  }
  return value;
}

function positiveNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new UserInputError([{ field: flag, message: `must be a number above 0 and at most ${max}`, value: text }]);
  }
  return value;
}

export const parseSeed = (text: string) => wholeNumber('--seed', text, 0, 2 ** 32 - 1);
export const parseRuns = (text: string) => wholeNumber('--runs', text, 1, 1_000_000);
export const parseMaxRuns = (text: string) => wholeNumber('--max-runs', text, 1, 1_000_000);
export const parseRunsPerMonth = (text: string) => wholeNumber('--runs-per-month', text, 1, 100_000_000);
export const parseWorkers = (text: string) => wholeNumber('--workers', text, 1, 256);
export const parseSensitivityRuns = (text: string) => wholeNumber('--sensitivity-runs', text, 0, 1_000_000);
export const parseThrottles = (text: string) => wholeNumber('--throttles', text, 0, Number.MAX_SAFE_INTEGER);
export const parseCostUsd = (text: string) => positiveNumber('--cost-usd', text, Number.MAX_SAFE_INTEGER);
export const parsePrecision = (text: string) => positiveNumber('--precision', text, 100);
export const parseDiscount = (text: string) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new UserInputError([{ field: '--discount', message: 'must be a percentage from 0 to 100', value: text }]);
  }
  return value;
};

export function parseDeadline(text: string): number {
  const seconds = parseDeadlineSeconds(text);
  if (seconds === undefined) throw new UserInputError([{ field: '--deadline', message: 'must be a duration such as 10m, 90s or 1h30m', value: text }]);
  return seconds;
}

export function parseBudget(text: string): number {
  const usd = parseBudgetUsd(text);
  if (usd === undefined) throw new UserInputError([{ field: '--budget', message: 'must be an amount in USD above 0, such as 5 or $0.50', value: text }]);
  return usd;
}

export function parseRankBy(text: string): RankBy {
  const value = text.trim() as RankBy;
  if (!RANK_BY.includes(value)) throw new UserInputError([{ field: '--rank-by', message: `must be one of ${RANK_BY.join(', ')}`, value: text }]);
  return value;
}

/** `--only a,b --only c`: every id named, in order, once. */
export function collectIds(text: string, previous: string[] = []): string[] {
  const ids = text.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new UserInputError([{ field: '--only', message: 'has an empty id between commas', value: text }]);
  return [...new Set([...previous, ...ids])];
}

/** `--batch-sizes 50,100,250`: whole numbers ≥ 1. */
export function parseBatchSizes(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const sizes = parts.map(Number);
  if (parts.length === 0 || sizes.some((size, i) => parts[i] === '' || !Number.isInteger(size) || size < 1)) {
    throw new UserInputError([{ field: '--batch-sizes', message: 'must be whole numbers ≥ 1 separated by commas, e.g. 50,100,250', value: text }]);
  }
  return sizes;
}
