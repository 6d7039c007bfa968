/**
 * The price catalogues: the default one shipped with dmap-planner (default-catalogue.ts,
 * which reads no file), and a user's own (same format) read from a file.
 */
import { parseLocated } from '../input/parse-located.js';
import { readTextFile } from '../input/read-text-file.js';
import { validateDocument } from '../input/document-issues.js';
import { catalogueSchema, type PriceCatalogue } from './catalogue-schema.js';

export { defaultCatalogue, missingRegionMessage, regionOrThrow } from './default-catalogue.js';

export async function loadCatalogueFile(file: string): Promise<PriceCatalogue> {
  const text = await readTextFile(file, 'price catalogue');
  return parseLocated(text, file, (document) => {
    const validation = validateDocument(catalogueSchema, document);
    return validation.ok ? { ...validation, warnings: [] } : validation;
  }).value;
}
