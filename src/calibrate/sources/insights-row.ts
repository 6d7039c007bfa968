/**
 * One row of a CloudWatch Logs Insights result over a Lambda log group. Insights
 * discovers the REPORT line's fields as `@type` ("REPORT"), `@duration`,
 * `@billedDuration`, `@initDuration` (cold starts only), `@memorySize` and
 * `@maxMemoryUsed` (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_AnalyzeLogData-discoverable-fields.html);
 * the two memory fields come in bytes, as AWS's own sample queries show by dividing them
 * by 1,000 twice (AWS Lambda Operator Guide, "Useful Insights queries":
 * https://serverlessland.com/content/service/lambda/guides/aws-lambda-operator-guide/useful-queries),
 * and a value too large to be megabytes is read as bytes. A row that has none of these
 * but an `@message` holding a REPORT line is read from the message.
 *
 * Rows arrive as a CSV record keyed by its header, as a plain JSON object, or as
 * GetQueryResults' list of `{field, value}` (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetQueryResults.html);
 * `rowObject` turns the last into the first. Pure.
 */
import { parseReportLine, type ReportParse } from './report-line.js';

/** Lambda's largest memory size, in MB: a larger @memorySize is in bytes. */
const MAX_MEMORY_MB = 10_240;

export function rowObject(row: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(row)) {
    const object: Record<string, unknown> = {};
    for (const cell of row) {
      if (typeof cell === 'object' && cell !== null && typeof (cell as { field?: unknown }).field === 'string') {
        object[(cell as { field: string }).field] = (cell as { value?: unknown }).value;
      }
    }
    return object;
  }
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : undefined;
}

/** Whether a header (or a row's keys) can give REPORT figures at all. */
export function hasReportColumns(keys: readonly string[]): boolean {
  return keys.includes('@duration') || keys.includes('@message');
}

export function parseInsightsRow(row: Record<string, unknown>): ReportParse {
  const type = text(row['@type']);
  if (type !== undefined && type !== '' && type !== 'REPORT') return undefined;
  const duration = text(row['@duration']);
  if (duration === undefined || duration === '') {
    const message = text(row['@message']);
    return message === undefined ? undefined : parseReportLine(message);
  }
  const numbers: Record<string, number | undefined> = {};
  for (const field of ['@duration', '@billedDuration', '@initDuration', '@memorySize', '@maxMemoryUsed']) {
    const value = text(row[field]);
    if (value === undefined || value === '') continue;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0) return { problem: `${field} must be a number, got "${value}"` };
    numbers[field] = number;
  }
  const memory = numbers['@memorySize'];
  if (memory === undefined) return { problem: 'a REPORT row without @memorySize' };
  const result: ReportParse = { durationMs: numbers['@duration'] as number, memorySizeMb: megabytes(memory) };
  if (numbers['@billedDuration'] !== undefined) result.billedDurationMs = numbers['@billedDuration'];
  if (numbers['@maxMemoryUsed'] !== undefined) result.maxMemoryUsedMb = megabytes(numbers['@maxMemoryUsed']);
  if (numbers['@initDuration'] !== undefined) result.initDurationMs = numbers['@initDuration'];
  return result;
}

function megabytes(value: number): number {
  return value > MAX_MEMORY_MB ? Math.round(value / 1_000_000) : value;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}
