/**
 * Streams a CloudWatch Logs Insights result saved as CSV (the console's "Export results",
 * a header row of field names such as `@timestamp,@message` or `@duration,@initDuration,…`)
 * with csv-parse, a maintained streaming CSV parser: quoted fields may hold commas, quotes
 * and line breaks (a whole `@message`). Each row goes to `onRow` keyed by the header,
 * with the line it ends on. A header without `@duration` or `@message` is not a result
 * this tool can read.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { hasReportColumns } from '../../calibrate/sources/insights-row.js';
import { sourceProblem } from '../../calibrate/source-problem.js';

export async function readInsightsCsv(file: string, onRow: (row: Record<string, string>, line: number) => void, onBytes?: (bytesRead: number) => void): Promise<void> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', () => onBytes(stream.bytesRead));
  const parser = stream.pipe(
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim());
        if (!hasReportColumns(names)) {
          throw sourceProblem(file, `is a CSV without an @duration or @message column: export a Logs Insights query over the function's log group that keeps them (found ${names.join(', ')})`, { line: 1 });
        }
        return names;
      },
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) onRow(record, info.lines);
  } catch (error) {
    stream.destroy();
    const csv = error as { code?: string; lines?: number; message?: string };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      throw sourceProblem(file, `not a valid CSV: ${(csv.message ?? '').replace(/^Invalid [^:]*: /, '')}`, typeof csv.lines === 'number' ? { line: csv.lines } : {});
    }
    throw error;
  }
}
