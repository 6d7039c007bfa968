/**
 * The Lambda fields REPORT lines can tell: the memory the function ran at, the time per
 * item and per invocation (batch-regression.ts, per-item.ts), a batch-wide factor when
 * three or more batch sizes show one, and INIT (fitted to the Init Duration of every cold
 * start). Only the invocations at the memory size most of them ran at are used. Pure.
 */
import type { DistributionSpec } from '../random/index.js';
import { separateOverhead, type BatchGroup } from './fit/batch-regression.js';
import { fitDistribution, MIN_FIT_SAMPLE, type DistributionFit } from './fit/distribution-fit.js';
import { perItemDistribution } from './fit/per-item.js';
import { formatFigure, significant } from './fit/significant.js';
import { fittedField, lognormalWithMoments, medianOf, withMedian, type FittedField } from './fitted-field.js';
import type { InvocationObservations } from './invocation-observations.js';

export interface LambdaFitInput {
  observations: InvocationObservations;
  /** `['lambda']` or `['functions', name]`. */
  target: string[];
  /** --overhead-ms. */
  overheadMs?: number;
  /** The function's memoryMb as the base scenario's author wrote it, if they did. */
  givenMemoryMb?: number;
  /** The INIT distribution the scenario holds now (its own or the default), whose spread a few cold starts keep. */
  currentInitMs: DistributionSpec;
}

export interface LambdaObserved {
  memoryMb: number;
  invocations: number;
  coldStarts: number;
  coldStartPercent: number;
  maxMemoryUsedMb: number;
  failed: number;
  timedOut: number;
  batchSizes: Array<{ batchSize: number; invocations: number; meanMs: number; sdMs: number }>;
  /** Invocations at other memory sizes, left out of the fits. */
  otherMemorySizes: Array<{ memoryMb: number; invocations: number }>;
  perItem: { meanMs: number; sdMs: number };
  overhead: { meanMs: number; sdMs: number; how: string };
}

export interface LambdaFit {
  fields: FittedField[];
  observed: LambdaObserved;
  notes: string[];
}

export function fitLambda(input: LambdaFitInput): LambdaFit | undefined {
  const { observations, target } = input;
  const memoryMb = observations.mainMemoryMb();
  if (memoryMb === undefined) return undefined;
  const notes: string[] = [];
  const groups = observations.groupsAt(memoryMb).filter((g) => g.durations.count > 0);
  const init = observations.initAt(memoryMb);
  const others = observations.memorySizes().filter((m) => m.memoryMb !== memoryMb);
  if (others.length > 0) {
    notes.push(
      `${others.map((m) => `${m.invocations.toLocaleString('en-US')} invocations at ${m.memoryMb} MB`).join(', ')} left out: the fits use the ${memoryMb} MB most invocations ran at`,
    );
  }
  const excluded = groups.reduce((sum, g) => sum + g.failed + g.timedOut, 0);
  if (excluded > 0) {
    notes.push(`${excluded.toLocaleString('en-US')} failed or timed-out ${excluded === 1 ? 'invocation' : 'invocations'} counted but not fitted (a timeout is cut off at the limit)`);
  }
  if (groups.length === 0) {
    notes.push(`no invocation at ${memoryMb} MB succeeded: nothing to fit durations to`);
    return undefined;
  }

  const batchGroups: BatchGroup[] = groups.map((g) => ({ batchSize: g.batchSize, count: g.durations.count, meanMs: g.durations.mean, varianceMs2: g.durations.variance }));
  const separation = separateOverhead(batchGroups, input.overheadMs);
  notes.push(...separation.notes);
  const main = [...groups].sort((a, b) => b.durations.count - a.durations.count || a.batchSize - b.batchSize)[0] as (typeof groups)[number];
  const mainSorted = main.durationSample.sorted();
  const mainFit = mainSorted.length >= MIN_FIT_SAMPLE ? fitDistribution(mainSorted, main.durations.count) : undefined;
  const perItem = perItemDistribution(separation, { batchSize: main.batchSize, meanMs: main.durations.mean, sdMs: main.durations.sd, fit: mainFit, sorted: mainSorted });

  const files = [...new Set(groups.flatMap((g) => [...g.sources]))].sort();
  const source = files.join(', ');
  const invocations = groups.reduce((sum, g) => sum + g.durations.count, 0);
  const sizes = groups.map((g) => g.batchSize);
  const atSizes = sizes.length === 1 ? `at batch ${sizes[0]}` : `at batch sizes ${sizes.join(', ')}`;
  const fields: FittedField[] = [];
  const path = (field: string) => [...target, field];

  fields.push(
    fittedField(path('perItemDurationMs'), perItem.spec, 'ms', {
      source,
      observations: invocations,
      method: `${invocations.toLocaleString('en-US')} invocations ${atSizes}: one item's mean ${formatFigure(separation.perItemMeanMs)} ms and sd ${formatFigure(Math.sqrt(separation.perItemVarianceMs2))} ms from the mean and variance of batch durations (${separation.how === 'regression' ? 'regressed on the batch size' : separation.how === 'given' ? `less the --overhead-ms ${input.overheadMs} ms` : 'the overhead taken as 0'}); ${perItem.how}`,
      quality: `batch ${main.batchSize}: ${mainFit ? `${mainFit.chosen} fits the batch durations, ${mainFit.quality}` : `too few invocations to test a family (${main.durations.count})`}; ${separation.quality}`,
      ...(separation.how === 'assumed zero' ? { note: 'one batch size: the invocation overhead could not be separated and is counted in the items' } : {}),
    }),
  );
  fields.push(overheadField(path('invocationOverheadMs'), separation, source, invocations, input.overheadMs));
  if (separation.factorVariance > 0) {
    fields.push(
      fittedField(path('batchDurationFactor'), lognormalWithMoments(1, Math.sqrt(separation.factorVariance)), '', {
        source,
        observations: invocations,
        method: `the variance of batch durations regressed on b and b² over ${sizes.length} batch sizes: the b² term is spread a whole batch shares`,
        quality: separation.quality,
      }),
    );
  }

  const logged = { source: init ? [...init.sources].sort().join(', ') : source, observations: init?.invocations ?? invocations };
  const memoryProvenance = { ...logged, method: 'Memory Size of the REPORT lines', quality: 'read, not fitted' };
  if (input.givenMemoryMb !== undefined && input.givenMemoryMb !== memoryMb) {
    notes.push(`your memoryMb ${input.givenMemoryMb} is kept; the durations were measured at ${memoryMb} MB (durationMeasuredAtMemoryMb), so they scale with cpuBoundFraction`);
  } else {
    fields.push(fittedField(path('memoryMb'), memoryMb, 'MB', memoryProvenance));
  }
  fields.push(fittedField(path('durationMeasuredAtMemoryMb'), memoryMb, 'MB', { ...memoryProvenance, method: 'Memory Size of the REPORT lines the durations were fitted to' }));

  const coldStarts = init?.durations.count ?? 0;
  const total = init?.invocations ?? invocations;
  const coldStartPercent = total > 0 ? (100 * coldStarts) / total : 0;
  const initField = init ? initDurationField(path('initDurationMs'), init.sample.sorted(), coldStarts, total, input.currentInitMs, logged.source) : undefined;
  if (initField) fields.push(initField);
  else notes.push('no cold start in the logs (no Init Duration): initDurationMs not fitted');

  return {
    fields,
    notes,
    observed: {
      memoryMb,
      invocations: total,
      coldStarts,
      coldStartPercent: significant(coldStartPercent, 3),
      maxMemoryUsedMb: init?.maxMemoryUsedMb ?? 0,
      failed: groups.reduce((sum, g) => sum + g.failed, 0),
      timedOut: groups.reduce((sum, g) => sum + g.timedOut, 0),
      batchSizes: groups.map((g) => ({ batchSize: g.batchSize, invocations: g.durations.count, meanMs: significant(g.durations.mean), sdMs: significant(g.durations.sd) })),
      otherMemorySizes: others.map((m) => ({ memoryMb: m.memoryMb, invocations: m.invocations })),
      perItem: { meanMs: significant(separation.perItemMeanMs), sdMs: significant(Math.sqrt(separation.perItemVarianceMs2)) },
      overhead: { meanMs: significant(separation.overheadMeanMs), sdMs: significant(Math.sqrt(separation.overheadVarianceMs2)), how: separation.how },
    },
  };
}

function overheadField(path: string[], separation: ReturnType<typeof separateOverhead>, source: string, invocations: number, given: number | undefined): FittedField {
  if (separation.how === 'given') {
    return fittedField(path, given as number, 'ms', { source: '--overhead-ms', observations: 0, method: 'given on the command line', quality: 'not fitted' });
  }
  if (separation.how === 'assumed zero') {
    return fittedField(path, 0, 'ms', {
      source,
      observations: invocations,
      method: 'one batch size: cannot be told apart from the items, so taken as 0 (the items carry it)',
      quality: 'not fitted',
      note: 'give --overhead-ms, or logs at a second batch size, to separate it',
    });
  }
  const sd = Math.sqrt(separation.overheadVarianceMs2);
  const spec = separation.overheadMeanMs > 0 && sd > 0 ? lognormalWithMoments(separation.overheadMeanMs, sd) : significant(separation.overheadMeanMs);
  return fittedField(path, spec, 'ms', {
    source,
    observations: invocations,
    method: `the intercept of batch durations regressed on the batch size (mean ${formatFigure(separation.overheadMeanMs)} ms${sd > 0 ? `, sd ${formatFigure(sd)} ms from the variances` : ''})${sd > 0 ? '; lognormal with that mean and sd' : ''}`,
    quality: separation.quality,
  });
}

function initDurationField(path: string[], sorted: Float64Array, coldStarts: number, invocations: number, current: DistributionSpec, source: string): FittedField | undefined {
  if (coldStarts === 0) return undefined;
  const share = `${coldStarts.toLocaleString('en-US')} cold starts in ${invocations.toLocaleString('en-US')} invocations (${formatFigure((100 * coldStarts) / invocations)} %)`;
  if (sorted.length < MIN_FIT_SAMPLE) {
    return fittedField(path, withMedian(current, medianOf(sorted)), 'ms', {
      source,
      observations: coldStarts,
      method: `the median of ${coldStarts} Init Durations, with the spread of the distribution it replaces`,
      quality: `too few cold starts to fit a family (${coldStarts})`,
      note: share,
    });
  }
  const fit: DistributionFit = fitDistribution(sorted, coldStarts);
  return fittedField(path, fit.spec, 'ms', { source, observations: coldStarts, method: `Init Duration of every cold start: ${fit.method}`, quality: fit.quality, note: share });
}
