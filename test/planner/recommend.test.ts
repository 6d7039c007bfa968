import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/planner/recommend.js';
import { point } from './pareto-frontier.test.js';

const describeIt = (p: { index: number }) => `option ${p.index}`;
const points = [point(0, 600, 5), point(1, 400, 8), point(2, 900, 2), point(3, 500, 6)];

describe('recommend', () => {
  it('picks the cheapest configuration meeting the deadline at P90', () => {
    const r = recommend(points, { deadlineSeconds: 600 }, describeIt);
    expect(r).toMatchObject({ strategy: 'deadline', pointIndex: 0 });
    expect(r.reason).toMatch(/^option 0 is the cheapest configuration that finishes within 10 m 0 s at P90/);
  });

  it('says so when no configuration meets the deadline, and shows the fastest', () => {
    const r = recommend(points, { deadlineSeconds: 60 }, describeIt);
    expect(r.pointIndex).toBeNull();
    expect(r.closestIndex).toBe(1);
    expect(r.reason).toMatch(/^No configuration finishes within 1 m 0 s at P90\. The fastest is option 1: P90 6 m 40 s/);
  });

  it('picks the fastest configuration within the budget', () => {
    expect(recommend(points, { budgetUsd: 6 }, describeIt)).toMatchObject({ strategy: 'budget', pointIndex: 3 });
    expect(recommend(points, { budgetUsd: 1 }, describeIt)).toMatchObject({ pointIndex: null, closestIndex: 2 });
  });

  it('balances on the frontier when no goal is given', () => {
    const r = recommend(points, {}, describeIt);
    expect(r.strategy).toBe('balanced');
    // Frontier 400/$8, 500/$6, 600/$5, 900/$2 scaled to 0–1 and averaged: 0.5, 0.43, 0.45, 0.5 → option 3.
    expect(r.pointIndex).toBe(3);
  });

  it('never recommends a configuration that fails or times out', () => {
    const risky = [point(0, 100, 1, { failureProbability: 0.2 }), point(1, 200, 2)];
    const r = recommend(risky, { deadlineSeconds: 300 }, describeIt);
    expect(r.pointIndex).toBe(1);
    expect(r.reason).toContain('(1 configuration that fails or times out was left out)');
  });
});
