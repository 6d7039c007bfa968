/**
 * Count, mean, variance, minimum and maximum of a stream of numbers in constant memory
 * (Welford's update; Chan et al.'s merge for two streams). Pure.
 */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private m2 = 0;

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Adds every value `other` has seen, as if they had been added here. */
  merge(other: RunningStats): void {
    if (other.count === 0) return;
    if (this.count === 0) {
      this.count = other.count;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return;
    }
    const count = this.count + other.count;
    const delta = other.mean - this.mean;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / count;
    this.mean += (delta * other.count) / count;
    this.count = count;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** Sample variance (n − 1 in the denominator); 0 below two values. */
  get variance(): number {
    return this.count < 2 ? 0 : Math.max(0, this.m2 / (this.count - 1));
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }
}
