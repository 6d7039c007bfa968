/**
 * `npm run fidelity`: simulates every case of test/fidelity/cases and writes
 * docs/fidelity.md. A test fails when the document is stale.
 */
import { writeFileSync } from 'node:fs';
import { loadFidelityCases, renderFidelityDocument } from './fidelity-suite.js';

writeFileSync('docs/fidelity.md', await renderFidelityDocument(loadFidelityCases()));
console.log('wrote docs/fidelity.md');
