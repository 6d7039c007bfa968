import { describe, expect, it } from 'vitest';
import { simulateMapRun, type ChildExecutionRecord, type InvocationRecord } from '../../src/model/index.js';
import { scenario } from './scenario-builder.js';

describe('MapRunObserver', () => {
  it('sees every invocation and every child, and does not change the run', () => {
    const input = scenario({
      itemReader: { source: 'inline', itemCount: 1000 },
      itemBatcher: { maxItemsPerBatch: 10 },
      maxConcurrency: 30,
      lambda: { memoryMb: 512, perItemDurationMs: { type: 'lognormal', p50: 20, p99: 80 }, errors: [{ error: 'Boom', probability: 0.02 }] },
      childWorkflow: { retry: [{ errorEquals: ['Boom'], maxAttempts: 3 }] },
    });
    const invocations: InvocationRecord[] = [];
    const children: ChildExecutionRecord[] = [];
    const watched = simulateMapRun(input, { observer: { invocation: (r) => invocations.push(r), childEnded: (r) => children.push(r) } });
    expect(simulateMapRun(input)).toEqual(watched);
    expect(invocations).toHaveLength(watched.lambda.invocations);
    expect(invocations.filter((r) => r.initMs > 0)).toHaveLength(watched.usage.lambda?.coldStarts ?? -1);
    expect(invocations.reduce((sum, r) => sum + r.durationMs + r.initMs, 0)).toBeCloseTo(watched.lambda.totalDurationMs, 6);
    expect(invocations.every((r) => r.memoryMb === 512 && r.functionName.length > 0)).toBe(true);
    expect(invocations.filter((r) => r.error === 'Boom').length).toBeGreaterThan(0);
    expect(children).toHaveLength(watched.executionCounts.total);
    expect(children.reduce((sum, c) => sum + c.items, 0)).toBe(1000);
    expect(Math.max(...children.map((c) => c.endMs))).toBe(watched.childrenCompleteMs);
  });
});
