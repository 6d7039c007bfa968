/**
 * The pure parts of `dmap studio`'s page: the controls a scenario gets, how a state
 * applies to the scenario (as a sweep point would), the URL fragment, the saved scenario
 * file and the HTML shell's escaping.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweepPoints } from '../../src/planner/sweep-points.js';
import { defaultCatalogue } from '../../src/pricing/default-catalogue.js';
import { parseScenarioText } from '../../src/scenario/index.js';
import { loadScenarioFile } from '../../src/scenario/load-scenario.js';
import { validatedScenario } from '../../src/simulation-result.js';
import { acceptsValue, controlsFor, type Control } from '../../src/studio/controls.js';
import { savedFileName, scenarioFileText, simulateCommand } from '../../src/studio/scenario-file.js';
import { positionOfValue, SLIDER_STEPS, valueAtPosition } from '../../src/studio/slider-scale.js';
import { STUDIO_DATA_FORMAT, STUDIO_DATA_FORMAT_VERSION, type StudioData } from '../../src/studio/studio-data.js';
import { studioHtml } from '../../src/studio/studio-html.js';
import { applyState, changesOf, withValue, type StudioBase, type StudioState } from '../../src/studio/studio-state.js';
import { decodeFragment, encodeFragment } from '../../src/studio/url-fragment.js';

async function baseOf(file: string): Promise<StudioBase & { text: string }> {
  const loaded = await loadScenarioFile(file);
  return { document: loaded.document, scenario: loaded.scenario, controls: controlsFor(loaded.document, loaded.scenario, defaultCatalogue()), text: loaded.text };
}

function control(base: StudioBase, id: string): Control {
  const found = base.controls.find((c) => c.id === id);
  if (!found) throw new Error(`no control ${id}: ${base.controls.map((c) => c.id).join(', ')}`);
  return found;
}

const START: StudioState = { seed: 1, runs: 200, values: {} };

describe('controls', () => {
  it('gives the flagship a control for every field a sweep varies, started at the scenario\'s values', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const starts = Object.fromEntries(base.controls.map((c) => [c.id, c.start]));
    expect(starts).toEqual({
      'itemReader.objectCount': 500_000,
      'itemBatcher.maxItemsPerBatch': 250,
      'itemBatcher.maxInputBytesPerBatch': 262_144,
      maxConcurrency: 3000,
      executionType: 'EXPRESS',
      toleratedFailurePercentage: undefined,
      toleratedFailureCount: undefined,
      'childWorkflow.retry': 'console-default',
      region: 'us-east-1',
      'lambda.accountConcurrency': 1000,
      'lambda.memoryMb': 1024,
      'lambda.architecture': 'x86_64',
      'lambda.perItemDurationMs': 1,
      'lambda.reservedConcurrency': undefined,
    });
    // Every Region of the catalogue, and no other.
    const region = control(base, 'region');
    expect(region.kind === 'choice' && region.options.map((o) => o.value)).toEqual(Object.keys(defaultCatalogue().regions).sort());
  });

  it('gives a long-form child its functions\' controls and no short-form Retry', async () => {
    const base = await baseOf('scenarios/orders-to-dynamodb.yaml');
    const ids = base.controls.map((c) => c.id);
    expect(ids).toContain('functions.validate-orders.memoryMb');
    expect(ids).toContain('functions.validate-orders.perItemDurationMs');
    expect(ids).toContain('lambdaAccountConcurrency');
    expect(ids).toContain('itemReader.itemCount');
    expect(ids).not.toContain('childWorkflow.retry');
    expect(control(base, 'toleratedFailurePercentage').start).toBe(1);
  });

  it('accepts only values within the schema\'s bounds', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const memory = control(base, 'lambda.memoryMb');
    expect(acceptsValue(memory, 2048)).toBe(true);
    expect(acceptsValue(memory, 64)).toBe(false);
    expect(acceptsValue(memory, 1024.5)).toBe(false);
    expect(acceptsValue(control(base, 'executionType'), 'STANDARD')).toBe(true);
    expect(acceptsValue(control(base, 'executionType'), 'express')).toBe(false);
  });
});

describe('applying a state', () => {
  it('sets fields exactly as a sweep point does (memory keeps the duration\'s reference)', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    let state = withValue(START, control(base, 'itemBatcher.maxItemsPerBatch'), 100);
    state = withValue(state, control(base, 'lambda.memoryMb'), 2048);
    state = withValue(state, control(base, 'executionType'), 'STANDARD');
    const applied = validatedScenario(applyState(base, state) as never).scenario;
    const [point] = sweepPoints(base.document, base.scenario, [
      { path: 'itemBatcher.maxItemsPerBatch', values: [100] },
      { path: 'lambda.memoryMb', values: [2048] },
      { path: 'executionType', values: ['STANDARD'] },
    ]);
    expect(applied).toEqual(point?.scenario);
    expect(applied.lambda?.durationMeasuredAtMemoryMb).toBe(1024);
  });

  it('scales the per-item distribution, keeping its shape', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const state = withValue(START, control(base, 'lambda.perItemDurationMs'), 1.25);
    const applied = validatedScenario(applyState(base, state) as never).scenario;
    expect(applied.lambda?.perItemDurationMs).toEqual({ type: 'lognormal', mean: 77.5, sd: 12.5 });
  });

  it('drops a change set back to the start, and refuses a value the control does not take', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const batch = control(base, 'itemBatcher.maxItemsPerBatch');
    expect(withValue(withValue(START, batch, 100), batch, 250).values).toEqual({});
    expect(withValue(withValue(START, batch, 100), batch, undefined).values).toEqual({});
    expect(() => applyState(base, { ...START, values: { 'itemBatcher.maxItemsPerBatch': 0 } })).toThrow(RangeError);
    expect(applyState(base, START)).toBe(base.document);
  });
});

describe('the URL fragment', () => {
  it('reads like --vary and reads back as the same state', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    let state: StudioState = { seed: 7, runs: 300, values: {} };
    state = withValue(state, control(base, 'itemBatcher.maxItemsPerBatch'), 100);
    state = withValue(state, control(base, 'lambda.perItemDurationMs'), 1.25);
    state = withValue(state, control(base, 'region'), 'eu-west-1');
    const fragment = encodeFragment(base, state);
    expect(fragment).toBe('runs=300&seed=7&itemBatcher.maxItemsPerBatch=100&region=eu-west-1&lambda.perItemDurationMs=x1.25');
    expect(decodeFragment(base, `#${fragment}`, START)).toEqual({ state, ignored: [] });
  });

  it('round-trips any state the controls accept', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const value = (c: Control): fc.Arbitrary<string | number> =>
      c.kind === 'choice'
        ? fc.constantFrom(...c.options.map((o) => o.value))
        : c.kind === 'scale'
          ? fc.double({ min: c.min, max: c.max, noNaN: true })
          : c.integer
            ? fc.integer({ min: c.min, max: c.max })
            : fc.double({ min: c.min, max: c.max, noNaN: true });
    const arbitrary = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      runs: fc.integer({ min: 1, max: 10_000 }),
      changes: fc.array(fc.constantFrom(...base.controls).chain((c) => value(c).map((v) => [c, v] as const)), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ seed, runs, changes }) => {
        const state = changes.reduce<StudioState>((s, [c, v]) => withValue(s, c, v), { seed, runs, values: {} });
        expect(decodeFragment(base, encodeFragment(base, state), START)).toEqual({ state, ignored: [] });
      }),
    );
  });

  it('keeps what it can of a bad fragment and says what it ignored', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    const { state, ignored } = decodeFragment(base, '#runs=0&seed=5&maxConcurrency=-3&nope=1&executionType=BATCH&lambda.memoryMb=2048&lambda.perItemDurationMs=2&%E0%A4%A=1&bare', START);
    expect(state).toEqual({ seed: 5, runs: 200, values: { 'lambda.memoryMb': 2048 } });
    expect(ignored).toHaveLength(7);
    expect(ignored.join('\n')).toMatch(/runs=0: must be a whole number from 1 to 10000/);
    expect(ignored.join('\n')).toMatch(/nope: not a field/);
    expect(ignored.join('\n')).toMatch(/lambda\.perItemDurationMs=2: must be a factor such as x1\.25/);
  });
});

describe('the saved scenario file', () => {
  it('keeps the comments, rewrites only the changed fields, and reads back as the page\'s scenario', async () => {
    const base = await baseOf('scenarios/reinvent-500k.yaml');
    let state = withValue(START, control(base, 'itemBatcher.maxItemsPerBatch'), 100);
    state = withValue(state, control(base, 'lambda.memoryMb'), 2048);
    state = withValue(state, control(base, 'lambda.perItemDurationMs'), 1.1);
    state = withValue(state, control(base, 'toleratedFailurePercentage'), 2.5);
    const changed = applyState(base, state);
    const text = scenarioFileText({ text: base.text, file: 'scenarios/reinvent-500k.yaml', document: base.document, changed, changes: changesOf(base, state), fileName: 'x.yaml', runs: 200, seed: 1 });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    expect(text).toContain('# Saved by dmap studio');
    expect(text).toContain('itemBatcher.maxItemsPerBatch 250 → 100');
    expect(text).toContain('# The page\'s figures: dmap simulate x.yaml --runs 200 --seed 1 --json');
    expect(text).toContain('retry: console-default # what the console adds to a Lambda Invoke state');
    const read = parseScenarioText(text, 'x.yaml');
    expect(read.document).toEqual(changed);
    expect(read.scenario).toEqual(validatedScenario(changed as never).scenario);
  });

  it('writes a JSON scenario, and one with fields it never had, as YAML that reads back the same', async () => {
    const base = await baseOf('scenarios/small-inline.yaml');
    const json = JSON.stringify(base.document, null, 2);
    let state = withValue(START, control(base, 'lambda.memoryMb'), 3008);
    state = withValue(state, control(base, 'lambda.perItemDurationMs'), 0.5);
    state = withValue(state, control(base, 'lambda.reservedConcurrency'), 50);
    state = withValue(state, control(base, 'childWorkflow.retry'), 'aws-best-practice');
    const changed = applyState(base, state);
    const text = scenarioFileText({ text: json, file: 'small.json', document: base.document, changed, changes: changesOf(base, state), fileName: 'x.yaml', runs: 10, seed: 42 });
    expect(parseScenarioText(text, 'x.yaml').document).toEqual(changed);
  });

  it('names the file and the command safely', () => {
    expect(savedFileName('reinvent-500k')).toBe('reinvent-500k-studio.yaml');
    expect(savedFileName('<script>alert(1)</script>')).toBe('script-alert-1-script-studio.yaml');
    expect(savedFileName('../../etc/passwd')).toBe('etc-passwd-studio.yaml');
    expect(simulateCommand("it's.yaml", 200, 1)).toBe(`dmap simulate 'it'\\''s.yaml' --runs 200 --seed 1 --json`);
  });
});

describe('the HTML shell', () => {
  const bundles = { page: 'window.x = "</script><script>alert(1)</script>";', worker: 'postMessage("</script>")' };
  const hostile = '</script><script>alert(1)</script>\u2028<!--';
  const data: StudioData = {
    format: STUDIO_DATA_FORMAT,
    formatVersion: STUDIO_DATA_FORMAT_VERSION,
    tool: { name: 'dmap-planner', version: '0.1.0' },
    file: '<b>file</b>.yaml',
    text: `name: "${hostile}"`,
    document: { name: hostile },
    seed: 1,
    runs: 200,
  };
  const html = studioHtml(data, { name: hostile, description: '<img src=x onerror=alert(2)>' }, bundles);

  it('escapes every user string and nothing ends a script element early', () => {
    expect(html).toContain('<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\u2028&lt;!--</h1>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    // Three closing tags for the three script elements, and no other.
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    // In a <script>, U+2028 is escaped too (JavaScript before ES2019 ended a string at it).
    const data = /<script type="application\/json" id="dmap-studio-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(data).not.toMatch(/[\u2028\u2029<>]/);
  });

  it('embeds the scenario as JSON that parses back to it', () => {
    const block = /<script type="application\/json" id="dmap-studio-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(block)).toEqual(data);
    const worker = /<script type="application\/json" id="dmap-studio-worker">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(worker)).toBe(bundles.worker);
  });
});

describe('slider positions', () => {
  it('reach both ends and land on round values in between', () => {
    const range = { min: 1, max: 100_000, scale: 'log' as const, integer: true };
    expect(valueAtPosition(range, 0)).toBe(1);
    expect(valueAtPosition(range, SLIDER_STEPS)).toBe(100_000);
    let previous = 0;
    for (let p = 1; p < SLIDER_STEPS; p++) {
      const v = valueAtPosition(range, p);
      expect(Number(v.toPrecision(2))).toBe(v);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
      // Round values sit where the slider put them, give or take the rounding.
      if (v >= 100) expect(Math.abs(positionOfValue(range, v) - p)).toBeLessThanOrEqual(2);
    }
    expect(valueAtPosition({ min: 0, max: 10_000, scale: 'log', integer: true }, 0)).toBe(0);
  });
});

describe('the studio\'s modules', () => {
  const sources = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  it('outside browser/ are pure: no I/O, clock, global randomness or DOM, so Node tests and the page share them', () => {
    for (const file of sources('src/studio')) {
      const code = readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/)/.test(line)).join('\n');
      expect(code, file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|process\.|console\.|from 'node:|(?<![\w.])document\.|(?<![\w.])window\.|reference lib="dom"/);
    }
  });

  it('import nothing from Node and nothing that reads files or starts threads (the page bundles them)', () => {
    for (const file of [...sources('src/studio'), ...sources('src/studio/browser')]) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/from 'node:|\/runner\/(replication-pool|run-simulation|run-sweep|outcome-pool)|\/pricing\/load-catalogue|\/input\/read-text-file|\/scenario\/load-scenario|\/simulate\.js'/);
    }
  });
});
