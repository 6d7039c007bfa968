export { simulateMapRun, effectiveMaxConcurrency } from './map-run.js';
export type { SimulateOptions } from './map-run.js';
export type { MapRunResult, MapRunCounts, MapRunStatus } from './map-run-result.js';
