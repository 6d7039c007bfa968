/**
 * Tells which AWS document a JSON file is, and reads it, from the pieces a streaming
 * reader hands over: each element of an array directly under the top-level object (or
 * of a top-level array) as it is parsed, then the rest of the document. Large arrays
 * (log events, Insights rows, child executions) are read one element at a time and never
 * held; small documents are read whole at the end:
 *
 * | Document | Recognised by | Reference |
 * |---|---|---|
 * | `aws logs filter-log-events` | `events[]` with `message` | https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html |
 * | Logs Insights results | `results[]` of `[{field, value}]` (get-query-results), or a top-level array of rows | https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetQueryResults.html |
 * | ListExecutions | `executions[]` | https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListExecutions.html |
 * | GetExecutionHistory | `events[]` with `type` and `id` | https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html |
 * | DescribeMapRun | `mapRunArn` and `itemCounts` | https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html |
 * | AWS Lambda Power Tuning | `results.stats`, `results.stateMachine` (or describe-execution `output`) | power-tuning.ts |
 *
 * Pure: the reader (src/cli/calibrate/read-json-source.ts) does the I/O.
 */
import { describeMapRunSchema, executionHistorySchema, executionListItemSchema } from '../../aws-records/index.js';
import type { z } from 'zod';
import { validateDocument, type FieldPath } from '../../input/document-issues.js';
import type { LogSource } from '../log-source.js';
import type { MapRunRecords } from '../map-run-records.js';
import type { SourceKind } from '../source-kind.js';
import { parseInsightsRow, rowObject } from './insights-row.js';
import { isPowerTuningDocument, readPowerTuning, type PowerTuningResult } from './power-tuning.js';
import { parseReportLine } from './report-line.js';

/** Something wrong at a place in the document: its path, and text that finds its line. */
export class JsonSourceError extends Error {
  constructor(
    message: string,
    readonly path: FieldPath,
    readonly value?: unknown,
    /** A string the element's line holds, to find the line in a streamed file. */
    readonly needle?: string,
    /** Then the first line from there holding this: the field's own line. */
    readonly thenNeedle?: string,
  ) {
    super(message);
    this.name = 'JsonSourceError';
  }
}

export interface JsonSourceSinks {
  /** The log source this file feeds, once its kind is known (it needs a batch size). */
  openLog(kind: 'filter-log-events' | 'insights-json'): LogSource;
  mapRuns: MapRunRecords;
}

export interface JsonSourceResult {
  kind: SourceKind;
  log?: LogSource;
  powerTuning?: PowerTuningResult;
  /** Children or events read, for the summary. */
  records: number;
}

const STREAMED_KEYS = new Set(['events', 'executions', 'results']);

export class JsonSourceRouter {
  private kind: SourceKind | undefined;
  private log: LogSource | undefined;
  private records = 0;
  private readonly kept = new Map<string, unknown[]>();

  constructor(
    private readonly file: string,
    private readonly sinks: JsonSourceSinks,
  ) {}

  /** One element of `key`'s array (`undefined`: the top-level array), as it is parsed. */
  element(key: string | undefined, index: number, value: unknown): void {
    if (key !== undefined && !STREAMED_KEYS.has(key)) {
      this.keep(key, value);
      return;
    }
    const kind = this.kindOf(key, value, index);
    if (kind === undefined) {
      if (key !== undefined) this.keep(key, value);
      return;
    }
    const path: FieldPath = key === undefined ? [index] : [key, index];
    switch (kind) {
      case 'filter-log-events':
        return this.logEvent(value, path);
      case 'insights-json':
        return this.insightsRow(value, path);
      case 'list-executions':
        return this.execution(value, path);
      default:
        // History events: a parent's history is small; read whole at the end.
        this.keep(key as string, value);
    }
  }

  finish(rest: Record<string, unknown> | undefined): JsonSourceResult {
    const document: Record<string, unknown> = { ...(rest ?? {}) };
    for (const [key, values] of this.kept) document[key] = values;
    if (this.kind === 'execution-history') {
      const history = validated(executionHistorySchema, document);
      const found = this.sinks.mapRuns.addHistory(this.file, history);
      if (found === 0) throw new JsonSourceError('has no MapRunStarted event: not the history of a parent that ran a Distributed Map', ['events']);
      return { kind: 'execution-history', records: history.events.length };
    }
    if (this.kind !== undefined) return { kind: this.kind, ...(this.log ? { log: this.log } : {}), records: this.records };
    if ('mapRunArn' in document && 'itemCounts' in document) {
      this.sinks.mapRuns.addDescription(this.file, validated(describeMapRunSchema, document));
      return { kind: 'describe-map-run', records: 1 };
    }
    if (isPowerTuningDocument(document)) return { kind: 'power-tuning', powerTuning: readPowerTuning(document, this.file), records: 1 };
    if (Array.isArray(document['events']) || Array.isArray(document['executions']) || Array.isArray(document['results'])) {
      // An empty list: the kind is known from its key, with nothing in it.
      if ('executions' in document) return { kind: 'list-executions', records: 0 };
      throw new JsonSourceError('holds no entries', [Object.keys(document).find((k) => STREAMED_KEYS.has(k)) as string]);
    }
    throw new JsonSourceError(
      `is not a document dmap calibrate reads: expected aws logs filter-log-events output ({"events": [...]}), a Logs Insights result, ListExecutions ({"executions": [...]}), DescribeMapRun, GetExecutionHistory or AWS Lambda Power Tuning output; found the keys ${Object.keys(document).join(', ') || '(none)'}`,
      [],
    );
  }

  private kindOf(key: string | undefined, value: unknown, index: number): SourceKind | undefined {
    const found = classify(key, value);
    if (this.kind === undefined) {
      if (found === undefined) return undefined;
      this.kind = found;
      if (found === 'filter-log-events' || found === 'insights-json') this.log = this.sinks.openLog(found);
      return found;
    }
    if (found !== undefined && found !== this.kind) {
      throw new JsonSourceError(`is a ${found} entry in a file of ${this.kind} entries`, key === undefined ? [index] : [key, index]);
    }
    return this.kind;
  }

  private logEvent(value: unknown, path: FieldPath): void {
    const message = isRecord(value) ? value['message'] : undefined;
    if (typeof message !== 'string') throw new JsonSourceError('must be a log event with a `message` string', path);
    this.records++;
    const problem = (this.log as LogSource).take(parseReportLine(message));
    if (problem !== undefined) throw new JsonSourceError(problem, [...path, 'message'], undefined, JSON.stringify(message).slice(1, 80));
  }

  private insightsRow(value: unknown, path: FieldPath): void {
    const row = rowObject(value);
    if (row === undefined) throw new JsonSourceError('must be an Insights row: an object of fields, or a list of {field, value}', path);
    this.records++;
    const problem = (this.log as LogSource).take(parseInsightsRow(row));
    if (problem !== undefined) throw new JsonSourceError(problem, path, undefined, needleOf(row));
  }

  private execution(value: unknown, path: FieldPath): void {
    const validation = validateDocument(executionListItemSchema, value);
    if (!validation.ok) {
      const issue = validation.issues[0] as { path: FieldPath; message: string; value?: unknown };
      const name = isRecord(value) && typeof value['executionArn'] === 'string' ? value['executionArn'] : undefined;
      const field = typeof issue.value === 'string' ? JSON.stringify(issue.value) : undefined;
      throw new JsonSourceError(issue.message, [...path, ...issue.path], issue.value, name, field);
    }
    this.records++;
    this.sinks.mapRuns.addExecution(this.file, validation.value);
  }

  private keep(key: string, value: unknown): void {
    let values = this.kept.get(key);
    if (!values) this.kept.set(key, (values = []));
    values.push(value);
  }
}

function classify(key: string | undefined, value: unknown): SourceKind | undefined {
  if (key === 'executions') return 'list-executions';
  if (key === 'results') return Array.isArray(value) ? 'insights-json' : undefined;
  if (Array.isArray(value)) return key === undefined ? 'insights-json' : undefined;
  if (!isRecord(value)) return undefined;
  if (typeof value['message'] === 'string' && ('timestamp' in value || 'logStreamName' in value || 'eventId' in value || key === 'events')) return 'filter-log-events';
  if (key === 'events' && 'type' in value && 'id' in value) return 'execution-history';
  if (key === undefined && 'executionArn' in value) return 'list-executions';
  if (key === undefined && Object.keys(value).some((k) => k.startsWith('@'))) return 'insights-json';
  return undefined;
}

function validated<S extends Parameters<typeof validateDocument>[0]>(schema: S, document: unknown): z.output<S> {
  const validation = validateDocument(schema, document);
  if (validation.ok) return validation.value;
  const issue = validation.issues[0] as { path: FieldPath; message: string; value?: unknown };
  throw new JsonSourceError(issue.message, issue.path, issue.value);
}

function needleOf(row: Record<string, unknown>): string | undefined {
  for (const key of ['@requestId', '@ptr', '@message', '@timestamp']) {
    const value = row[key];
    if (typeof value === 'string' && value !== '') return JSON.stringify(value).slice(1, 80);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
