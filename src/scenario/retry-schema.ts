/**
 * Schemas of a Task state's Retry and Catch in a scenario file. Field names are the ASL
 * names in camelCase; ranges and defaults are AWS's
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html,
 * ../shared/reference/distributed-map.md §9). Both parse to the plain arrays that
 * RetryPolicy and CatchPolicy take, so the model never sees a preset name.
 */
import { z } from 'zod';
import { RETRY_PRESET_NAMES, RETRY_PRESETS, STATES_ALL, type Catcher, type Retrier } from '../model/retry-policy.js';

/** Largest BackoffRate: a factor of 1,000 per retry already reaches any wait within a few retries. */
const MAX_BACKOFF_RATE = 1000;

/** Upper bound ASL puts on IntervalSeconds and MaxAttempts. */
const ASL_MAX_COUNT = 99_999_999;

export const errorEqualsSchema = (owner: 'Retry' | 'Catch') =>
  z
    .array(z.string().min(1))
    .min(1)
    .describe(
      `${owner}[].ErrorEquals: error names this entry handles; States.ALL matches any error, ` +
        'States.TaskFailed any error except States.Timeout.',
    );

const retrier = z.strictObject({
  errorEquals: errorEqualsSchema('Retry'),
  intervalSeconds: z
    .number()
    .int()
    .min(1)
    .max(ASL_MAX_COUNT)
    .default(1)
    .describe('Retry[].IntervalSeconds: seconds before the first retry (a positive integer; ASL default 1).'),
  maxAttempts: z
    .number()
    .int()
    .min(0)
    .max(ASL_MAX_COUNT)
    .default(3)
    .describe('Retry[].MaxAttempts: number of retries, not counting the first attempt; 0 never retries (ASL default 3).'),
  backoffRate: z
    .number()
    .finite()
    .min(1)
    .max(MAX_BACKOFF_RATE)
    .default(2)
    .describe('Retry[].BackoffRate: factor (unitless) by which the wait grows after each retry (ASL default 2.0).'),
  maxDelaySeconds: z
    .number()
    .int()
    .min(1)
    .max(ASL_MAX_COUNT)
    .optional()
    .describe('Retry[].MaxDelaySeconds: upper bound, in seconds, on the wait before any retry; no bound when absent.'),
  jitterStrategy: z
    .enum(['FULL', 'NONE'])
    .default('NONE')
    .describe('Retry[].JitterStrategy: FULL waits a uniform random time between 0 and the computed wait; NONE (default) waits exactly that.'),
});

const catcher = z.strictObject({
  errorEquals: errorEqualsSchema('Catch'),
  outcome: z
    .enum(['SUCCEEDED', 'FAILED'])
    .default('FAILED')
    .describe(
      'Catch[].Next, summarised: how the fallback state ends the child execution. SUCCEEDED for a Pass or Succeed ' +
        'state, FAILED (default) for a Fail state.',
    ),
});

/**
 * ASL: "States.ALL ... must appear alone in the ErrorEquals array and must appear in the
 * last retrier [catcher]". Without the rule a States.ALL entry would silently hide every
 * entry after it, since the first match wins.
 */
export function statesAllAloneAndLast(owner: 'Retry' | 'Catch') {
  const entry = owner === 'Retry' ? 'retrier' : 'catcher';
  return (entries: readonly { errorEquals: readonly string[] }[], ctx: z.RefinementCtx) => {
    entries.forEach((e, i) => {
      const at = e.errorEquals.indexOf(STATES_ALL);
      if (at < 0) return;
      if (e.errorEquals.length > 1) {
        ctx.addIssue({
          code: 'custom',
          message: `States.ALL must appear alone in ErrorEquals (ASL rule for ${owner})`,
          path: [i, 'errorEquals', at],
          input: e.errorEquals,
        });
      }
      if (i !== entries.length - 1) {
        ctx.addIssue({
          code: 'custom',
          message: `States.ALL may appear only in the last ${entry} (ASL rule for ${owner}); the ${entry}s after it could never match`,
          path: [i, 'errorEquals', at],
          input: e.errorEquals,
        });
      }
    });
  };
}

const retrierArray = z.array(retrier).superRefine(statesAllAloneAndLast('Retry'));

/**
 * A preset name. The z.string() in front makes any non-string fail this branch with a
 * plain type error, which zod's union treats as "not this branch": an array that only
 * breaks the States.ALL rule then reports that rule, not a union-wide "Invalid input".
 * Behind the pipe the JSON Schema would lose the enum, so `meta` restores it.
 */
const presetName = z
  .string()
  .pipe(z.enum(RETRY_PRESET_NAMES))
  .meta({
    enum: [...RETRY_PRESET_NAMES],
    description:
      'A named Retry array: none; aws-best-practice (AWS best practice for Lambda service exceptions, 2 s / 6 / ×2); ' +
      'console-default (Workflow Studio, 1 s / 3 / ×2 with FULL jitter, includes TooManyRequests); cdk-default ' +
      '(CDK LambdaInvoke, 2 s / 6 / ×2); noaa-demo-2022 (older console default, 2 s / 6 / ×2, includes TooManyRequests).',
  });

/** A Task state's Retry: a preset name, or the retriers themselves. Parses to `Retrier[]`. */
export const retrySchema = z
  .union([
    presetName.transform((name): Retrier[] => RETRY_PRESETS[name].map(copyRetrier)),
    // No transform here: a pipe marks any issue as aborting, which would bury the
    // States.ALL message under the union's "Invalid input" again.
    retrierArray,
  ])
  .describe('Retry: what the Task state retries, and how long it waits before each retry.') satisfies z.ZodType<Retrier[]>;

/** A Task state's Catch: where errors go once retries are exhausted. Parses to `Catcher[]`. */
export const catchSchema = z
  .array(catcher)
  .superRefine(statesAllAloneAndLast('Catch'))
  .describe(
    'Catch: errors that, once retries are exhausted, go to a fallback state instead of failing the child execution.',
  ) satisfies z.ZodType<Catcher[]>;

function copyRetrier(r: Retrier): Retrier {
  return { ...r, errorEquals: [...r.errorEquals] };
}
