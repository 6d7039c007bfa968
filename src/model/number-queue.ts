/**
 * A first-in first-out queue of numbers on a growable ring buffer: no allocation per
 * push once it has grown to its working size.
 */
export class NumberQueue {
  private buffer = new Float64Array(16);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.buffer.length) this.grow();
    this.buffer[(this.head + this.count) % this.buffer.length] = value;
    this.count++;
  }

  /** Removes and returns the oldest value; the queue must not be empty. */
  shift(): number {
    if (this.count === 0) throw new RangeError('shift from an empty queue');
    const value = this.buffer[this.head] as number;
    this.head = (this.head + 1) % this.buffer.length;
    this.count--;
    return value;
  }

  private grow(): void {
    const bigger = new Float64Array(this.buffer.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.buffer[(this.head + i) % this.buffer.length] as number;
    this.buffer = bigger;
    this.head = 0;
  }
}
