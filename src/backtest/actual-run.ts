/**
 * What a real Map Run did, from the records AWS gives of it: DescribeMapRun (its dates,
 * status and counts), optionally ListExecutions of its children (when the first started,
 * how long they took) and what the user knows besides (its cost from the bill, throttles
 * from CloudWatch). Pure.
 */
import type { DescribeMapRunRecord, ListExecutionsRecord } from '../aws-records/index.js';

export interface ActualRun {
  status: DescribeMapRunRecord['status'];
  /** Stop minus start; undefined while the Map Run is still running. */
  wallTimeSeconds?: number;
  items: DescribeMapRunRecord['itemCounts'];
  executions: DescribeMapRunRecord['executionCounts'];
  /** From ListExecutions: the first child's start after the Map Run's, and the mean child span. */
  firstChildStartSeconds?: number;
  meanChildSeconds?: number;
  /** Children in the ListExecutions file, to say when it holds fewer than the Map Run started. */
  childrenListed?: number;
  costUsd?: number;
  throttles?: number;
}

export function actualRunOf(mapRun: DescribeMapRunRecord, executions?: ListExecutionsRecord, known: { costUsd?: number; throttles?: number } = {}): ActualRun {
  const run: ActualRun = {
    status: mapRun.status,
    ...(mapRun.stopDate !== undefined ? { wallTimeSeconds: (mapRun.stopDate - mapRun.startDate) / 1000 } : {}),
    items: mapRun.itemCounts,
    executions: mapRun.executionCounts,
    ...(known.costUsd !== undefined ? { costUsd: known.costUsd } : {}),
    ...(known.throttles !== undefined ? { throttles: known.throttles } : {}),
  };
  const children = executions?.executions ?? [];
  if (children.length === 0) return run;
  const firstStart = Math.min(...children.map((c) => c.startDate));
  const ended = children.filter((c) => c.stopDate !== undefined);
  return {
    ...run,
    childrenListed: children.length,
    firstChildStartSeconds: (firstStart - mapRun.startDate) / 1000,
    ...(ended.length > 0 ? { meanChildSeconds: ended.reduce((sum, c) => sum + ((c.stopDate as number) - c.startDate), 0) / ended.length / 1000 } : {}),
  };
}
