/**
 * `npm run generate`: writes docs/scenario.md and schema/scenario.schema.json from the
 * zod schema, and the "Plausible ranges" table of docs/model.md from the sensitivity
 * registry. A test fails when any of them is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withPlausibleRangesTable } from '../src/analysis/plausible-ranges-doc.js';
import { renderScenarioReference, scenarioJsonSchema } from '../src/scenario/scenario-reference.js';

writeFileSync('schema/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('docs/scenario.md', renderScenarioReference());
writeFileSync('docs/model.md', withPlausibleRangesTable(readFileSync('docs/model.md', 'utf8')));
console.log('wrote schema/scenario.schema.json, docs/scenario.md and the plausible ranges of docs/model.md');
