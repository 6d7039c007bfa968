/**
 * What the REPORT lines of every log source add up to, in memory that does not grow with
 * the logs: per batch size and memory size, the running statistics of Duration and a
 * bounded sample of it; per memory size, those of Init Duration; counts of cold starts,
 * failed and timed-out invocations, and the most memory used. Durations of failed and
 * timed-out invocations are counted but not fitted (a timeout is cut off at the limit).
 * Pure.
 */
import { Reservoir } from './fit/reservoir.js';
import { RunningStats } from './fit/running-stats.js';
import type { InvocationReport } from './sources/report-line.js';

export interface InvocationGroup {
  batchSize: number;
  memoryMb: number;
  /** Durations of the invocations that succeeded. */
  durations: RunningStats;
  durationSample: Reservoir;
  invocations: number;
  failed: number;
  timedOut: number;
  sources: Set<string>;
}

export interface InitObservations {
  memoryMb: number;
  durations: RunningStats;
  sample: Reservoir;
  /** Invocations at this memory size, cold or warm. */
  invocations: number;
  maxMemoryUsedMb: number;
  sources: Set<string>;
}

export class InvocationObservations {
  private readonly groups = new Map<string, InvocationGroup>();
  private readonly inits = new Map<number, InitObservations>();

  add(report: InvocationReport, batchSize: number, source: string): void {
    const memoryMb = report.memorySizeMb;
    const key = `${batchSize}/${memoryMb}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { batchSize, memoryMb, durations: new RunningStats(), durationSample: new Reservoir(`duration/${key}`), invocations: 0, failed: 0, timedOut: 0, sources: new Set() };
      this.groups.set(key, group);
    }
    group.invocations++;
    group.sources.add(source);
    if (report.status === 'timeout') group.timedOut++;
    else if (report.status !== undefined) group.failed++;
    else {
      group.durations.add(report.durationMs);
      group.durationSample.add(report.durationMs);
    }
    let init = this.inits.get(memoryMb);
    if (!init) {
      init = { memoryMb, durations: new RunningStats(), sample: new Reservoir(`init/${memoryMb}`), invocations: 0, maxMemoryUsedMb: 0, sources: new Set() };
      this.inits.set(memoryMb, init);
    }
    init.invocations++;
    init.sources.add(source);
    if (report.maxMemoryUsedMb !== undefined && report.maxMemoryUsedMb > init.maxMemoryUsedMb) init.maxMemoryUsedMb = report.maxMemoryUsedMb;
    if (report.initDurationMs !== undefined) {
      init.durations.add(report.initDurationMs);
      init.sample.add(report.initDurationMs);
    }
  }

  get empty(): boolean {
    return this.groups.size === 0;
  }

  /** The memory size most invocations ran at: the one the fits use. */
  mainMemoryMb(): number | undefined {
    let best: InitObservations | undefined;
    for (const init of this.inits.values()) if (!best || init.invocations > best.invocations || (init.invocations === best.invocations && init.memoryMb < best.memoryMb)) best = init;
    return best?.memoryMb;
  }

  memorySizes(): InitObservations[] {
    return [...this.inits.values()].sort((a, b) => a.memoryMb - b.memoryMb);
  }

  groupsAt(memoryMb: number): InvocationGroup[] {
    return [...this.groups.values()].filter((g) => g.memoryMb === memoryMb).sort((a, b) => a.batchSize - b.batchSize);
  }

  initAt(memoryMb: number): InitObservations | undefined {
    return this.inits.get(memoryMb);
  }
}
