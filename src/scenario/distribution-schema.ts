/**
 * Schema of a random quantity in a scenario file. A bare number is shorthand for a
 * constant; otherwise an object picks a distribution by `type`. The values are in the
 * unit of the field that holds the distribution (its name ends in Ms, Bytes, ...).
 */
import { z } from 'zod';
import type { DistributionSpec } from '../random/distribution-spec.js';
import {
  formatBound,
  MAX_BYTES,
  MAX_COUNT,
  MAX_DURATION_MS,
  MAX_FACTOR,
  MAX_LOGNORMAL_P99_OVER_P50,
  MAX_LOGNORMAL_SD_OVER_MEAN,
} from './numeric-bounds.js';

/** Largest value any distribution holds, whatever its unit; each field bounds its own unit below it. */
const MAX_VALUE = Math.max(MAX_BYTES, MAX_COUNT, MAX_DURATION_MS);

const finite = () => z.number().finite().min(-MAX_VALUE).max(MAX_VALUE);
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
    } else if (byPercentiles && (d.p99 as number) > MAX_LOGNORMAL_P99_OVER_P50 * (d.p50 as number)) {
      ctx.addIssue({ code: 'custom', message: `p99 may be at most ${formatBound(MAX_LOGNORMAL_P99_OVER_P50)} × p50: a wider spread draws values no run could take`, path: ['p99'], input: d.p99 });
    } else if (byMoments && (d.sd as number) > MAX_LOGNORMAL_SD_OVER_MEAN * (d.mean as number)) {
      ctx.addIssue({ code: 'custom', message: `sd may be at most ${formatBound(MAX_LOGNORMAL_SD_OVER_MEAN)} × mean: a wider spread draws values no run could take`, path: ['sd'], input: d.sd });
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
  .meta({
    id: 'Distribution',
    description: `A random quantity; see "Distributions" in docs/scenario.md. Every value at most ${formatBound(MAX_VALUE)} in magnitude, and at most what its field allows.`,
  });

/** What a distribution field holds, and so the largest value it may give. */
export type DistributionUnit = 'ms' | 'bytes' | 'count' | 'factor';

const UNIT_BOUNDS: Record<DistributionUnit, { max: number; words: string }> = {
  ms: { max: MAX_DURATION_MS, words: `Values at most a year (${formatBound(MAX_DURATION_MS)} ms).` },
  bytes: { max: MAX_BYTES, words: `Values at most a terabyte (${formatBound(MAX_BYTES)} bytes).` },
  count: { max: MAX_COUNT, words: `Values at most ${formatBound(MAX_COUNT)}.` },
  factor: { max: MAX_FACTOR, words: `Values at most ${formatBound(MAX_FACTOR)}.` },
};

/** A distribution field: a number (a constant) or a distribution object, in `unit` (milliseconds unless said). */
export function distributionSchema(description: string, unit: DistributionUnit = 'ms') {
  const { max, words } = UNIT_BOUNDS[unit];
  return z
    .union([
      nonNegative().max(max).transform((value): DistributionSpec => ({ type: 'constant', value })),
      distributionObject.transform((d) => stripUndefined(d) as DistributionSpec),
    ])
    .superRefine((spec, ctx) => {
      for (const [path, value] of valuesOf(spec)) {
        if (Math.abs(value) > max) {
          const bound = `${formatBound(max)}${unit === 'ms' ? ' ms (a year)' : unit === 'bytes' ? ' bytes (a terabyte)' : ''}`;
          ctx.addIssue({ code: 'custom', path, message: value < 0 ? `must be at least −${bound}` : `must be at most ${bound}`, input: value });
        }
      }
    })
    .describe(`${description} ${words}`);
}

/** Every value a distribution spec holds (not its probabilities), with its path in the object. */
function valuesOf(spec: DistributionSpec): Array<[(string | number)[], number]> {
  if (spec.type === 'empirical') {
    return 'samples' in spec ? spec.samples.map((v, i) => [['samples', i], v]) : spec.percentiles.map((point, i) => [['percentiles', i, 'value'], point.value]);
  }
  return Object.entries(spec).filter((entry): entry is [string, number] => typeof entry[1] === 'number').map(([key, value]) => [[key], value]);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
