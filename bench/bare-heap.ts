/**
 * The yardstick for the kernel: the least a binary-heap event loop can do. Times only,
 * no tie-break, no handler, no cancellation.
 */
export class BareHeap {
  private times: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
  }

  push(time: number): void {
    const times = this.times;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent] as number;
      if (parentTime <= time) break;
      times[i] = parentTime;
      i = parent;
    }
    times[i] = time;
  }

  pop(): number {
    const times = this.times;
    const top = times[0] as number;
    const last = times[--this.size] as number;
    const size = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (times[child + 1] as number) < (times[child] as number)) child++;
      if (last <= (times[child] as number)) break;
      times[i] = times[child] as number;
      i = child;
    }
    times[i] = last;
    return top;
  }
}
