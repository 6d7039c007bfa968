/**
 * The discrete-event kernel: a simulated clock and the queue of what happens next.
 * Four verbs: `schedule` (or `scheduleAt`), `cancel`, `step`, `run`.
 *
 * Knows nothing of AWS, randomness or I/O. Time is a plain number of milliseconds of
 * simulated time that starts at 0 and never goes backwards. Events at the same time
 * run in the order they were scheduled.
 */
import { EventQueue, type EventHandle, type EventHandler } from './event-queue.js';

export type { EventHandle, EventHandler } from './event-queue.js';

export class SimulationKernel {
  private readonly queue = new EventQueue();
  private clockMs = 0;
  private eventsRun = 0;
  private stopped = false;

  /** Current simulated time in milliseconds. */
  get nowMs(): number {
    return this.clockMs;
  }

  /** Events run so far; a cheap measure of the work a simulation did. */
  get eventCount(): number {
    return this.eventsRun;
  }

  /** Events scheduled and not yet run or cancelled. */
  get pendingCount(): number {
    return this.queue.size;
  }

  /**
   * Runs `handler(payload)` after `delayMs` of simulated time. Handlers are meant to be
   * created once and reused with a numeric payload (an index into the caller's own
   * arrays), so scheduling allocates nothing.
   */
  schedule(delayMs: number, handler: EventHandler, payload = 0): EventHandle {
    if (!(delayMs >= 0)) throw new RangeError(`delay must be a non-negative number of ms (got ${delayMs})`);
    return this.queue.push(this.clockMs + delayMs, handler, payload);
  }

  scheduleAt(timeMs: number, handler: EventHandler, payload = 0): EventHandle {
    if (!(timeMs >= this.clockMs)) {
      throw new RangeError(`cannot schedule in the past: ${timeMs} ms is before now (${this.clockMs} ms)`);
    }
    return this.queue.push(timeMs, handler, payload);
  }

  /** Returns false when the event already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /** Drops what is pending and gives the queue's memory back for the next simulation on this thread. */
  recycle(): void {
    this.queue.recycle();
  }

  /** Time of the next event, or Infinity when nothing is pending. */
  peekMs(): number {
    return this.queue.peekTimeMs();
  }

  /** Runs the next event. Returns false when nothing was pending. */
  step(): boolean {
    const queue = this.queue;
    if (!queue.pop()) return false;
    this.clockMs = queue.poppedTimeMs;
    this.eventsRun++;
    (queue.poppedHandler as EventHandler)(queue.poppedPayload);
    return true;
  }

  /**
   * Runs events until none is pending, until the next one lies after `untilMs`
   * (the clock then stands at `untilMs`), or until a handler calls `stop()`.
   */
  run(untilMs = Infinity): void {
    const queue = this.queue;
    this.stopped = false;
    while (!this.stopped) {
      if (untilMs !== Infinity && queue.peekTimeMs() > untilMs) {
        this.clockMs = Math.max(this.clockMs, untilMs);
        return;
      }
      if (!queue.pop()) return;
      this.clockMs = queue.poppedTimeMs;
      this.eventsRun++;
      (queue.poppedHandler as EventHandler)(queue.poppedPayload);
    }
  }

  /** Makes `run` return after the current event. */
  stop(): void {
    this.stopped = true;
  }
}
