/**
 * One Lambda `REPORT` line: the summary Lambda writes to CloudWatch Logs after every
 * invocation. Its documented fields (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html,
 * "REPORT line data fields"; https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html):
 *
 *   REPORT RequestId: 8f5…  Duration: 201.67 ms  Billed Duration: 202 ms  Memory Size: 2048 MB
 *   Max Memory Used: 81 MB  Init Duration: 480.25 ms   (Init Duration on cold starts only)
 *
 * separated by tabs (spaces in some exports), anywhere in a line (an export or `aws logs
 * tail` puts a timestamp and stream before it). Newer lines may end with `Status: timeout`
 * or `Status: error`. Functions on the JSON log format write the same figures as a
 * `platform.report` event (https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html#ReportMetrics):
 * `{"type":"platform.report","record":{"metrics":{"durationMs":…,"billedDurationMs":…,
 * "memorySizeMB":…,"maxMemoryUsedMB":…,"initDurationMs":…},"status":"success"}}`. Pure.
 */

export interface InvocationReport {
  /** Duration: the handler's run time, without INIT. */
  durationMs: number;
  billedDurationMs?: number;
  memorySizeMb: number;
  maxMemoryUsedMb?: number;
  /** Init Duration, on a cold start only. */
  initDurationMs?: number;
  /** `timeout`, `error`, ... when the line says; absent on older lines and successes. */
  status?: string;
}

/** A REPORT line that cannot be read: what is wrong with it. */
export interface ReportProblem {
  problem: string;
}

/** A report, `undefined` for a line that is no REPORT line, or the problem with a malformed one. */
export type ReportParse = InvocationReport | ReportProblem | undefined;

export function isReportProblem(parse: ReportParse): parse is ReportProblem {
  return parse !== undefined && 'problem' in parse;
}

const TEXT_MARKER = 'REPORT RequestId:';
const JSON_MARKER = '"platform.report"';
const FIELD = /(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Max Memory Used|Memory Size|Duration|Status):\s*(\S+)/g;

export function parseReportLine(line: string): ReportParse {
  const at = line.indexOf(TEXT_MARKER);
  if (at >= 0) return parseTextReport(line.slice(at + TEXT_MARKER.length));
  if (line.includes(JSON_MARKER)) return parseJsonReport(line);
  return undefined;
}

function parseTextReport(rest: string): InvocationReport | ReportProblem {
  let duration: number | undefined;
  let billed: number | undefined;
  let memory: number | undefined;
  let used: number | undefined;
  let init: number | undefined;
  let status: string | undefined;
  FIELD.lastIndex = 0;
  for (let match = FIELD.exec(rest); match !== null; match = FIELD.exec(rest)) {
    const name = match[1] as string;
    const text = match[2] as string;
    if (name === 'Status') {
      status = text.toLowerCase();
      continue;
    }
    if (name === 'Restore Duration' || name === 'Billed Restore Duration') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) return { problem: `${name} must be a number of ${name.startsWith('M') ? 'MB' : 'ms'}, got "${text}"` };
    if (name === 'Duration') duration = value;
    else if (name === 'Billed Duration') billed = value;
    else if (name === 'Memory Size') memory = value;
    else if (name === 'Max Memory Used') used = value;
    else init = value;
  }
  if (duration === undefined) return { problem: 'a REPORT line without "Duration: <ms> ms"' };
  if (memory === undefined) return { problem: 'a REPORT line without "Memory Size: <MB> MB"' };
  return report(duration, memory, billed, used, init, status);
}

function parseJsonReport(line: string): InvocationReport | ReportProblem | undefined {
  const start = line.indexOf('{');
  let event: unknown;
  try {
    event = JSON.parse(line.slice(start));
  } catch {
    return { problem: 'a platform.report line that is not valid JSON' };
  }
  if (!isRecord(event) || event['type'] !== 'platform.report') return undefined;
  const record = event['record'];
  const metrics = isRecord(record) ? record['metrics'] : undefined;
  if (!isRecord(metrics)) return { problem: 'a platform.report event without record.metrics' };
  const number = (key: string) => (typeof metrics[key] === 'number' && Number.isFinite(metrics[key]) ? (metrics[key] as number) : undefined);
  const duration = number('durationMs');
  const memory = number('memorySizeMB');
  if (duration === undefined) return { problem: 'a platform.report event without a number in record.metrics.durationMs' };
  if (memory === undefined) return { problem: 'a platform.report event without a number in record.metrics.memorySizeMB' };
  const status = isRecord(record) && typeof record['status'] === 'string' && record['status'] !== 'success' ? record['status'].toLowerCase() : undefined;
  return report(duration, memory, number('billedDurationMs'), number('maxMemoryUsedMB'), number('initDurationMs'), status);
}

function report(duration: number, memory: number, billed?: number, used?: number, init?: number, status?: string): InvocationReport {
  const result: InvocationReport = { durationMs: duration, memorySizeMb: memory };
  if (billed !== undefined) result.billedDurationMs = billed;
  if (used !== undefined) result.maxMemoryUsedMb = used;
  if (init !== undefined) result.initDurationMs = init;
  if (status !== undefined && status !== 'success') result.status = status;
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
