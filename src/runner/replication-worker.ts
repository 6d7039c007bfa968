/**
 * Worker thread: runs replications taken from the pool's shared counter and sends their
 * records back. Messages in: { context } (again whenever the scenario changes), then
 * { counter, to } for each run; out: { from, records } per take, then { done }.
 */
import { parentPort } from 'node:worker_threads';
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../montecarlo/replication.js';
import { takeNext } from './replication-pool.js';

export type WorkerRequest = { context: ReplicationContext } | { counter: Int32Array; to: number };
export type WorkerReply = { from: number; records: ReplicationRecord[] } | { done: true };

let context: ReplicationContext | undefined;

parentPort?.on('message', (message: WorkerRequest) => {
  if ('context' in message) {
    context = message.context;
    return;
  }
  for (let range = takeNext(message.counter, message.to); range; range = takeNext(message.counter, message.to)) {
    const records: ReplicationRecord[] = [];
    for (let i = range[0]; i < range[1]; i++) records.push(replicationRecord(context as ReplicationContext, i));
    parentPort?.postMessage({ from: range[0], records } satisfies WorkerReply);
  }
  parentPort?.postMessage({ done: true } satisfies WorkerReply);
});
