/**
 * Standard versus Express against AWS's worked table: the workshop "Large-scale Data
 * Processing with Step Functions", Optimization › Batching, "Express vs Standard vs batch
 * size" (docs/research/published-measurements.md, PM-08): 50 million objects, a child of
 * two steps whose duration the table gives per batch size, Express at 64 MB.
 */
import { describe, expect, it } from 'vitest';
import { compareWorkflowTypes, type ChildTypeFigures } from '../../src/planner/workflow-types.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { runWorkflowTypes } from '../../src/runner/run-workflow-types.js';
import { validateScenario } from '../../src/scenario/index.js';

const OBJECTS = 50_000_000;

/** Batch size, child duration (ms), and the published Standard and Express cost. */
const TABLE: Array<[number, number, number, number]> = [
  [100, 28_000, 37.5, 27.59],
  [200, 32_000, 18.75, 14.84],
  [400, 62_000, 9.38, 11.33],
  [500, 74_000, 7.5, 10.31],
  [600, 90_000, 6.25, 9.98],
  [800, 120_000, 4.69, 9.44],
  [1000, 150_000, 3.75, 9.12],
];

function workshopScenario(childMs: number): Record<string, unknown> {
  return {
    name: 'workshop-batching',
    itemReader: { source: 'inline', itemCount: OBJECTS },
    maxConcurrency: 10_000,
    childStarts: { startLatencyMs: 0 },
    childWorkflow: {
      transitionLatencyMs: 0,
      outputBytes: 0,
      // Two steps: three Standard transitions per child with the parent's one.
      states: { Work: { type: 'Wait', seconds: childMs / 1000, next: 'Done' }, Done: { type: 'Pass', end: true } },
    },
    // The workshop prices Express duration at $0.0000001042 per 100 ms at 64 MB: per GB-hour,
    // 0.0000001042 / (0.1 s × 64/1,024 GB) × 3,600 s = $0.0600192.
    pricing: { priceOverrides: { 'stepFunctions.express.duration': { usd: '0.0600192' } } },
  };
}

describe('Standard versus Express children', () => {
  it('reproduces the workshop\'s worked table to the cent, row by row', async () => {
    for (const [batchSize, childMs, standardUsd, expressUsd] of TABLE) {
      const document = workshopScenario(childMs);
      const validation = validateScenario(document);
      if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
      const { rows } = await runWorkflowTypes(document, validation.scenario, [batchSize], { seed: 1, runs: 1, workers: 1, catalogue: defaultCatalogue() });
      const row = rows[0];
      expect(row?.batchSize).toBe(batchSize);
      expect(row?.standard.costUsdP50.toFixed(2), `Standard at batch ${batchSize}`).toBe(standardUsd.toFixed(2));
      expect(row?.express.costUsdP50.toFixed(2), `Express at batch ${batchSize}`).toBe(expressUsd.toFixed(2));
    }
  }, 120_000);

  it('finds the break-even between the batch sizes that straddle it, and never calls a failing type cheaper', () => {
    const figures = (costUsdP50: number, extra: Partial<ChildTypeFigures> = {}): ChildTypeFigures => ({
      costUsdP50,
      costUsdP90: costUsdP50,
      stepFunctionsUsdMean: costUsdP50,
      wallTimeSecondsP50: 60,
      wallTimeSecondsP90: 60,
      failureProbability: 0,
      childrenTimeOut: false,
      ...extra,
    });
    const { rows, breakEvens } = compareWorkflowTypes(
      TABLE.map(([batchSize, , standard, express]) => ({ batchSize, standard: figures(standard), express: figures(express, batchSize === 1000 ? { childrenTimeOut: true } : {}) })),
    );
    expect(rows.map((r) => r.cheaper)).toEqual(['EXPRESS', 'EXPRESS', 'STANDARD', 'STANDARD', 'STANDARD', 'STANDARD', 'STANDARD']);
    expect(breakEvens).toHaveLength(1);
    const [breakEven] = breakEvens;
    expect(breakEven?.between).toEqual([200, 400]);
    expect(breakEven?.cheaperBelow).toBe('EXPRESS');
    // Express − Standard: −3.91 at 200, +1.95 at 400: zero at 200 + 200 × 3.91 / 5.86.
    expect(breakEven?.batchSize).toBeCloseTo(200 + (200 * 3.91) / 5.86, 6);
  });
});
