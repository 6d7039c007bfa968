/**
 * The short readable summary `dmap simulate` prints on a terminal. Renders the same
 * model as the JSON output, so the two never disagree.
 */
import { formatCount, formatDuration } from './format-duration.js';
import type { SimulationJson } from './simulation-json.js';

export function renderSummaryText(model: SimulationJson): string {
  const run = model.mapRun;
  const items = run.itemCounts;
  const ms = (seconds: number) => formatDuration(seconds * 1000);
  const itemParts = [
    `${formatCount(items.succeeded)} succeeded`,
    ...(['failed', 'timedOut', 'aborted', 'pending'] as const)
      .filter((k) => items[k] > 0)
      .map((k) => `${formatCount(items[k])} ${k === 'timedOut' ? 'timed out' : k}`),
  ];
  const rows: Array<[string, string]> = [
    ['Map Run', `${run.status}${run.error ? ` (${run.error})` : ''} in ${ms(run.wallTimeSeconds)}`],
    ['Items', `${formatCount(items.total)}: ${itemParts.join(', ')}`],
    [
      'Child executions',
      `${formatCount(run.executionCounts.total)} ${run.executionType} (MaxConcurrency ${formatCount(run.maxConcurrency)}, peak ${formatCount(run.peakRunningChildren)} running)`,
    ],
    [
      'Lambda',
      `${formatCount(run.lambda.invocations)} invocations, peak ${formatCount(run.peakConcurrentInvocations)} concurrent of ${formatCount(run.lambdaConcurrencyLimit)}, ${formatCount(model.usage.lambda.coldStarts)} cold starts`,
    ],
  ];
  const attempts = run.attempts;
  if (attempts.throttled > 0 || attempts.retries > 0) {
    rows.push([
      'Throttling',
      `${formatCount(attempts.throttled)} attempts throttled (TooManyRequests), ${formatCount(attempts.retries)} retries`,
    ]);
  }
  const failures = Object.entries(attempts.failuresByError).filter(([name]) => name !== 'Lambda.TooManyRequestsException');
  if (failures.length > 0) {
    rows.push(['Errors', failures.map(([name, count]) => `${name} × ${formatCount(count)}`).join(', ')]);
  }
  const reader = run.itemReader;
  if (reader.listRequests > 0 || reader.getRequests > 0) {
    const requests = reader.listRequests > 0 ? `${formatCount(reader.listRequests)} ListObjectsV2 pages` : `${formatCount(reader.getRequests)} GET requests`;
    rows.push(['Item reader', `${requests}, all items read after ${ms(reader.readCompleteSeconds)}`]);
  }
  if (run.resultWriter) {
    rows.push(['Result writer', `${formatCount(run.resultWriter.files)} files written in ${ms(run.resultWriter.writeSeconds)}`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `${model.scenario.name}${model.scenario.description ? ` — ${model.scenario.description}` : ''}`,
    `seed ${model.seed}, ${model.runs} run${model.runs === 1 ? '' : 's'}, ${model.tool.name} ${model.tool.version}`,
    '',
    ...rows.map(([label, text]) => `${label.padEnd(width)}  ${text}`),
  ];
  if (model.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of model.warnings) lines.push(`  - ${w.field ? `${w.field}: ` : ''}${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
