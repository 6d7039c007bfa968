/**
 * The catalogue of AWS list prices shipped with dmap-planner, validated once. Pure (no
 * file is read: the JSON is bundled), so the in-browser planner prices runs with it too.
 */
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

export function regionOrThrow(catalogue: PriceCatalogue, region: string): void {
  if (!hasOwnKey(catalogue.regions, region)) throw new PricingError(`${missingRegionMessage(catalogue)} (got "${region}")`, 'region');
}

/** "not in catalogue X; it has: ..." — the rule broken by a Region the catalogue lacks. */
export function missingRegionMessage(catalogue: PriceCatalogue): string {
  return `no prices for this Region in catalogue ${catalogue.name} ${catalogue.version}; it has: ${Object.keys(catalogue.regions).sort().join(', ')}`;
}
