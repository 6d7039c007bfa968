/**
 * The words and tables every sensitivity rendering shares (terminal, Markdown, HTML, the
 * simulate report's section), as plain unescaped text: the flips first, then the
 * baseline, the ranked table and the method. Pure.
 */
import { formatDuration } from './format-duration.js';
import { percent, usdFigure } from './report-sections.js';
import { withCurrency, type DisplayCurrency } from './format-money.js';
import { displayCurrencyOf } from './currency-json.js';
import type { AssumptionJson, EndJson, FlipJson, OutcomeJson, SensitivityJson } from './sensitivity-json.js';

type FlipFacts = Omit<FlipJson, 'text'> & { path: string; words: string; settingText: string };

/** "with listing 2× faster (itemReader.pageLatencyMs ×0.5) the Map Run fails in 97 % of runs (baseline 0 %)". */
export function flipSentence(flip: FlipFacts, deadlineSeconds: number | undefined): string {
  const lead = `with ${flip.words} (${flip.path} ${flip.settingText})`;
  if (flip.kind === 'failure') {
    return flip.value >= flip.baseline
      ? `${lead} the Map Run fails in ${percent(flip.value)} of runs (baseline ${percent(flip.baseline)})`
      : `${lead} the Map Run fails in only ${percent(flip.value)} of runs (baseline ${percent(flip.baseline)})`;
  }
  const deadline = duration(deadlineSeconds ?? 0);
  return flip.value > (deadlineSeconds ?? 0)
    ? `${lead} the P90 wall time is ${duration(flip.value)}, past the ${deadline} deadline (baseline ${duration(flip.baseline)})`
    : `${lead} the P90 wall time is ${duration(flip.value)}, within the ${deadline} deadline (baseline ${duration(flip.baseline)})`;
}

/** The flips as lines, first letter upper case; or the one line saying there are none. */
export function flipLines(s: SensitivityJson): { flipped: boolean; lines: string[] } {
  if (s.flips.length > 0) return { flipped: true, lines: s.flips.map((f) => capitalise(f.text)) };
  const outcome = s.baseline.failure.probability >= 0.5 ? 'the Map Run fails in most runs' : 'the Map Run succeeds in most runs';
  const deadline = s.deadlineSeconds === undefined ? '' : s.baseline.deadline?.metAtP90 ? `, and the P90 wall time stays within ${duration(s.deadlineSeconds)}` : `, and the P90 wall time stays past ${duration(s.deadlineSeconds)}`;
  return { flipped: false, lines: [`No flips: at every end of every plausible range ${outcome}, as at baseline${deadline}.`] };
}

/** "P90 wall time 1 m 22 s · P90 cost $0.6288 · Map Run fails in 0 % of runs (95 % CI 0–1.9 %)". */
export function outcomeText(o: OutcomeJson, deadlineSeconds?: number, currency?: DisplayCurrency): string {
  const parts = [
    `P90 wall time ${duration(o.wallTimeSeconds.p90)}`,
    `P90 cost ${withCurrency(usdFigure(o.costUsd.p90), o.costUsd.p90, currency)}`,
    `Map Run fails in ${percent(o.failure.probability)} of runs (95 % CI ${percent(o.failure.ci95[0])}–${percent(o.failure.ci95[1])})`,
  ];
  if (o.deadline && deadlineSeconds !== undefined) parts.push(`misses the ${duration(deadlineSeconds)} deadline in ${percent(o.deadline.missProbability)}`);
  return parts.join(' · ');
}

export function rankByText(s: SensitivityJson): string {
  return { time: 'P90 wall time', cost: 'P90 cost per run', failure: 'the chance the Map Run fails' }[s.rankBy];
}

/** One line under a title: runs, seed, method. */
export function methodText(s: SensitivityJson): string {
  return (
    `${s.assumptions.length} assumption${s.assumptions.length === 1 ? '' : 's'}, each at both ends of its plausible range; ` +
    `${s.runsPerEnd.toLocaleString('en-US')} runs per end, seed ${s.seed}, common random numbers (every end runs the baseline's replications)`
  );
}

export const CONFIDENCE_NAMES: Record<AssumptionJson['confidence'], string> = { L: 'low', M: 'medium', user: 'your input' };

export interface SensitivityColumn {
  header: string;
  numeric: boolean;
}

/** The baseline in a line, money in the display currency too. */
export function baselineText(s: SensitivityJson): string {
  return outcomeText(s.baseline, s.deadlineSeconds, displayCurrencyOf(s.currency));
}

/** An amount as the sensitivity outputs show it: `usdFigure`, and in the display currency if any. */
export function sensitivityMoney(s: Pick<SensitivityJson, 'currency'>): (usd: number) => string {
  const currency = displayCurrencyOf(s.currency);
  return (usd) => withCurrency(usdFigure(usd), usd, currency);
}

/** The ranked table: one row per assumption. */
export function sensitivityTable(s: SensitivityJson): { columns: SensitivityColumn[]; rows: string[][] } {
  const money = sensitivityMoney(s);
  const columns: SensitivityColumn[] = [
    { header: '#', numeric: true },
    { header: 'Assumption', numeric: false },
    { header: 'Field', numeric: false },
    { header: 'Confidence', numeric: false },
    { header: 'Low', numeric: false },
    { header: 'High', numeric: false },
    { header: 'P90 time low / high', numeric: true },
    { header: 'P90 cost low / high', numeric: true },
    { header: 'P(fail) low / high', numeric: true },
  ];
  if (s.deadlineSeconds !== undefined) columns.push({ header: 'P(miss deadline) low / high', numeric: true });
  const both = (a: AssumptionJson, f: (e: EndJson) => string) => `${f(a.low)} / ${f(a.high)}`;
  const rows = s.assumptions.map((a) => {
    const row = [
      String(a.rank),
      a.label,
      a.path,
      CONFIDENCE_NAMES[a.confidence],
      a.low.settingText,
      a.high.settingText,
      both(a, (e) => duration(e.wallTimeSeconds.p90)),
      both(a, (e) => money(e.costUsd.p90)),
      both(a, (e) => percent(e.failure.probability)),
    ];
    if (s.deadlineSeconds !== undefined) row.push(both(a, (e) => percent(e.deadline?.missProbability ?? 0)));
    return row;
  });
  return { columns, rows };
}

/** The baseline as a table row, to read beside the ranked rows. */
export function baselineRow(s: SensitivityJson): string[] {
  const b = s.baseline;
  const row = ['', 'Baseline', '', '', '', '', duration(b.wallTimeSeconds.p90), sensitivityMoney(s)(b.costUsd.p90), percent(b.failure.probability)];
  if (s.deadlineSeconds !== undefined) row.push(percent(b.deadline?.missProbability ?? 0));
  return row;
}

export function notApplicableText(s: SensitivityJson): string | undefined {
  if (s.notApplicable.length === 0) return undefined;
  return `Not varied, as they do not apply to this scenario: ${s.notApplicable.map((n) => `${n.path} (only with ${n.appliesWhen})`).join('; ')}.`;
}

export const RANGES_NOTE =
  'Low and high are the ends of each assumption\'s plausible range (a factor × on the value in effect, or a value); the ranges and their sources are in docs/model.md, "Plausible ranges". P(fail) is the share of runs whose Map Run ends FAILED.';

export function duration(seconds: number): string {
  return formatDuration(seconds * 1000);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
