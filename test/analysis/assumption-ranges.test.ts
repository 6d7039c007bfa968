/**
 * The registry of plausible ranges and how its ends are applied: every entry names a
 * real field and both its ends make a valid scenario; a factor scales the value in
 * effect, the file's or a default; function entries reach every function; the table in
 * docs/model.md is the registry's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_RANGES, assumptionsFor, values, type AssumptionRange } from '../../src/analysis/assumption-ranges.js';
import { assumptionVariants, valueInEffect, valueText } from '../../src/analysis/assumption-variants.js';
import { renderPlausibleRangesTable, RANGES_END_MARKER, RANGES_START_MARKER } from '../../src/analysis/plausible-ranges-doc.js';
import { selectAssumptions } from '../../src/analysis/select-assumptions.js';
import { UserInputError } from '../../src/errors.js';
import { scaleDistribution, type DistributionSpec } from '../../src/random/index.js';
import { parseScenarioText, validateScenario, type Scenario } from '../../src/scenario/index.js';

function load(file: string): { scenario: Scenario; document: unknown } {
  const { scenario, document } = parseScenarioText(readFileSync(file, 'utf8'), file);
  return { scenario, document };
}

function fromDocument(document: Record<string, unknown>): { scenario: Scenario; document: unknown } {
  const validation = validateScenario(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return { scenario: validation.scenario, document };
}

const byId = (ranges: readonly AssumptionRange[], id: string) => ranges.find((r) => r.id === id) as AssumptionRange;

const FLAGSHIP = load('scenarios/reinvent-500k.yaml');
const LONG_FORM = load('scenarios/orders-to-dynamodb.yaml');
const INLINE = load('scenarios/small-inline.yaml');

describe('the registry of plausible ranges', () => {
  it('has one entry per id, each with its confidence, its source and a sensible range', () => {
    const ids = ASSUMPTION_RANGES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ASSUMPTION_RANGES) {
      expect(['M', 'L', 'user'], r.id).toContain(r.confidence);
      expect(r.why, r.id).toMatch(/^[A-Z].*\.$/);
      expect(r.label.length, r.id).toBeGreaterThan(0);
      if (r.kind === 'factor') {
        expect(r.low as number, r.id).toBeGreaterThan(0);
        expect(r.low as number, r.id).toBeLessThan(1);
        expect(r.high as number, r.id).toBeGreaterThan(1);
      } else {
        expect(typeof r.low, r.id).toBe(typeof r.high);
        expect(r.low, r.id).not.toEqual(r.high);
      }
    }
  });

  it('covers the model assumptions the issue names and the user inputs', () => {
    const ids = ASSUMPTION_RANGES.map((r) => r.id);
    for (const id of [
      'itemReader.pageLatencyMs',
      'itemReader.listBeforeProcessing',
      'itemReader.firstByteLatencyMs',
      'itemReader.readThroughputBytesPerSecond',
      'childStarts.startLatencyMs',
      'childStarts.refillPerSecond',
      'childStarts.bucketSize',
      'childWorkflow.transitionLatencyMs',
      'failureDetectionLagMs',
      'resultWriter.putLatencyMs',
      'resultWriter.writeThroughputBytesPerSecond',
      'lambda.initDurationMs',
      'lambda.cpuBoundFraction',
      'lambda.perItemDurationMs',
      'lambda.invocationOverheadMs',
      'itemReader.objectCount',
      'itemReader.itemCount',
    ]) {
      expect(ids).toContain(id);
    }
    expect(byId(ASSUMPTION_RANGES, 'lambda.perItemDurationMs')).toMatchObject({ confidence: 'user', low: 0.75, high: 1.25 });
    expect(byId(ASSUMPTION_RANGES, 'itemReader.objectCount')).toMatchObject({ confidence: 'user', low: 0.8, high: 1.2 });
  });

  it('applies each entry only where it means something', () => {
    const flagship = assumptionsFor(FLAGSHIP.scenario);
    const applied = flagship.applicable.map((r) => r.id);
    expect(applied).toContain('itemReader.pageLatencyMs');
    expect(applied).toContain('resultWriter.putLatencyMs');
    expect(applied).toContain('itemReader.objectCount');
    expect(flagship.notApplicable.map((r) => r.id)).toEqual(expect.arrayContaining(['itemReader.firstByteLatencyMs', 'itemReader.itemCount']));
    // Memory measured where it runs: the CPU-bound share changes no duration.
    expect(applied).not.toContain('lambda.cpuBoundFraction');

    const inline = assumptionsFor(INLINE.scenario).applicable.map((r) => r.id);
    expect(inline).toContain('itemReader.itemCount');
    expect(inline).not.toContain('itemReader.pageLatencyMs');
    expect(inline).not.toContain('resultWriter.putLatencyMs');
  });

  it('expands function entries to every function of a long-form child', () => {
    const { applicable } = assumptionsFor(LONG_FORM.scenario);
    const ids = applicable.map((r) => r.id);
    expect(ids).toContain('functions.validate-orders.perItemDurationMs');
    expect(ids).toContain('functions.validate-orders.invocationOverheadMs');
    expect(ids).toContain('functions.validate-orders.initDurationMs');
    expect(ids).not.toContain('lambda.perItemDurationMs');
    expect(byId(applicable, 'functions.validate-orders.perItemDurationMs').label).toMatch(/validate-orders/);
  });

  it('gives valid scenarios at both ends of every entry, for each kind of scenario', () => {
    for (const { scenario, document } of [FLAGSHIP, LONG_FORM, INLINE]) {
      const { applicable } = assumptionsFor(scenario);
      const variants = assumptionVariants(document, scenario, applicable);
      expect(variants.map((v) => v.assumption.id)).toEqual(applicable.map((r) => r.id));
    }
  });

  it('keeps the "Plausible ranges" table of docs/model.md up to date (run `npm run generate`)', () => {
    const doc = readFileSync('docs/model.md', 'utf8');
    const start = doc.indexOf(RANGES_START_MARKER);
    const end = doc.indexOf(RANGES_END_MARKER);
    expect(start).toBeGreaterThan(0);
    expect(doc.slice(start, end + RANGES_END_MARKER.length)).toBe(renderPlausibleRangesTable());
    for (const r of ASSUMPTION_RANGES) expect(doc).toContain(`| \`${r.id}\` |`);
  });
});

describe('applying a range to a scenario', () => {
  const base = {
    name: 'listing',
    itemReader: { source: 's3ListObjectsV2', objectCount: 12_345 },
    itemBatcher: { maxItemsPerBatch: 100 },
    executionType: 'EXPRESS',
    lambda: { perItemDurationMs: { type: 'lognormal', mean: 62, sd: 10 } },
    pricing: { discountPercent: 10 },
  };

  it('scales the default in effect when the file leaves the field out', () => {
    const { scenario, document } = fromDocument(base);
    const range = byId(ASSUMPTION_RANGES, 'itemReader.pageLatencyMs');
    const [v] = assumptionVariants(document, scenario, [range]);
    const defaultLatency = valueInEffect(range, scenario) as DistributionSpec;
    expect(v?.low.scenario.itemReader).toMatchObject({ pageLatencyMs: scaleDistribution(defaultLatency, range.low as number) });
    expect(v?.high.scenario.itemReader).toMatchObject({ pageLatencyMs: scaleDistribution(defaultLatency, range.high as number) });
  });

  it('scales a default the model computes: the StartExecution bucket of the Region and type', () => {
    const { scenario, document } = fromDocument(base);
    const [refill, bucket] = assumptionVariants(document, scenario, [byId(ASSUMPTION_RANGES, 'childStarts.refillPerSecond'), byId(ASSUMPTION_RANGES, 'childStarts.bucketSize')]);
    // Express in us-east-1: 6,000 / 6,000 per s.
    expect([refill?.low.scenario.childStarts.refillPerSecond, refill?.high.scenario.childStarts.refillPerSecond]).toEqual([3000, 24_000]);
    expect([bucket?.low.scenario.childStarts.bucketSize, bucket?.high.scenario.childStarts.bucketSize]).toEqual([3000, 24_000]);
  });

  it('rounds whole-number fields and scales what the file gives', () => {
    const { scenario, document } = fromDocument(base);
    const [count, perItem] = assumptionVariants(document, scenario, [byId(ASSUMPTION_RANGES, 'itemReader.objectCount'), byId(ASSUMPTION_RANGES, 'lambda.perItemDurationMs')]);
    expect(count?.low.value).toBe(9876);
    expect(count?.high.value).toBe(14_814);
    expect(perItem?.high.value).toEqual({ type: 'lognormal', mean: 77.5, sd: 12.5 });
  });

  it('keeps the baseline pricing, and marks an end equal to the baseline', () => {
    const { scenario, document } = fromDocument(base);
    const priced = { ...scenario, pricing: { ...scenario.pricing, runsPerMonth: 30 } };
    const [listing] = assumptionVariants(document, priced, [byId(ASSUMPTION_RANGES, 'itemReader.listBeforeProcessing')]);
    expect(listing?.low.scenario.pricing).toEqual(priced.pricing);
    const baselineValue = scenario.itemReader.source === 's3ListObjectsV2' && scenario.itemReader.listBeforeProcessing;
    expect(listing?.low.sameAsBaseline).toBe(baselineValue === false);
    expect(listing?.high.sameAsBaseline).toBe(baselineValue === true);
  });

  it('writes a function entry into that function only', () => {
    const { applicable } = assumptionsFor(LONG_FORM.scenario);
    const [v] = assumptionVariants(LONG_FORM.document, LONG_FORM.scenario, [byId(applicable, 'functions.validate-orders.perItemDurationMs')]);
    expect(v?.low.scenario.functions['validate-orders']?.perItemDurationMs).toEqual({ type: 'lognormal', p50: 1.5, p99: 7.5 });
  });

  it('reports a range that makes a scenario invalid as the user\'s problem, naming the assumption', () => {
    const { scenario, document } = fromDocument(base);
    const broken = values('maxConcurrency', -1, 5, { confidence: 'L', label: 'test', why: 'A test.' });
    expect(() => assumptionVariants(document, scenario, [broken])).toThrow(UserInputError);
    try {
      assumptionVariants(document, scenario, [broken]);
    } catch (error) {
      expect((error as UserInputError).problems[0]?.message).toMatch(/\(sensitivity: maxConcurrency -1\)$/);
    }
  });

  it('describes values in the unit of their field', () => {
    expect(valueText('itemReader.pageLatencyMs', { type: 'lognormal', p50: 50, p99: 150 })).toBe('lognormal (p50 50 ms, p99 150 ms)');
    expect(valueText('resultWriter.writeThroughputBytesPerSecond', 25_000_000)).toBe('25 MB/s');
    expect(valueText('itemReader.objectCount', 600_000)).toBe('600,000');
    expect(valueText('itemReader.listBeforeProcessing', true)).toBe('true');
  });
});

describe('choosing assumptions with --only', () => {
  it('keeps the ones named, in the registry order', () => {
    const { selected } = selectAssumptions(FLAGSHIP.scenario, ['lambda.perItemDurationMs', 'itemReader.pageLatencyMs']);
    expect(selected.map((r) => r.id)).toEqual(['itemReader.pageLatencyMs', 'lambda.perItemDurationMs']);
  });

  it('suggests the closest id for a typo, and says when an assumption does not apply', () => {
    expect(() => selectAssumptions(FLAGSHIP.scenario, ['itemReader.pageLatencyMS'])).toThrow(/did you mean `itemReader.pageLatencyMs`/);
    expect(() => selectAssumptions(FLAGSHIP.scenario, ['itemReader.firstByteLatencyMs'])).toThrow(/does not apply to this scenario: it applies only with items read from an S3 file/);
  });
});
