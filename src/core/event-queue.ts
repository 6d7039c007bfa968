/**
 * A stable priority queue of pending events, ordered by (time, insertion sequence):
 * two events at the same time come out in the order they were scheduled, which is
 * what makes a run reproducible.
 *
 * Pure data structure; knows nothing of what the events mean. Built for the hot
 * path of a simulation with tens of millions of events: a binary heap over typed
 * arrays, no object allocated per event, and cancelled events removed lazily.
 */

import { EMPTY_FLOAT64, EMPTY_INT32, EMPTY_UINT8, giveBack, grownArray, takeArray } from './typed-array-pool.js';

export type EventHandler = (payload: number) => void;

/** Opaque handle of a scheduled event, good for `cancel`. */
export type EventHandle = number;

/** Slots are recycled; the generation part of a handle tells a stale handle from a live one. */
const SLOT_BITS = 2 ** 24;
const INITIAL_CAPACITY = 1024;

export class EventQueue {
  // The heap proper: parallel arrays, so a comparison reads two numbers and no object.
  private heapTimeMs = takeArray(Float64Array, INITIAL_CAPACITY);
  private heapSeq = takeArray(Float64Array, INITIAL_CAPACITY);
  private heapSlot = takeArray(Int32Array, INITIAL_CAPACITY);
  private heapSize = 0;

  // Per-slot data, addressed through heapSlot.
  private slotHandler: Array<EventHandler | undefined> = new Array(INITIAL_CAPACITY);
  private slotPayload = takeArray(Float64Array, INITIAL_CAPACITY);
  private slotGeneration = takeArray(Float64Array, INITIAL_CAPACITY);
  private slotCancelled = takeArray(Uint8Array, INITIAL_CAPACITY);
  private freeSlots = takeArray(Int32Array, INITIAL_CAPACITY);
  private freeCount = 0;
  private slotsUsed = 0;

  private nextSeq = 0;
  private liveCount = 0;

  /** Events scheduled and neither fired nor cancelled. */
  get size(): number {
    return this.liveCount;
  }

  push(timeMs: number, handler: EventHandler, payload: number): EventHandle {
    const slot = this.allocateSlot();
    this.slotHandler[slot] = handler;
    this.slotPayload[slot] = payload;
    this.slotCancelled[slot] = 0;
    if (this.heapSize === this.heapTimeMs.length) this.growHeap();
    this.siftUp(this.heapSize++, timeMs, this.nextSeq++, slot);
    this.liveCount++;
    return (this.slotGeneration[slot] as number) * SLOT_BITS + slot;
  }

  /** Returns false when the event already fired or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_BITS;
    const generation = Math.floor(handle / SLOT_BITS);
    if (slot >= this.slotsUsed || this.slotGeneration[slot] !== generation) return false;
    if (this.slotCancelled[slot] === 1 || this.slotHandler[slot] === undefined) return false;
    this.slotCancelled[slot] = 1;
    this.liveCount--;
    return true;
  }

  /** Time of the earliest live event, or Infinity when none is pending. */
  peekTimeMs(): number {
    this.dropCancelledTop();
    return this.heapSize === 0 ? Infinity : (this.heapTimeMs[0] as number);
  }

  /** What the last successful `pop` removed; read right after `pop` returns true. */
  poppedTimeMs = 0;
  poppedHandler: EventHandler | undefined;
  poppedPayload = 0;

  /**
   * Removes the earliest live event into `poppedTimeMs`, `poppedHandler` and
   * `poppedPayload` (fields rather than a returned object, so the hot loop allocates
   * nothing). Returns false when the queue is empty.
   */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.heapSize === 0) return false;
    const slot = this.heapSlot[0] as number;
    this.poppedTimeMs = this.heapTimeMs[0] as number;
    this.poppedHandler = this.slotHandler[slot];
    this.poppedPayload = this.slotPayload[slot] as number;
    this.removeTop();
    this.releaseSlot(slot);
    this.liveCount--;
    return true;
  }

  private dropCancelledTop(): void {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0] as number;
      if (this.slotCancelled[slot] === 0) return;
      this.removeTop();
      this.releaseSlot(slot);
    }
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) {
      this.siftDown(
        0,
        this.heapTimeMs[last] as number,
        this.heapSeq[last] as number,
        this.heapSlot[last] as number,
      );
    }
  }

  /** Moves a hole up from `index` and drops the entry where it belongs. */
  private siftUp(index: number, timeMs: number, seq: number, slot: number): void {
    const times = this.heapTimeMs;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent] as number;
      if (parentTime < timeMs || (parentTime === timeMs && (seqs[parent] as number) < seq)) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent] as number;
      slots[i] = slots[parent] as number;
      i = parent;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private siftDown(index: number, timeMs: number, seq: number, slot: number): void {
    const times = this.heapTimeMs;
    const seqs = this.heapSeq;
    const slots = this.heapSlot;
    const size = this.heapSize;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let childTime = times[child] as number;
      const right = child + 1;
      if (right < size) {
        const rightTime = times[right] as number;
        if (rightTime < childTime || (rightTime === childTime && (seqs[right] as number) < (seqs[child] as number))) {
          child = right;
          childTime = rightTime;
        }
      }
      if (timeMs < childTime || (timeMs === childTime && seq < (seqs[child] as number))) break;
      times[i] = childTime;
      seqs[i] = seqs[child] as number;
      slots[i] = slots[child] as number;
      i = child;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /**
   * Empties the queue and gives its arrays back to the pool (typed-array-pool.ts), for the
   * next simulation on this thread to reuse. Pending events are dropped; the queue stays
   * usable, as a new empty one.
   */
  recycle(): void {
    giveBack(this.heapTimeMs, this.heapSeq, this.heapSlot, this.slotPayload, this.slotGeneration, this.slotCancelled, this.freeSlots);
    this.heapTimeMs = this.heapSeq = this.slotPayload = this.slotGeneration = EMPTY_FLOAT64;
    this.heapSlot = this.freeSlots = EMPTY_INT32;
    this.slotCancelled = EMPTY_UINT8;
    this.slotHandler = [];
    this.heapSize = this.freeCount = this.slotsUsed = this.liveCount = 0;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount] as number;
    if (this.slotsUsed === this.slotPayload.length) this.growSlots();
    return this.slotsUsed++;
  }

  private releaseSlot(slot: number): void {
    this.slotHandler[slot] = undefined;
    this.slotGeneration[slot] = (this.slotGeneration[slot] as number) + 1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private growHeap(): void {
    const capacity = Math.max(INITIAL_CAPACITY, this.heapTimeMs.length * 2);
    this.heapTimeMs = grownArray(this.heapTimeMs, capacity);
    this.heapSeq = grownArray(this.heapSeq, capacity);
    this.heapSlot = grownArray(this.heapSlot, capacity);
  }

  private growSlots(): void {
    const capacity = Math.max(INITIAL_CAPACITY, this.slotPayload.length * 2);
    if (capacity > SLOT_BITS) throw new RangeError(`more than ${SLOT_BITS} events pending at once`);
    this.slotHandler.length = capacity;
    this.slotPayload = grownArray(this.slotPayload, capacity);
    this.slotGeneration = grownArray(this.slotGeneration, capacity);
    this.slotCancelled = grownArray(this.slotCancelled, capacity);
    this.freeSlots = grownArray(this.freeSlots, capacity);
  }
}
