/**
 * What `dmap calibrate` prints: every source read (and what it skipped), what the sources
 * showed, each fitted field with its provenance, and the notes; as text for a terminal,
 * or as the versioned JSON of `--json` (docs/json-output.md). Locale-free, so the same
 * input prints the same bytes. Pure.
 */
import { formatDuration } from '../report/format-duration.js';
import { roundTo } from '../report/round.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CalibrationResult } from './calibrate.js';
import { formatFigure } from './fit/significant.js';
import type { LogSourceSummary } from './log-source.js';
import { SOURCE_KIND_NAMES, type SourceKind } from './source-kind.js';

export interface SourceRead {
  file: string;
  kind: SourceKind;
  /** Events, rows, children or documents read. */
  records: number;
  log?: LogSourceSummary;
  /** Power Tuning: memory sizes, and whether from stats or the visualization URL. */
  memorySizes?: number;
  from?: string;
}

export interface CalibrationOutput {
  sources: SourceRead[];
  result: CalibrationResult;
  /** Where the scenario went: a file, or (JSON without --out) its text. */
  scenario: { file: string } | { text: string };
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export function renderCalibrationText({ sources, result }: CalibrationOutput): string {
  const lines: string[] = [];
  const width = Math.min(28, Math.max(...sources.map((s) => s.file.length)));
  lines.push(`Read ${sources.length === 1 ? 'one source' : `${sources.length} sources`}:`);
  for (const source of sources) lines.push(`  ${source.file.padEnd(width)}  ${SOURCE_KIND_NAMES[source.kind]}: ${sourceDetail(source)}`);

  const observed = observedLines(result);
  if (observed.length > 0) lines.push('', 'Observed:', ...observed);

  lines.push('', 'Fitted:');
  const fieldWidth = Math.min(40, Math.max(...result.fields.map((f) => f.path.join('.').length)));
  for (const field of result.fields) {
    const p = field.provenance;
    lines.push(`  ${field.path.join('.').padEnd(fieldWidth)}  ${field.text}`);
    lines.push(`      from ${p.source} (${plural(p.observations, 'observation')}): ${p.method}`);
    lines.push(`      quality: ${p.quality}${p.note ? `; ${p.note}` : ''}`);
  }
  if (result.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of result.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

function sourceDetail(source: SourceRead): string {
  const log = source.log;
  if (log) {
    const what = source.kind === 'report-lines' ? 'line' : source.kind === 'filter-log-events' ? 'log event' : 'row';
    const skipped = log.skipped > 0 ? `; skipped ${plural(log.skipped, what)} that ${log.skipped === 1 ? 'is not a REPORT line' : 'are not REPORT lines'}` : '';
    return `${plural(log.reports, 'invocation')} at batch ${log.batch.size} (${log.batch.from}), ${log.memorySizesMb.map((m) => `${m} MB`).join(', ') || 'no memory size'}, ${plural(log.coldStarts, 'cold start')}${skipped}`;
  }
  switch (source.kind) {
    case 'list-executions':
      return plural(source.records, 'child', 'children');
    case 'execution-history':
      return plural(source.records, 'event');
    case 'power-tuning':
      return `${plural(source.memorySizes ?? 0, 'memory size')} (from ${source.from ?? 'stats'})`;
    default:
      return 'one Map Run';
  }
}

function observedLines(result: CalibrationResult): string[] {
  const lines: string[] = [];
  const lambda = result.observed.lambda;
  if (lambda) {
    lines.push(
      `  Lambda        ${plural(lambda.invocations, 'invocation')} at ${lambda.memoryMb} MB (most memory used ${formatFigure(lambda.maxMemoryUsedMb)} MB); ${plural(lambda.coldStarts, 'cold start')} (${formatFigure(lambda.coldStartPercent)} %)`,
    );
    lines.push(`                ${lambda.batchSizes.map((b) => `batch ${b.batchSize}: ${count(b.invocations)} succeeded, mean ${formatDuration(b.meanMs)}, sd ${formatDuration(b.sdMs)}`).join(' · ')}`);
    lines.push(
      `                one item: mean ${formatFigure(lambda.perItem.meanMs)} ms, sd ${formatFigure(lambda.perItem.sdMs)} ms; per invocation: ${formatFigure(lambda.overhead.meanMs)} ms (${lambda.overhead.how})`,
    );
  }
  for (const run of result.observed.mapRuns) {
    const parts = [plural(run.children, 'child', 'children')];
    if (run.itemsTotal !== undefined) parts.push(`${count(run.itemsTotal)} items`);
    if (run.firstChildAfterMs !== undefined) parts.push(`first child ${formatDuration(run.firstChildAfterMs)} after the start`);
    if (run.closeMs !== undefined) parts.push(`ended ${formatDuration(run.closeMs)} after the last child`);
    if (run.dispatchPerSecond !== undefined) parts.push(`${formatFigure(run.dispatchPerSecond)} children started a second (about ${run.dispatchBurst} at once first)`);
    lines.push(`  Map Run       ${run.status ? `${run.status}: ` : ''}${parts.join('; ')}`);
  }
  const curve = result.observed.memoryCurve;
  if (curve) {
    lines.push(
      `  Memory curve  ${curve.points.map((p) => `${p.memoryMb} MB ${formatFigure(p.durationMs)} ms (predicted ${formatFigure(p.predictedMs)}, ${p.relativeError >= 0 ? '+' : ''}${formatFigure(p.relativeError * 100, 2)} %)`).join(' · ')}`,
    );
  }
  return lines;
}

export function calibrationJson({ sources, result, scenario }: CalibrationOutput): unknown {
  const curve = result.observed.memoryCurve;
  return {
    format: 'dmap-planner/calibration',
    formatVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    sources: sources.map((s) => ({
      file: s.file,
      kind: s.kind,
      records: s.records,
      ...(s.log ? { reports: s.log.reports, skipped: s.log.skipped, coldStarts: s.log.coldStarts, batchSize: s.log.batch.size, batchSizeFrom: s.log.batch.from, memorySizesMb: s.log.memorySizesMb } : {}),
      ...(s.memorySizes !== undefined ? { memorySizes: s.memorySizes, from: s.from } : {}),
    })),
    fitted: result.fields.map((f) => ({ field: f.path.join('.'), value: f.value, text: f.text, ...f.provenance })),
    observed: {
      ...(result.observed.lambda ? { lambda: result.observed.lambda } : {}),
      ...(curve
        ? {
            memoryCurve: {
              cpuBoundFraction: curve.cpuBoundFraction,
              referenceMemoryMb: curve.referenceMemoryMb,
              worstRelativeErrorPercent: roundTo(curve.worstRelativeError * 100, 3),
              points: curve.points.map((p) => ({ memoryMb: p.memoryMb, measuredMs: roundTo(p.durationMs, 3), predictedMs: roundTo(p.predictedMs, 3), relativeErrorPercent: roundTo(p.relativeError * 100, 3) })),
            },
          }
        : {}),
      mapRuns: result.observed.mapRuns,
    },
    notes: result.notes,
    scenario,
  };
}
