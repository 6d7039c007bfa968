/**
 * The Map Run fields its records can tell (map-run-timing.ts): the start overhead, or,
 * when the scenario lists its items from S3 before processing, the page latency (the gap
 * before the first child less the start overhead, over the pages); the close overhead;
 * the dispatch pace. One Map Run is one observation of each: its value moves the median
 * (the mean, for a page latency averaged over many pages) and the spread of the
 * distribution it replaces is kept; five or more Map Runs are fitted as distributions.
 * For a new scenario it also reads the configuration the records state: MaxConcurrency,
 * the tolerated failures, the batch size. Pure.
 */
import { meanOf, type DistributionSpec } from '../random/index.js';
import type { Scenario } from '../scenario/index.js';
import { fitDistribution, MIN_FIT_SAMPLE } from './fit/distribution-fit.js';
import { mapRunTiming, pageLatencyFromGap, type MapRunObservation, type MapRunTiming } from './fit/map-run-timing.js';
import { formatFigure, significant } from './fit/significant.js';
import { fittedField, medianOf, withMean, withMedian, type FittedField, type ReadFact } from './fitted-field.js';
import { commonBatchSize } from './map-run-records.js';

export interface MapRunFitInput {
  runs: MapRunObservation[];
  /** The base scenario, or the defaults when there is none. */
  scenario: Scenario;
}

export interface MapRunObserved {
  mapRunArn?: string;
  sources: string[];
  status?: string;
  children: number;
  itemsTotal?: number;
  maxConcurrency?: number;
  firstChildAfterMs?: number;
  closeMs?: number;
  dispatchPerSecond?: number;
  dispatchBurst?: number;
}

export interface MapRunFit {
  fields: FittedField[];
  facts: ReadFact[];
  observed: MapRunObserved[];
  notes: string[];
}

export function fitMapRuns({ runs, scenario }: MapRunFitInput): MapRunFit {
  const notes: string[] = [];
  const fields: FittedField[] = [];
  const timed = runs.map((run) => ({ run, timing: mapRunTiming(run) }));
  for (const { timing } of timed) notes.push(...timing.notes);
  const sourceOf = (list: typeof timed) => [...new Set(list.flatMap(({ run }) => run.sources))].sort().join(', ');

  const gaps = timed.filter(({ timing }) => timing.firstChildAfterMs !== undefined);
  const reader = scenario.itemReader;
  if (gaps.length > 0 && reader.source === 's3ListObjectsV2' && reader.listBeforeProcessing) {
    const startOverheadMs = meanOf(scenario.mapRunOverhead.startMs);
    let pages = 0;
    let listingMs = 0;
    for (const { run, timing } of gaps) {
      const objects = run.itemsTotal ?? reader.objectCount;
      const runPages = Math.max(1, Math.ceil(objects / reader.pageSize));
      const mean = pageLatencyFromGap(timing.firstChildAfterMs as number, runPages, reader.readers, startOverheadMs);
      if (mean === undefined) continue;
      pages += runPages;
      listingMs += mean * runPages;
    }
    if (pages > 0) {
      const mean = listingMs / pages;
      const gapText = gaps.map(({ timing }) => `${formatFigure((timing.firstChildAfterMs as number) / 1000)} s`).join(', ');
      fields.push(
        fittedField(['itemReader', 'pageLatencyMs'], withMean(reader.pageLatencyMs, mean), 'ms', {
          source: sourceOf(gaps),
          observations: pages,
          method: `the gap before the first child (${gapText}) less the start overhead (mean ${formatFigure(startOverheadMs)} ms), over ${pages.toLocaleString('en-US')} pages of ${reader.pageSize} listed one after another${reader.readers > 1 ? ` by ${reader.readers} readers` : ''}: a mean of ${formatFigure(mean)} ms a page; the spread of the distribution it replaces kept`,
          quality: `${gaps.length === 1 ? 'one Map Run' : `${gaps.length} Map Runs`}: the mean only, no spread measured`,
          note: 'assumes every page is listed before the first child starts (itemReader.listBeforeProcessing)',
        }),
      );
    }
  } else if (gaps.length > 0) {
    fields.push(
      observedDistribution(['mapRunOverhead', 'startMs'], gaps.map(({ timing }) => timing.firstChildAfterMs as number), scenario.mapRunOverhead.startMs, sourceOf(gaps), 'the gap from the Map Run starting to its first child', reader.source === 's3ListObjectsV2' ? undefined : 'includes reading the items, if any were read before the first child'),
    );
  }

  const closes = timed.filter(({ timing }) => timing.closeMs !== undefined && (timing.closeMs as number) >= 0);
  if (closes.length > 0) {
    fields.push(
      observedDistribution(['mapRunOverhead', 'closeMs'], closes.map(({ timing }) => timing.closeMs as number), scenario.mapRunOverhead.closeMs, sourceOf(closes), 'the gap from the last child ending to the Map Run ending', scenario.resultWriter ? 'includes writing the results' : undefined),
    );
  }

  const dispatched = timed.filter(({ timing }) => timing.dispatch !== undefined);
  if (dispatched.length > 0) {
    let weight = 0;
    let total = 0;
    for (const { timing } of dispatched) {
      const d = timing.dispatch as NonNullable<MapRunTiming['dispatch']>;
      weight += d.observations;
      total += d.perSecond * d.observations;
    }
    const rate = significant(total / weight, 3);
    fields.push(
      fittedField(['childStarts', 'dispatchPerSecond'], rate, 'per s', {
        source: sourceOf(dispatched),
        observations: weight,
        method: `the slope of children's start times against their number, while no MaxConcurrency slot was binding and after the first burst${dispatched.length > 1 ? `; ${dispatched.length} Map Runs weighted by their starts` : ''}`,
        quality: dispatched.map(({ timing }) => timing.dispatch?.quality).join('; '),
      }),
    );
  }

  return {
    fields,
    facts: factsOf(runs),
    notes,
    observed: timed.map(({ run, timing }) => {
      const observed: MapRunObserved = { sources: run.sources, children: run.childStartsMs.length };
      if (run.mapRunArn) observed.mapRunArn = run.mapRunArn;
      if (run.status) observed.status = run.status;
      if (run.itemsTotal !== undefined) observed.itemsTotal = run.itemsTotal;
      if (run.maxConcurrency !== undefined) observed.maxConcurrency = run.maxConcurrency;
      if (timing.firstChildAfterMs !== undefined) observed.firstChildAfterMs = Math.round(timing.firstChildAfterMs);
      if (timing.closeMs !== undefined) observed.closeMs = Math.round(timing.closeMs);
      if (timing.dispatch) {
        observed.dispatchPerSecond = significant(timing.dispatch.perSecond, 3);
        observed.dispatchBurst = timing.dispatch.burst;
      }
      return observed;
    }),
  };
}

/** One observation per Map Run: five or more are fitted; fewer move the median of `current`. */
function observedDistribution(path: string[], values: number[], current: DistributionSpec, source: string, what: string, note?: string): FittedField {
  const sorted = Float64Array.from(values).sort();
  const listed = values.map((v) => `${formatFigure(v)} ms`).join(', ');
  const extra = note ? { note } : {};
  if (sorted.length >= MIN_FIT_SAMPLE) {
    const fit = fitDistribution(sorted);
    return fittedField(path, fit.spec, 'ms', { source, observations: values.length, method: `${what} in ${values.length} Map Runs: ${fit.method}`, quality: fit.quality, ...extra });
  }
  return fittedField(path, withMedian(current, medianOf(sorted)), 'ms', {
    source,
    observations: values.length,
    method: `${what} (${listed}) as the median, with the spread of the distribution it replaces`,
    quality: `${values.length === 1 ? 'one Map Run' : `${values.length} Map Runs`}: too few to fit a spread`,
    ...extra,
  });
}

/** What the records say about the configuration, for a scenario written from scratch. */
function factsOf(runs: readonly MapRunObservation[]): ReadFact[] {
  const facts: ReadFact[] = [];
  const described = runs.find((run) => run.maxConcurrency !== undefined);
  if (described) {
    facts.push({ path: ['maxConcurrency'], value: described.maxConcurrency, from: 'DescribeMapRun maxConcurrency' });
    if ((described.toleratedFailurePercentage ?? 0) > 0) facts.push({ path: ['toleratedFailurePercentage'], value: described.toleratedFailurePercentage, from: 'DescribeMapRun toleratedFailurePercentage' });
    if ((described.toleratedFailureCount ?? 0) > 0) facts.push({ path: ['toleratedFailureCount'], value: described.toleratedFailureCount, from: 'DescribeMapRun toleratedFailureCount' });
  }
  const batch = commonBatchSize(runs);
  if (batch) facts.push({ path: ['itemBatcher', 'maxItemsPerBatch'], value: batch.size, from: `ListExecutions itemCount of ${batch.children.toLocaleString('en-US')} children` });
  if (runs.some((run) => run.childStartsMs.length > 0)) facts.push({ path: ['executionType'], value: 'STANDARD', from: 'ListExecutions, which lists no Express children' });
  return facts;
}
