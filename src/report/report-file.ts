/** One file of a report directory, in memory. */
export interface ReportFile {
  /** Path inside the report directory, e.g. "charts/concurrency.png". */
  path: string;
  content: string | Uint8Array;
}
