/**
 * `npm run build`, second step: bundles the compiled page and Web Worker of `dmap studio`
 * (dist/studio/browser/*.js, the very modules the CLI runs, Chart.js with them) into two
 * browser scripts, dist/studio/bundles/{page,worker}.js, which `dmap studio` inlines into
 * its one HTML file. esbuild is a build-time dependency only: an installed dmap-planner
 * ships the bundles.
 */
import { build, type BuildOptions } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  charset: 'ascii',
  legalComments: 'eof',
  logLevel: 'warning',
};

const bundles = [
  { entry: 'dist/studio/browser/page-main.js', out: 'dist/studio/bundles/page.js' },
  { entry: 'dist/studio/browser/worker-main.js', out: 'dist/studio/bundles/worker.js' },
];

for (const { entry, out } of bundles) {
  await build({ ...common, entryPoints: [entry], outfile: out });
  const code = await readFile(out, 'utf8');
  // The page inlines the script: nothing in it may end its <script> element or open a comment there.
  if (/<\/script/i.test(code) || code.includes('<!--')) throw new Error(`${out} holds </script or <!--: it cannot be inlined safely`);
  // Nothing reaches for Node or the network.
  const nodeOnly = /\brequire\(["']|from ["']node:|import\(["']/.exec(code);
  if (nodeOnly) throw new Error(`${out} still refers to a module at run time (${nodeOnly[0]}): the page must be self-contained`);
}
