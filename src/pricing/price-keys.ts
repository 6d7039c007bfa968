/**
 * The priced items dmap-planner knows, named the way AWS's pricing pages and bills name
 * them, so a finance reviewer can find each line on the invoice, with the unit their
 * quantity is counted in.
 */
export const PRICE_KEYS = {
  'stepFunctions.standard.transition': { service: 'AWS Step Functions', item: 'State transitions (Standard workflows)', unit: 'state transitions' },
  'stepFunctions.express.request': { service: 'AWS Step Functions', item: 'Requests (Express workflows)', unit: 'requests' },
  'stepFunctions.express.duration': { service: 'AWS Step Functions', item: 'Duration (Express workflows)', unit: 'GB-hours' },
  'lambda.request': { service: 'AWS Lambda', item: 'Requests', unit: 'requests' },
  'lambda.duration.x86_64': { service: 'AWS Lambda', item: 'Duration (x86)', unit: 'GB-seconds' },
  'lambda.duration.arm64': { service: 'AWS Lambda', item: 'Duration (Arm)', unit: 'GB-seconds' },
  'lambda.ephemeralStorage': { service: 'AWS Lambda', item: 'Ephemeral storage above 512 MB', unit: 'GB-seconds' },
  's3.request.putCopyPostList': { service: 'Amazon S3', item: 'PUT, COPY, POST, LIST requests (S3 Standard)', unit: 'requests' },
  's3.request.getSelectOther': { service: 'Amazon S3', item: 'GET, SELECT and all other requests (S3 Standard)', unit: 'requests' },
  'cloudwatchLogs.ingestion': { service: 'Amazon CloudWatch', item: 'Logs ingestion', unit: 'GB' },
  'dataTransfer.interRegion': { service: 'AWS Data Transfer', item: 'Data transfer out to another Region', unit: 'GB' },
  's3.request.deleteCancel': { service: 'Amazon S3', item: 'DELETE and CANCEL requests', unit: 'requests' },
  'dynamodb.onDemand.writeRequestUnit': { service: 'Amazon DynamoDB', item: 'Write request units (on-demand)', unit: 'write request units' },
  'dynamodb.onDemand.readRequestUnit': { service: 'Amazon DynamoDB', item: 'Read request units (on-demand)', unit: 'read request units' },
  'sqs.request.standard': { service: 'Amazon SQS', item: 'Requests (standard queues, per 64 KB chunk)', unit: 'requests' },
  'sqs.request.fifo': { service: 'Amazon SQS', item: 'Requests (FIFO queues, per 64 KB chunk)', unit: 'requests' },
  'sns.request.publish': { service: 'Amazon SNS', item: 'Publish requests (standard topics, per 64 KB chunk)', unit: 'requests' },
  'eventbridge.event.custom': { service: 'Amazon EventBridge', item: 'Custom events published (per 64 KB chunk)', unit: 'events' },
  'fargate.vcpu.x86_64': { service: 'AWS Fargate', item: 'vCPU (Linux/x86)', unit: 'vCPU-hours' },
  'fargate.memory.x86_64': { service: 'AWS Fargate', item: 'Memory (Linux/x86)', unit: 'GB-hours' },
  'fargate.vcpu.arm64': { service: 'AWS Fargate', item: 'vCPU (Linux/Arm)', unit: 'vCPU-hours' },
  'fargate.memory.arm64': { service: 'AWS Fargate', item: 'Memory (Linux/Arm)', unit: 'GB-hours' },
  'batch.job': { service: 'AWS Batch', item: 'Jobs (no charge beyond the compute they run on)', unit: 'jobs' },
  'other.request': { service: 'Other AWS services', item: 'Calls from child tasks to services the catalogue does not price', unit: 'requests' },
  'bedrock.invokeModel.request': { service: 'Amazon Bedrock', item: 'Model invocations (priced per token, not per request)', unit: 'requests' },
} as const;

export type PriceKey = keyof typeof PRICE_KEYS;

/** Free-tier allowances that cover several price keys (Lambda GB-s covers both architectures; the SQS
 *  allowance covers standard and FIFO requests). */
export const FREE_TIER_KEY_OF: Partial<Record<PriceKey, string>> = {
  'stepFunctions.standard.transition': 'stepFunctions.standard.transition',
  'lambda.request': 'lambda.request',
  'lambda.duration.x86_64': 'lambda.duration',
  'lambda.duration.arm64': 'lambda.duration',
  'cloudwatchLogs.ingestion': 'cloudwatchLogs.ingestion',
  'sqs.request.standard': 'sqs.request',
  'sqs.request.fifo': 'sqs.request',
};

export const PRICE_KEY_NAMES = Object.keys(PRICE_KEYS) as [PriceKey, ...PriceKey[]];
