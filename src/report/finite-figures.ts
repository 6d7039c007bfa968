/**
 * The last check before a result is printed or written: every figure in it is a finite
 * number. The schemas bound every input so that this should never fire; if an input
 * still drives a figure to Infinity or NaN (which JSON would print as null, and the
 * summary as $NaN), the user gets a UserInputError naming the figure and the input that
 * most likely caused it (the largest number they gave), never a NaN, an Infinity or a
 * null where money should be. Pure.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import type { FieldPath } from '../input/document-issues.js';
import { formatFieldPath } from '../input/field-path.js';
import type { PriceCatalogue } from '../pricing/catalogue-schema.js';
import { MAX_PRICE_USD } from '../scenario/numeric-bounds.js';

/** Fields whose size says nothing about the workload. */
const NOT_A_MAGNITUDE = new Set(['seed']);

export interface FigureSource {
  /** The input the figures were computed from: a scenario or a usage document, as given. */
  document: unknown;
  /** Its file, when there is one. */
  file?: string;
  /** What the input is, in words: "scenario", "usage document". */
  what: string;
  /** The price catalogue used, and its file when the user gave one: a price beyond any real one is the likelier cause of a cost that overflows. */
  catalogue?: PriceCatalogue;
  catalogueFile?: string;
}

/** Throws a UserInputError when any figure of `output` is not a finite number. */
export function assertFiniteFigures(output: unknown, source: FigureSource): void {
  const bad = firstNonFinite(output, []);
  if (!bad) return;
  const figure = `${formatFieldPath(bad.path) || 'the result'} came out as ${bad.value}, not a finite number`;
  const price = source.catalogue ? dearestPrice(source.catalogue) : undefined;
  if (price && price.usd > MAX_PRICE_USD) {
    const problem: InputProblem = { field: formatFieldPath(price.path), message: `${figure}: this price is too large to compute with, most likely the cause; make it smaller`, value: price.text.length > 24 ? `${price.text.slice(0, 21)}...` : price.text };
    throw new UserInputError([source.catalogueFile ? { file: source.catalogueFile, ...problem } : problem]);
  }
  const culprit = largestNumber(source.document, []);
  throw new UserInputError([
    culprit
      ? {
          ...(source.file ? { file: source.file } : {}),
          field: formatFieldPath(culprit.path),
          message: `${figure}: an input is too extreme to compute with, most likely this one, the largest number in the ${source.what}; make it smaller`,
          value: culprit.value,
        }
      : { ...(source.file ? { file: source.file } : {}), message: `${figure}: an input of the ${source.what} is too extreme to compute with` },
  ]);
}

/** The first figure (depth first, in key order) that is NaN or ±Infinity, as a number or as a decimal string. */
export function firstNonFinite(value: unknown, path: FieldPath): { path: FieldPath; value: string } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value: String(value) };
  if (typeof value === 'string') return /^[-+]?(Infinity|NaN)$/.test(value) ? { path, value } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = firstNonFinite(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** The catalogue's dearest price (flat or in a tier), and where it is. */
function dearestPrice(catalogue: PriceCatalogue): { path: FieldPath; usd: number; text: string } | undefined {
  let best: { path: FieldPath; usd: number; text: string } | undefined;
  const consider = (path: FieldPath, text: string | undefined) => {
    if (text !== undefined && (!best || Number(text) > best.usd)) best = { path, usd: Number(text), text };
  };
  for (const [region, { prices }] of Object.entries(catalogue.regions)) {
    for (const [key, price] of Object.entries(prices)) {
      consider(['regions', region, 'prices', key, 'usd'], price.usd);
      price.tiers?.forEach((tier, i) => consider(['regions', region, 'prices', key, 'tiers', i, 'usd'], tier.usd));
    }
  }
  return best;
}

/** The number of largest magnitude in an input document, and where it is. */
function largestNumber(value: unknown, path: FieldPath): { path: FieldPath; value: number } | undefined {
  if (typeof value === 'number') return { path, value };
  if (value === null || typeof value !== 'object') return undefined;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  let best: { path: FieldPath; value: number } | undefined;
  for (const [key, item] of entries) {
    if (typeof key === 'string' && NOT_A_MAGNITUDE.has(key)) continue;
    const found = largestNumber(item, [...path, key]);
    if (found && (!best || !(Math.abs(found.value) <= Math.abs(best.value)))) best = found;
  }
  return best;
}
