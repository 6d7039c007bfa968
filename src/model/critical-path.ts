/**
 * Tracks the critical path of a Map Run as it is simulated (see run-bounds.ts for the
 * definition). Every running child holds the vector of the path that led to its start;
 * whatever lets the next children be dispatched (items arriving, a slot freed) sets the
 * vector they inherit. Children are tracked by a compact index, so memory is
 * MaxConcurrency × causes, whatever the item count. Its arrays come from, and go back
 * to, the thread's pool (src/core/typed-array-pool.ts).
 */
import { EMPTY_FLOAT64, EMPTY_INT32, giveBack, grownArray, takeArray } from '../core/typed-array-pool.js';
import { CAUSE, CAUSE_COUNT, boundsFromVector, type BoundCause, type RunBounds } from './run-bounds.js';

const COLD = 0;
const THROTTLE = 1;
const RETRY = 2;
const LIFE_PARTS = 3;

export class CriticalPath {
  /** Per tracked child: its path when it started running, then what its life held. */
  private pathMs: Float64Array;
  private lifeMs: Float64Array;
  private indexOfSlot = takeArray(Int32Array, 256).fill(-1);
  private freeIndexes: Int32Array;
  private freeCount: number;

  /** The path the next dispatched children inherit. */
  private trigger = takeArray(Float64Array, CAUSE_COUNT);
  /** The path of the child that ended last, to its end. */
  private lastEnded = takeArray(Float64Array, CAUSE_COUNT);
  private lastLifeMs = 0;
  private lifeSumMs = 0;
  private lives = 0;
  /** The path when the tolerated-failure threshold was crossed, and when. */
  private crossing = takeArray(Float64Array, CAUSE_COUNT);
  private crossingMs = 0;
  private failure = takeArray(Float64Array, CAUSE_COUNT);
  private failedMs = 0;
  /** The Map Run's path so far, once every child is done. */
  private total = takeArray(Float64Array, CAUSE_COUNT);

  constructor(
    maxChildren: number,
    private readonly startOverheadMs: number,
  ) {
    this.pathMs = takeArray(Float64Array, maxChildren * CAUSE_COUNT);
    this.lifeMs = takeArray(Float64Array, maxChildren * LIFE_PARTS);
    this.freeIndexes = takeArray(Int32Array, maxChildren);
    for (let i = 0; i < maxChildren; i++) this.freeIndexes[i] = maxChildren - 1 - i;
    this.freeCount = maxChildren;
    this.trigger[CAUSE.overhead] = startOverheadMs;
  }

  /** The reader delivered items at `nowMs`: children dispatched now waited for reading. */
  itemsArrived(nowMs: number): void {
    this.trigger.fill(0);
    this.trigger[CAUSE.overhead] = this.startOverheadMs;
    this.trigger[CAUSE.reading] = nowMs - this.startOverheadMs;
  }

  childDispatched(slot: number, dispatchWaitMs: number, startWaitMs: number): void {
    if (slot >= this.indexOfSlot.length) this.growSlots(slot);
    const index = this.freeIndexes[--this.freeCount] as number;
    this.indexOfSlot[slot] = index;
    const at = index * CAUSE_COUNT;
    // Element by element: for a vector this short, TypedArray set and fill cost more than the copy.
    for (let c = 0; c < CAUSE_COUNT; c++) this.pathMs[at + c] = this.trigger[c] as number;
    this.pathMs[at + CAUSE.dispatch] = (this.pathMs[at + CAUSE.dispatch] as number) + dispatchWaitMs;
    this.pathMs[at + CAUSE.childStarts] = (this.pathMs[at + CAUSE.childStarts] as number) + startWaitMs;
    const life = index * LIFE_PARTS;
    this.lifeMs[life + COLD] = 0;
    this.lifeMs[life + THROTTLE] = 0;
    this.lifeMs[life + RETRY] = 0;
  }

  coldStart(slot: number, ms: number): void {
    this.addLife(slot, COLD, ms);
  }

  retryWait(slot: number, ms: number, afterThrottle: boolean): void {
    this.addLife(slot, afterThrottle ? THROTTLE : RETRY, ms);
  }

  /**
   * The child in `slot` ended at `nowMs`. Its life is split into cold starts, waits before
   * retries and the work itself; parts that overlapped (Parallel branches) are scaled down
   * to the life. Children dispatched next, into its slot, inherit its path with its whole
   * life counted as waiting for the slot.
   */
  childEnded(slot: number, nowMs: number): void {
    const index = this.indexOfSlot[slot] as number;
    this.indexOfSlot[slot] = -1;
    this.freeIndexes[this.freeCount++] = index;
    const at = index * CAUSE_COUNT;
    let startedMs = 0;
    for (let c = 0; c < CAUSE_COUNT; c++) {
      const value = this.pathMs[at + c] as number;
      this.lastEnded[c] = value;
      this.trigger[c] = value;
      startedMs += value;
    }
    const lifeMs = Math.max(0, nowMs - startedMs);
    const life = index * LIFE_PARTS;
    const cold = this.lifeMs[life + COLD] as number;
    const throttle = this.lifeMs[life + THROTTLE] as number;
    const retry = this.lifeMs[life + RETRY] as number;
    const waits = cold + throttle + retry;
    const scale = waits > lifeMs ? lifeMs / waits : 1;
    this.lastEnded[CAUSE.coldStarts] = (this.lastEnded[CAUSE.coldStarts] as number) + cold * scale;
    this.lastEnded[CAUSE.throttling] = (this.lastEnded[CAUSE.throttling] as number) + throttle * scale;
    this.lastEnded[CAUSE.retries] = (this.lastEnded[CAUSE.retries] as number) + retry * scale;
    this.lastEnded[CAUSE.work] = (this.lastEnded[CAUSE.work] as number) + lifeMs - waits * scale;
    this.trigger[CAUSE.maxConcurrency] = (this.trigger[CAUSE.maxConcurrency] as number) + lifeMs;
    this.lastLifeMs = lifeMs;
    this.lifeSumMs += lifeMs;
    this.lives++;
  }

  /** The threshold was crossed by the child that just ended. */
  thresholdCrossed(nowMs: number): void {
    this.crossing.set(this.lastEnded);
    this.crossingMs = nowMs;
  }

  /** The Map Run failed at `nowMs`, after the detection lag. */
  mapRunFailed(nowMs: number): void {
    this.failure.set(this.crossing);
    this.failure[CAUSE.failureDetection] = (this.failure[CAUSE.failureDetection] as number) + nowMs - this.crossingMs;
    this.failedMs = nowMs;
  }

  /**
   * Every child has ended. A successful run's path is the last child's; its life beyond
   * the average child's is the tail. A failed run's is the crossing, the detection lag and
   * the stopping after it.
   */
  childrenDone(nowMs: number, failed: boolean): void {
    const total = this.total;
    if (failed && this.failedMs > 0) {
      total.set(this.failure);
      total[CAUSE.stopping] = (total[CAUSE.stopping] as number) + nowMs - this.failedMs;
    } else if (this.lives === 0) {
      total.fill(0);
      total[CAUSE.overhead] = this.startOverheadMs;
      total[CAUSE.reading] = nowMs - this.startOverheadMs;
    } else {
      total.set(this.lastEnded);
      const tailMs = Math.min(total[CAUSE.work] as number, Math.max(0, this.lastLifeMs - this.lifeSumMs / this.lives));
      total[CAUSE.work] = (total[CAUSE.work] as number) - tailMs;
      total[CAUSE.tail] = tailMs;
    }
  }

  add(cause: BoundCause, ms: number): void {
    this.total[CAUSE[cause]] = (this.total[CAUSE[cause]] as number) + ms;
  }

  bounds(): RunBounds {
    return boundsFromVector(this.total);
  }

  /** Gives the arrays back to the pool once the run's bounds are taken; nothing may be called after. */
  recycle(): void {
    giveBack(this.pathMs, this.lifeMs, this.indexOfSlot, this.freeIndexes, this.trigger, this.lastEnded, this.crossing, this.failure, this.total);
    this.pathMs = this.lifeMs = this.trigger = this.lastEnded = this.crossing = this.failure = this.total = EMPTY_FLOAT64;
    this.indexOfSlot = this.freeIndexes = EMPTY_INT32;
    this.freeCount = 0;
  }

  private addLife(slot: number, part: number, ms: number): void {
    const index = this.indexOfSlot[slot] as number;
    if (index >= 0) this.lifeMs[index * LIFE_PARTS + part] = (this.lifeMs[index * LIFE_PARTS + part] as number) + ms;
  }

  private growSlots(slot: number): void {
    const old = this.indexOfSlot.length;
    this.indexOfSlot = grownArray(this.indexOfSlot, Math.max(slot + 1, old * 2));
    this.indexOfSlot.fill(-1, old);
  }
}
