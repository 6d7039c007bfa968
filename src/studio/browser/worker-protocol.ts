/**
 * Messages between the page and its Web Workers. The page sends a context (scenario,
 * seed, catalogue) whenever it changes, then ranges of replications to run; a worker
 * sends back each range's records, which the page stores by index.
 */
import type { ReplicationContext, ReplicationRecord } from '../../montecarlo/index.js';

export type ToWorker =
  | { type: 'context'; contextId: number; context: ReplicationContext }
  | { type: 'run'; jobId: number; contextId: number; from: number; to: number };

export type FromWorker =
  /** `computeMs`: the worker's own time on the range, so the page can tell simulating from waiting for messages. */
  | { type: 'records'; jobId: number; from: number; records: ReplicationRecord[]; computeMs: number }
  | { type: 'failed'; jobId: number; message: string };
