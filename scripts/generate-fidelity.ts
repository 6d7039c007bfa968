/**
 * `npm run fidelity`: simulates every case of test/fidelity/cases and writes
 * docs/fidelity.md. A test fails when the document is stale.
 */
import { writeFileSync } from 'node:fs';
import { loadFidelityCases, renderFidelityDocument } from './fidelity-suite.js';

const { markdown, drifted } = await renderFidelityDocument(loadFidelityCases());
writeFileSync('docs/fidelity.md', markdown);
console.log('wrote docs/fidelity.md');
if (drifted.length > 0) {
  // A default that no longer matches its evidence is a bug, not a preference.
  console.error(`fitted defaults drifted from their measurements: ${drifted.join('; ')} (src/scenario/fitted-defaults.ts)`);
  process.exit(1);
}
