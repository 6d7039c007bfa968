/**
 * The one HTML file of `dmap studio`: the report's styles and the studio's, the page's
 * skeleton (scenario name and description escaped), the scenario and the Web Worker's
 * code as JSON blocks (escaped so that nothing in them can end the element), and the
 * page's bundled code. It opens from disk with the network off: nothing in it is fetched.
 * Pure: the caller reads the bundles.
 */
import { STYLES } from '../report/html-report.js';
import { escapeHtml, inlineScriptSource, jsonForScript } from '../report/html-escape.js';
import { htmlHeadLines } from '../report/html-head.js';
import { formatCount } from '../report/format-duration.js';
import { DATA_ELEMENT_ID, WORKER_ELEMENT_ID, type StudioData } from './studio-data.js';
import { STUDIO_STYLES } from './studio-styles.js';

export interface StudioBundles {
  /** The page's script (src/studio/browser/page-main.ts, bundled with Chart.js). */
  page: string;
  /** The Web Worker's script (src/studio/browser/worker-main.ts, bundled). */
  worker: string;
}

export function studioHtml(data: StudioData, scenario: { name: string; description: string }, bundles: StudioBundles): string {
  const tool = `${data.tool.name} ${data.tool.version}`;
  return [
    ...htmlHeadLines({ title: `${scenario.name} — dmap studio`, generator: tool, css: `${STYLES}${STUDIO_STYLES}` }),
    '<body data-studio="loading">',
    '<a class="skip-link" href="#results">Skip to the figures</a>',
    '<header class="report-header studio-header">',
    '<p class="eyebrow">dmap studio · Distributed Map planner</p>',
    `<h1>${escapeHtml(scenario.name)}</h1>`,
    scenario.description ? `<p class="description">${escapeHtml(scenario.description)}</p>` : '',
    `<p class="meta">${escapeHtml(`${data.file} · ${tool} · starts at seed ${data.seed}, ${formatCount(data.runs)} runs · simulated in this page, nothing is sent anywhere`)}</p>`,
    '<div class="status-bar"><p id="run-status"></p><p id="status" role="status" aria-live="polite">Loading the simulator…</p></div>',
    '<p id="fragment-notice" class="callout callout-info" hidden></p>',
    '</header>',
    '<div class="studio">',
    '<aside class="panel" aria-labelledby="settings-heading">',
    '<h2 id="settings-heading">Settings</h2>',
    '<form id="controls" novalidate></form>',
    '</aside>',
    '<main id="results" tabindex="-1">',
    '<div id="problems" class="callout callout-bad" role="alert" hidden></div>',
    section('figures', 'Figures', '<div class="cards" id="cards"></div>\n<p id="bottleneck"></p>'),
    section('compare', 'Compared with the start', '<div id="comparison"></div>'),
    section('review', 'Review warnings', '<div id="warnings-list"></div>'),
    section('charts-section', 'Charts', '<div id="charts"></div>'),
    section('cost', 'Cost lines', '<div id="cost-lines"></div>'),
    section('sweep', 'Frontier of a small sweep', '<div id="sweep-panel"></div>'),
    section(
      'reproduce',
      'Reproduce',
      [
        '<p>Changed from the scenario:</p>',
        '<ul id="changes"></ul>',
        '<p>Save these settings as a scenario file; the command below, run on it, gives the figures on this page, to the digit.</p>',
        '<div class="reproduce-actions">',
        '<button type="button" class="button primary" id="download-yaml">Download the scenario (YAML)</button>',
        '<button type="button" class="button" id="copy-command">Copy the CLI command</button>',
        '<button type="button" class="button" id="copy-link">Copy a link to these settings</button>',
        '</div>',
        '<code class="command" id="cli-command"></code>',
        '<p id="copy-status" class="muted" role="status" aria-live="polite"></p>',
      ].join('\n'),
    ),
    '</main>',
    '</div>',
    '<footer class="report-footer">',
    `<p>${escapeHtml(`${tool} · dmap studio runs the simulator, the random streams, the prices and the statistics of \`dmap simulate\` in this page, on Web Workers.`)}</p>`,
    '</footer>',
    '<noscript><p class="callout callout-warning">dmap studio simulates in your browser: it needs JavaScript.</p></noscript>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(data)}</script>`,
    `<script type="application/json" id="${WORKER_ELEMENT_ID}">${jsonForScript(bundles.worker)}</script>`,
    `<script>${inlineScriptSource(bundles.page)}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}
