/**
 * The scenarios a sensitivity analysis runs: for each assumption, the scenario with the
 * low end applied and the one with the high end applied. As in sweeps, a value is
 * written into the scenario document as written (before defaults) and the document
 * validated again. A factor multiplies the value in effect: the file's, or the schema's
 * default, or the model's (the StartExecution bucket of the Region), read from the
 * validated scenario and written back scaled. The pricing block is the baseline's
 * (command-line price flags included). Pure.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import { formatFieldPath, valueAt } from '../input/field-path.js';
import { withValueAtKeys } from '../planner/variation.js';
import { describeDistribution, isDistributionSpec, scaleDistribution } from '../random/index.js';
import { validateScenario, type Scenario } from '../scenario/index.js';
import { keysOf, type AssumptionRange, type EndName, type RangeEnd } from './assumption-ranges.js';

export interface AssumptionEnd {
  assumption: AssumptionRange;
  end: EndName;
  /** The range's end: a factor or a value. */
  setting: RangeEnd;
  /** What was written at the path (a number, a boolean or a distribution). */
  value: unknown;
  /** The scenario with it applied. */
  scenario: Scenario;
  /** The scenario is the baseline's: nothing to simulate (e.g. a boolean end equal to the baseline's value). */
  sameAsBaseline: boolean;
}

export interface AssumptionVariants {
  assumption: AssumptionRange;
  /** The value in effect at baseline. */
  baselineValue: unknown;
  low: AssumptionEnd;
  high: AssumptionEnd;
}

export function assumptionVariants(document: unknown, baseline: Scenario, assumptions: readonly AssumptionRange[]): AssumptionVariants[] {
  const problems: InputProblem[] = [];
  const baselineKey = canonicalJson(baseline);
  const result: AssumptionVariants[] = [];
  for (const assumption of assumptions) {
    const current = valueInEffect(assumption, baseline);
    const endOf = (end: EndName): AssumptionEnd | undefined => {
      const setting = assumption[end];
      const value = assumption.kind === 'value' ? setting : scaled(assumption, current, setting as number);
      const validation = validateScenario(withValueAtKeys(document, keysOf(assumption), value));
      if (!validation.ok) {
        for (const issue of validation.issues) {
          problems.push({
            field: formatFieldPath(issue.path),
            message: `${issue.message} (sensitivity: ${assumption.id} ${settingText(assumption, setting)})`,
            ...(issue.value !== undefined ? { value: issue.value } : {}),
          });
        }
        return undefined;
      }
      const scenario = { ...validation.scenario, pricing: baseline.pricing };
      return { assumption, end, setting, value, scenario, sameAsBaseline: canonicalJson(scenario) === baselineKey };
    };
    const low = endOf('low');
    const high = endOf('high');
    if (low && high) result.push({ assumption, baselineValue: current, low, high });
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return result;
}

/** The value the baseline runs with at the assumption's path. */
export function valueInEffect(assumption: AssumptionRange, scenario: Scenario): unknown {
  const value = valueAt(scenario, keysOf(assumption));
  if (value !== undefined) return value;
  if (assumption.modelDefault) return assumption.modelDefault(scenario);
  throw new Error(`${assumption.id}: no value in effect and no default to scale`);
}

function scaled(assumption: AssumptionRange, current: unknown, factor: number): unknown {
  if (isDistributionSpec(current)) return scaleDistribution(current, factor);
  if (typeof current !== 'number') throw new Error(`${assumption.id}: cannot scale ${JSON.stringify(current)}`);
  if (!assumption.integer) return current * factor;
  const rounded = Math.round(current * factor);
  return current >= 1 ? Math.max(1, rounded) : rounded;
}

/** An end as set: `×0.5` for a factor, the value otherwise. */
export function settingText(assumption: AssumptionRange, setting: RangeEnd): string {
  return assumption.kind === 'factor' ? `×${setting}` : valueText(assumption.path, setting);
}

/** A value in the unit of its field: `lognormal (p50 50 ms, p99 150 ms)`, `25 MB/s`, `1,200`, `true`. */
export function valueText(path: string, value: unknown): string {
  const field = path.split('.').at(-1) ?? path;
  if (isDistributionSpec(value)) return describeDistribution(value, field.endsWith('Ms') ? 'ms' : field.endsWith('Bytes') ? 'bytes' : '');
  if (typeof value === 'number') {
    if (field.endsWith('BytesPerSecond')) return `${trim(value / 1e6)} MB/s`;
    if (field.endsWith('Ms')) return `${trim(value)} ms`;
    return Number.isInteger(value) ? value.toLocaleString('en-US') : trim(value);
  }
  return String(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** JSON with keys sorted, so two equal scenarios give the same text whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
