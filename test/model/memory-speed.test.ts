import { describe, expect, it } from 'vitest';
import { durationFactor } from '../../src/model/memory-speed.js';
import { simulateMapRun } from '../../src/model/index.js';
import { frictionless } from './scenario-builder.js';

describe('durationFactor', () => {
  it('is 1 at the memory the durations were measured at', () => {
    expect(durationFactor(1024, 1024, 0.7)).toBe(1);
  });

  it('halves the CPU-bound share when memory doubles below one vCPU', () => {
    // f = 1: all CPU; 512 → 1024 MB doubles the CPU share.
    expect(durationFactor(1024, 512, 1)).toBeCloseTo(0.5, 12);
    // f = 0.5: half the time halves: 0.5 + 0.25.
    expect(durationFactor(1024, 512, 0.5)).toBeCloseTo(0.75, 12);
    // Pure I/O does not care.
    expect(durationFactor(128, 3008, 0)).toBe(1);
  });

  it('gains nothing above 1,769 MB (one vCPU) for single-threaded code', () => {
    expect(durationFactor(10_240, 1769, 1)).toBe(1);
    expect(durationFactor(3008, 1024, 1)).toBeCloseTo(1024 / 1769, 12);
  });
});

describe('memory in the model', () => {
  it('scales invocation time with the factor', () => {
    const base = { itemReader: { source: 'inline' as const, itemCount: 10 }, maxConcurrency: 10 };
    const at1024 = simulateMapRun(frictionless({ ...base, lambda: { memoryMb: 1024, perItemDurationMs: 1000, cpuBoundFraction: 1 } }));
    const at512 = simulateMapRun(
      frictionless({ ...base, lambda: { memoryMb: 512, durationMeasuredAtMemoryMb: 1024, perItemDurationMs: 1000, cpuBoundFraction: 1 } }),
    );
    expect(at1024.wallTimeMs).toBe(1000);
    expect(at512.wallTimeMs).toBe(2000);
    // Half the memory for twice the time: the same GB-seconds.
    expect(at512.usage.lambda?.gbSeconds).toBe(at1024.usage.lambda?.gbSeconds);
  });
});
