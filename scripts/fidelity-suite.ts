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
  const { run } = await simulate(fidelityCase.scenario as never, { runs, seed: FIDELITY_SEED });
  const values = run.records.map((r) => (fidelityCase.metric === 'costUsd' ? r.costUsd : r.wallTimeMs / 1000));
  return evaluateCase(fidelityCase, values);
}

export async function renderFidelityDocument(cases: FidelityCase[], runs = FIDELITY_RUNS): Promise<string> {
  const results: FidelityResult[] = [];
  for (const fidelityCase of cases) results.push(await runFidelityCase(fidelityCase, runs));
  return renderFidelityMarkdown(results, { seed: FIDELITY_SEED, runs, version: TOOL_VERSION });
}
