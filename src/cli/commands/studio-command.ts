/**
 * `dmap studio <scenario>`: writes one self-contained HTML file in which the simulator
 * runs as you move batch size, concurrency, memory and the rest (docs/studio.md), or with
 * `--serve`, serves it on 127.0.0.1. The page's code was bundled at build time
 * (scripts/build-studio.ts); this command embeds the scenario and writes the file.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserInputError } from '../../errors.js';
import { loadScenarioOrDefinition } from '../../importer/load-scenario-or-definition.js';
import { locatePath } from '../../input/parse-located.js';
import { hasOwnKey } from '../../own-key.js';
import { missingRegionMessage } from '../../pricing/default-catalogue.js';
import { formatCount } from '../../report/format-duration.js';
import { STUDIO_DATA_FORMAT, STUDIO_DATA_FORMAT_VERSION, type StudioData } from '../../studio/studio-data.js';
import { studioHtml, type StudioBundles } from '../../studio/studio-html.js';
import { MAX_PAGE_RUNS } from '../../studio/studio-state.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { catalogueOf, pricingRerunArgs, pricingWithFlags, type PricingFlags } from '../pricing-flags.js';
import { assertScenarioPriced } from '../strict-prices.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { slug } from './simulate-command.js';

export interface StudioFlags extends PricingFlags {
  out?: string;
  serve?: boolean;
  port?: string;
  seed?: number;
  runs?: number;
  workload?: string;
  map?: string;
}

/** Runs the page starts with: enough for P90 intervals of a few percent, quick enough to follow a slider. */
export const DEFAULT_STUDIO_RUNS = 200;
export const DEFAULT_STUDIO_PORT = 8417;

/** `onServing` learns the server once it listens (tests stop it); without it, the server runs until SIGINT or SIGTERM. */
export async function runStudioCommand(file: string, flags: StudioFlags, io: CliOutput, onServing?: (server: Server) => void): Promise<number> {
  const runs = flags.runs ?? DEFAULT_STUDIO_RUNS;
  if (runs > MAX_PAGE_RUNS) throw new UserInputError([{ field: '--runs', message: `must be at most ${formatCount(MAX_PAGE_RUNS)} in the page (dmap simulate takes more)`, value: runs }]);
  const port = parsePort(flags.port);
  const loaded = await loadScenarioOrDefinition(file, flags);
  // The pricing flags as simulate applies them (every problem among them listed at once); the page applies the same pricing to every state.
  const pricingArgs = pricingRerunArgs(flags);
  const pricing = pricingWithFlags(loaded.scenario.pricing, flags);
  const catalogue = await catalogueOf(flags);
  const seed = flags.seed ?? loaded.scenario.seed;
  if (!hasOwnKey(catalogue.regions, loaded.scenario.region)) {
    throw new UserInputError([
      { file: loaded.file, ...(loaded.file === file ? locatePath(loaded.text, ['region']) : {}), field: 'region', message: missingRegionMessage(catalogue), value: loaded.scenario.region },
    ]);
  }
  if (flags.strictPrices) assertScenarioPriced({ ...loaded.scenario, pricing }, seed, catalogue, 'the first simulated run\'s month');
  const data: StudioData = {
    format: STUDIO_DATA_FORMAT,
    formatVersion: STUDIO_DATA_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    file,
    text: loaded.text,
    document: loaded.document,
    seed,
    runs,
    ...(pricingArgs.length > 0 ? { pricing, pricingArgs } : {}),
    ...(flags.catalogue ? { catalogue } : {}),
  };
  const html = studioHtml(data, loaded.scenario, await studioBundles());
  const out = flags.out ?? (flags.serve ? undefined : join('reports', `${slug(loaded.scenario.name)}-studio.html`));
  if (out !== undefined) {
    await writeFileAtomic(out, html, 'studio page');
    io.out(`Studio written to ${out}: open it in a browser (it works offline, nothing is sent anywhere).\n`);
  }
  if (!flags.serve) return ExitCode.ok;
  const server = await serve(html, port);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  io.out(`Serving dmap studio for ${loaded.scenario.name} at ${url} (Ctrl-C to stop)\n`);
  if (onServing) {
    onServing(server);
    await new Promise((resolve) => server.once('close', resolve));
    return ExitCode.ok;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return ExitCode.ok;
}

/** The page's script and the worker's, bundled by `npm run build`. */
async function studioBundles(): Promise<StudioBundles> {
  const read = async (name: string) => {
    const url = new URL(`../../studio/bundles/${name}`, import.meta.url);
    try {
      return await readFile(url, 'utf8');
    } catch (error) {
      throw new Error(`the studio page's bundle ${url.pathname} is missing (${(error as Error).message}): run \`npm run build\``);
    }
  };
  const [page, worker] = await Promise.all([read('page.js'), read('worker.js')]);
  return { page, worker };
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_STUDIO_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port > 65_535) {
    throw new UserInputError([{ field: '--port', message: 'must be a whole number from 0 to 65,535 (0 picks a free port)', value: text }]);
  }
  return port;
}

/** Serves the page at / on 127.0.0.1 only: nothing else, and to no other machine. */
function serve(html: string, port: number): Promise<Server> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if ((request.method === 'GET' || request.method === 'HEAD') && (path === '/' || path === '/index.html')) {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.writeHead(request.method === 'GET' || request.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('dmap studio serves one page, at /\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new UserInputError([{ field: '--port', message: `cannot listen on 127.0.0.1:${port} (${error.code}): pick another port (0 picks a free one)`, value: port }])
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
