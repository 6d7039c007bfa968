/**
 * The machine-readable result of `dmap sensitivity --json` (docs/json-output.md), also
 * the one input of every sensitivity renderer (text, Markdown, HTML, CSV, charts) and of
 * the Sensitivity section of the simulate report. Versioned like the simulate output;
 * numbers rounded so that the same scenario, seed and version give the same bytes. Pure.
 */
import type { AssumptionConfidence, RangeEnd } from '../analysis/assumption-ranges.js';
import type { EndResult, Flip, FlipKind, OutcomeStats, RankBy, SensitivityAnalysis } from '../analysis/sensitivity.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { roundTo } from './round.js';
import { flipSentence } from './sensitivity-sections.js';
import type { ScenarioIdentity } from './simulation-json.js';
import { currencyHead, usdInCurrency, type CurrencyHeadJson } from './currency-json.js';
import type { DisplayCurrency } from './format-money.js';

export const SENSITIVITY_FORMAT = 'dmap-planner/sensitivity';

export interface OutcomeJson {
  wallTimeSeconds: { p50: number; p90: number; ci95p90: [number, number] };
  costUsd: { p50: number; p90: number; ci95p90: [number, number] };
  /** With a display currency: costUsd's P50 and P90 converted (the rounded USD × the rate, exact). */
  costInCurrency?: { p50: number; p90: number };
  failure: { runsFailed: number; probability: number; ci95: [number, number] };
  deadline?: { runsMissed: number; missProbability: number; ci95: [number, number]; metAtP90: boolean };
}

export interface EndJson extends OutcomeJson {
  setting: RangeEnd;
  settingText: string;
  value: unknown;
  valueText: string;
  words: string;
  sameAsBaseline: boolean;
  change: { wallTimeSecondsP90: number; costUsdP90: number; failureProbability: number; costInCurrencyP90?: number };
}

export interface AssumptionJson {
  rank: number;
  id: string;
  path: string;
  label: string;
  confidence: AssumptionConfidence;
  kind: 'factor' | 'value';
  why: string;
  baselineValue: string;
  low: EndJson;
  high: EndJson;
  swing: { wallTimeSeconds: number; costUsd: number; failureProbability: number };
}

export interface FlipJson {
  id: string;
  end: 'low' | 'high';
  kind: FlipKind;
  /** failure: the probability that the Map Run fails; deadline: the P90 wall time in seconds. */
  baseline: number;
  value: number;
  text: string;
}

export interface SensitivityJson {
  format: typeof SENSITIVITY_FORMAT;
  formatVersion: 1;
  tool: { name: string; version: string };
  scenario: ScenarioIdentity;
  seed: number;
  runsPerEnd: number;
  rankBy: RankBy;
  deadlineSeconds?: number;
  baseline: OutcomeJson;
  flips: FlipJson[];
  assumptions: AssumptionJson[];
  notApplicable: Array<{ id: string; path: string; label: string; appliesWhen: string }>;
  /** With a display currency (--currency): the user's rate; outcomes then carry costInCurrency. */
  currency?: CurrencyHeadJson;
}

export function buildSensitivityJson(input: { identity: ScenarioIdentity; seed: number; analysis: SensitivityAnalysis; currency?: DisplayCurrency | undefined }): SensitivityJson {
  const a = input.analysis;
  const currency = input.currency;
  const outcomeJson = (o: OutcomeStats) => withCostInCurrency(outcomeJsonUsd(o), currency);
  const endJson = (e: EndResult): EndJson => {
    const json = endJsonUsd(e);
    if (!currency) return json;
    return { ...withCostInCurrency(json, currency), change: { ...json.change, costInCurrencyP90: usdInCurrency(json.change.costUsdP90, currency) } };
  };
  return {
    format: SENSITIVITY_FORMAT,
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: input.identity,
    seed: input.seed,
    runsPerEnd: a.runsPerEnd,
    rankBy: a.rankBy,
    ...(a.deadlineSeconds !== undefined ? { deadlineSeconds: a.deadlineSeconds } : {}),
    baseline: outcomeJson(a.baseline),
    flips: a.flips.map((flip) => flipJson(flip, a.deadlineSeconds)),
    assumptions: a.assumptions.map((r, i) => ({
      rank: i + 1,
      id: r.assumption.id,
      path: r.assumption.path,
      label: r.assumption.label,
      confidence: r.assumption.confidence,
      kind: r.assumption.kind,
      why: r.assumption.why,
      baselineValue: r.baselineValueText,
      low: endJson(r.low),
      high: endJson(r.high),
      swing: { wallTimeSeconds: seconds(r.swing.wallTimeSeconds), costUsd: usd(r.swing.costUsd), failureProbability: share(r.swing.failureProbability) },
    })),
    notApplicable: a.notApplicable.map((n) => ({ id: n.id, path: n.path, label: n.label, appliesWhen: n.appliesWhen })),
    ...(currency ? { currency: currencyHead(currency) } : {}),
  };
}

/** An outcome with its costs converted beside the USD ones, when there is a display currency. */
function withCostInCurrency<T extends OutcomeJson>(o: T, currency: DisplayCurrency | undefined): T {
  if (!currency) return o;
  const { failure, deadline, ...rest } = o;
  // costInCurrency right after costUsd, so the two read together.
  return { ...rest, costInCurrency: { p50: usdInCurrency(o.costUsd.p50, currency), p90: usdInCurrency(o.costUsd.p90, currency) }, failure, ...(deadline ? { deadline } : {}) } as T;
}

const seconds = (v: number) => roundTo(v, 3);
const usd = (v: number) => roundTo(v, 8);
const share = (v: number) => roundTo(v, 6);
const pair = (p: [number, number], f: (v: number) => number): [number, number] => [f(p[0]), f(p[1])];

function outcomeJsonUsd(s: OutcomeStats): OutcomeJson {
  return {
    wallTimeSeconds: { p50: seconds(s.wallTimeSeconds.p50), p90: seconds(s.wallTimeSeconds.p90), ci95p90: pair(s.wallTimeSeconds.ci95p90, seconds) },
    costUsd: { p50: usd(s.costUsd.p50), p90: usd(s.costUsd.p90), ci95p90: pair(s.costUsd.ci95p90, usd) },
    failure: { runsFailed: s.failure.runsFailed, probability: share(s.failure.probability), ci95: pair(s.failure.ci95, share) },
    ...(s.deadline
      ? { deadline: { runsMissed: s.deadline.runsMissed, missProbability: share(s.deadline.missProbability), ci95: pair(s.deadline.ci95, share), metAtP90: s.deadline.metAtP90 } }
      : {}),
  };
}

function endJsonUsd(e: EndResult): EndJson {
  return {
    setting: e.setting,
    settingText: e.settingText,
    value: roundNumbers(e.value),
    valueText: e.valueText,
    words: e.words,
    sameAsBaseline: e.sameAsBaseline,
    ...outcomeJsonUsd(e.stats),
    change: { wallTimeSecondsP90: seconds(e.change.wallTimeSecondsP90), costUsdP90: usd(e.change.costUsdP90), failureProbability: share(e.change.failureProbability) },
  };
}

function flipJson(flip: Flip, deadlineSeconds: number | undefined): FlipJson {
  const rounded = flip.kind === 'failure' ? share : seconds;
  const json = { id: flip.assumption.id, end: flip.end.end, kind: flip.kind, baseline: rounded(flip.baseline), value: rounded(flip.value) };
  return { ...json, text: flipSentence({ ...json, path: flip.assumption.path, words: flip.end.words, settingText: flip.end.settingText }, deadlineSeconds) };
}

/** Twelve significant digits: a scaled parameter without float dust (0.1 × 3 is 0.3). */
function roundNumbers(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)]));
  return value;
}
