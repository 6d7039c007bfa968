/**
 * Calibration: from what the sources were read into (REPORT-line observations, Map Run
 * records, Power Tuning results) to the fitted fields, the configuration facts, the
 * observed figures and the notes. Each kind of field is fitted by its own module; this
 * one decides where the Lambda fields go (the `lambda` block or `functions.<name>`) and
 * which memory durations are measured at. Pure.
 */
import { UserInputError } from '../errors.js';
import type { Scenario } from '../scenario/index.js';
import { validateScenario } from '../scenario/index.js';
import type { MapRunObservation } from './fit/map-run-timing.js';
import type { MemoryCurve } from './fit/memory-curve.js';
import { fitLambda, type LambdaObserved } from './fit-lambda.js';
import { fitMapRuns, type MapRunObserved } from './fit-map-run.js';
import { fitMemory } from './fit-memory.js';
import type { FittedField, ReadFact } from './fitted-field.js';
import type { InvocationObservations } from './invocation-observations.js';
import type { LogSourceSummary } from './log-source.js';
import type { PowerTuningResult } from './sources/power-tuning.js';

export interface CalibrationOptions {
  /** --overhead-ms: the invocation overhead, when one batch size cannot separate it. */
  overheadMs?: number;
  /** --function: fit `functions.<name>` instead of the `lambda` block. */
  functionName?: string;
}

export interface CalibrationInput {
  observations: InvocationObservations;
  logSources: LogSourceSummary[];
  mapRuns: MapRunObservation[];
  powerTuning: Array<{ file: string; result: PowerTuningResult }>;
  /** The base scenario (validated) and its document before defaults, when one is given. */
  base?: { scenario: Scenario; document: unknown };
  options: CalibrationOptions;
}

export interface CalibrationResult {
  fields: FittedField[];
  /** Configuration read from the records, for a scenario written from scratch. */
  facts: ReadFact[];
  observed: {
    lambda?: LambdaObserved;
    memoryCurve?: MemoryCurve;
    mapRuns: MapRunObserved[];
  };
  notes: string[];
}

export function calibrate(input: CalibrationInput): CalibrationResult {
  const target = targetOf(input);
  const scenario = input.base?.scenario ?? defaultsScenario();
  const raw = input.base?.document;
  const given = (field: string) => valueAt(raw, [...target, field]);
  const current = functionConfig(scenario, target);
  const notes: string[] = [];
  const fields: FittedField[] = [];

  const givenMemory = given('memoryMb');
  const lambda = input.observations.empty
    ? undefined
    : fitLambda({
        observations: input.observations,
        target,
        ...(input.options.overheadMs !== undefined ? { overheadMs: input.options.overheadMs } : {}),
        ...(typeof givenMemory === 'number' ? { givenMemoryMb: givenMemory } : {}),
        currentInitMs: current?.initDurationMs ?? scenario.lambda?.initDurationMs ?? { type: 'constant', value: 0 },
      });
  if (lambda) {
    fields.push(...lambda.fields);
    notes.push(...lambda.notes);
  }

  const measuredAt = given('durationMeasuredAtMemoryMb');
  const reference = lambda?.observed.memoryMb ?? (typeof measuredAt === 'number' ? measuredAt : typeof givenMemory === 'number' ? givenMemory : undefined);
  const memory = fitMemory({
    results: input.powerTuning,
    target,
    ...(reference !== undefined ? { referenceMemoryMb: reference } : {}),
    referenceSettled: reference !== undefined,
  });
  fields.push(...memory.fields);
  notes.push(...memory.notes);

  const mapRuns = fitMapRuns({ runs: input.mapRuns, scenario });
  fields.push(...mapRuns.fields);
  notes.push(...mapRuns.notes);

  if (fields.length === 0) {
    throw new UserInputError([{ message: 'nothing to fit: give Lambda logs (REPORT lines), AWS Lambda Power Tuning output, or DescribeMapRun with ListExecutions of a Map Run' }]);
  }
  return {
    fields,
    facts: mapRuns.facts,
    observed: { ...(lambda ? { lambda: lambda.observed } : {}), ...(memory.curve ? { memoryCurve: memory.curve } : {}), mapRuns: mapRuns.observed },
    notes,
  };
}

function targetOf(input: CalibrationInput): string[] {
  const name = input.options.functionName;
  const scenario = input.base?.scenario;
  if (name !== undefined) {
    if (scenario && !(name in scenario.functions)) {
      const known = Object.keys(scenario.functions);
      throw new UserInputError([{ field: '--function', message: `names no function in the scenario's \`functions\` (${known.join(', ') || 'none'})`, value: name }]);
    }
    return ['functions', name];
  }
  if (scenario && !scenario.lambda && Object.keys(scenario.functions).length > 0) {
    throw new UserInputError([
      { field: '--function', message: `the scenario has no \`lambda\` block: name the function to calibrate, one of ${Object.keys(scenario.functions).join(', ')}` },
    ]);
  }
  return ['lambda'];
}

function functionConfig(scenario: Scenario, target: string[]): Scenario['lambda'] | undefined {
  return target[0] === 'functions' ? (scenario.functions[target[1] as string] as Scenario['lambda']) : scenario.lambda;
}

/** A scenario with every default, for the distributions a new scenario's fits replace. */
function defaultsScenario(): Scenario {
  const validation = validateScenario({ name: 'defaults', itemReader: { source: 'inline', itemCount: 1 }, lambda: { perItemDurationMs: 1 } });
  if (!validation.ok) throw new Error('the defaults scenario does not validate');
  return validation.scenario;
}

function valueAt(document: unknown, path: string[]): unknown {
  let current = document;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
