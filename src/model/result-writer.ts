/**
 * ResultWriter: once every child has ended, Step Functions writes the results to S3 as
 * SUCCEEDED_n.json, FAILED_n.json (failed, timed out and aborted) and PENDING_n.json
 * (never started), a new file whenever one would exceed 5 GB, then manifest.json.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
 *
 * AWS documents neither the PUT count nor the write speed. Its IAM example grants the
 * multipart permissions, so a file larger than one part is counted as a multipart upload
 * (`partSizeBytes`, an assumption); files are written one after another at a throughput
 * (see docs/model.md).
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

export function writeResults(bytes: ResultBytes, throughputBytesPerSecond: number, partSizeBytes: number, drawPutLatencyMs: Draw): ResultWrite {
  let files = 0;
  let putRequests = 1; // manifest.json
  let writeMs = 0;
  for (const statusBytes of [bytes.succeeded, bytes.failed, bytes.pending]) {
    const statusFiles = statusBytes > 0 ? Math.ceil(statusBytes / RESULT_FILE_MAX_BYTES) : 0;
    for (let i = 0; i < statusFiles; i++) {
      writeMs += drawPutLatencyMs();
      const fileBytes = Math.min(RESULT_FILE_MAX_BYTES, statusBytes - i * RESULT_FILE_MAX_BYTES);
      putRequests += multipartRequests(fileBytes, partSizeBytes);
    }
    writeMs += (statusBytes / throughputBytesPerSecond) * 1000;
    files += statusFiles;
  }
  writeMs += drawPutLatencyMs(); // manifest.json
  return { files, putRequests, bytes: bytes.succeeded + bytes.failed + bytes.pending, writeMs };
}

/**
 * S3 requests to upload one file: a single PutObject up to one part; above, a multipart
 * upload: CreateMultipartUpload, one UploadPart per part and CompleteMultipartUpload, all
 * PUT-class requests (https://aws.amazon.com/s3/pricing/, Requests & data retrievals).
 */
export function multipartRequests(fileBytes: number, partSizeBytes: number): number {
  return fileBytes <= partSizeBytes ? 1 : 2 + Math.ceil(fileBytes / partSizeBytes);
}
