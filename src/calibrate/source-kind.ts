/**
 * The kinds of file dmap calibrate reads, their names in its output, and how the first
 * bytes of a file tell which reader it needs: a JSON document (streamed), a CSV with an
 * Insights header row, or lines of text (an export of REPORT lines, or Lambda's JSON log
 * format, one event a line). Which JSON document it is, the JSON reader finds from its
 * keys. Pure.
 */

export type SourceKind =
  | 'report-lines'
  | 'filter-log-events'
  | 'insights-csv'
  | 'insights-json'
  | 'list-executions'
  | 'describe-map-run'
  | 'execution-history'
  | 'power-tuning';

export const SOURCE_KIND_NAMES: Record<SourceKind, string> = {
  'report-lines': 'Lambda REPORT lines',
  'filter-log-events': 'aws logs filter-log-events JSON',
  'insights-csv': 'CloudWatch Logs Insights result (CSV)',
  'insights-json': 'CloudWatch Logs Insights result (JSON)',
  'list-executions': 'ListExecutions of the Map Run',
  'describe-map-run': 'DescribeMapRun',
  'execution-history': 'GetExecutionHistory of the parent',
  'power-tuning': 'AWS Lambda Power Tuning output',
};

export type TextShape = 'json' | 'csv' | 'lines';

/** What `head` (the first few kilobytes of a file) says about the reader it needs. */
export function sniffShape(head: string): TextShape {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (text.startsWith('{') || text.startsWith('[')) return isJsonLogLine(firstLine) ? 'lines' : 'json';
  if (/^"?@[\w.]+"?\s*(,\s*"?@?[\w.]+"?\s*)*$/.test(firstLine.trim()) && firstLine.includes(',')) return 'csv';
  if (/^"?@[\w.]+"?$/.test(firstLine.trim())) return 'csv';
  return 'lines';
}

/** A line that is one whole event of Lambda's JSON log format (`{"time": …, "type": …, "record": …}`). */
function isJsonLogLine(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && ('record' in value || 'type' in value) && !('events' in value) && !('executions' in value);
  } catch {
    return false;
  }
}
