/**
 * The short readable summary `dmap simulate` prints on a terminal. Renders the same
 * model as the JSON output, so the two never disagree.
 */
import { formatCount, formatDuration } from './format-duration.js';
import type { SimulationJson } from './simulation-json.js';

export function renderSummaryText(model: SimulationJson): string {
  const run = model.mapRun;
  const rows: Array<[string, string]> = [
    ['Map Run', `${run.status} in ${formatDuration(run.wallTimeSeconds * 1000)}`],
    ['Items', `${formatCount(run.itemCounts.total)} (${formatCount(run.itemCounts.succeeded)} succeeded)`],
    [
      'Child executions',
      `${formatCount(run.executionCounts.total)} ${run.executionType} (MaxConcurrency ${formatCount(run.maxConcurrency)}, peak ${formatCount(run.peakRunningChildren)} running)`,
    ],
    [
      'Lambda',
      `${formatCount(run.lambda.invocations)} invocations, peak ${formatCount(run.peakConcurrentInvocations)} concurrent, ${formatDuration(run.lambda.totalDurationSeconds * 1000)} of compute`,
    ],
  ];
  if (run.itemReader.listRequests > 0) {
    rows.push([
      'Item reader',
      `${formatCount(run.itemReader.listRequests)} ListObjectsV2 pages, all items read after ${formatDuration(run.itemReader.readCompleteSeconds * 1000)}`,
    ]);
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
