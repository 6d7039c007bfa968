/**
 * Runs the fidelity suite: reads test/fidelity/cases/*.yaml, simulates each case's
 * scenario with a fixed seed and run count, and renders docs/fidelity.md. Shared by
 * `npm run fidelity` (which writes the document) and the test that checks it is current.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluateCase, renderFidelityMarkdown, type FidelityResult } from '../src/analysis/fidelity.js';
import { fidelityCaseSchema, type FidelityCase } from '../src/analysis/fidelity-case.js';
import { median } from 'simple-statistics';
import { simulateMapRun } from '../src/model/index.js';
import { meanOf, type DistributionSpec } from '../src/random/index.js';
import { withValueAt } from '../src/planner/variation.js';
import { validateScenario, type Scenario } from '../src/scenario/index.js';
import { simulate } from '../src/simulate.js';
import { TOOL_VERSION } from '../src/version.js';

export const CASES_DIR = 'test/fidelity/cases';
export const FIDELITY_SEED = 1;
export const FIDELITY_RUNS = 200;

export function loadFidelityCases(dir = CASES_DIR): FidelityCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = fidelityCaseSchema.safeParse(parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export async function runFidelityCase(fidelityCase: FidelityCase, runs = FIDELITY_RUNS): Promise<FidelityResult> {
  const values = await metricValues(fidelityCase.metric, fidelityCase.scenario, runs);
  const result = evaluateCase(fidelityCase, values);
  if (fidelityCase.fit) result.fitted = { ...(await fitCase(fidelityCase)), defaultValue: numberAt(parseScenario(fidelityCase.scenario), fidelityCase.fit.path) };
  return result;
}

async function metricValues(metric: FidelityCase['metric'], document: unknown, runs: number): Promise<number[]> {
  if (metric === 'itemsReadSeconds') {
    const scenario = parseScenario(document);
    return Array.from({ length: runs }, (_, replication) => simulateMapRun(scenario, { seed: FIDELITY_SEED, replication }).itemReader.readCompleteMs / 1000);
  }
  const { run } = await simulate(document as never, { runs, seed: FIDELITY_SEED });
  return run.records.map((r) => (metric === 'costUsd' ? r.costUsd : r.wallTimeMs / 1000));
}

/** Replications per step of a fit's bisection: enough for a P50 within a percent or so. */
export const FIT_RUNS = 100;
const FIT_STEPS = 16;

/**
 * The value of the case's fitted field for which the predicted P50 equals the published
 * figure: bisection over the range, geometrically, assuming the P50 moves one way only.
 */
async function fitCase(fidelityCase: FidelityCase): Promise<{ path: string; value: number }> {
  const fit = fidelityCase.fit as NonNullable<FidelityCase['fit']>;
  const p50At = async (value: number) => median(await metricValues(fidelityCase.metric, withValueAt(fidelityCase.scenario, fit.path, value), FIT_RUNS));
  let [low, high] = fit.range;
  const rising = (await p50At(high)) > (await p50At(low));
  for (let step = 0; step < FIT_STEPS; step++) {
    const middle = Math.sqrt(low * high);
    if ((await p50At(middle)) < fit.targetP50 === rising) low = middle;
    else high = middle;
  }
  return { path: fit.path, value: Math.sqrt(low * high) };
}

function parseScenario(document: unknown): Scenario {
  const validation = validateScenario(document);
  if (!validation.ok) throw new Error(`fidelity case scenario is invalid: ${JSON.stringify(validation.issues)}`);
  return validation.scenario;
}

function numberAt(scenario: Scenario, path: string): number | undefined {
  const value = path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), scenario);
  if (typeof value === 'number') return value;
  // A distribution's default is compared by its mean, which is what a fit on a sum pins.
  return value !== null && typeof value === 'object' && 'type' in value ? meanOf(value as DistributionSpec) : undefined;
}

/** A fitted default more than this far from what its measurement gives has drifted. */
export const FIT_TOLERANCE = 0.03;

export async function renderFidelityDocument(cases: FidelityCase[], runs = FIDELITY_RUNS): Promise<{ markdown: string; drifted: string[] }> {
  const results: FidelityResult[] = [];
  for (const fidelityCase of cases) results.push(await runFidelityCase(fidelityCase, runs));
  const drifted = results.flatMap(({ fitted }) =>
    fitted && !(fitted.defaultValue !== undefined && Math.abs(fitted.defaultValue / fitted.value - 1) <= FIT_TOLERANCE)
      ? [`${fitted.path}: default ${fitted.defaultValue}, measurement gives ${fitted.value.toPrecision(3)}`]
      : [],
  );
  return { markdown: renderFidelityMarkdown(results, { seed: FIDELITY_SEED, runs, version: TOOL_VERSION }), drifted };
}
