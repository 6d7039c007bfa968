/**
 * What a reviewer of a simulation must not miss: configurations that throttle, fail or
 * time out, and figures the totals leave out. Each warning carries the figures behind
 * it, from the scenario (estimates from its distributions) and from the runs (what the
 * simulation saw). Ordered most severe first; the same inputs give the same list. Pure.
 */
import { EXPRESS_MAX_DURATION_MS, MAX_PAYLOAD_BYTES } from '../aws/quotas.js';
import { errorMatches, type Retrier } from '../model/retry-policy.js';
import type { MetricSummary } from '../montecarlo/index.js';
import { batchSumQuantile, compileDistribution, meanOf, quantileOf, type DistributionSpec } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { formatCount, formatDuration } from './format-duration.js';
import type { ReviewWarning } from './report-model.js';
import { childTaskWarnings } from './child-task-warnings.js';
import { scenarioWarningsOf, type SimulationJson } from './simulation-json.js';

const TOO_MANY_REQUESTS = 'Lambda.TooManyRequestsException';
/** "Close to a limit" means above this share of it. */
const NEAR_LIMIT = 0.8;

/** Warning kinds, most severe first; the rank decides the order within a severity. */
const RANK = {
  runsFail: 0,
  inlineResults: 1,
  throttleNotRetried: 2,
  expressTimeout: 3,
  lambdaTimeout: 4,
  throttling: 5,
  zeroTolerance: 6,
  unpriced: 7,
  scenarioWarning: 8,
} as const;

interface Ranked extends ReviewWarning {
  rank: number;
}

export function reviewWarnings(scenario: Scenario, result: SimulationJson): ReviewWarning[] {
  const found: Ranked[] = [];
  const add = (rank: number, severity: ReviewWarning['severity'], title: string, detail: string) =>
    found.push({ rank, severity, title, detail });
  const counters = result.summary.counters;
  const throttles = counters.throttles;
  const throttlesSeen = (throttles?.max ?? 0) > 0 || result.mapRun.attempts.throttled > 0;
  const run = result.mapRun;
  const runsText = result.runs === 1 ? 'the run' : `${formatCount(result.runs)} runs`;

  // Runs that fail.
  const failure = result.summary.failure;
  if (failure.probability > 0) {
    const errors = Object.entries(run.attempts.failuresByError)
      .map(([name, count]) => `${name} × ${formatCount(count)}`)
      .join(', ');
    add(
      RANK.runsFail,
      'warning',
      'Map Runs fail',
      `${formatCount(failure.runsFailed)} of ${runsText} ended FAILED (${percent(failure.probability)}, 95 % CI ${percent(failure.ci95[0])}–${percent(failure.ci95[1])}).` +
        (run.status === 'FAILED' ? ` The first run failed with ${run.error ?? 'an error'}.` : '') +
        (errors ? ` Failed attempts in the first run: ${errors}.` : '') +
        ` Failed items per run: ${p50p90(counters.failedItems)}.`,
    );
  }

  // Results returned inline, near or over the 256 KiB payload limit.
  if (!scenario.resultWriter) {
    const bytes = run.inlineResultBytes;
    const share = bytes / MAX_PAYLOAD_BYTES;
    if (share > 1) {
      add(
        RANK.inlineResults,
        'warning',
        'Results exceed the 256 KiB inline limit',
        `Without a ResultWriter the children's outputs return inline: ${formatBytes(bytes)} in the first run, ${percent(share)} of the 262,144-byte limit. ` +
          'The Map state fails with States.DataLimitExceeded; add a ResultWriter (S3) or shrink each child\'s output.',
      );
    } else if (share > NEAR_LIMIT) {
      add(
        RANK.inlineResults,
        'warning',
        'Results close to the 256 KiB inline limit',
        `Without a ResultWriter the children's outputs return inline: ${formatBytes(bytes)} in the first run, ${percent(share)} of the 262,144-byte limit. ` +
          'A few more items or larger outputs fail the Map state with States.DataLimitExceeded; consider a ResultWriter.',
      );
    }
  }

  // Throttling. The long-form child's tasks have their own Retry: warned about per function and quota.
  if (scenario.childWorkflow.states !== undefined) found.push(...childTaskWarnings(result, RANK.throttling));
  const shortForm = scenario.childWorkflow.states === undefined;
  const overLimit = shortForm && run.maxConcurrency > run.lambdaConcurrencyLimit;
  const throttlesPossible = overLimit || throttlesSeen;
  const throttleFigures = `Throttled attempts per run: ${p50p90(throttles)} (first run ${formatCount(run.attempts.throttled)}; peak ${formatCount(run.peakConcurrentInvocations)} concurrent invocations).`;
  if (overLimit) {
    add(
      RANK.throttling,
      throttlesSeen ? 'warning' : 'info',
      throttlesSeen ? 'Lambda throttles: MaxConcurrency above its concurrency' : 'MaxConcurrency above Lambda concurrency',
      `MaxConcurrency ${formatCount(run.maxConcurrency)} is above the function's concurrency limit of ${formatCount(run.lambdaConcurrencyLimit)}` +
        `${scenario.lambda?.reservedConcurrency !== undefined ? ' (reserved concurrency)' : ' (account quota)'}: ` +
        `once more than ${formatCount(run.lambdaConcurrencyLimit)} children invoke at once, Lambda rejects the excess with ${TOO_MANY_REQUESTS}. ` +
        throttleFigures +
        (throttlesSeen ? '' : ' These runs never got there: children arriving faster (a faster dispatch or item source) or running longer would.'),
    );
  } else if (throttlesSeen && shortForm) {
    add(
      RANK.throttling,
      'warning',
      'Lambda throttles while scaling',
      `MaxConcurrency ${formatCount(run.maxConcurrency)} is within the concurrency limit of ${formatCount(run.lambdaConcurrencyLimit)}, ` +
        `but Lambda's scaling rate (${scenario.lambda?.scaling ?? 'current'} rule) cannot add execution environments as fast as children start. ${throttleFigures}`,
    );
  }

  // Throttles that nothing retries.
  const throttleRetrier = firstMatching(scenario.childWorkflow.retry, TOO_MANY_REQUESTS);
  if (shortForm && throttlesPossible && (throttleRetrier === undefined || throttleRetrier.maxAttempts === 0)) {
    const why =
      throttleRetrier === undefined
        ? `No retrier in childWorkflow.retry matches ${TOO_MANY_REQUESTS}`
        : `The first retrier matching ${TOO_MANY_REQUESTS} has maxAttempts 0`;
    add(
      RANK.throttleNotRetried,
      'warning',
      'Throttled invocations are not retried',
      `${why}, so every throttled invocation fails its child execution and ${itemsOfBatch(batchSize(scenario))}. ` +
        `${throttleFigures} Failed items per run: ${p50p90(counters.failedItems)}. Add a retrier for ${TOO_MANY_REQUESTS} (e.g. the console-default preset).`,
    );
  }

  // Express children near the 5-minute limit.
  const estimate = invocationEstimate(scenario);
  const timedOutSeen = (counters.timedOutItems?.max ?? 0) > 0 || run.itemCounts.timedOut > 0;
  if (scenario.executionType === 'EXPRESS') {
    const limitMs = EXPRESS_MAX_DURATION_MS;
    const backoffMs = maxRetryBackoffMs(scenario.childWorkflow.retry);
    const retriesSeen = (counters.retries?.max ?? 0) > 0;
    const nearLimit = estimate !== undefined && estimate.p90Ms > NEAR_LIMIT * limitMs;
    const retriesPushOver = estimate !== undefined && retriesSeen && estimate.p90Ms + backoffMs > limitMs;
    if (nearLimit || retriesPushOver || timedOutSeen) {
      const parts = [
        estimate
          ? `A child's P90 duration is about ${formatDuration(estimate.p90Ms)} (invocation overhead + per-item time × ${formatCount(estimate.batch)} items), ${percent(estimate.p90Ms / limitMs)} of the 5-minute Express limit.`
          : 'A child\'s duration could not be estimated from the scenario.',
      ];
      if (backoffMs > 0) parts.push(`Retries can add up to ${formatDuration(backoffMs)} of backoff${retriesSeen ? ` (retries per run: ${p50p90(counters.retries)})` : ''}.`);
      parts.push(`Timed-out items per run: ${p50p90(counters.timedOutItems)} (first run ${formatCount(run.itemCounts.timedOut)}).`);
      parts.push('A child past 5 minutes ends with States.Timeout and its batch counts as failed; use smaller batches or Standard children.');
      add(RANK.expressTimeout, 'warning', timedOutSeen ? 'Express children time out' : 'Express children close to the 5-minute limit', parts.join(' '));
    }
  } else if (timedOutSeen) {
    add(
      RANK.expressTimeout,
      'warning',
      'Child executions time out',
      `Timed-out items per run: ${p50p90(counters.timedOutItems)} (first run ${formatCount(run.itemCounts.timedOut)}); ` +
        `a task past childWorkflow.taskTimeoutSeconds (${scenario.childWorkflow.taskTimeoutSeconds ?? 'not set'} s) fails with States.Timeout.`,
    );
  }

  // Lambda timeout close to the invocation's P99.
  if (estimate !== undefined && scenario.lambda) {
    const timeoutMs = scenario.lambda.timeoutSeconds * 1000;
    const unknown = run.attempts.failuresByError['Lambda.Unknown'] ?? 0;
    if (estimate.p99Ms > NEAR_LIMIT * timeoutMs) {
      const over = estimate.p99Ms >= timeoutMs;
      add(
        RANK.lambdaTimeout,
        'warning',
        over ? 'Lambda invocations exceed the function timeout' : 'Lambda timeout close to the invocation P99',
        `An invocation of ${formatCount(estimate.batch)} item${estimate.batch === 1 ? '' : 's'} takes about ${formatDuration(estimate.p99Ms)} at P99 (P90 ${formatDuration(estimate.p90Ms)}), ` +
          `${percent(estimate.p99Ms / timeoutMs)} of lambda.timeoutSeconds ${formatCount(scenario.lambda.timeoutSeconds)} s. ` +
          `A longer invocation fails with Lambda.Unknown at the timeout and is billed up to it` +
          (unknown > 0 ? `; the first run saw ${formatCount(unknown)} Lambda.Unknown failure${unknown === 1 ? '' : 's'}.` : '.'),
      );
    }
  }

  // No failure tolerated.
  const toleratedPercent = scenario.toleratedFailurePercentage ?? 0;
  const toleratedCount = scenario.toleratedFailureCount ?? 0;
  if (toleratedPercent === 0 && toleratedCount === 0) {
    const failureSources =
      (scenario.lambda?.errors.length ?? 0) > 0 ||
      scenario.lambda?.poisonItems !== undefined ||
      Object.values(scenario.functions).some((fn) => fn.errors.length > 0 || fn.poisonItems !== undefined) ||
      (counters.failedItems?.max ?? 0) > 0 ||
      timedOutSeen;
    const setting =
      scenario.toleratedFailurePercentage === undefined && scenario.toleratedFailureCount === undefined
        ? 'Neither toleratedFailurePercentage nor toleratedFailureCount is set'
        : 'The tolerated failure percentage and count are 0';
    add(
      RANK.zeroTolerance,
      failureSources ? 'warning' : 'info',
      'No failure tolerated',
      `${setting}: one failed or timed-out item fails the whole Map Run (ASL default 0 %). ` +
        `Failed items per run: ${p50p90(counters.failedItems)}; the Map Run failed in ${formatCount(failure.runsFailed)} of ${runsText}.`,
    );
  }

  // Usage the totals leave out.
  if (result.cost.unpriced.length > 0) {
    add(
      RANK.unpriced,
      'warning',
      'Some usage is unpriced',
      `The catalogue ${result.cost.catalogue.name} ${result.cost.catalogue.version} has no price in ${result.cost.region} for ${result.cost.unpriced.join(', ')}: ` +
        'that usage is left out of every total, which are therefore too low.' +
        (result.cost.warnings.length > 0 ? ` ${result.cost.warnings.join(' ')}` : ''),
    );
  }

  // Valid input that is probably not what was meant.
  for (const w of scenarioWarningsOf(result.warnings)) {
    add(RANK.scenarioWarning, 'info', `Scenario: ${w.field ?? 'warning'}`, w.message);
  }

  return found
    .map((w, order) => ({ w, order }))
    .sort((a, b) => severityOrder(a.w) - severityOrder(b.w) || a.w.rank - b.w.rank || a.order - b.order)
    .map(({ w }) => ({ severity: w.severity, title: w.title, detail: w.detail }));
}

function severityOrder(w: ReviewWarning): number {
  return w.severity === 'warning' ? 0 : 1;
}

function firstMatching(retriers: readonly Retrier[], error: string): Retrier | undefined {
  return retriers.find((r) => errorMatches(r.errorEquals, error));
}

/** The longest total wait one retrier can add: every retry's backoff, capped, summed; the largest over the retriers. */
function maxRetryBackoffMs(retriers: readonly Retrier[]): number {
  let longest = 0;
  for (const r of retriers) {
    let total = 0;
    // MaxAttempts may be up to 99,999,999: past a few hundred the sum only matters as "huge".
    const attempts = Math.min(r.maxAttempts, 1000);
    for (let k = 0; k < attempts; k++) {
      total += Math.min(r.intervalSeconds * 1000 * r.backoffRate ** k, r.maxDelaySeconds === undefined ? Infinity : r.maxDelaySeconds * 1000);
      if (!Number.isFinite(total)) break;
    }
    longest = Math.max(longest, total);
  }
  return longest;
}

/** Items in a full batch: MaxItemsPerBatch, or as many mean-sized items as fit MaxInputBytesPerBatch; never more than the items. */
export function batchSize(scenario: Scenario): number {
  const batcher = scenario.itemBatcher;
  if (!batcher) return 1;
  let size = batcher.maxItemsPerBatch ?? Infinity;
  const meanItemBytes = safe(() => meanOf(scenario.itemReader.itemSizeBytes));
  if (meanItemBytes !== undefined && meanItemBytes > 0) size = Math.min(size, Math.max(1, Math.floor(batcher.maxInputBytesPerBatch / meanItemBytes)));
  const reader = scenario.itemReader;
  const total = reader.source === 'inline' ? reader.itemCount : Math.min(reader.source === 's3ListObjectsV2' ? reader.objectCount : reader.itemCount, reader.maxItems ?? Infinity);
  size = Math.min(size, Math.max(1, total));
  return Number.isFinite(size) ? size : 1;
}

/**
 * One full batch's invocation time at P90 and P99: the overhead's quantile plus the
 * quantile of the batch's summed per-item time times the batch factor's quantile.
 * Combining quantiles overstates the quantile of the whole a little, which errs on the
 * safe side.
 */
function invocationEstimate(scenario: Scenario): { batch: number; p90Ms: number; p99Ms: number } | undefined {
  const batch = batchSize(scenario);
  const lambda = scenario.lambda;
  // The long-form child is more than one invocation: no single-invocation estimate.
  if (!lambda || scenario.childWorkflow.states !== undefined) return undefined;
  const at = (p: number) => {
    const overhead = quantile(lambda.invocationOverheadMs, p);
    const items = safe(() => batchSumQuantile(compileDistribution(lambda.perItemDurationMs), batch, p));
    const factor = quantile(lambda.batchDurationFactor, p);
    return overhead === undefined || items === undefined || factor === undefined ? undefined : overhead + items * factor;
  };
  const p90Ms = at(0.9);
  const p99Ms = at(0.99);
  return p90Ms === undefined || p99Ms === undefined ? undefined : { batch, p90Ms, p99Ms };
}

function quantile(spec: DistributionSpec, p: number): number | undefined {
  return safe(() => quantileOf(spec, p));
}

function safe(f: () => number): number | undefined {
  try {
    const value = f();
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function itemsOfBatch(batch: number): string {
  return batch === 1 ? 'its item' : `all ${formatCount(batch)} items of its batch`;
}

function p50p90(metric: MetricSummary | undefined): string {
  if (!metric) return 'n/a';
  return `P50 ${formatCount(Math.round(metric.p50))}, P90 ${formatCount(Math.round(metric.p90))}`;
}

function percent(share: number): string {
  const text = (share * 100).toFixed(1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text} %`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${formatCount(bytes)} bytes (${(bytes / 1024).toFixed(1)} KiB)` : `${formatCount(bytes)} bytes`;
}
