/**
 * Reads every source `dmap calibrate` was given, each in the streaming reader its first
 * bytes call for (read-lines, read-json-stream, read-insights-csv), into what
 * calibration needs: the REPORT-line observations, the Map Run records, the Power Tuning
 * results, and a summary of each source. Map Run records are read first, so a log
 * without a batch size of its own can take the one ListExecutions shows. A problem stops
 * the reading with the file and the line (or field) where it is.
 */
import { open, stat } from 'node:fs/promises';
import { UserInputError } from '../../errors.js';
import { locatePath } from '../../input/parse-located.js';
import { formatFieldPath } from '../../input/field-path.js';
import { InvocationObservations } from '../../calibrate/invocation-observations.js';
import { LogSource, type BatchSizeOrigin } from '../../calibrate/log-source.js';
import { commonBatchSize, MapRunRecords } from '../../calibrate/map-run-records.js';
import type { SourceRead } from '../../calibrate/calibration-summary.js';
import { sniffShape, type SourceKind, type TextShape } from '../../calibrate/source-kind.js';
import { JsonSourceError, JsonSourceRouter } from '../../calibrate/sources/json-source.js';
import { parseInsightsRow } from '../../calibrate/sources/insights-row.js';
import type { PowerTuningResult } from '../../calibrate/sources/power-tuning.js';
import { parseReportLine } from '../../calibrate/sources/report-line.js';
import { sourceProblem } from '../../calibrate/source-problem.js';
import { progressReporter } from '../progress.js';
import { lineHolding, readLines } from './read-lines.js';
import { readInsightsCsv } from './read-insights-csv.js';
import { readJsonStream } from './read-json-stream.js';
import { pathExists } from '../path-exists.js';

export interface SourceSpec {
  file: string;
  /** From `file:250`. */
  batchSize?: number;
}

export interface ReadOptions {
  /** --batch-size: for logs without their own. */
  batchSize?: number;
  /** Show a progress bar for big files (on a terminal only). */
  progress: boolean;
}

export interface SourcesRead {
  sources: SourceRead[];
  observations: InvocationObservations;
  mapRuns: MapRunRecords;
  powerTuning: Array<{ file: string; result: PowerTuningResult }>;
}

const HEAD_BYTES = 64 * 1024;
/** Files larger than this show a progress bar on a terminal. */
const PROGRESS_BYTES = 32 * 1024 * 1024;
/** Files up to this size are parsed whole again to place a problem found at the end. */
const LOCATE_BYTES = 16 * 1024 * 1024;
const RECORD_HINT = /"(executions|mapRunArn|MapRunStarted|stateMachine|stats|averageDuration)"/;

/** `logs.txt:250` → logs.txt at batch 250; a name that exists as given wins. */
export async function parseSourceSpec(argument: string): Promise<SourceSpec> {
  const match = /^(.+):(\d+)$/.exec(argument);
  if (!match || (await pathExists(argument))) return { file: argument };
  const batchSize = Number(match[2]);
  if (!(batchSize >= 1)) throw new UserInputError([{ field: argument, message: 'the batch size after the colon must be a whole number ≥ 1', value: match[2] }]);
  return { file: match[1] as string, batchSize };
}

export async function readSources(specs: SourceSpec[], options: ReadOptions): Promise<SourcesRead> {
  const observations = new InvocationObservations();
  const mapRuns = new MapRunRecords();
  const powerTuning: SourcesRead['powerTuning'] = [];
  const twice = specs.find((spec, i) => specs.findIndex((other) => other.file === spec.file) !== i);
  if (twice) throw sourceProblem(twice.file, 'is given twice: its records would count twice');
  const probed = await Promise.all(specs.map(async (spec) => ({ spec, ...(await probe(spec.file)) })));
  // Records first (a log may need ListExecutions' batch size), then everything else, each group in the order given.
  const order = [...probed.filter((p) => p.shape === 'json' && RECORD_HINT.test(p.head)), ...probed.filter((p) => !(p.shape === 'json' && RECORD_HINT.test(p.head)))];
  const read = new Map<string, SourceRead>();
  let listed: ReturnType<typeof commonBatchSize> | 'unread' = 'unread';
  const batchFor = (spec: SourceSpec): BatchSizeOrigin => {
    if (spec.batchSize !== undefined) return { size: spec.batchSize, from: 'file name' };
    if (options.batchSize !== undefined) return { size: options.batchSize, from: '--batch-size' };
    if (listed === 'unread') listed = commonBatchSize(mapRuns.observations());
    if (listed) return { size: listed.size, from: 'ListExecutions itemCount' };
    throw new UserInputError([
      {
        file: spec.file,
        message: `holds Lambda logs but their batch size is unknown: write it after the file name (${spec.file}:250), give --batch-size, or give the Map Run's ListExecutions output (its itemCount)`,
      },
    ]);
  };

  for (const { spec, shape, size } of order) {
    const bar = progressReporter(options.progress && size > PROGRESS_BYTES, `reading ${spec.file}`, 'MB');
    const onBytes = bar ? (bytes: number) => bar.update(Math.round(bytes / 1e6), Math.round(size / 1e6)) : undefined;
    try {
      if (shape === 'lines') read.set(spec.file, await readReportLines(spec, batchFor(spec), observations, onBytes));
      else if (shape === 'csv') read.set(spec.file, await readCsv(spec, batchFor(spec), observations, onBytes));
      else {
        const result = await readJson(spec, size, (kind) => new LogSource(spec.file, kind, batchFor(spec), observations), mapRuns, onBytes);
        if (result.powerTuning) powerTuning.push({ file: spec.file, result: result.powerTuning });
        if (result.kind === 'list-executions' || result.kind === 'describe-map-run' || result.kind === 'execution-history') listed = 'unread';
        read.set(spec.file, result.read);
      }
    } finally {
      bar?.stop();
    }
  }
  return { sources: specs.map((spec) => read.get(spec.file) as SourceRead), observations, mapRuns, powerTuning };
}

async function probe(file: string): Promise<{ shape: TextShape; head: string; size: number }> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw sourceProblem(file, 'cannot read the source: is a directory');
    size = info.size;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw sourceProblem(file, `cannot read the source: ${code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
  }
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.toString('utf8');
    return { shape: sniffShape(head), head, size };
  } finally {
    await handle.close();
  }
}

async function readReportLines(spec: SourceSpec, batch: BatchSizeOrigin, observations: InvocationObservations, onBytes?: (bytes: number) => void): Promise<SourceRead> {
  const log = new LogSource(spec.file, 'report-lines', batch, observations);
  let lines = 0;
  await readLines(
    spec.file,
    (line, lineNumber) => {
      lines = lineNumber;
      const problem = log.take(parseReportLine(line));
      if (problem !== undefined) throw sourceProblem(spec.file, problem, { line: lineNumber });
    },
    onBytes,
  );
  const summary = log.summary();
  if (summary.reports === 0) {
    throw sourceProblem(spec.file, `holds no Lambda REPORT line (read ${lines.toLocaleString('en-US')} lines): expected lines such as "REPORT RequestId: … Duration: 12.3 ms Billed Duration: 13 ms Memory Size: 512 MB Max Memory Used: 80 MB", or a JSON document`);
  }
  return { file: spec.file, kind: 'report-lines', records: lines, log: summary };
}

async function readCsv(spec: SourceSpec, batch: BatchSizeOrigin, observations: InvocationObservations, onBytes?: (bytes: number) => void): Promise<SourceRead> {
  const log = new LogSource(spec.file, 'insights-csv', batch, observations);
  let rows = 0;
  await readInsightsCsv(
    spec.file,
    (row, line) => {
      rows++;
      const problem = log.take(parseInsightsRow(row));
      if (problem !== undefined) throw sourceProblem(spec.file, problem, { line });
    },
    onBytes,
  );
  const summary = log.summary();
  if (summary.reports === 0) throw sourceProblem(spec.file, `holds no REPORT row in ${rows.toLocaleString('en-US')} rows: query the function's log group with filter @type = "REPORT"`);
  return { file: spec.file, kind: 'insights-csv', records: rows, log: summary };
}

async function readJson(
  spec: SourceSpec,
  size: number,
  openLog: (kind: SourceKind) => LogSource,
  mapRuns: MapRunRecords,
  onBytes?: (bytes: number) => void,
): Promise<{ kind: SourceKind; read: SourceRead; powerTuning?: PowerTuningResult }> {
  const router = new JsonSourceRouter(spec.file, { openLog, mapRuns });
  try {
    const rest = await readJsonStream(spec.file, (key, index, value) => router.element(key, index, value), onBytes);
    const result = router.finish(rest);
    const read: SourceRead = { file: spec.file, kind: result.kind, records: result.records };
    if (result.log) {
      read.log = result.log.summary();
      if (read.log.reports === 0) throw new JsonSourceError(`holds no REPORT line in ${result.records.toLocaleString('en-US')} entries`, []);
    }
    if (result.powerTuning) {
      read.memorySizes = result.powerTuning.points.length;
      read.from = result.powerTuning.from;
    }
    return { kind: result.kind, read, ...(result.powerTuning ? { powerTuning: result.powerTuning } : {}) };
  } catch (error) {
    if (!(error instanceof JsonSourceError)) throw error;
    throw await locate(spec.file, size, error);
  }
}

/** A problem found in a streamed document, placed at its line: by the text it holds, or by its path in a small file. */
async function locate(file: string, size: number, error: JsonSourceError): Promise<UserInputError> {
  const field = formatFieldPath(error.path) || undefined;
  const place = { ...(field ? { field } : {}), ...(error.value !== undefined ? { value: error.value } : {}) };
  if (error.needle) {
    const line = await lineHolding(file, error.needle, error.thenNeedle);
    if (line !== undefined) return sourceProblem(file, error.message, { ...place, line });
  }
  if (size <= LOCATE_BYTES && error.path.length > 0) {
    const { readFile } = await import('node:fs/promises');
    const position = locatePath(await readFile(file, 'utf8'), error.path);
    return sourceProblem(file, error.message, { ...place, ...position });
  }
  return sourceProblem(file, error.message, place);
}
