/**
 * One exchange with a worker thread: post a request, hand each reply to `onReply` until
 * it says the worker is done, fail on the thread's error, and leave no listener behind.
 */
import type { Worker } from 'node:worker_threads';

/** `onReply` returns true for the reply that ends the exchange. */
export function converse<Reply>(thread: Worker, request: unknown, onReply: (reply: Reply) => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (!onReply(reply)) return;
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
    };
    thread.on('message', onMessage);
    thread.on('error', onError);
    thread.postMessage(request);
  });
}
