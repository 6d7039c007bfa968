/**
 * ResultWriter: once every child has ended, Step Functions writes the results to S3 as
 * SUCCEEDED_n.json, FAILED_n.json (failed, timed out and aborted) and PENDING_n.json
 * (never started), a new file whenever one would exceed 5 GB, then manifest.json.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 *
 * AWS documents neither the PUT count nor the write speed: we count one PUT per file and
 * write files one after another at a throughput (see docs/model.md).
 */
import { RESULT_FILE_MAX_BYTES } from '../aws/quotas.js';
import type { Draw } from './random-sources.js';

/** Metadata of one result record (ExecutionArn, Name, dates, status, ...): about 700 bytes [D]. */
export const RESULT_RECORD_METADATA_BYTES = 700;

export interface ResultBytes {
  succeeded: number;
  /** Failed, timed-out and aborted children. */
  failed: number;
  pending: number;
}

export interface ResultWrite {
  /** Result files (SUCCEEDED_n, FAILED_n, PENDING_n), not counting manifest.json. */
  files: number;
  putRequests: number;
  bytes: number;
  writeMs: number;
}

export function writeResults(bytes: ResultBytes, throughputBytesPerSecond: number, drawPutLatencyMs: Draw): ResultWrite {
  let files = 0;
  let writeMs = 0;
  for (const statusBytes of [bytes.succeeded, bytes.failed, bytes.pending]) {
    const statusFiles = statusBytes > 0 ? Math.ceil(statusBytes / RESULT_FILE_MAX_BYTES) : 0;
    for (let i = 0; i < statusFiles; i++) writeMs += drawPutLatencyMs();
    writeMs += (statusBytes / throughputBytesPerSecond) * 1000;
    files += statusFiles;
  }
  writeMs += drawPutLatencyMs(); // manifest.json
  return { files, putRequests: files + 1, bytes: bytes.succeeded + bytes.failed + bytes.pending, writeMs };
}
