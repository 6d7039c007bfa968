/**
 * The Web Worker of `dmap studio`: runs the replications the page asks for with the CLI's
 * own function (replicationRecord), on the context the page last sent. Bundled on its own
 * (no DOM, no Chart.js) and started from a Blob URL of its inlined source.
 */
import { replicationRecord, type ReplicationContext, type ReplicationRecord } from '../../montecarlo/replication.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The little of a dedicated worker's global scope this uses (the DOM library is not loaded here). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
const contexts = new Map<number, ReplicationContext>();

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'context') {
    // Only the latest context is ever asked for again.
    contexts.clear();
    contexts.set(data.contextId, data.context);
    return;
  }
  const context = contexts.get(data.contextId);
  try {
    if (!context) throw new Error(`no context ${data.contextId}`);
    const startedMs = performance.now();
    const records: ReplicationRecord[] = [];
    for (let i = data.from; i < data.to; i++) records.push(replicationRecord(context, i));
    scope.postMessage({ type: 'records', jobId: data.jobId, from: data.from, records, computeMs: performance.now() - startedMs });
  } catch (error) {
    scope.postMessage({ type: 'failed', jobId: data.jobId, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
