/**
 * Review warnings for a long-form child: which Lambda function and which service quota
 * throttled the first run, and what that cost in failed items. Each task has its own
 * Retry, so the figures name the function or quota rather than one retrier. Pure.
 */
import { formatCount } from './format-duration.js';
import type { ReviewWarning } from './report-model.js';
import type { SimulationJson } from './simulation-json.js';

export function childTaskWarnings(result: SimulationJson, rank: number): (ReviewWarning & { rank: number })[] {
  const run = result.mapRun;
  const failed = run.itemCounts.failed + run.itemCounts.timedOut;
  const consequence = failed > 0 ? ` ${formatCount(failed)} items failed or timed out in the first run: check that the task's Retry covers the throttling error.` : ' Its Retry absorbed them.';
  const warnings: (ReviewWarning & { rank: number })[] = [];
  for (const [name, fn] of Object.entries(run.functions ?? {})) {
    if (fn.throttles === 0) continue;
    warnings.push({
      rank,
      severity: 'warning',
      title: `Lambda function ${name} throttles`,
      detail: `${formatCount(fn.throttles)} invocations of ${name} were rejected with Lambda.TooManyRequestsException in the first run (peak ${formatCount(fn.peakConcurrentInvocations)} concurrent).${consequence}`,
    });
  }
  for (const [name, quota] of Object.entries(run.serviceQuotas ?? {})) {
    if (quota.throttles === 0) continue;
    const tasks = (result.usage.tasks ?? []).filter((task) => task.quota === name).map((task) => `"${task.state.split('.').pop()}"`);
    warnings.push({
      rank,
      severity: 'warning',
      title: `Quota ${name} throttles`,
      detail: `${formatCount(quota.throttles)} calls of ${tasks.join(', ')} were refused by quota ${name} in the first run (${formatCount(quota.unitsAccepted)} units accepted).${consequence}`,
    });
  }
  return warnings;
}
