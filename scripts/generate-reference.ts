/**
 * `npm run generate`: writes docs/scenario.md and schema/scenario.schema.json from the
 * zod schema. A test fails when these files are stale.
 */
import { writeFileSync } from 'node:fs';
import { renderScenarioReference, scenarioJsonSchema } from '../src/scenario/scenario-reference.js';

writeFileSync('schema/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('docs/scenario.md', renderScenarioReference());
console.log('wrote schema/scenario.schema.json and docs/scenario.md');
