/**
 * The child executions in flight, as slots in typed arrays rather than objects: a slot
 * is taken when a child starts and given back when it ends, with a generation number so
 * that an event scheduled for an ended (aborted) child can tell it is stale. The arrays
 * start small and double as more children run at once, never beyond MaxConcurrency, so
 * memory follows concurrency, not the item count.
 */
import type { RetryPolicy } from './retry-policy.js';

/** Slot numbers fit below this; an event payload is generation × SLOT_SPAN + slot. */
const SLOT_SPAN = 16_384;
const INITIAL_SLOTS = 256;

export class ChildSlots {
  generation: Float64Array;
  /** Items in the child's batch. */
  items: Int32Array;
  /** 1 when the batch holds a poison item. */
  poison: Uint8Array;
  /** When the child execution started (after any start-rate wait), in ms. */
  startMs: Float64Array;
  /** Error code the current invocation ends with, or -1. */
  outcome: Int32Array;
  occupied: Uint8Array;
  /** Retry attempt counters: slot × retrierCount. */
  retryCounters: Int32Array;
  private free: Int32Array;
  private freeCount: number;

  constructor(
    private readonly maxSlots: number,
    private readonly retry: RetryPolicy,
  ) {
    const size = Math.max(1, Math.min(maxSlots, INITIAL_SLOTS));
    this.generation = new Float64Array(size);
    this.items = new Int32Array(size);
    this.poison = new Uint8Array(size);
    this.startMs = new Float64Array(size);
    this.outcome = new Int32Array(size);
    this.occupied = new Uint8Array(size);
    this.retryCounters = retry.createCounters(size);
    this.free = new Int32Array(size);
    for (let i = 0; i < size; i++) this.free[i] = size - 1 - i;
    this.freeCount = size;
  }

  get capacity(): number {
    return this.generation.length;
  }

  /** Takes a free slot (growing the arrays when none is left) for a new child. */
  acquire(): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.occupied[slot] = 1;
    this.retry.resetCounters(this.retryCounters, slot);
    return slot;
  }

  /** Gives the slot back; events still scheduled for its child become stale. */
  release(slot: number): void {
    this.generation[slot] = (this.generation[slot] as number) + 1;
    this.occupied[slot] = 0;
    this.free[this.freeCount++] = slot;
  }

  /** The event payload that names the child now in `slot`. */
  payloadOf(slot: number): number {
    return (this.generation[slot] as number) * SLOT_SPAN + slot;
  }

  /** The slot of the child an event was for, or -1 when that child has since ended. */
  current(payload: number): number {
    const slot = payload % SLOT_SPAN;
    return this.generation[slot] === Math.floor(payload / SLOT_SPAN) ? slot : -1;
  }

  private grow(): void {
    const old = this.capacity;
    const size = Math.min(this.maxSlots, old * 2);
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);
    this.generation = grown(this.generation, new Float64Array(size));
    this.items = grown(this.items, new Int32Array(size));
    this.poison = grown(this.poison, new Uint8Array(size));
    this.startMs = grown(this.startMs, new Float64Array(size));
    this.outcome = grown(this.outcome, new Int32Array(size));
    this.occupied = grown(this.occupied, new Uint8Array(size));
    this.retryCounters = grown(this.retryCounters, this.retry.createCounters(size));
    this.free = grown(this.free, new Int32Array(size));
    for (let slot = size - 1; slot >= old; slot--) this.free[this.freeCount++] = slot;
  }
}
