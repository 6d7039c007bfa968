/** Step Functions API output as the AWS CLI prints it: DescribeMapRun, ListExecutions, GetExecutionHistory. */
export { awsDateSchema, isoToEpochMs } from './aws-date.js';
export { describeMapRunSchema, type DescribeMapRunRecord } from './describe-map-run.js';
export { executionHistorySchema, historyEventSchema, mapRunSpanOf, type ExecutionHistoryRecord, type HistoryEvent } from './execution-history.js';
export { executionListItemSchema, listExecutionsSchema, type ExecutionListItem, type ListExecutionsRecord } from './list-executions.js';
export { mapRunCountsSchema, type MapRunCountsRecord } from './map-run-counts.js';
