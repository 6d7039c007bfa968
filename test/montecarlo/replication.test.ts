/**
 * A replication's record prices its run from amounts only (charges.ts), while replication
 * 0's report prices the same run in words (priceMapRun). The two must agree exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineKey, replicationRecord, runReplication } from '../../src/montecarlo/index.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { parseScenarioText, type Scenario } from '../../src/scenario/index.js';
import { FIXTURE_CATALOGUE } from '../pricing/fixture-catalogue.js';

function flagship(pricing: Partial<Scenario['pricing']>): Scenario {
  const file = 'scenarios/reinvent-500k.yaml';
  const { scenario } = parseScenarioText(readFileSync(file, 'utf8'), file);
  return { ...scenario, pricing: { ...scenario.pricing, ...pricing } };
}

const CASES: Array<[string, Scenario, typeof FIXTURE_CATALOGUE]> = [
  ['list prices', flagship({}), defaultCatalogue()],
  ['free tier, discount, 30,000 runs a month', flagship({ freeTier: true, discountPercent: 12.5, runsPerMonth: 30_000 }), defaultCatalogue()],
  ['a custom price', flagship({ priceOverrides: { 'lambda.request': { usd: '0.31', per: '1000000' } } }), defaultCatalogue()],
  ['tiers crossed and unpriced usage (fixture catalogue)', flagship({ freeTier: true, runsPerMonth: 200_000 }), FIXTURE_CATALOGUE],
];

describe('replication records', () => {
  for (const [name, scenario, catalogue] of CASES) {
    it(`cost the same as the bill in words: ${name}`, () => {
      for (const replication of [0, 1, 2]) {
        const context = { scenario, seed: 7, catalogue };
        const detail = runReplication(context, replication);
        const record = replicationRecord(context, replication);
        expect(record).toEqual(detail.record);
        expect(record.costUsd).toBe(Number(detail.cost.perRunUsd));
        const byLine: Record<string, number> = {};
        for (const line of detail.cost.monthly.lines) {
          if (line.costUsd === null) continue;
          const key = lineKey(line.service, line.item);
          byLine[key] = (byLine[key] ?? 0) + Number(line.costUsd) / scenario.pricing.runsPerMonth;
        }
        expect(record.costByLine).toEqual(byLine);
      }
    });
  }

  it('the fixture case does cross tiers and leave usage unpriced', () => {
    const detail = runReplication({ scenario: CASES[3]![1], seed: 7, catalogue: FIXTURE_CATALOGUE }, 0);
    expect(detail.cost.monthly.lines.filter((l) => l.priceKey === 'lambda.duration.x86_64' && l.kind === 'charge').length).toBeGreaterThan(1);
    expect(detail.cost.monthly.unpricedKeys.length).toBeGreaterThan(0);
    expect(detail.cost.monthly.lines.some((l) => l.kind === 'freeTier')).toBe(true);
  });
});
