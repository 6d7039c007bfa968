/**
 * Flag parsers that turn a bad flag into a UserInputError naming the flag, the rule and
 * the value.
 */
import { UserInputError } from '../errors.js';

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
export const parsePrecision = (text: string) => positiveNumber('--precision', text, 100);
export const parseDiscount = (text: string) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new UserInputError([{ field: '--discount', message: 'must be a percentage from 0 to 100', value: text }]);
  }
  return value;
};
