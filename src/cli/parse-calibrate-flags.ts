/**
 * The flags of `dmap calibrate` that take numbers, turned into a UserInputError naming
 * the flag, the rule and the value when wrong. Kept apart from the command so that
 * declaring the CLI loads none of calibration.
 */
import { UserInputError } from '../errors.js';

export const parseBatchSize = (text: string): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !(value >= 1) || !Number.isSafeInteger(value)) {
    throw new UserInputError([{ field: '--batch-size', message: 'must be a whole number ≥ 1 (items per invocation)', value: text }]);
  }
  return value;
};

export const parseOverheadMs = (text: string): number => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new UserInputError([{ field: '--overhead-ms', message: 'must be a number of milliseconds ≥ 0', value: text }]);
  }
  return value;
};
