/// <reference lib="dom" />
/**
 * The page of `dmap studio`: reads the scenario embedded in it, builds the controls,
 * and simulates the settings on Web Workers each time a control moves, with the CLI's own
 * functions (run-state.ts), so the figures are `dmap simulate --json`'s. The settings live
 * in the URL fragment. Nothing is fetched: the code, the prices and the scenario are all
 * in the page.
 */
import { isUserInputError, type InputProblem } from '../../errors.js';
import { defaultCatalogue } from '../../pricing/default-catalogue.js';
import { buildCharts } from '../../report/charts/build-charts.js';
import { formatCount } from '../../report/format-duration.js';
import type { SimulationJson } from '../../report/simulation-json.js';
import { validatedScenario } from '../../simulation-result.js';
import { controlsFor } from '../controls.js';
import { runFrontier, type FrontierResult, type SweepAxis } from '../frontier.js';
import type { Goal } from '../../planner/recommend.js';
import { runState, withPricing } from '../run-state.js';
import { describeChange, savedFileName, scenarioFileText, simulateCommand } from '../scenario-file.js';
import { DATA_ELEMENT_ID, WORKER_ELEMENT_ID, type StudioData } from '../studio-data.js';
import { applyState, changesOf, withValue, type StudioBase, type StudioState } from '../studio-state.js';
import { decodeFragment, encodeFragment } from '../url-fragment.js';
import { ChartPanel } from './charts-ui.js';
import { ControlsPanel } from './controls-ui.js';
import { byId, el, replaceChildren } from './dom.js';
import { renderBottleneck, renderComparison, renderCostLines, renderFigures, renderProblems, renderStatusLine, renderWarnings } from './results-ui.js';
import { SweepPanel } from './sweep-ui.js';
import { CancelledRun, InThreadPool, startPool } from './worker-pool.js';

/** The charts of the report the page shows, in order. */
const CHART_IDS = ['concurrency', 'wall-time', 'cost-distribution', 'cost-by-line'];

/** What tests and the benchmark read from the page. */
export interface StudioHandle {
  state: StudioState;
  /** The figures shown: the `dmap simulate --json` document of the current settings. */
  json: SimulationJson | undefined;
  startJson: SimulationJson | undefined;
  /** Completed updates, and the time from the last change to its figures being shown, in ms. */
  updates: number;
  lastUpdateMs: number | undefined;
  /**
   * Where the last update's time went, in ms: the replications on the workers (and the
   * workers' own time simulating, summed over them), the whole simulation (theirs and this
   * thread's share), from the change to the headline figures shown, and drawing everything.
   * `cached`: the settings had been simulated before.
   */
  timings: { cached: boolean; workersMs: number; computeMs: number; simulateMs: number; figuresMs: number; renderMs: number } | undefined;
  problems: InputProblem[];
  errors: string[];
  /** The last sweep's result. */
  sweep: FrontierResult | undefined;
  /** The saved scenario file and the command, as the buttons give them. */
  scenarioYaml(): string;
  command(): string;
}

declare global {
  interface Window {
    dmapStudio: StudioHandle;
  }
}

function readJson<T>(id: string): T {
  return JSON.parse(byId(id).textContent ?? 'null') as T;
}

function main(): void {
  const data = readJson<StudioData>(DATA_ELEMENT_ID);
  const workerSource = readJson<string>(WORKER_ELEMENT_ID);
  const catalogue = data.catalogue ?? defaultCatalogue();
  const pricingArgs = data.pricingArgs ?? [];
  const scenario = withPricing(validatedScenario(data.document as Parameters<typeof validatedScenario>[0]).scenario, data.pricing);
  const controls = controlsFor(data.document, scenario, catalogue);
  const base: StudioBase = { document: data.document, scenario, controls, ...(data.pricing ? { pricing: data.pricing } : {}) };
  const start: StudioState = { seed: data.seed, runs: data.runs, values: {} };
  const fileName = savedFileName(scenario.name);
  const identity = { file: fileName };
  const decoded = decodeFragment(base, location.hash, start);
  let state = decoded.state;
  const workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
  const pool = startPool(workerSource, workers);
  const where = pool instanceof InThreadPool ? 'this page\'s own thread (the browser would not start Web Workers)' : `${workers} Web Worker${workers === 1 ? '' : 's'}`;

  const handle: StudioHandle = {
    state,
    json: undefined,
    startJson: undefined,
    updates: 0,
    lastUpdateMs: undefined,
    timings: undefined,
    problems: [],
    errors: [],
    sweep: undefined,
    scenarioYaml: () => savedText(),
    command: () => simulateCommand(fileName, state.runs, state.seed, pricingArgs),
  };
  window.dmapStudio = handle;

  const statusText = byId('status');
  const body = document.body;
  const charts = new ChartPanel(byId('charts'));
  const panel = new ControlsPanel(byId<HTMLFormElement>('controls'), controls, {
    onValue: (control, value) => {
      changedAt = performance.now();
      setState(withValue(state, control, value));
    },
    onRunsSeed: (runs, seed) => {
      changedAt = performance.now();
      setState({ ...state, runs, seed });
    },
    onResetAll: () => {
      changedAt = performance.now();
      setState({ ...start, values: {} });
    },
  });
  const sweep = new SweepPanel(byId('sweep-panel'), controls, state, {
    onRun: (axes, runs, goal) => void runSweep(axes, runs, goal),
    onCancel: () => {
      sweeping = false;
      sweepGeneration++;
      pool.cancel();
      sweep.running(false);
      sweep.showStatus('Sweep stopped.');
    },
    onApply: (next) => {
      changedAt = performance.now();
      setState({ ...next, runs: state.runs, seed: state.seed });
    },
  }, scenario.pricing.currency);
  if (decoded.ignored.length > 0) {
    const notice = byId('fragment-notice');
    notice.hidden = false;
    replaceChildren(notice, el('strong', {}, 'Part of the link was left out: '), decoded.ignored.join('; '), '.');
  }

  let startJson: SimulationJson | undefined;
  let generation = 0;
  let sweepGeneration = 0;
  /** A sweep is waiting or running. */
  let sweeping = false;
  let changedAt = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let live: Promise<void> = Promise.resolve();
  let lastFragment = '';
  // Progress at most every quarter second: each repaint is CPU the workers could use.
  let progressShownAt = 0;
  pool.onProgress = (done, total) => {
    const now = performance.now();
    if (body.dataset.studio !== 'running' || now - progressShownAt < 250) return;
    progressShownAt = now;
    statusText.textContent = `Simulating ${formatCount(state.runs)} runs… ${formatCount(done + 1)} of ${formatCount(total + 1)}`;
  };

  function setState(next: StudioState, fromFragment = false): void {
    state = next;
    handle.state = next;
    panel.show(next);
    sweep.setState(next);
    if (!fromFragment) writeFragment();
    showReproduce();
    schedule();
  }

  function writeFragment(): void {
    lastFragment = `#${encodeFragment(base, state)}`;
    if (location.hash !== lastFragment) history.replaceState(null, '', lastFragment);
  }

  window.addEventListener('hashchange', () => {
    if (location.hash === lastFragment) return;
    changedAt = performance.now();
    const again = decodeFragment(base, location.hash, start);
    lastFragment = location.hash;
    setState(again.state, true);
  });

  /** Starts simulating the current state; changes in the same moment (a slider dragged) make one run. */
  function schedule(): void {
    generation++;
    sweepGeneration++;
    pool.cancel();
    if (sweeping) sweep.showStatus('Sweep stopped: the settings changed. Run it again from the new settings.');
    sweeping = false;
    sweep.running(false);
    body.dataset.studio = 'running';
    statusText.textContent = `Simulating ${formatCount(state.runs)} runs…`;
    if (timer !== undefined) clearTimeout(timer);
    live = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timer = undefined;
        void simulateCurrent().finally(resolve);
      }, 0);
    });
  }

  /** Figures already computed, by the state's fragment: going back to a setting is instant. */
  const computed = new Map<string, SimulationJson>();
  const MOST_REMEMBERED = 32;

  async function figuresOf(wanted: StudioState): Promise<{ json: SimulationJson; cached: boolean }> {
    const key = encodeFragment(base, wanted);
    const known = computed.get(key);
    if (known) {
      // Most recently used last, so the oldest goes first.
      computed.delete(key);
      computed.set(key, known);
      return { json: known, cached: true };
    }
    const { json } = await runState(pool, base, wanted, catalogue, identity);
    computed.set(key, json);
    if (computed.size > MOST_REMEMBERED) computed.delete(computed.keys().next().value as string);
    return { json, cached: false };
  }

  async function simulateCurrent(): Promise<void> {
    const gen = generation;
    const wanted = state;
    try {
      const simulating = performance.now();
      let startJustComputed = false;
      if (!startJson) {
        startJson = (await figuresOf(start)).json;
        handle.startJson = startJson;
        startJustComputed = true;
        if (gen !== generation) return;
      }
      const remembered = await figuresOf(wanted);
      const json = remembered.json;
      // The start, simulated a moment ago for the comparison, was not shown before.
      const cached = remembered.cached && !(startJustComputed && json === startJson);
      if (gen !== generation) return;
      const drawing = performance.now();
      showFigures(json);
      const figuresMs = performance.now() - changedAt;
      showDetails(json);
      handle.timings = { cached, workersMs: cached ? 0 : pool.lastRunMs, computeMs: cached ? 0 : pool.lastComputeMs, simulateMs: drawing - simulating, figuresMs, renderMs: performance.now() - drawing };
      handle.problems = [];
      renderProblems(byId('problems'), undefined);
      panel.markProblems([]);
      handle.lastUpdateMs = performance.now() - changedAt;
      handle.updates++;
      statusText.textContent = `${formatCount(json.runs)} runs, seed ${json.seed}: ${cached ? 'shown again' : `updated in ${(figuresMs / 1000).toFixed(2)} s on ${where}`}.`;
      body.dataset.studio = 'ready';
      body.dataset.updates = String(handle.updates);
    } catch (error) {
      if (error instanceof CancelledRun || gen !== generation) return;
      if (isUserInputError(error)) {
        handle.problems = error.problems;
        renderProblems(byId('problems'), error.problems);
        panel.markProblems(error.problems);
        statusText.textContent = 'Not simulated: these settings are not a valid scenario.';
        body.dataset.studio = 'invalid';
      } else {
        const message = error instanceof Error ? error.message : String(error);
        handle.errors.push(message);
        renderProblems(byId('problems'), [{ message: `Something went wrong in the page (a bug in dmap-planner; please report it): ${message}` }]);
        statusText.textContent = 'Not simulated: an internal error.';
        body.dataset.studio = 'error';
      }
      body.dataset.updates = String(++handle.updates);
    }
  }

  /** The headline figures first: P50/P90 time and cost, failures, throttles, what bounds the run. */
  function showFigures(json: SimulationJson): void {
    handle.json = json;
    renderStatusLine(byId('run-status'), json);
    renderFigures(byId('cards'), json, startJson);
    renderBottleneck(byId('bottleneck'), json, startJson);
  }

  function showDetails(json: SimulationJson): void {
    renderComparison(byId('comparison'), json, startJson);
    renderWarnings(byId('warnings-list'), json);
    renderCostLines(byId('cost-lines'), json, startJson);
    const specs = buildCharts(json);
    charts.show(CHART_IDS.map((id) => specs.find((s) => s.id === id)).filter((s) => s !== undefined));
  }

  async function runSweep(axes: SweepAxis[], runs: number, goal: Goal): Promise<void> {
    const gen = ++sweepGeneration;
    sweeping = true;
    sweep.running(true);
    sweep.showStatus('Waiting for the current figures…');
    await live;
    if (gen !== sweepGeneration) return;
    const from = state;
    try {
      sweep.showStatus('Sweeping…');
      const result = await runFrontier(pool, base, from, catalogue, {
        axes,
        runsPerPoint: runs,
        goal,
        onProgress: (done, total) => {
          if (gen === sweepGeneration) sweep.showStatus(`Sweeping… ${formatCount(done)} of at most ${formatCount(total)} runs done.`);
        },
      });
      if (gen !== sweepGeneration) return;
      handle.sweep = result;
      sweep.showResult(result, axes, state);
      sweep.showStatus(`Done: ${result.points.length} configurations.`);
    } catch (error) {
      if (gen !== sweepGeneration) return;
      if (error instanceof CancelledRun) sweep.showStatus('Sweep stopped: the settings changed.');
      else if (isUserInputError(error)) sweep.showStatus(`Not swept: ${error.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}${p.value !== undefined ? ` (${String(p.value)})` : ''}`).join('; ')}`);
      else {
        const message = error instanceof Error ? error.message : String(error);
        handle.errors.push(message);
        sweep.showStatus(`Something went wrong in the page: ${message}`);
      }
    } finally {
      if (gen === sweepGeneration) {
        sweeping = false;
        sweep.running(false);
      }
    }
  }

  function savedText(): string {
    return scenarioFileText({
      text: data.text,
      file: data.file,
      document: data.document,
      changed: applyState(base, state),
      changes: changesOf(base, state),
      fileName,
      runs: state.runs,
      seed: state.seed,
      pricingArgs,
    });
  }

  function showReproduce(): void {
    byId('cli-command').textContent = simulateCommand(fileName, state.runs, state.seed, pricingArgs);
    const changes = changesOf(base, state);
    replaceChildren(
      byId('changes'),
      changes.length === 0 ? el('li', {}, 'Nothing changed: the scenario as loaded.') : null,
      ...changes.map((change) => el('li', {}, el('code', {}, describeChange(change)))),
    );
  }

  byId('download-yaml').addEventListener('click', () => {
    let text: string;
    try {
      text = savedText();
    } catch (error) {
      note(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const link = el('a', { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    note(`Saved as ${fileName}.`);
  });
  byId('copy-command').addEventListener('click', () => void copy(simulateCommand(fileName, state.runs, state.seed, pricingArgs), 'Command copied.'));
  byId('copy-link').addEventListener('click', () => void copy(location.href, 'Link copied.'));

  function note(text: string): void {
    byId('copy-status').textContent = text;
  }

  async function copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      note(done);
    } catch {
      // No clipboard (a browser without it, a denied permission): select the text to copy by hand.
      const area = el('textarea', { class: 'visually-hidden', 'aria-hidden': 'true' });
      area.value = text;
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      note(ok ? done : `Copy this by hand: ${text}`);
    }
  }

  window.addEventListener('beforeprint', () => {
    charts.resize();
    sweep.resize();
  });
  window.addEventListener('afterprint', () => {
    charts.resize();
    sweep.resize();
  });

  // The fragment written back as the page reads it (what it ignored left out).
  setState(state);
}

try {
  main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const problems = isUserInputError(error) ? error.problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join('; ') : message;
  const where = document.getElementById('problems');
  if (where) {
    where.hidden = false;
    replaceChildren(where, el('p', {}, `The page could not start: ${problems}`));
  }
  document.body.dataset.studio = 'error';
  throw error;
}
