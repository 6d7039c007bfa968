/**
 * The price catalogues: the default one shipped with dmap-planner, and a user's own
 * (same format) read from a file.
 */
import { parseLocated } from '../input/parse-located.js';
import { readTextFile } from '../input/read-text-file.js';
import { validateDocument } from '../input/document-issues.js';
import { catalogueSchema, type PriceCatalogue } from './catalogue-schema.js';
import defaultCatalogueJson from './catalogues/aws-list-prices.json' with { type: 'json' };
import { PricingError } from './pricing-error.js';
import { hasOwnKey } from '../own-key.js';

let cached: PriceCatalogue | undefined;

/** The shipped catalogue of AWS list prices. */
export function defaultCatalogue(): PriceCatalogue {
  if (!cached) {
    const validation = validateDocument(catalogueSchema, defaultCatalogueJson);
    if (!validation.ok) throw new Error(`the shipped price catalogue is invalid: ${JSON.stringify(validation.issues)}`);
    cached = validation.value;
  }
  return cached;
}

export async function loadCatalogueFile(file: string): Promise<PriceCatalogue> {
  const text = await readTextFile(file, 'price catalogue');
  return parseLocated(text, file, (document) => {
    const validation = validateDocument(catalogueSchema, document);
    return validation.ok ? { ...validation, warnings: [] } : validation;
  }).value;
}

export function regionOrThrow(catalogue: PriceCatalogue, region: string): void {
  if (!hasOwnKey(catalogue.regions, region)) throw new PricingError(`${missingRegionMessage(catalogue)} (got "${region}")`, 'region');
}

/** "not in catalogue X; it has: ..." — the rule broken by a Region the catalogue lacks. */
export function missingRegionMessage(catalogue: PriceCatalogue): string {
  return `no prices for this Region in catalogue ${catalogue.name} ${catalogue.version}; it has: ${Object.keys(catalogue.regions).sort().join(', ')}`;
}
