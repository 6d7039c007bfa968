/**
 * `--price KEY=USD[/PER]`, e.g. `--price lambda.request=0.18/1000000`: a custom price
 * that replaces the catalogue's. Repeatable.
 */
import { UserInputError } from '../errors.js';
import { closestName } from '../input/closest-name.js';
import { isValidPer, PER_RULE } from '../pricing/per-units.js';
import { PRICE_KEY_NAMES, type PriceKey } from '../pricing/price-keys.js';
import { MAX_PRICE_USD } from '../scenario/numeric-bounds.js';

export type PriceOverrides = Partial<Record<PriceKey, { usd: string; per?: string }>>;

export function collectPriceOverride(text: string, previous: PriceOverrides = {}): PriceOverrides {
  const match = /^([A-Za-z0-9_.]+)=(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(text.trim());
  if (!match) {
    throw new UserInputError([{ field: '--price', message: 'must be KEY=USD or KEY=USD/PER, e.g. lambda.request=0.18/1000000', value: text }]);
  }
  const [, key, usd, per] = match as unknown as [string, string, string, string | undefined];
  if (!(PRICE_KEY_NAMES as string[]).includes(key)) {
    const suggestion = closestName(key, PRICE_KEY_NAMES);
    throw new UserInputError([
      { field: '--price', message: `unknown price key${suggestion ? `; did you mean \`${suggestion}\`?` : `; known keys: ${PRICE_KEY_NAMES.join(', ')}`}`, value: key },
    ]);
  }
  if (Number(usd) > MAX_PRICE_USD) throw new UserInputError([{ field: '--price', message: `${key}: USD must be at most ${MAX_PRICE_USD.toLocaleString('en-US')}`, value: text }]);
  if (per !== undefined && !isValidPer(per)) throw new UserInputError([{ field: '--price', message: `${key}: PER ${PER_RULE}`, value: text }]);
  return { ...previous, [key]: { usd, ...(per ? { per } : {}) } };
}
