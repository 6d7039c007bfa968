/**
 * Flag parsers that turn a bad flag into a UserInputError naming the flag, the rule and
 * the value.
 */
import { UserInputError } from '../errors.js';

export function parseSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value > 2 ** 32 - 1) {
    throw new UserInputError([{ field: '--seed', message: 'must be a whole number from 0 to 4294967295', value: text }]);
  }
  return value;
}
