/**
 * Streams a CSV file (gzip-compressed when its name ends in .gz, as AWS Data Exports
 * delivers CUR 2.0) record by record through csv-parse, with the line each record starts
 * on, so a bill of any length is read in flat memory. The only file reading of
 * `dmap reconcile`'s bill; what the records mean is src/reconcile's.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';
import { UserInputError } from '../errors.js';
import type { CsvRecord } from '../reconcile/index.js';

/** The file's size in bytes, or a UserInputError naming it. */
export async function fileSize(file: string, what: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UserInputError([{ file, message: `cannot read the ${what}: is a directory` }]);
    return info.size;
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    throw unreadable(file, what, error);
  }
}

export async function* readCsvRecords(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<CsvRecord> {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes);
      done(null, chunk);
    },
  });
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  const stages: Array<Readable | Transform> = [createReadStream(file), counter, ...(/\.gz$/i.test(file) ? [createGunzip()] : [])];
  const records = pipeline([...stages, parser] as unknown as [Readable, Transform], () => {
    // Errors reach the loop below through the parser.
  }) as unknown as AsyncIterable<{ record: string[]; info: { lines: number } }>;
  try {
    for await (const { record, info } of records) {
      const breaks = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      yield { fields: record, line: info.lines - breaks };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw new UserInputError([{ file, ...(line ? { line } : {}), message: `not valid CSV: ${error.message}` }]);
    }
    if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR') {
      throw new UserInputError([{ file, message: 'not a gzip file, though its name ends in .gz' }]);
    }
    throw unreadable(file, 'bill', error);
  }
}

function unreadable(file: string, what: string, error: unknown): UserInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) throw error;
  const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new UserInputError([{ file, message: `cannot read the ${what}: ${reason}` }]);
}
