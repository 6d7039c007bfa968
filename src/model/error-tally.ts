/**
 * Failed invocation attempts counted by error name. Names get small integer codes up
 * front, so the hot path counts into an array instead of hashing strings.
 */
export class ErrorTally {
  private readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  /** Filled as codes are made, so it never has holes (one shape for the JIT). */
  private readonly counts: number[] = [];

  /** The code of `name`, made on first use. */
  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.counts.push(0);
      this.codes.set(name, code);
    }
    return code;
  }

  name(code: number): string {
    return this.names[code] as string;
  }

  count(code: number): void {
    (this.counts[code] as number)++;
  }

  /** Counts by error name, sorted by name; names never counted are left out. */
  byName(): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const name of this.names.filter((_, code) => (this.counts[code] as number) > 0).sort()) {
      tally[name] = this.counts[this.codes.get(name) as number] as number;
    }
    return tally;
  }
}
