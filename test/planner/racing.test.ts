import { describe, expect, it } from 'vitest';
import type { GoalTest, PointEvidence } from '../../src/planner/point-evidence.js';
import { nextRoundEnd, raceDrops, raceSettled } from '../../src/planner/racing.js';

const deadline: GoalTest = { kind: 'deadline', limit: 100, confidence: 0.95 };
const name = (i: number) => `p${i}`;
const runs = 20;

function point(index: number, seconds: (r: number) => number, usd: (r: number) => number, extra: Partial<PointEvidence> = {}): PointEvidence {
  const wallSeconds = Array.from({ length: runs }, (_, r) => seconds(r));
  return { index, wallSeconds, costUsd: Array.from({ length: runs }, (_, r) => usd(r)), met: wallSeconds.map((t) => t <= deadline.limit), failedRuns: 0, timedOutRuns: 0, ...extra };
}

describe('raceDrops', () => {
  it('drops a point that failed in a run, whatever else it did', () => {
    const drops = raceDrops([point(0, () => 50, () => 1, { failedRuns: 1 })], deadline, name);
    expect(drops).toEqual([{ index: 0, kind: 'fails', reason: 'failed its tolerance in 1 of 20 runs' }]);
  });

  it('drops a point whose probability of meeting the goal is clearly below the target', () => {
    // Met in 15 of 20: the Wilson upper bound is 89 %, below 95 %.
    const drops = raceDrops([point(0, (r) => (r < 15 ? 90 : 110), () => 1)], deadline, name);
    expect(drops.map((d) => d.kind)).toEqual(['misses']);
    expect(drops[0]?.reason).toMatch(/^met the goal in 15 of 20 runs: at most 89 % \(95 % upper bound\), below the 95 % target$/);
  });

  it('keeps a point that might still meet it', () => {
    expect(raceDrops([point(0, (r) => (r < 19 ? 90 : 110), () => 1)], deadline, name)).toEqual([]);
  });

  it('drops a duplicate of an earlier point, run for run', () => {
    const drops = raceDrops([point(3, (r) => 80 + r, () => 1), point(4, (r) => 80 + r, () => 1)], deadline, name);
    expect(drops).toEqual([expect.objectContaining({ index: 4, kind: 'duplicate', by: 3 })]);
  });

  it('drops a point beaten on cost by one sure of the goal that meets it whenever this one does', () => {
    const drops = raceDrops([point(0, (r) => 80 + r, (r) => 1 + r * 0.001), point(1, (r) => 70 + r, (r) => 0.8 + r * 0.001)], deadline, name);
    expect(drops).toEqual([expect.objectContaining({ index: 0, kind: 'beaten', by: 1 })]);
  });

  it('does not let a point that has missed the goal beat one that might not', () => {
    // The cheaper point missed once: it is not sure of the goal, so it beats nobody yet.
    const drops = raceDrops([point(0, (r) => 80 + r, () => 1), point(1, (r) => (r === 7 ? 120 : 70), () => 0.8)], deadline, name);
    expect(drops).toEqual([]);
  });

  it('drops a point that ties on cost and clearly loses the tie rule on headroom', () => {
    const drops = raceDrops([point(0, (r) => 90 + (r % 3), () => 1), point(1, (r) => 60 + (r % 3), () => 1.001)], deadline, name);
    expect(drops).toEqual([expect.objectContaining({ index: 0, kind: 'tie', by: 1 })]);
  });
});

describe('raceSettled', () => {
  it('stops when nothing is left, or one point is left and its interval is on one side of the target', () => {
    expect(raceSettled([], deadline)).toBe(true);
    expect(raceSettled([point(0, () => 50, () => 1)], deadline)).toBe(false);
    const many = { ...point(0, () => 50, () => 1), met: Array.from({ length: 80 }, () => true) };
    expect(raceSettled([many], deadline)).toBe(true);
    expect(raceSettled([many, point(1, () => 50, () => 1)], deadline)).toBe(false);
  });
});

describe('the rounds', () => {
  it('screen on 5 runs, then end at every multiple of 20 up to the sweep runs', () => {
    const ends: number[] = [];
    for (let done = 0; done < 100; done = nextRoundEnd(done, 100)) ends.push(nextRoundEnd(done, 100));
    expect(ends).toEqual([5, 20, 40, 60, 80, 100]);
    expect(nextRoundEnd(0, 3)).toBe(3);
    expect(nextRoundEnd(20, 30)).toBe(30);
  });

  it('after the screen only failing and clearly missing points leave; comparisons wait for a full round', () => {
    const short = (index: number, seconds: number, usd: number): PointEvidence => {
      const wallSeconds = Array.from({ length: 5 }, () => seconds);
      return { index, wallSeconds, costUsd: wallSeconds.map(() => usd), met: wallSeconds.map((t) => t <= deadline.limit), failedRuns: 0, timedOutRuns: 0 };
    };
    // 0 of 5 meet: the Wilson upper bound is 43 %. The duplicate and the dearer point stay for now.
    const drops = raceDrops([short(0, 200, 1), short(1, 50, 1), short(2, 50, 1), short(3, 40, 2)], deadline, name);
    expect(drops.map((d) => [d.index, d.kind])).toEqual([[0, 'misses']]);
  });
});
