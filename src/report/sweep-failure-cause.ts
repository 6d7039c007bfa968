/**
 * Why a sweep point fails or times out, in words a user can act on: "a batch of 1,000
 * items takes about 1 m 2 s (P50), past the function's 60 s timeout" rather than the
 * error name Lambda.Unknown. The figures come from the scenario (invocation overhead plus
 * the batch's summed per-item time, scaled for memory as the model scales it) and the
 * error tallies of the point's runs. Pure.
 */
import { EXPRESS_MAX_DURATION_MS } from '../aws/quotas.js';
import { durationFactor } from '../model/memory-speed.js';
import type { SimulationSummary } from '../montecarlo/index.js';
import { batchSumQuantile, compileDistribution, quantileOf } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { formatCount, formatDuration } from './format-duration.js';
import { batchSize } from './review-warnings.js';

const THROTTLE = 'Lambda.TooManyRequestsException';

export function failureCauseWords(scenario: Scenario, summary: SimulationSummary): string | undefined {
  const timedOut = summary.counters.timedOutItems.mean > 0;
  const fails = summary.failure.probability > 0;
  if (!timedOut && !fails) return undefined;
  const estimate = invocationEstimate(scenario);
  const batchWords = (e: InvocationEstimate) => `a batch of ${formatCount(e.batch)} item${e.batch === 1 ? '' : 's'}`;
  if (timedOut && scenario.executionType === 'EXPRESS' && summary.failuresByError['States.Timeout'] === undefined) {
    return estimate
      ? `children pass the 5-minute Express limit: ${batchWords(estimate)} takes about ${formatDuration(estimate.p50Ms)} (P50) in one invocation, ${formatDuration(estimate.p99Ms)} at P99, retries and backoff on top`
      : `children pass the 5-minute Express limit (${formatDuration(EXPRESS_MAX_DURATION_MS)})`;
  }
  const errors = Object.entries(summary.failuresByError).filter(([name]) => name !== THROTTLE).sort(([an, a], [bn, b]) => b - a || an.localeCompare(bn));
  const [dominant, count] = errors[0] ?? [undefined, 0];
  const lambda = scenario.lambda;
  if (dominant === 'Lambda.Unknown' && lambda && estimate) {
    const timeoutMs = lambda.timeoutSeconds * 1000;
    const timeout = `the function's ${formatCount(lambda.timeoutSeconds)} s timeout`;
    if (estimate.p50Ms >= timeoutMs) return `${batchWords(estimate)} takes about ${formatDuration(estimate.p50Ms)} (P50), past ${timeout}`;
    if (estimate.p99Ms >= timeoutMs) return `${batchWords(estimate)} takes about ${formatDuration(estimate.p50Ms)} (P50) and up to ${formatDuration(estimate.p99Ms)} (P99): the slowest pass ${timeout}`;
  }
  if (dominant === 'Lambda.Unknown' && lambda && (lambda.errors.length > 0 || lambda.poisonItems)) return `the function's own errors (Lambda.Unknown, as lambda.errors and lambda.poisonItems inject them), more than the Map Run tolerates`;
  if (dominant === 'States.Timeout') {
    const limit = scenario.childWorkflow.taskTimeoutSeconds;
    return `tasks run past their TimeoutSeconds${limit !== undefined ? ` (${formatCount(limit)} s)` : ''} and fail with States.Timeout`;
  }
  if (dominant === undefined) {
    const throttles = summary.counters.throttles.p90;
    return `throttled invocations run out of retries (${formatCount(Math.round(throttles))} throttles per run at P90) and fail their batches`;
  }
  const perRun = count / Math.max(1, summary.runs);
  return `${dominant} in about ${formatCount(Math.round(perRun))} attempt${Math.round(perRun) === 1 ? '' : 's'} per run, more than the Map Run tolerates`;
}

interface InvocationEstimate {
  batch: number;
  p50Ms: number;
  p99Ms: number;
}

/** One full batch's invocation time (overhead plus the batch's per-item time, memory-scaled), for the short-form child. */
function invocationEstimate(scenario: Scenario): InvocationEstimate | undefined {
  const lambda = scenario.lambda;
  if (!lambda || scenario.childWorkflow.states !== undefined) return undefined;
  const batch = batchSize(scenario);
  const speed = durationFactor(lambda.memoryMb, lambda.durationMeasuredAtMemoryMb ?? lambda.memoryMb, lambda.cpuBoundFraction);
  const at = (p: number): number | undefined => {
    try {
      const value = (quantileOf(lambda.invocationOverheadMs, p) + batchSumQuantile(compileDistribution(lambda.perItemDurationMs), batch, p) * quantileOf(lambda.batchDurationFactor, p)) * speed;
      return Number.isFinite(value) ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const p50Ms = at(0.5);
  const p99Ms = at(0.99);
  return p50Ms === undefined || p99Ms === undefined ? undefined : { batch, p50Ms, p99Ms };
}
