export { replicationRecord, replicationOutcome, outcomeOf, runReplication, lineKey } from './replication.js';
export type { ReplicationOutcome, ReplicationRecord, ReplicationCounters, ReplicationDetail, ReplicationContext } from './replication.js';
export { summarizeReplications, histogram } from './summarize.js';
export type { SimulationSummary, Band, Histogram } from './summarize.js';
export { summarizeMetric, percentileInterval, proportionInterval, REPORTED_PERCENTILES } from './metric-summary.js';
export type { MetricSummary } from './metric-summary.js';
export { scaleMetric } from './scale-metric.js';
