/**
 * The one view model every report renderer draws from (HTML, Markdown, PNG charts, CSV):
 * the simulation's JSON, its charts, the assumptions behind it and what a reviewer must
 * not miss. Plain data: pure renderers turn it into text; only the CLI writes files.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BacktestJson } from './backtest-json.js';
import type { SensitivityJson } from './sensitivity-json.js';
import type { SimulationJson } from './simulation-json.js';

/** One chart, drawn the same way in the HTML (Chart.js in the browser) and as a PNG (chartjs-node-canvas). */
export interface ChartSpec {
  /** File-name-safe identifier: the PNG is charts/<id>.png. */
  id: string;
  title: string;
  /** Run count and seed, e.g. "1,000 runs, seed 1". */
  caption: string;
  /** One plain sentence saying what the chart shows, e.g. "P90 wall time 2 m 20 s; Lambda throttled during the first 18 s." */
  sentence: string;
  /** A Chart.js configuration with no functions in it, so it survives JSON (the HTML embeds it). */
  config: ChartConfiguration;
  widthPx: number;
  heightPx: number;
}

export interface AssumptionRow {
  /** Dotted field path in the scenario, or a name such as "price catalogue". */
  name: string;
  /** The value used, as text. */
  value: string;
  /** Where the value came from: "scenario file", "default", "command line", "catalogue", "tool". */
  source: string;
  /** Why the default is what it is, or its reference, when known. */
  note?: string;
  /** How far to trust it: a default's docs/model.md tag (H, M, L, D), `yours` for the author's input, `fitted` for calibrated; absent for tool settings. */
  confidence?: string;
}

export type ReviewSeverity = 'warning' | 'info';

export interface ReviewWarning {
  severity: ReviewSeverity;
  /** Short title, e.g. "Lambda will throttle". */
  title: string;
  /** What the reviewer should know, in a sentence or two, with the figures. */
  detail: string;
}

export interface ReportModel {
  result: SimulationJson;
  charts: ChartSpec[];
  assumptions: AssumptionRow[];
  warnings: ReviewWarning[];
  /** The exact command that reproduces this report. */
  rerunCommand: string;
  /** What each assumption's plausible range changes, with its tornado charts (absent: not run). */
  sensitivity?: { result: SensitivityJson; charts: ChartSpec[] };
  /** A real Map Run against this prediction (dmap backtest); its figures are also marked on the charts. */
  backtest?: BacktestJson;
}
