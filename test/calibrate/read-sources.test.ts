/**
 * Every source format on fixtures written from AWS's documented shapes
 * (test/fixtures/calibrate/): what each is read as, what it skips, and where a
 * malformed one stops.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/errors.js';
import { parseSourceSpec, readSources, type SourcesRead } from '../../src/cli/calibrate/read-sources.js';

const F = 'test/fixtures/calibrate';

async function read(...args: string[]): Promise<SourcesRead> {
  return readSources(await Promise.all(args.map(parseSourceSpec)), { progress: false });
}

async function problem(...args: string[]): Promise<string> {
  try {
    await read(...args);
  } catch (error) {
    if (isUserInputError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('reading calibration sources', () => {
  it('reads a raw CloudWatch Logs text export: REPORT lines in text and JSON format, the rest skipped and counted', async () => {
    const { sources, observations } = await read(`${F}/report-lines.txt:10`);
    expect(sources[0]).toMatchObject({ kind: 'report-lines', records: 24, log: { reports: 7, skipped: 17, coldStarts: 2, memorySizesMb: [512], batch: { size: 10, from: 'file name' } } });
    const [group] = observations.groupsAt(512);
    expect(group).toMatchObject({ batchSize: 10, invocations: 7, timedOut: 1 });
    expect(group?.durations.count).toBe(6);
    expect(observations.initAt(512)?.durations.count).toBe(2);
  });

  it('reads aws logs filter-log-events JSON, streamed event by event', async () => {
    const { sources, observations } = await read(`${F}/filter-log-events.json:25`);
    expect(sources[0]).toMatchObject({ kind: 'filter-log-events', records: 10, log: { reports: 4, skipped: 6, coldStarts: 2, memorySizesMb: [1024] } });
    expect(observations.groupsAt(1024)[0]?.durations.mean).toBeCloseTo((1811.23 + 1726.54 + 1904.11 + 1850.67) / 4, 9);
  });

  it('reads Logs Insights results as CSV, as get-query-results JSON and as an array of rows', async () => {
    const { sources } = await read(`${F}/insights.csv:10`, `${F}/insights-results.json:10`, `${F}/insights-rows.json:10`);
    expect(sources.map((s) => [s.kind, s.log?.reports, s.log?.skipped, s.log?.coldStarts, s.log?.memorySizesMb])).toEqual([
      ['insights-csv', 3, 1, 1, [512]],
      ['insights-json', 3, 0, 1, [512]],
      ['insights-json', 3, 1, 1, [512]],
    ]);
  });

  it('reads DescribeMapRun, ListExecutions and the parent history as one Map Run, and the batch size from itemCount', async () => {
    const { sources, mapRuns, observations } = await read(`${F}/report-lines.txt`, `${F}/describe-map-run.json`, `${F}/list-executions.json`, `${F}/execution-history.json`);
    expect(sources.map((s) => s.kind)).toEqual(['report-lines', 'describe-map-run', 'list-executions', 'execution-history']);
    expect(sources[0]?.log?.batch).toEqual({ size: 25, from: 'ListExecutions itemCount' });
    expect(observations.groupsAt(512)[0]?.batchSize).toBe(25);
    const [run] = mapRuns.observations();
    expect(run).toMatchObject({ status: 'SUCCEEDED', maxConcurrency: 0, itemsTotal: 985, startMs: Date.UTC(2025, 2, 1, 10) });
    expect(run?.childStartsMs.length).toBe(40);
    expect(run?.childStopsMs.length).toBe(40);
  });

  it('reads AWS Lambda Power Tuning output', async () => {
    const { sources, powerTuning } = await read(`${F}/power-tuning.json`);
    expect(sources[0]).toMatchObject({ kind: 'power-tuning', memorySizes: 4, from: 'stats' });
    expect(powerTuning[0]?.result.recommendedMemoryMb).toBe(128);
  });

  it('stops at a malformed line, naming the file and the line', async () => {
    expect(await problem(`${F}/malformed-report.txt:10`)).toBe(`${F}/malformed-report.txt:4: Duration must be a number of ms, got "6O7.88"`);
    expect(await problem(`${F}/malformed-events.json:25`)).toBe(`${F}/malformed-events.json:55: events[7].message: Memory Size must be a number of MB, got "lots"`);
    expect(await problem(`${F}/bad-executions.json`)).toMatch(new RegExp(`^${F}/bad-executions.json:63: executions\\[5\\]\\.startDate: must be a date`));
    expect(await problem(`${F}/malformed.json`)).toBe(`${F}/malformed.json:9:13: not valid JSON: expected ','`);
  });

  it('says what it expected from a file that holds none of it, or no batch size', async () => {
    expect(await problem(`${F}/no-report-lines.txt:10`)).toMatch(/no-report-lines\.txt: holds no Lambda REPORT line \(read 3 lines\): expected lines such as "REPORT RequestId: …/);
    expect(await problem(`${F}/report-lines.txt`)).toMatch(/batch size is unknown: write it after the file name \(.*report-lines\.txt:250\), give --batch-size/);
    expect(await problem(`${F}/absent.txt`)).toBe(`${F}/absent.txt: cannot read the source: file not found`);
    expect(await problem('package.json')).toMatch(/^package\.json: is not a document dmap calibrate reads: expected aws logs filter-log-events output/);
  });
});
