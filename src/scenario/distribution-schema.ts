/**
 * Schema of a random quantity in a scenario file. A bare number is shorthand for a
 * constant; otherwise an object picks a distribution by `type`. The values are in the
 * unit of the field that holds the distribution (its name ends in Ms, Bytes, ...).
 */
import { z } from 'zod';
import type { DistributionSpec } from '../random/distribution-spec.js';

const finite = () => z.number().finite();
const nonNegative = () => finite().min(0);
const positive = () => finite().positive();

const constant = z.strictObject({ type: z.literal('constant'), value: nonNegative() });

const uniform = z
  .strictObject({ type: z.literal('uniform'), min: nonNegative(), max: nonNegative() })
  .refine((d) => d.max > d.min, { message: 'max must be greater than min', path: ['max'] });

const normal = z.strictObject({
  type: z.literal('normal'),
  mean: finite().describe('mean before truncation at 0'),
  sd: positive(),
});

const lognormal = z
  .strictObject({
    type: z.literal('lognormal'),
    mean: positive().optional(),
    sd: positive().optional(),
    p50: positive().optional(),
    p99: positive().optional(),
  })
  .superRefine((d, ctx) => {
    const byMoments = d.mean !== undefined || d.sd !== undefined;
    const byPercentiles = d.p50 !== undefined || d.p99 !== undefined;
    if (byMoments === byPercentiles) {
      ctx.addIssue({ code: 'custom', message: 'give either mean and sd, or p50 and p99', path: [] });
    } else if (byMoments && (d.mean === undefined || d.sd === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'mean and sd go together', path: [d.mean === undefined ? 'mean' : 'sd'] });
    } else if (byPercentiles && (d.p50 === undefined || d.p99 === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'p50 and p99 go together', path: [d.p50 === undefined ? 'p50' : 'p99'] });
    } else if (byPercentiles && (d.p99 as number) <= (d.p50 as number)) {
      ctx.addIssue({ code: 'custom', message: 'p99 must be greater than p50', path: ['p99'], input: d.p99 });
    }
  });

const exponential = z.strictObject({ type: z.literal('exponential'), mean: positive() });

const triangular = z
  .strictObject({ type: z.literal('triangular'), min: nonNegative(), mode: nonNegative(), max: nonNegative() })
  .superRefine((d, ctx) => {
    if (!(d.max > d.min)) ctx.addIssue({ code: 'custom', message: 'max must be greater than min', path: ['max'], input: d.max });
    else if (d.mode < d.min || d.mode > d.max) {
      ctx.addIssue({ code: 'custom', message: 'mode must lie between min and max', path: ['mode'], input: d.mode });
    }
  });

const percentilePoint = z.strictObject({ p: finite().min(0).max(100), value: nonNegative() });

const empirical = z
  .strictObject({
    type: z.literal('empirical'),
    samples: z.array(nonNegative()).min(1).optional(),
    percentiles: z.array(percentilePoint).min(2).optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.samples === undefined) === (d.percentiles === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give either samples or percentiles', path: [] });
      return;
    }
    const points = d.percentiles;
    if (points === undefined) return;
    if (points[0]?.p !== 0 || points.at(-1)?.p !== 100) {
      ctx.addIssue({ code: 'custom', message: 'the table must start at p 0 (the minimum) and end at p 100 (the maximum)', path: ['percentiles'] });
    }
    for (let i = 1; i < points.length; i++) {
      const previous = points[i - 1] as { p: number; value: number };
      const point = points[i] as { p: number; value: number };
      if (!(point.p > previous.p)) {
        ctx.addIssue({ code: 'custom', message: 'p must increase from row to row', path: ['percentiles', i, 'p'], input: point.p });
      }
      if (point.value < previous.value) {
        ctx.addIssue({ code: 'custom', message: 'value must not decrease as p increases', path: ['percentiles', i, 'value'], input: point.value });
      }
    }
  });

const distributionObject = z
  .discriminatedUnion('type', [constant, uniform, normal, lognormal, exponential, triangular, empirical])
  .meta({ id: 'Distribution', description: 'A random quantity; see "Distributions" in docs/scenario.md.' });

/** A distribution field: a number (a constant) or a distribution object. */
export function distributionSchema(description: string) {
  return z
    .union([
      nonNegative().transform((value): DistributionSpec => ({ type: 'constant', value })),
      distributionObject.transform((d) => stripUndefined(d) as DistributionSpec),
    ])
    .describe(description);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
