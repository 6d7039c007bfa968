/**
 * `dmap sensitivity`'s terminal output: the flips first (or that there are none), then
 * the baseline and the assumptions ranked by their swing, one row each, with both ends'
 * P90 wall time, P90 cost and chance of failure. Pure.
 */
import type { SensitivityJson } from './sensitivity-json.js';
import { baselineRow, duration, flipLines, notApplicableText, baselineText, rankByText, sensitivityTable } from './sensitivity-sections.js';
import { noteLinesOf } from './currency-json.js';

/** Table columns the terminal shows: the id stands for the label, which the reports give. */
const SHOWN = ['#', 'Field', 'Confidence', 'Low', 'High', 'P90 time low / high', 'P90 cost low / high', 'P(fail) low / high', 'P(miss deadline) low / high'];
const SHORT: Record<string, string> = { Field: 'Assumption', Confidence: 'Conf' };

export function renderSensitivityText(s: SensitivityJson): string {
  const flips = flipLines(s);
  const head = flips.flipped
    ? flips.lines.length === 1
      ? [`Flip: ${lowerFirst(flips.lines[0] as string)}`]
      : ['Flips:', ...flips.lines.map((l) => `  - ${l}`)]
    : flips.lines;
  const table = sensitivityTable(s);
  const keep = table.columns.map((c, i) => (SHOWN.includes(c.header) ? i : -1)).filter((i) => i >= 0);
  const header = keep.map((i) => SHORT[table.columns[i]?.header as string] ?? (table.columns[i]?.header as string));
  const confidence = table.columns.findIndex((c) => c.header === 'Confidence');
  const field = table.columns.findIndex((c) => c.header === 'Field');
  const baseline = baselineRow(s).map((cell, i) => (i === field ? 'baseline' : cell));
  const rows = [baseline, ...table.rows.map((row) => row.map((cell, i) => (i === confidence ? shortConfidence(cell) : cell)))].map((row) => keep.map((i) => row[i] ?? ''));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const numeric = keep.map((i) => table.columns[i]?.numeric ?? false);
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const notApplicable = notApplicableText(s);
  return [
    ...head,
    '',
    `${s.scenario.name} — ${s.assumptions.length} assumption${s.assumptions.length === 1 ? '' : 's'} at both ends of their plausible ranges`,
    `seed ${s.seed}, ${s.runsPerEnd.toLocaleString('en-US')} runs per end, common random numbers, ${s.tool.name} ${s.tool.version}`,
    `Baseline: ${baselineText(s)}`,
    // Only the standalone outputs say the rate: the simulate report says its own.
    ...noteLinesOf(s.currency),
    '',
    `Ranked by the swing in ${rankByText(s)} (the larger change of the two ends from the baseline):`,
    '',
    line(header),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
    '',
    'Conf: L low confidence, M medium, user your own input. Low and high: the ends of each plausible range (× a factor on the value in effect, or a value), sources in docs/model.md "Plausible ranges".',
    ...(notApplicable ? [notApplicable] : []),
    '',
  ].join('\n');
}

function shortConfidence(name: string): string {
  return name === 'low' ? 'L' : name === 'medium' ? 'M' : name === 'your input' ? 'user' : name;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The lines `dmap simulate --report` prints about its Sensitivity section: the flips,
 * or that there are none and which assumption moves the P90 wall time most.
 */
export function renderSensitivityBrief(s: SensitivityJson): string {
  const title = `Sensitivity (${s.assumptions.length} assumption${s.assumptions.length === 1 ? '' : 's'}, ${s.runsPerEnd.toLocaleString('en-US')} runs per end; details in the report)`;
  const flips = flipLines(s);
  if (flips.flipped) return `${[`${title}:`, ...flips.lines.map((l) => `  Flip: ${lowerFirst(l)}`)].join('\n')}\n`;
  const top = [...s.assumptions].sort((a, b) => b.swing.wallTimeSeconds - a.swing.wallTimeSeconds)[0];
  const swing =
    top && top.swing.wallTimeSeconds > 0
      ? ` ${top.label} (${top.path}) moves the P90 wall time most: ${duration(top.low.wallTimeSeconds.p90)} to ${duration(top.high.wallTimeSeconds.p90)} (baseline ${duration(s.baseline.wallTimeSeconds.p90)}).`
      : '';
  return `${title}: ${lowerFirst(flips.lines[0] as string)}${swing}\n`;
}
