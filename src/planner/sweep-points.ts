/**
 * The scenarios of a sweep: the base scenario as written, with each combination of
 * values applied and validated. Problems in any point are reported together, naming
 * the point's settings.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import { formatFieldPath } from '../input/field-path.js';
import { validateScenario, type Scenario } from '../scenario/index.js';
import { combinations, withValueAt, type Variation, type VariationValue } from './variation.js';
import { ownValue } from '../own-key.js';

export interface SweepPoint {
  index: number;
  settings: Record<string, VariationValue>;
  scenario: Scenario;
}

export function sweepPoints(baseDocument: unknown, baseScenario: Scenario, variations: readonly Variation[]): SweepPoint[] {
  const problems: InputProblem[] = [];
  const points: SweepPoint[] = [];
  combinations(variations).forEach((settings, index) => {
    const validation = validateScenario(pointDocument(baseDocument, baseScenario, settings));
    if (validation.ok) {
      points.push({ index, settings, scenario: validation.scenario });
      return;
    }
    for (const issue of validation.issues) {
      problems.push({
        field: formatFieldPath(issue.path),
        message: `${issue.message} (sweep point ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')})`,
        ...(issue.value !== undefined ? { value: issue.value } : {}),
      });
    }
  });
  if (problems.length > 0) throw new UserInputError(dedupe(problems));
  return points;
}

/**
 * The base scenario as written with one point's settings applied: what that point
 * validates, and what `dmap studio` saves as a scenario file.
 */
export function pointDocument(baseDocument: unknown, baseScenario: Scenario, settings: Record<string, VariationValue>): unknown {
  let document = baseDocument;
  // Durations were measured at the scenario's memory size: a memory sweep must keep
  // that reference, or every point would run at its own "measured" speed.
  for (const path of Object.keys(settings)) {
    const fn = functionAt(baseScenario, path);
    if (fn && fn.config.durationMeasuredAtMemoryMb === undefined) document = withValueAt(document, `${fn.prefix}.durationMeasuredAtMemoryMb`, fn.config.memoryMb);
  }
  for (const [path, value] of Object.entries(settings)) document = withValueAt(document, path, value);
  return document;
}

/** One problem per field and rule, however many points share it. */
function dedupe(problems: InputProblem[]): InputProblem[] {
  const seen = new Map<string, InputProblem>();
  for (const p of problems) {
    const key = `${p.field}|${p.message.replace(/ \(sweep point .*\)$/, '')}|${String(p.value)}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/** The function whose memory `path` varies (`lambda.memoryMb`, `functions.<name>.memoryMb`), if it does. */
function functionAt(scenario: Scenario, path: string): { prefix: string; config: { memoryMb: number; durationMeasuredAtMemoryMb?: number | undefined } } | undefined {
  if (path === 'lambda.memoryMb') return scenario.lambda ? { prefix: 'lambda', config: scenario.lambda } : undefined;
  const name = /^functions\.([^.]+)\.memoryMb$/.exec(path)?.[1];
  const config = name === undefined ? undefined : ownValue(scenario.functions, name);
  return config ? { prefix: `functions.${name}`, config } : undefined;
}
