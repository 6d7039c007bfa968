/**
 * The shell of a one-page HTML report (sensitivity.html, workflow-type.html): styled like
 * the simulation report, with Chart.js and the chart boot inlined so it opens offline.
 * The caller escapes what it puts in `main`; every text field here is escaped. Pure.
 */
import { CHART_BOOT, STYLES } from './html-report.js';
import { escapeHtml, inlineScriptSource } from './html-escape.js';
import { htmlHeadLines } from './html-head.js';

export interface StandalonePage {
  title: string;
  eyebrow: string;
  heading: string;
  description?: string;
  meta: string;
  /** `<meta name="generator">`, when given. */
  generator?: string;
  /** HTML of the page's main element, already escaped. */
  main: string;
  /** HTML of the footer's paragraphs, already escaped. */
  footer: string[];
}

export function standalonePageHtml(page: StandalonePage, chartJsSource: string): string {
  return [
    ...htmlHeadLines({ title: page.title, ...(page.generator ? { generator: page.generator } : {}), css: STYLES }),
    '<body>',
    '<header class="report-header">',
    `<p class="eyebrow">${escapeHtml(page.eyebrow)}</p>`,
    `<h1>${escapeHtml(page.heading)}</h1>`,
    ...(page.description ? [`<p class="description">${escapeHtml(page.description)}</p>`] : []),
    `<p class="meta">${escapeHtml(page.meta)}</p>`,
    '</header>',
    '<main>',
    page.main,
    '</main>',
    '<footer class="report-footer">',
    ...page.footer,
    '</footer>',
    `<script>${inlineScriptSource(chartJsSource)}</script>`,
    `<script>${CHART_BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
