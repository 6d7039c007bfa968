/**
 * `--confidence 95` (or `95%`): the probability of meeting the goal a recommended
 * configuration must reach, as a percentage; returned as a fraction.
 */
import { UserInputError } from '../errors.js';

export function parseConfidence(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const percent = match ? Number(match[1]) : NaN;
  if (!(percent >= 50 && percent < 100)) {
    throw new UserInputError([{ field: '--confidence', message: 'must be a percentage from 50 to below 100, such as 95 or 99.5', value: text }]);
  }
  return percent / 100;
}
