import { describe, expect, it } from 'vitest';
import { parseInsightsRow, rowObject } from '../../src/calibrate/sources/insights-row.js';
import { isReportProblem, parseReportLine } from '../../src/calibrate/sources/report-line.js';

describe('a REPORT line', () => {
  it('reads the documented fields, tab-separated, after an export timestamp', () => {
    const line =
      '2025-03-01T10:00:21.744Z\tREPORT RequestId: 0a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a5b\tDuration: 642.17 ms\tBilled Duration: 989 ms\tMemory Size: 512 MB\tMax Memory Used: 78 MB\tInit Duration: 346.52 ms\t';
    expect(parseReportLine(line)).toEqual({ durationMs: 642.17, billedDurationMs: 989, memorySizeMb: 512, maxMemoryUsedMb: 78, initDurationMs: 346.52 });
  });

  it('reads a warm invocation with spaces for tabs, and a timeout', () => {
    expect(parseReportLine('REPORT RequestId: x Duration: 588.02 ms Billed Duration: 589 ms Memory Size: 512 MB Max Memory Used: 80 MB')).toEqual({
      durationMs: 588.02,
      billedDurationMs: 589,
      memorySizeMb: 512,
      maxMemoryUsedMb: 80,
    });
    expect(parseReportLine('REPORT RequestId: y\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: 81 MB\tStatus: timeout')).toMatchObject({
      durationMs: 3000,
      status: 'timeout',
    });
  });

  it('reads the JSON log format (platform.report)', () => {
    const line =
      '{"time":"2025-03-01T10:00:28.577Z","type":"platform.report","record":{"requestId":"r","metrics":{"durationMs":626.31,"billedDurationMs":1027,"memorySizeMB":512,"maxMemoryUsedMB":80,"initDurationMs":400.5},"status":"success"}}';
    expect(parseReportLine(line)).toEqual({ durationMs: 626.31, billedDurationMs: 1027, memorySizeMb: 512, maxMemoryUsedMb: 80, initDurationMs: 400.5 });
  });

  it('is not any other line', () => {
    for (const line of ['START RequestId: x Version: $LATEST', 'END RequestId: x', '2025-03-01T10:00:21.102Z\tx\tINFO\tDuration: 12 ms of work', '', '{"type":"platform.start"}']) {
      expect(parseReportLine(line), line).toBeUndefined();
    }
  });

  it('says what is wrong with a malformed one', () => {
    const bad = parseReportLine('REPORT RequestId: x\tDuration: 6O7.88 ms\tBilled Duration: 608 ms\tMemory Size: 512 MB');
    expect(isReportProblem(bad) && bad.problem).toBe('Duration must be a number of ms, got "6O7.88"');
    const missing = parseReportLine('REPORT RequestId: x\tBilled Duration: 608 ms\tMemory Size: 512 MB');
    expect(isReportProblem(missing) && missing.problem).toMatch(/without "Duration/);
    expect(isReportProblem(parseReportLine('{"type":"platform.report",'))).toBe(true);
  });
});

describe('a Logs Insights row', () => {
  it('reads the discovered fields, memory in bytes', () => {
    expect(parseInsightsRow({ '@type': 'REPORT', '@duration': '642.17', '@billedDuration': '989', '@initDuration': '346.52', '@memorySize': '512000000', '@maxMemoryUsed': '78000000' })).toEqual({
      durationMs: 642.17,
      billedDurationMs: 989,
      initDurationMs: 346.52,
      memorySizeMb: 512,
      maxMemoryUsedMb: 78,
    });
  });

  it('reads a row of GetQueryResults {field, value} pairs, and falls back to @message', () => {
    const row = rowObject([
      { field: '@duration', value: '607.88' },
      { field: '@memorySize', value: '1024' },
    ]);
    expect(parseInsightsRow(row as Record<string, unknown>)).toEqual({ durationMs: 607.88, memorySizeMb: 1024 });
    expect(parseInsightsRow({ '@message': 'REPORT RequestId: x\tDuration: 12.5 ms\tMemory Size: 128 MB' })).toEqual({ durationMs: 12.5, memorySizeMb: 128 });
    expect(parseInsightsRow({ '@type': 'START', '@message': 'START RequestId: x' })).toBeUndefined();
  });
});
