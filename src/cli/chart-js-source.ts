/**
 * The Chart.js browser bundle, read from the installed package to inline into
 * report.html (which must work offline). chart.js exports only its ESM and CJS entry
 * points, so the UMD bundle is found beside the resolved entry.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function chartJsBrowserBundle(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('chart.js'));
  return readFile(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
}
