/**
 * The `childWorkflow` block: the workflow each child execution runs (ItemProcessor).
 * Short form: states before and after one Lambda task, and the task's Retry, Catch and
 * timeout. Long form: `states` (and `startAt`), the child as a small state machine
 * (child-states-schema.ts); the short-form fields then stay unset.
 */
import { z } from 'zod';
import { distributionSchema } from './distribution-schema.js';
import { stateScopeSchema } from './child-states-schema.js';
import { catchSchema, retrySchema } from './retry-schema.js';
import { MAX_BILLED_MEMORY_MB } from './numeric-bounds.js';

/** A short-form child's Pass states: a definition is at most 1 MB, so a few thousand states at most; 10,000 leaves room. */
const MAX_SHORT_FORM_STATES = 10_000;

export const childWorkflowSchema = z.strictObject({
  startAt: stateScopeSchema.shape.startAt,
  states: stateScopeSchema.shape.states
    .optional()
    .describe('Long form: the child\'s states by name, as in its ItemProcessor (see "Child states" below). Absent: the short form.'),
  statesBeforeTask: z
    .number()
    .int()
    .min(0)
    .max(MAX_SHORT_FORM_STATES)
    .default(0)
    .describe('States a child passes through before its Lambda task (Pass, Choice, ...); each is one state transition.'),
  statesAfterTask: z
    .number()
    .int()
    .min(0)
    .max(MAX_SHORT_FORM_STATES)
    .default(0)
    .describe('States a child passes through after its Lambda task succeeds; each is one state transition.'),
  transitionLatencyMs: distributionSchema(
    'Step Functions time per state transition, in ms. AWS publishes no figure; default 20 ms, see docs/model.md.',
  ).prefault(20),
  retry: retrySchema
    .prefault('none')
    .describe(
      'Retry of the Lambda task: a preset (none, aws-best-practice, console-default, cdk-default, noaa-demo-2022) or a list of ASL retriers. Default none, as in ASL.',
    ),
  catch: catchSchema.default([]).describe('Catch of the Lambda task: errors routed to a fallback state, which ends the child as `outcome`.'),
  taskTimeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(99_999_999)
    .optional()
    .describe('TimeoutSeconds of the Lambda task: past it the task fails with States.Timeout. Absent: no task timeout (AWS uses 99,999,999 s).'),
  outputBytes: distributionSchema(
    'Size of one child execution\'s output, in bytes: what ResultWriter writes, or what returns inline without one.',
    'bytes',
  ).prefault(200),
  expressBilledMemoryMb: z
    .number()
    .int()
    .min(64)
    .max(MAX_BILLED_MEMORY_MB)
    .multipleOf(64)
    .optional()
    .describe(
      'Billed memory of an Express child, in MB (64 MB steps). Absent: AWS\'s estimate, 50 MB + definition size + data size × Parallel and Map states, rounded up to 64 MB (docs/model.md): 64 for most children.',
    ),
});

export type ChildWorkflowConfig = z.output<typeof childWorkflowSchema>;
