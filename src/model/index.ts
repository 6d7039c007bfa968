export { simulateMapRun, effectiveMaxConcurrency } from './map-run.js';
export type { SimulateOptions } from './map-run.js';
export type { MapRunResult, MapRunCounts, MapRunStatus, MapRunError } from './map-run-result.js';
export type { MapRunUsage, LambdaUsage, StepFunctionsUsage, S3Usage, ServiceTaskUsage } from './usage.js';
export { lambdaUsages, sumOverFunctions } from './usage.js';
export type { TimeSeries } from './time-series.js';
export { RETRY_PRESETS } from './retry-policy.js';
export type { Retrier, Catcher } from './retry-policy.js';
export { BOUND_CAUSES, BOUND_CAUSE_LABELS, BOUND_VERDICTS, dominantCause, type BoundCause, type RunBounds } from './run-bounds.js';
