import { describe, expect, it } from 'vitest';
import type { PointEvidence } from '../../src/planner/point-evidence.js';
import { recommend } from '../../src/planner/recommend.js';
import { point } from './pareto-frontier.test.js';

const describeIt = (p: { index: number }) => `option ${p.index}`;
const points = [point(0, 600, 5), point(1, 400, 8), point(2, 900, 2), point(3, 500, 6)];

/** Per-run figures: wall times around `seconds` and costs around `usd`, the same spread at every point (common random numbers). */
function evidence(index: number, seconds: number, usd: number, deadline?: number, extra: Partial<PointEvidence> = {}): PointEvidence {
  const spread = [-3, -1, 0, 1, 3, -2, 2, 0, 1, -1];
  const wallSeconds = Array.from({ length: 40 }, (_, r) => seconds + (spread[r % 10] as number));
  const costUsd = Array.from({ length: 40 }, (_, r) => usd + (spread[(r + 3) % 10] as number) * 0.001);
  return { index, wallSeconds, costUsd, met: deadline === undefined ? [] : wallSeconds.map((t) => t <= deadline), failedRuns: 0, timedOutRuns: 0, ...extra };
}

describe('recommend', () => {
  it('picks the cheapest configuration meeting the deadline in 95 % of runs, and states the probability', () => {
    const ev = points.map((p) => evidence(p.index, p.wallTimeSeconds.p90, p.costUsd.p90, 600));
    const r = recommend(points, { deadlineSeconds: 600 }, describeIt, { evidence: ev });
    // Option 0's runs spread to 603 s: it meets 600 s in only 60 % of them; option 3 (≤ 503 s) always does.
    expect(r).toMatchObject({ strategy: 'deadline', pointIndex: 3, confidence: 0.95 });
    expect(r.goalProbability).toMatchObject({ runs: 40, runsMet: 40, probability: 1 });
    expect(r.reason).toMatch(/^option 3 meets the 10 m 0 s deadline in 100 % of 40 runs \(95 % interval 91\.2–100 %; target 95 %\)/);
    expect(r.reason).toContain('Its interval reaches below 95 %');
    expect(r.reason).toContain('Cheaper configurations meet it too rarely: the likeliest, option 0, in 60 % of 40 runs (95 % interval 44.6–73.7 %)');
  });

  it('calls a difference within the noise a tie, says so, and gives it to the more robust configuration', () => {
    // Two configurations a hundredth of a cent apart: the cheaper one finishes later.
    const a = point(0, 100, 1.0);
    const b = point(1, 90, 1.0001);
    const ev = [evidence(0, 100, 1.0, 200), evidence(1, 90, 1.0001, 200)];
    const r = recommend([a, b], { deadlineSeconds: 200 }, describeIt, { evidence: ev });
    expect(r.pointIndex).toBe(1);
    expect(r.tiedWith).toEqual([0]);
    expect(r.reason).toContain('It is a tie on cost with option 0 (the differences are within the noise), and the tie goes to the more robust configuration: it has more headroom (P90 1 m 30 s against 1 m 40 s)');
    expect(r.comparisons).toEqual([expect.objectContaining({ index: 0, tie: true, figure: 'expectedCostUsd' })]);
    expect(r.tieRule).toMatch(/^a difference is a tie when its paired 95 % interval includes zero or it is under 1 % of the better figure/);
  });

  it('prefers the cheaper configuration when the saving is clear, and says by how much with its interval', () => {
    const ev = [evidence(0, 100, 1.0, 200), evidence(1, 90, 1.2, 200)];
    const r = recommend([point(0, 100, 1.0), point(1, 90, 1.2)], { deadlineSeconds: 200 }, describeIt, { evidence: ev });
    expect(r.pointIndex).toBe(0);
    expect(r.tiedWith).toBeUndefined();
    expect(r.reason).toMatch(/The next cheapest that meets it, option 1, costs \$0\.2000 more per run on average \(paired 95 % interval \$0\.2000 to \$0\.2000\)/);
  });

  it('says so when no configuration meets the deadline, and names the closest with its probability', () => {
    const ev = points.map((p) => evidence(p.index, p.wallTimeSeconds.p90, p.costUsd.p90, 60));
    const r = recommend(points, { deadlineSeconds: 60 }, describeIt, { evidence: ev });
    expect(r.pointIndex).toBeNull();
    expect(r.closestIndex).toBe(1);
    expect(r.reason).toMatch(/^No configuration meets the 1 m 0 s deadline in 95 % of runs\. The closest is option 1: it meets it in 0 % of 40 runs \(95 % interval 0–8\.8 %\); P90 6 m 40 s, 5 m 40 s over/);
  });

  it('picks the fastest configuration within the budget in 95 % of runs', () => {
    const ev = points.map((p) => ({ ...evidence(p.index, p.wallTimeSeconds.p90, p.costUsd.p90), met: evidence(p.index, 0, p.costUsd.p90).costUsd.map((c) => c <= 6.01) }));
    expect(recommend(points, { budgetUsd: 6.01 }, describeIt, { evidence: ev })).toMatchObject({ strategy: 'budget', pointIndex: 3 });
    const none = points.map((p) => ({ ...evidence(p.index, p.wallTimeSeconds.p90, p.costUsd.p90), met: [false, false] }));
    expect(recommend(points, { budgetUsd: 1 }, describeIt, { evidence: none })).toMatchObject({ pointIndex: null, closestIndex: 2 });
  });

  it('balances on the frontier when no goal is given', () => {
    const r = recommend(points, {}, describeIt);
    expect(r.strategy).toBe('balanced');
    // Frontier 400/$8, 500/$6, 600/$5, 900/$2 scaled to 0–1 and averaged: 0.5, 0.43, 0.45, 0.5 → option 3.
    expect(r.pointIndex).toBe(3);
  });

  it('never recommends a configuration that fails or times out, nor one a race found beaten', () => {
    const risky = [point(0, 100, 1, { failureProbability: 0.2 }), point(1, 200, 2), point(2, 150, 1.5)];
    const ev = [evidence(0, 100, 1, 300, { failedRuns: 8 }), evidence(1, 200, 2, 300), evidence(2, 150, 1.5, 300)];
    const r = recommend(risky, { deadlineSeconds: 300 }, describeIt, { evidence: ev, beaten: new Set([2]) });
    expect(r.pointIndex).toBe(1);
    expect(r.reason).toContain('(1 configuration that fails or times out was left out)');
  });

  it('mentions the configurations a race dropped as ties of the pick', () => {
    const ev = [evidence(0, 100, 1, 300), evidence(1, 100, 1, 300)];
    const r = recommend([point(0, 100, 1), point(1, 100, 1)], { deadlineSeconds: 300 }, describeIt, { evidence: ev, beaten: new Set([1]), raceTies: new Map([[1, 0]]) });
    expect(r.pointIndex).toBe(0);
    expect(r.tiedWith).toEqual([1]);
    expect(r.reason).toContain('It also ties with option 1: the race found it the same in every run or tied and less robust');
  });
});
