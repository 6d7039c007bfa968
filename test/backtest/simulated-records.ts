/**
 * A simulated Map Run written out as the AWS CLI would print it: DescribeMapRun and
 * ListExecutions JSON, for back-test round trips.
 */
import { simulateMapRun, type ChildExecutionRecord } from '../../src/model/index.js';
import type { Scenario } from '../../src/scenario/index.js';

const EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
const iso = (ms: number) => new Date(EPOCH_MS + Math.round(ms)).toISOString();
const ARN = 'arn:aws:states:us-east-1:123456789012';

export function simulatedRecords(scenario: Scenario, seed: number) {
  const children: ChildExecutionRecord[] = [];
  const run = simulateMapRun(scenario, { seed, observer: { childEnded: (c) => children.push(c) } });
  const mapRunArn = `${ARN}:mapRun:parent/map:${seed}`;
  const describe = {
    mapRunArn,
    executionArn: `${ARN}:execution:parent:${seed}`,
    status: run.status,
    startDate: iso(0),
    stopDate: iso(run.wallTimeMs),
    maxConcurrency: scenario.maxConcurrency,
    toleratedFailurePercentage: scenario.toleratedFailurePercentage ?? 0,
    toleratedFailureCount: scenario.toleratedFailureCount ?? 0,
    itemCounts: { ...run.itemCounts, running: 0, failuresNotRedrivable: 0, pendingRedrive: 0 },
    executionCounts: { ...run.executionCounts, running: 0, failuresNotRedrivable: 0, pendingRedrive: 0 },
    redriveCount: 0,
  };
  const executions = {
    executions: children.map((c, i) => ({
      executionArn: `${ARN}:execution:parent/map:${seed}-${i}`,
      stateMachineArn: `${ARN}:stateMachine:parent/map`,
      name: `${seed}-${i}`,
      status: c.status,
      startDate: iso(c.startMs),
      stopDate: iso(c.endMs),
      mapRunArn,
      itemCount: c.items,
    })),
  };
  return { run, describe, executions };
}
