/**
 * Typed arrays given back when a replication's structures are done with them, and handed
 * out again, zeroed, to the next replication on the same thread.
 *
 * Why: every typed array of more than 64 bytes has its memory outside the JavaScript heap.
 * Node allocates that in about 2 µs; Chromium, where `dmap studio` runs its replications,
 * takes 30–140 µs per array (measured with headless Chromium 156, docs/studio.md). A
 * flagship replication made about 120 of them (the event queue, the child threads and the
 * critical path, each growing by doubling), which was most of a replication's time in the
 * page. Reused, they cost a `fill(0)`.
 *
 * The pool is per thread (a module instance per worker) and only used synchronously, so
 * no two replications share it at once. An array handed out is always zeroed, exactly as
 * a new one is, so reuse cannot change a result: determinism does not depend on what ran
 * before. Pure: no I/O, no clock.
 */

export type PooledArray = Float64Array | Int32Array | Uint8Array;

interface PooledArrayType<T extends PooledArray> {
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Most bytes the pool keeps. A flagship replication's structures take about 1 MB; a
 * replication of 10,000 children at once with Parallel branches, tens of MB. Arrays beyond
 * the budget are left to the garbage collector, so a huge run does not pin its memory.
 */
const MAX_POOLED_BYTES = 64 * 2 ** 20;

const freeByType = new Map<PooledArrayType<PooledArray>, Map<number, PooledArray[]>>();
let pooledBytes = 0;

/** Empty arrays, for a structure's fields once it has given its arrays back. */
export const EMPTY_FLOAT64 = new Float64Array(0);
export const EMPTY_INT32 = new Int32Array(0);
export const EMPTY_UINT8 = new Uint8Array(0);
const EMPTY_OF_TYPE = new Map<unknown, PooledArray>([
  [Float64Array, EMPTY_FLOAT64],
  [Int32Array, EMPTY_INT32],
  [Uint8Array, EMPTY_UINT8],
]);

/** A zeroed array of `length` elements: one given back before, or a new one. */
export function takeArray<T extends PooledArray>(type: PooledArrayType<T>, length: number): T {
  // A length-0 array holds nothing to write: one serves every caller.
  if (length === 0) return (EMPTY_OF_TYPE.get(type) ?? new type(0)) as T;
  const reused = freeByType.get(type)?.get(length)?.pop() as T | undefined;
  if (reused === undefined) return new type(length);
  pooledBytes -= reused.byteLength;
  return reused.fill(0) as T;
}

/**
 * Gives arrays back for reuse. The caller must hold no reference to them afterwards (its
 * structure is finished): the next `takeArray` of the same type and length may return
 * them, zeroed.
 */
export function giveBack(...arrays: PooledArray[]): void {
  for (const array of arrays) {
    if (array.length === 0 || pooledBytes + array.byteLength > MAX_POOLED_BYTES) continue;
    const type = array.constructor as PooledArrayType<PooledArray>;
    let byLength = freeByType.get(type);
    if (byLength === undefined) freeByType.set(type, (byLength = new Map()));
    const free = byLength.get(array.length);
    if (free === undefined) byLength.set(array.length, [array]);
    else free.push(array);
    pooledBytes += array.byteLength;
  }
}

/** A copy of `from` in a (pooled) array of `length` elements, `from` given back. */
export function grownArray<T extends PooledArray>(from: T, length: number): T {
  const to = takeArray(from.constructor as PooledArrayType<T>, length);
  to.set(from);
  giveBack(from);
  return to;
}

/** Bytes the pool holds now (for tests). */
export function pooledByteCount(): number {
  return pooledBytes;
}
