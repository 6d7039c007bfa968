/**
 * Worker thread: runs the replications it is asked for and sends back their records.
 * Messages in: { context } once, then { from, to } ranges; out: { from, records }.
 */
import { parentPort } from 'node:worker_threads';
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../montecarlo/replication.js';

type Message = { context: ReplicationContext } | { from: number; to: number };

let context: ReplicationContext | undefined;

parentPort?.on('message', (message: Message) => {
  if ('context' in message) {
    context = message.context;
    return;
  }
  const records: ReplicationRecord[] = [];
  for (let i = message.from; i < message.to; i++) records.push(replicationRecord(context as ReplicationContext, i));
  parentPort?.postMessage({ from: message.from, records });
});
