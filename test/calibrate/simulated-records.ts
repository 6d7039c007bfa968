/**
 * Test helper: simulates a scenario and writes what AWS would have recorded of it, in
 * AWS's documented formats, for dmap calibrate to read back: every invocation as a
 * CloudWatch Logs text export (START, an application line, END and REPORT lines, each
 * after a timestamp), or as `aws logs filter-log-events` JSON; the children as
 * `aws stepfunctions list-executions --map-run-arn` JSON; the Map Run as
 * `describe-map-run` JSON. Request IDs are made from a counter, so the same simulation
 * writes the same bytes.
 */
import { simulateMapRun, type ChildExecutionRecord, type InvocationRecord, type MapRunResult } from '../../src/model/index.js';
import type { Scenario } from '../../src/scenario/index.js';

export interface SimulatedRun {
  scenario: Scenario;
  invocations: InvocationRecord[];
  children: ChildExecutionRecord[];
  result: MapRunResult;
}

/** When the simulated Map Run started, as epoch ms (2025-03-01T10:00:00Z). */
export const EPOCH_MS = Date.UTC(2025, 2, 1, 10, 0, 0);
export const MAP_RUN_ARN = 'arn:aws:states:us-east-1:123456789012:mapRun:calibration-test/Process:3f1c2b6e-4d1a-4c83-9a54-0a1b2c3d4e5f';
const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:calibration-test/Process';

export function simulateRecords(scenario: Scenario, seed = 1): SimulatedRun {
  const invocations: InvocationRecord[] = [];
  const children: ChildExecutionRecord[] = [];
  const result = simulateMapRun(scenario, { seed, observer: { invocation: (r) => invocations.push(r), childEnded: (c) => children.push(c) } });
  return { scenario, invocations, children, result };
}

function requestId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `5e1f0c2a-7b3d-4e9f-8a6b-${hex}`;
}

function iso(ms: number): string {
  return new Date(EPOCH_MS + ms).toISOString();
}

/** One REPORT line, tab-separated as Lambda writes it (Init Duration on cold starts only). */
export function reportLine(record: InvocationRecord, n: number, maxMemoryUsedMb = 81): string {
  const billed = Math.ceil(record.durationMs + record.initMs);
  const init = record.initMs > 0 ? `\tInit Duration: ${record.initMs.toFixed(2)} ms` : '';
  const status = record.error === 'Lambda.Unknown' ? '\tStatus: timeout' : record.error ? '\tStatus: error' : '';
  return `REPORT RequestId: ${requestId(n)}\tDuration: ${record.durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${record.memoryMb} MB\tMax Memory Used: ${maxMemoryUsedMb} MB${init}${status}\t`;
}

/** The log lines of every invocation, as a text export: timestamp, tab, message. */
export function logExport(invocations: readonly InvocationRecord[]): string {
  const lines: string[] = [];
  invocations.forEach((record, n) => {
    const id = requestId(n);
    const at = iso(record.startMs);
    const end = iso(record.startMs + record.initMs + record.durationMs);
    if (record.initMs > 0) lines.push(`${at}\tINIT_START Runtime Version: nodejs:20.v40\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0123456789abcdef`);
    lines.push(`${at}\tSTART RequestId: ${id} Version: $LATEST`);
    lines.push(`${at}\t${id}\tINFO\tprocessing ${record.items} items`);
    lines.push(`${end}\tEND RequestId: ${id}`);
    lines.push(`${end}\t${reportLine(record, n)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** `aws logs filter-log-events --log-group-name /aws/lambda/fn` output: every START, END and REPORT event. */
export function filterLogEventsJson(invocations: readonly InvocationRecord[]): string {
  const events: unknown[] = [];
  invocations.forEach((record, n) => {
    const id = requestId(n);
    const stream = `2025/03/01/[$LATEST]${(n % 97).toString(16).padStart(32, '0')}`;
    const start = EPOCH_MS + record.startMs;
    const end = start + record.initMs + record.durationMs;
    const event = (timestamp: number, message: string, k: number) => ({
      logStreamName: stream,
      timestamp: Math.round(timestamp),
      message,
      ingestionTime: Math.round(timestamp) + 120,
      eventId: `${String(Math.round(timestamp)).padStart(20, '0')}${String(n * 3 + k).padStart(16, '0')}`,
    });
    events.push(event(start, `START RequestId: ${id} Version: $LATEST\n`, 0));
    events.push(event(end, `END RequestId: ${id}\n`, 1));
    events.push(event(end, `${reportLine(record, n)}\n`, 2));
  });
  return `${JSON.stringify({ events, searchedLogStreams: [] }, null, 4)}\n`;
}

/** `aws stepfunctions list-executions --map-run-arn …` output: every child, newest first as the API lists them. */
export function listExecutionsJson(children: readonly ChildExecutionRecord[]): string {
  const executions = children
    .map((child, n) => ({
      executionArn: `arn:aws:states:us-east-1:123456789012:execution:calibration-test/Process:${requestId(n)}`,
      stateMachineArn: STATE_MACHINE_ARN,
      mapRunArn: MAP_RUN_ARN,
      name: requestId(n),
      status: child.status,
      startDate: iso(child.startMs),
      stopDate: iso(child.endMs),
      itemCount: child.items,
    }))
    .reverse();
  return `${JSON.stringify({ executions }, null, 4)}\n`;
}

/** `aws stepfunctions describe-map-run` output for the simulated Map Run. */
export function describeMapRunJson(run: SimulatedRun): string {
  const { result, scenario } = run;
  const counts = (c: { total: number; succeeded: number; failed: number; timedOut: number; aborted: number; pending: number }) => ({
    pending: c.pending,
    running: 0,
    succeeded: c.succeeded,
    failed: c.failed,
    timedOut: c.timedOut,
    aborted: c.aborted,
    total: c.total,
    resultsWritten: c.total - c.pending,
  });
  return `${JSON.stringify(
    {
      mapRunArn: MAP_RUN_ARN,
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:calibration-test:parent-1',
      status: result.status,
      startDate: iso(0),
      stopDate: iso(result.wallTimeMs),
      maxConcurrency: scenario.maxConcurrency,
      toleratedFailurePercentage: scenario.toleratedFailurePercentage ?? 0,
      toleratedFailureCount: scenario.toleratedFailureCount ?? 0,
      itemCounts: counts(result.itemCounts),
      executionCounts: counts(result.executionCounts),
      redriveCount: 0,
    },
    null,
    4,
  )}\n`;
}
