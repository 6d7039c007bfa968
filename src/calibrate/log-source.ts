/**
 * One file of Lambda logs being read: its kind, the batch size its invocations ran at
 * and where that came from, and the counts its summary line gives (REPORT lines read,
 * lines skipped as not theirs). Each parsed line or row goes through `take`, which adds a
 * report to the shared observations, counts a line that is no REPORT line as skipped, and
 * returns what is wrong with a malformed one for the reader to locate. Pure.
 */
import type { InvocationObservations } from './invocation-observations.js';
import { isReportProblem, type ReportParse } from './sources/report-line.js';
import type { SourceKind } from './source-kind.js';

export interface BatchSizeOrigin {
  size: number;
  /** `logs.txt:250`, `--batch-size`, or ListExecutions' itemCount. */
  from: 'file name' | '--batch-size' | 'ListExecutions itemCount';
}

export interface LogSourceSummary {
  file: string;
  kind: SourceKind;
  batch: BatchSizeOrigin;
  reports: number;
  coldStarts: number;
  /** Lines, events or rows that are not REPORT lines. */
  skipped: number;
  memorySizesMb: number[];
}

export class LogSource {
  private reports = 0;
  private coldStarts = 0;
  private skipped = 0;
  private readonly memorySizes = new Set<number>();

  constructor(
    readonly file: string,
    readonly kind: SourceKind,
    readonly batch: BatchSizeOrigin,
    private readonly observations: InvocationObservations,
  ) {}

  /** Undefined when taken or skipped; the problem when the line is a malformed REPORT line. */
  take(parse: ReportParse): string | undefined {
    if (parse === undefined) {
      this.skipped++;
      return undefined;
    }
    if (isReportProblem(parse)) return parse.problem;
    this.reports++;
    if (parse.initDurationMs !== undefined) this.coldStarts++;
    this.memorySizes.add(parse.memorySizeMb);
    this.observations.add(parse, this.batch.size, this.file);
    return undefined;
  }

  summary(): LogSourceSummary {
    return {
      file: this.file,
      kind: this.kind,
      batch: this.batch,
      reports: this.reports,
      coldStarts: this.coldStarts,
      skipped: this.skipped,
      memorySizesMb: [...this.memorySizes].sort((a, b) => a - b),
    };
  }
}
