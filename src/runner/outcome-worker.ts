/**
 * Worker thread of the OutcomePool: runs the (scenario, replication) pairs it takes from
 * the shared counter and writes their outcomes into the shared results. Messages in:
 * { contexts } once, then one request per run; out: { done } per take, then { finished }.
 */
import { parentPort } from 'node:worker_threads';
import type { ReplicationContext } from '../montecarlo/replication.js';
import { runTake } from './outcome-pool.js';
import { takeNext } from './replication-pool.js';

export type OutcomeWorkerRequest =
  | { contexts: readonly ReplicationContext[] }
  | { counter: Int32Array; results: Float64Array; jobs: Int32Array; offsets: Int32Array; total: number };
export type OutcomeWorkerReply = { done: number } | { finished: true };

let contexts: readonly ReplicationContext[] = [];

parentPort?.on('message', (message: OutcomeWorkerRequest) => {
  if ('contexts' in message) {
    contexts = message.contexts;
    return;
  }
  const { counter, results, jobs, offsets, total } = message;
  for (let range = takeNext(counter, total); range; range = takeNext(counter, total)) {
    runTake(contexts, jobs, offsets, range, results);
    parentPort?.postMessage({ done: range[1] - range[0] } satisfies OutcomeWorkerReply);
  }
  parentPort?.postMessage({ finished: true } satisfies OutcomeWorkerReply);
});
