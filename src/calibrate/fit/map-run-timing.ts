/**
 * What the timestamps of one Map Run tell about the Map Run itself (DescribeMapRun or
 * the parent's history for its start and end, ListExecutions for its children's):
 *
 * - the gap from the Map Run starting to its first child: the start overhead, plus the
 *   whole listing when items are listed from S3 before processing;
 * - the close: from the last child ending to the Map Run ending;
 * - the dispatch pace: a line through the children's start times, child number against
 *   time, over the starts made while no MaxConcurrency slot was binding (before the
 *   running children first filled every slot) and after the initial burst, whose size is
 *   where that line meets the first start. Pure.
 */
import { MAP_RUN_MAX_PARALLEL_CHILDREN } from '../../aws/quotas.js';
import { MAP_RUN_DISPATCH_DEFAULTS } from '../../scenario/fitted-defaults.js';
import { formatFigure } from './significant.js';

export interface MapRunObservation {
  /** The files it was read from, for provenance. */
  sources: string[];
  mapRunArn?: string;
  startMs?: number;
  stopMs?: number;
  status?: string;
  /** DescribeMapRun maxConcurrency; 0 means 10,000. */
  maxConcurrency?: number;
  itemsTotal?: number;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  /** Children's start times, ascending. */
  childStartsMs: Float64Array;
  /** Stop times of the children that ended, ascending. */
  childStopsMs: Float64Array;
  /** itemCount of each child, when ListExecutions gave it (in no particular order). */
  childItems: number[];
}

export interface DispatchFit {
  perSecond: number;
  /** Children started ahead of the line: the burst. */
  burst: number;
  /** Starts the line was fitted through. */
  observations: number;
  rSquared: number;
  /** Why the fitted range ends where it does. */
  rangeEnd: 'every start' | 'MaxConcurrency reached';
  quality: string;
}

export interface MapRunTiming {
  /** First child start − Map Run start. */
  firstChildAfterMs?: number;
  /** Map Run stop − last child stop, when every child ended. */
  closeMs?: number;
  dispatch?: DispatchFit;
  notes: string[];
}

/** Fewer starts than this in the unconstrained range and no dispatch pace is fitted. */
const MIN_DISPATCH_STARTS = 20;

export function mapRunTiming(run: MapRunObservation): MapRunTiming {
  const notes: string[] = [];
  const starts = run.childStartsMs;
  const stops = run.childStopsMs;
  const timing: MapRunTiming = { notes };
  if (starts.length > 0 && run.startMs !== undefined) timing.firstChildAfterMs = (starts[0] as number) - run.startMs;
  if (run.stopMs !== undefined && stops.length > 0) {
    if (stops.length === starts.length) timing.closeMs = run.stopMs - (stops[stops.length - 1] as number);
    else notes.push(`${starts.length - stops.length} children had not ended: the close overhead is not measured`);
  }
  const dispatch = fitDispatch(starts, stops, run.maxConcurrency, notes);
  if (dispatch) timing.dispatch = dispatch;
  return timing;
}

function fitDispatch(starts: Float64Array, stops: Float64Array, maxConcurrency: number | undefined, notes: string[]): DispatchFit | undefined {
  const limit = maxConcurrency === undefined || maxConcurrency === 0 ? MAP_RUN_MAX_PARALLEL_CHILDREN : Math.min(maxConcurrency, MAP_RUN_MAX_PARALLEL_CHILDREN);
  // The first start made while `limit` children were running waited for a slot.
  let end = starts.length;
  let stopped = 0;
  for (let i = 0; i < starts.length; i++) {
    while (stopped < stops.length && (stops[stopped] as number) <= (starts[i] as number)) stopped++;
    if (i - stopped >= limit) {
      end = i;
      break;
    }
  }
  if (end < MIN_DISPATCH_STARTS) {
    notes.push(
      end < starts.length
        ? `only ${end} children started before MaxConcurrency (${limit}) was reached: too few to measure the dispatch pace`
        : `only ${end} children: too few to measure the dispatch pace`,
    );
    return undefined;
  }
  let skip = Math.min(MAP_RUN_DISPATCH_DEFAULTS.burst, Math.floor(end / 4));
  let line = fitLine(starts, skip, end);
  for (let pass = 0; pass < 2 && line.slope > 0; pass++) {
    const burst = ((starts[0] as number) - line.intercept) / line.slope;
    const next = Math.min(Math.max(0, Math.round(burst)), Math.floor(end / 2));
    if (next === skip) break;
    skip = next;
    line = fitLine(starts, skip, end);
  }
  if (!(line.slope > 0)) {
    notes.push('every child started at the same moment: no dispatch pace to measure');
    return undefined;
  }
  const perSecond = 1000 / line.slope;
  const burst = Math.max(1, Math.round(((starts[0] as number) - line.intercept) / line.slope));
  const rangeEnd = end < starts.length ? 'MaxConcurrency reached' : 'every start';
  return {
    perSecond,
    burst,
    observations: end - skip,
    rSquared: line.rSquared,
    rangeEnd,
    quality: `a line through starts ${skip + 1}–${end} (${rangeEnd === 'every start' ? 'the last start' : `MaxConcurrency ${limit} reached at start ${end + 1}`}): R² ${formatFigure(line.rSquared, 4)}; about ${burst} started at once`,
  };
}

/** Ordinary least squares of start time on start number over [from, to). */
function fitLine(starts: Float64Array, from: number, to: number): { intercept: number; slope: number; rSquared: number } {
  const n = to - from;
  let sumI = 0;
  let sumT = 0;
  for (let i = from; i < to; i++) {
    sumI += i;
    sumT += starts[i] as number;
  }
  const meanI = sumI / n;
  const meanT = sumT / n;
  let sii = 0;
  let sit = 0;
  let stt = 0;
  for (let i = from; i < to; i++) {
    const di = i - meanI;
    const dt = (starts[i] as number) - meanT;
    sii += di * di;
    sit += di * dt;
    stt += dt * dt;
  }
  const slope = sii > 0 ? sit / sii : 0;
  return { intercept: meanT - slope * meanI, slope, rSquared: stt > 0 ? (sit * sit) / (sii * stt) : 1 };
}

/**
 * Mean ListObjectsV2 page latency from the gap before the first child, when every page
 * is listed before processing: gap = start overhead + the pages, one after another per
 * reader. (A child's start date is when it started; its start latency comes after.)
 */
export function pageLatencyFromGap(gapMs: number, pages: number, readers: number, startOverheadMs: number): number | undefined {
  const sequential = Math.ceil(pages / Math.max(1, readers));
  const listing = gapMs - startOverheadMs;
  return sequential > 0 && listing > 0 ? listing / sequential : undefined;
}
