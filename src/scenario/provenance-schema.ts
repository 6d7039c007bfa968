/**
 * `provenance`: where fitted values came from. `dmap calibrate` writes one entry per
 * field it fitted, keyed by the field's path; the report's assumptions ledger shows it
 * beside the field. Written by hand it is checked like any other field, and it changes
 * no simulated figure.
 */
import { z } from 'zod';

const provenanceEntry = z.strictObject({
  source: z.string().min(1).describe('The files the value was fitted from, e.g. `logs-250.txt, executions.json`.'),
  observations: z
    .number()
    .int()
    .min(0)
    .describe('How many observations the fit used: invocations, cold starts, children, Map Runs or memory sizes, as `method` says.'),
  method: z.string().min(1).describe('How the value was fitted, e.g. "lognormal by maximum likelihood, the lowest AIC among ...".'),
  quality: z.string().min(1).describe('How well it fits, e.g. "KS 0.012 (p 0.41), AIC 12,345.6".'),
  note: z.string().min(1).optional().describe('What the fit could not tell, or assumed.'),
});

export const provenanceSchema = z
  .record(
    z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/, 'must be a field path such as lambda.perItemDurationMs'),
    provenanceEntry,
  )
  .optional()
  .describe('Where fitted values came from, by field path (e.g. `lambda.perItemDurationMs`): source files, observations, method and fit quality. Written by `dmap calibrate` (docs/calibrate.md); shown in the report\'s assumptions ledger. Changes no figure.');

export type ProvenanceEntry = z.output<typeof provenanceEntry>;
