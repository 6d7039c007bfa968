/**
 * The threads of control inside child executions, as slots in typed arrays rather than
 * objects. A child execution is a root thread; a Parallel branch or an inline-Map
 * iteration is a thread whose parent is the thread that entered that state. A slot is
 * taken when a thread starts and given back when it ends, with a generation number so
 * that an event scheduled for an ended (cancelled, aborted) thread can tell it is stale.
 * Children of a thread are linked (first child, siblings) so a failed branch can cancel
 * its siblings in time proportional to their number.
 *
 * The arrays start small and double as more threads run at once, so memory follows
 * concurrency, never the item count. They come from, and go back to, the thread's pool
 * (src/core/typed-array-pool.ts).
 */
import { EMPTY_FLOAT64, EMPTY_INT32, EMPTY_UINT8, giveBack, grownArray, takeArray } from '../../core/typed-array-pool.js';

/** Most threads at once: slot numbers fit below this. */
export const MAX_THREADS = 2 ** 21;
/**
 * An event payload is generation × span + slot. Constant spans let V8 turn the division in
 * `current` into shifts: one for children alone (MaxConcurrency is at most 10,000), one
 * for children with branches and iterations. The small one also keeps payloads small
 * integers for longer, which V8 divides fastest.
 */
const CHILD_SPAN = 16_384;
const THREAD_SPAN = MAX_THREADS;
const INITIAL_SLOTS = 256;
export const NO_THREAD = -1;

export class ChildThreads {
  generation: Float64Array;
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  previousSibling: Int32Array;
  /** Index of the state the thread is in (child-program.ts). */
  state: Int32Array;
  /** Items the thread works on: the batch for a child and its Parallel branches, one iteration's share in an inline Map. */
  items: Int32Array;
  /** Bit f set when the thread's items hold a poison item for function f. */
  poison: Int32Array;
  /** When the child execution (the root) started, in ms; copied to every thread of it. */
  startMs: Float64Array;
  /** Error code the current task attempt ends with, or -1; for a Parallel or Map, the first failure of a branch. */
  outcome: Int32Array;
  /** Branches or iterations still running (Parallel, inline Map). */
  running: Int32Array;
  /** Inline Map: iterations not started yet. */
  iterationsLeft: Int32Array;
  occupied: Uint8Array;
  /** Retry attempt counters: slot × retrierStride. */
  retryCounters: Int32Array;
  /** 1 when the slot's counters may be non-zero: most threads never retry, and then need no reset. */
  retried: Uint8Array;
  private free: Int32Array;
  private freeCount: number;

  /**
   * `forks`: whether threads start others (Parallel, inline Map). Without, every thread is
   * a child execution and the family links are never used, so they are not kept.
   */
  constructor(
    private readonly maxSlots: number,
    private readonly retrierStride: number,
    private readonly forks: boolean,
  ) {
    if (maxSlots > (forks ? THREAD_SPAN : CHILD_SPAN)) throw new RangeError(`at most ${forks ? THREAD_SPAN : CHILD_SPAN} threads at once (asked for ${maxSlots})`);
    const size = Math.max(1, Math.min(maxSlots, INITIAL_SLOTS));
    const family = forks ? size : 0;
    this.generation = takeArray(Float64Array, size);
    this.parent = takeArray(Int32Array, size);
    this.firstChild = takeArray(Int32Array, family);
    this.nextSibling = takeArray(Int32Array, family);
    this.previousSibling = takeArray(Int32Array, family);
    this.state = takeArray(Int32Array, size);
    this.items = takeArray(Int32Array, size);
    this.poison = takeArray(Int32Array, size);
    this.startMs = takeArray(Float64Array, size);
    this.outcome = takeArray(Int32Array, size);
    this.running = takeArray(Int32Array, family);
    this.iterationsLeft = takeArray(Int32Array, family);
    this.occupied = takeArray(Uint8Array, size);
    this.retryCounters = takeArray(Int32Array, size * retrierStride);
    this.retried = takeArray(Uint8Array, size);
    this.free = takeArray(Int32Array, size);
    for (let i = 0; i < size; i++) this.free[i] = size - 1 - i;
    this.freeCount = size;
  }

  get capacity(): number {
    return this.generation.length;
  }

  /** Takes a free slot for a new thread under `parent` (NO_THREAD for a child execution). */
  acquire(parent: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.occupied[slot] = 1;
    this.parent[slot] = parent;
    this.outcome[slot] = -1;
    if (!this.forks) return slot;
    this.firstChild[slot] = NO_THREAD;
    this.previousSibling[slot] = NO_THREAD;
    this.running[slot] = 0;
    this.iterationsLeft[slot] = 0;
    if (parent === NO_THREAD) {
      this.nextSibling[slot] = NO_THREAD;
    } else {
      const first = this.firstChild[parent] as number;
      this.nextSibling[slot] = first;
      if (first !== NO_THREAD) this.previousSibling[first] = slot;
      this.firstChild[parent] = slot;
      this.startMs[slot] = this.startMs[parent] as number;
    }
    return slot;
  }

  /** Gives the slot back; events still scheduled for its thread become stale. Its own threads must be gone. */
  release(slot: number): void {
    const parent = this.parent[slot] as number;
    if (parent !== NO_THREAD) {
      const previous = this.previousSibling[slot] as number;
      const next = this.nextSibling[slot] as number;
      if (previous === NO_THREAD) this.firstChild[parent] = next;
      else this.nextSibling[previous] = next;
      if (next !== NO_THREAD) this.previousSibling[next] = previous;
    }
    this.generation[slot] = (this.generation[slot] as number) + 1;
    this.occupied[slot] = 0;
    this.free[this.freeCount++] = slot;
  }

  /** Ends every thread below `slot`, deepest first. */
  releaseDescendants(slot: number): void {
    if (!this.forks) return;
    let child = this.firstChild[slot] as number;
    while (child !== NO_THREAD) {
      const next = this.nextSibling[child] as number;
      this.releaseDescendants(child);
      this.release(child);
      child = next;
    }
  }

  /** The child execution `slot` belongs to. */
  rootOf(slot: number): number {
    let at = slot;
    while ((this.parent[at] as number) !== NO_THREAD) at = this.parent[at] as number;
    return at;
  }

  /** The event payload that names the thread now in `slot`. */
  payloadOf(slot: number): number {
    return (this.generation[slot] as number) * (this.forks ? THREAD_SPAN : CHILD_SPAN) + slot;
  }

  /** The slot of the thread an event was for, or -1 when that thread has since ended. */
  current(payload: number): number {
    if (this.forks) {
      const slot = payload % THREAD_SPAN;
      return this.generation[slot] === Math.floor(payload / THREAD_SPAN) ? slot : -1;
    }
    const slot = payload % CHILD_SPAN;
    return this.generation[slot] === Math.floor(payload / CHILD_SPAN) ? slot : -1;
  }

  /**
   * Zeroes the thread's retry counters as it enters a state afresh. Every state's counters
   * are zeroed, not only the one entered: a state's counters matter only while the thread
   * is in it, and it is entered afresh (zeroed again) before it is in it again.
   */
  clearRetries(slot: number): void {
    if (this.retried[slot] === 0) return;
    const start = slot * this.retrierStride;
    this.retryCounters.fill(0, start, start + this.retrierStride);
    this.retried[slot] = 0;
  }

  /** Where the counters of the state at `offset` start for `slot`. */
  retryBase(slot: number, offset: number): number {
    return slot * this.retrierStride + offset;
  }

  /** Gives the arrays back to the pool once the simulation is done with every thread; nothing may be read after. */
  recycle(): void {
    giveBack(
      this.generation, this.parent, this.firstChild, this.nextSibling, this.previousSibling, this.state, this.items, this.poison,
      this.startMs, this.outcome, this.running, this.iterationsLeft, this.occupied, this.retryCounters, this.retried, this.free,
    );
    this.generation = this.startMs = EMPTY_FLOAT64;
    this.parent = this.firstChild = this.nextSibling = this.previousSibling = this.state = this.items = this.poison = EMPTY_INT32;
    this.outcome = this.running = this.iterationsLeft = this.retryCounters = this.free = EMPTY_INT32;
    this.occupied = this.retried = EMPTY_UINT8;
    this.freeCount = 0;
  }

  private grow(): void {
    const old = this.capacity;
    const size = Math.min(this.maxSlots, old * 2);
    if (size <= old) throw new RangeError(`more than ${this.maxSlots} threads at once`);
    const family = this.forks ? size : 0;
    this.generation = grownArray(this.generation, size);
    this.parent = grownArray(this.parent, size);
    this.firstChild = grownArray(this.firstChild, family);
    this.nextSibling = grownArray(this.nextSibling, family);
    this.previousSibling = grownArray(this.previousSibling, family);
    this.state = grownArray(this.state, size);
    this.items = grownArray(this.items, size);
    this.poison = grownArray(this.poison, size);
    this.startMs = grownArray(this.startMs, size);
    this.outcome = grownArray(this.outcome, size);
    this.running = grownArray(this.running, family);
    this.iterationsLeft = grownArray(this.iterationsLeft, family);
    this.occupied = grownArray(this.occupied, size);
    this.retryCounters = grownArray(this.retryCounters, size * this.retrierStride);
    this.retried = grownArray(this.retried, size);
    this.free = grownArray(this.free, size);
    for (let slot = size - 1; slot >= old; slot--) this.free[this.freeCount++] = slot;
  }
}
