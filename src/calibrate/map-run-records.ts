/**
 * The Step Functions records of one or more Map Runs, gathered from whichever files hold
 * them and matched by Map Run ARN: DescribeMapRun (start, stop, MaxConcurrency, item
 * counts), the parent's GetExecutionHistory (MapRunStarted and its end, when DescribeMapRun
 * is not given) and ListExecutions --map-run-arn (every child's start, stop and item
 * count). Records that name no ARN belong to the only Map Run there is. Children are kept
 * as start and stop times and item counts only. Pure.
 */
import type { DescribeMapRunRecord, ExecutionHistoryRecord, ExecutionListItem } from '../aws-records/index.js';
import type { MapRunObservation } from './fit/map-run-timing.js';

interface RunRecords {
  sources: Set<string>;
  arn?: string;
  startMs?: number;
  stopMs?: number;
  status?: string;
  maxConcurrency?: number;
  itemsTotal?: number;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  /** Where start and stop came from: DescribeMapRun wins over the history. */
  described: boolean;
  starts: number[];
  stops: number[];
  items: number[];
}

const UNNAMED = '';
const END_EVENTS: Record<string, string> = { MapRunSucceeded: 'SUCCEEDED', MapRunFailed: 'FAILED', MapRunAborted: 'ABORTED' };

export class MapRunRecords {
  private readonly runs = new Map<string, RunRecords>();
  /** Children read, in all. */
  children = 0;

  addDescription(file: string, record: DescribeMapRunRecord): void {
    const run = this.run(record.mapRunArn, file);
    run.startMs = record.startDate;
    if (record.stopDate !== undefined) run.stopMs = record.stopDate;
    run.status = record.status;
    run.maxConcurrency = record.maxConcurrency;
    run.itemsTotal = record.itemCounts.total;
    run.toleratedFailurePercentage = record.toleratedFailurePercentage;
    run.toleratedFailureCount = record.toleratedFailureCount;
    run.described = true;
  }

  /** Every Map Run the parent's history started, each paired with the end event that follows it. */
  addHistory(file: string, history: ExecutionHistoryRecord): number {
    const open: RunRecords[] = [];
    let found = 0;
    for (const event of history.events) {
      if (event.type === 'MapRunStarted') {
        const details = (event as Record<string, unknown>)['mapRunStartedEventDetails'];
        const arn = typeof details === 'object' && details !== null ? (details as { mapRunArn?: unknown }).mapRunArn : undefined;
        const run = this.run(typeof arn === 'string' ? arn : UNNAMED, file);
        if (!run.described) run.startMs = event.timestamp;
        open.push(run);
        found++;
      } else if (event.type in END_EVENTS) {
        const run = open.shift();
        if (run && !run.described) {
          run.stopMs = event.timestamp;
          run.status = END_EVENTS[event.type];
        }
      }
    }
    return found;
  }

  addExecution(file: string, item: ExecutionListItem): void {
    const run = this.run(item.mapRunArn ?? UNNAMED, file);
    run.starts.push(item.startDate);
    if (item.stopDate !== undefined) run.stops.push(item.stopDate);
    if (item.itemCount !== undefined) run.items.push(item.itemCount);
    this.children++;
  }

  /** The Map Runs, unnamed records merged into the only named one. */
  observations(): MapRunObservation[] {
    const unnamed = this.runs.get(UNNAMED);
    const named = [...this.runs.values()].filter((run) => run !== unnamed);
    if (unnamed && named.length === 1) merge(named[0] as RunRecords, unnamed);
    const runs = unnamed && named.length !== 1 ? [...named, unnamed] : named;
    return runs.map((run) => {
      const observation: MapRunObservation = {
        sources: [...run.sources],
        childStartsMs: Float64Array.from(run.starts).sort(),
        childStopsMs: Float64Array.from(run.stops).sort(),
        childItems: run.items,
      };
      if (run.arn) observation.mapRunArn = run.arn;
      if (run.startMs !== undefined) observation.startMs = run.startMs;
      if (run.stopMs !== undefined) observation.stopMs = run.stopMs;
      if (run.status !== undefined) observation.status = run.status;
      if (run.maxConcurrency !== undefined) observation.maxConcurrency = run.maxConcurrency;
      if (run.itemsTotal !== undefined) observation.itemsTotal = run.itemsTotal;
      if (run.toleratedFailurePercentage !== undefined) observation.toleratedFailurePercentage = run.toleratedFailurePercentage;
      if (run.toleratedFailureCount !== undefined) observation.toleratedFailureCount = run.toleratedFailureCount;
      return observation;
    });
  }

  private run(arn: string, file: string): RunRecords {
    let run = this.runs.get(arn);
    if (!run) {
      run = { sources: new Set(), described: false, starts: [], stops: [], items: [] };
      if (arn !== UNNAMED) run.arn = arn;
      this.runs.set(arn, run);
    }
    run.sources.add(file);
    return run;
  }
}

function merge(into: RunRecords, from: RunRecords): void {
  for (const source of from.sources) into.sources.add(source);
  if (!into.described) {
    into.startMs ??= from.startMs;
    into.stopMs ??= from.stopMs;
    into.status ??= from.status;
  }
  // Loops, not push(...): spreading a million children overflows the stack.
  for (const start of from.starts) into.starts.push(start);
  for (const stop of from.stops) into.stops.push(stop);
  for (const items of from.items) into.items.push(items);
}

/**
 * The batch size every child ran, from ListExecutions' itemCount: the size all children
 * share, allowing one smaller (the last batch, which takes what is left). Undefined when
 * no child has an itemCount or the sizes differ.
 */
export function commonBatchSize(runs: readonly MapRunObservation[]): { size: number; children: number } | undefined {
  let children = 0;
  let largest = 0;
  for (const run of runs) for (const count of run.childItems) {
    children++;
    if (count > largest) largest = count;
  }
  if (children === 0 || largest === 0) return undefined;
  let smaller = 0;
  for (const run of runs) for (const count of run.childItems) if (count !== largest) smaller++;
  return smaller <= runs.length ? { size: largest, children } : undefined;
}
