/**
 * Expected visits of a scope's states with Choice loops (a Choice going back with
 * probability 1 ran for ever, one with 0.99999 for hours, while the work estimate
 * counted each state once).
 */
import { describe, expect, it } from 'vitest';
import { estimateWork } from '../../src/model/work-estimate.js';
import { expectedVisits } from '../../src/scenario/expected-visits.js';
import { validateScenario, type Scenario } from '../../src/scenario/index.js';
import type { StateScopeConfig } from '../../src/scenario/child-states-schema.js';

function loop(probability: number, items = 10): Record<string, unknown> {
  return {
    name: 'loop',
    itemReader: { source: 'inline', itemCount: items },
    lambda: { perItemDurationMs: 10 },
    childWorkflow: {
      states: {
        A: { type: 'Pass', next: 'C' },
        C: { type: 'Choice', choices: [{ next: 'A', probability }], default: 'Done' },
        Done: { type: 'Succeed' },
      },
    },
  };
}

function scenarioOf(document: Record<string, unknown>): Scenario {
  const validation = validateScenario(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return validation.scenario;
}

function scopeOf(scenario: Scenario): StateScopeConfig {
  return { startAt: scenario.childWorkflow.startAt, states: scenario.childWorkflow.states as StateScopeConfig['states'] };
}

describe('expectedVisits', () => {
  it('visits each state of a chain once, and none unreached', () => {
    const scenario = scenarioOf({ ...loop(0), childWorkflow: { states: { A: { type: 'Pass', next: 'B' }, B: { type: 'Pass', end: true }, Z: { type: 'Pass', end: true } } } });
    const visits = expectedVisits(scopeOf(scenario));
    expect(visits.kind === 'solved' && Object.fromEntries(visits.visits)).toEqual({ A: 1, B: 1, Z: 0 });
  });

  it('visits a loop taken with probability 0.9 ten times', () => {
    const visits = expectedVisits(scopeOf(scenarioOf(loop(0.9))));
    expect(visits.kind).toBe('solved');
    if (visits.kind !== 'solved') return;
    expect(visits.visits.get('A')).toBeCloseTo(10, 9);
    expect(visits.visits.get('C')).toBeCloseTo(10, 9);
    expect(visits.visits.get('Done')).toBeCloseTo(1, 9);
  });

  it('finds a loop nothing leads out of', () => {
    const document = loop(1);
    const validation = validateScenario(document);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['childWorkflow.states.A', expect.stringMatching(/is in a loop that never ends/)]]);
  });

  it('a Choice without a default leaves the scope with its unmatched share (States.NoChoiceMatched)', () => {
    const document = loop(0.5);
    (((document['childWorkflow'] as Record<string, unknown>)['states'] as Record<string, Record<string, unknown>>)['C'] as Record<string, unknown>)['default'] = undefined;
    const visits = expectedVisits(scopeOf(scenarioOf(JSON.parse(JSON.stringify(document)) as Record<string, unknown>)));
    expect(visits.kind === 'solved' && visits.visits.get('A')).toBeCloseTo(2, 9);
  });
});

describe('the work estimate counts loops', () => {
  it('a loop taken with probability 0.99999 is 100,000 visits of each of its states per child, so 100,000 items are refused without --force', () => {
    const estimate = estimateWork(scenarioOf(loop(0.99999, 100_000)));
    expect(estimate.statesPerChild).toBeGreaterThan(200_000);
    expect(estimate.eventsPerRun).toBeGreaterThan(1e9);
  });
});
