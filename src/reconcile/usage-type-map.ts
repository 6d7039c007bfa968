/**
 * Where the estimate's price keys appear on an AWS bill: (product code, usage type) →
 * price key. Pure data, so bill lines and estimate lines meet by service and usage type.
 *
 * `usageType` matches the usage type without its Region code ("USE1-Lambda-GB-Second" →
 * "Lambda-GB-Second"; region-codes.ts). `products` are the bill's `line_item_product_code`
 * values. The bill's usage amount is in the usage type's own unit (`billUnit`); dividing it
 * by `divideBy` gives the price key's unit (docs/pricing.md, "Reconciling with the bill").
 *
 * Confidence, as docs/pricing.md states it:
 * [H] documented by AWS;
 * [M] AWS's own data (the `usagetype` of the Price List API, AWS's public price data) as
 *     quoted by several independent public projects, but on no AWS documentation page;
 * [L] assumed, from one source or by analogy. A wrong [L] entry puts a line under "On the
 *     bill, not in the estimate", never into a wrong line silently.
 */
import type { PriceKey } from '../pricing/price-keys.js';

export type Confidence = 'H' | 'M' | 'L';

export interface UsageTypeMapping {
  products: readonly string[];
  usageType: RegExp;
  priceKey: PriceKey;
  billUnit: string;
  /** Bill amount ÷ divideBy = quantity in the price key's unit. */
  divideBy?: string;
  confidence: Confidence;
  source: string;
  note?: string;
}

const PRICE_LIST = (serviceCode: string) => `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${serviceCode}/current/index.csv`;
const S3_USAGE_REPORT = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/aws-usage-report-understand.html';

export const USAGE_TYPE_MAPPINGS: readonly UsageTypeMapping[] = [
  // AWS Step Functions. Express usage types are StepFunctions-Request and StepFunctions-GB-Second
  // (not "ExpressWorkflows-..."); the GB-Second amount is converted to the estimate's GB-hours.
  { products: ['AmazonStates', 'AWSStepFunctions'], usageType: /^StateTransition$/, priceKey: 'stepFunctions.standard.transition', billUnit: 'state transitions', confidence: 'M', source: PRICE_LIST('AmazonStates') },
  { products: ['AmazonStates', 'AWSStepFunctions'], usageType: /^StepFunctions-Request$/, priceKey: 'stepFunctions.express.request', billUnit: 'requests', confidence: 'M', source: PRICE_LIST('AmazonStates') },
  { products: ['AmazonStates', 'AWSStepFunctions'], usageType: /^StepFunctions-GB-Second$/, priceKey: 'stepFunctions.express.duration', billUnit: 'GB-seconds', divideBy: '3600', confidence: 'M', source: PRICE_LIST('AmazonStates') },

  // AWS Lambda. Arm is a usage type of its own; requests of both architectures are one estimate line.
  { products: ['AWSLambda'], usageType: /^Request(-ARM)?$/, priceKey: 'lambda.request', billUnit: 'requests', confidence: 'M', source: PRICE_LIST('AWSLambda') },
  { products: ['AWSLambda'], usageType: /^Lambda-GB-Second$/, priceKey: 'lambda.duration.x86_64', billUnit: 'GB-seconds', confidence: 'M', source: PRICE_LIST('AWSLambda') },
  { products: ['AWSLambda'], usageType: /^Lambda-GB-Second-ARM$/, priceKey: 'lambda.duration.arm64', billUnit: 'GB-seconds', confidence: 'M', source: PRICE_LIST('AWSLambda') },
  { products: ['AWSLambda'], usageType: /^Lambda-Storage-GB-Second(-ARM)?$/, priceKey: 'lambda.ephemeralStorage', billUnit: 'GB-seconds', confidence: 'M', source: PRICE_LIST('AWSLambda') },

  // Amazon S3, S3 Standard requests. DELETE and CANCEL are free and have no usage type of their own [L].
  { products: ['AmazonS3'], usageType: /^Requests-Tier1$/, priceKey: 's3.request.putCopyPostList', billUnit: 'requests', confidence: 'H', source: S3_USAGE_REPORT },
  { products: ['AmazonS3'], usageType: /^Requests-Tier2$/, priceKey: 's3.request.getSelectOther', billUnit: 'requests', confidence: 'H', source: S3_USAGE_REPORT },

  // Amazon CloudWatch Logs ingestion, in GB: custom logs (DataProcessing-Bytes) and vended logs
  // such as Lambda's since 2025 (VendedLog-Bytes) [L: one source for the vended-log usage type].
  { products: ['AmazonCloudWatch'], usageType: /^DataProcessing-Bytes$/, priceKey: 'cloudwatchLogs.ingestion', billUnit: 'GB', confidence: 'M', source: PRICE_LIST('AmazonCloudWatch') },
  { products: ['AmazonCloudWatch'], usageType: /^VendedLog-Bytes$/, priceKey: 'cloudwatchLogs.ingestion', billUnit: 'GB', confidence: 'L', source: PRICE_LIST('AmazonCloudWatch') },

  // Data transfer to another Region: <from>-<to>-AWS-Out-Bytes, in GB, billed under AWSDataTransfer
  // or the sending service's product code [L for the product codes].
  {
    products: ['AWSDataTransfer', 'AWSLambda', 'AmazonS3', 'AmazonStates'],
    usageType: /^[A-Z]{2,4}\d?-AWS-Out-Bytes$/,
    priceKey: 'dataTransfer.interRegion',
    billUnit: 'GB',
    confidence: 'H',
    source: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html',
    note: 'matched on the sending Region, whatever the destination',
  },

  // Amazon DynamoDB on-demand request units.
  { products: ['AmazonDynamoDB'], usageType: /^WriteRequestUnits$/, priceKey: 'dynamodb.onDemand.writeRequestUnit', billUnit: 'write request units', confidence: 'M', source: PRICE_LIST('AmazonDynamoDB') },
  { products: ['AmazonDynamoDB'], usageType: /^ReadRequestUnits$/, priceKey: 'dynamodb.onDemand.readRequestUnit', billUnit: 'read request units', confidence: 'M', source: PRICE_LIST('AmazonDynamoDB') },

  // Amazon SQS: -Tier1 outside us-east-1, -RBP in us-east-1.
  { products: ['AWSQueueService'], usageType: /^Requests-(Tier1|RBP)$/, priceKey: 'sqs.request.standard', billUnit: 'requests', confidence: 'M', source: PRICE_LIST('AWSQueueService') },
  { products: ['AWSQueueService'], usageType: /^Requests-FIFO-(Tier1|RBP)$/, priceKey: 'sqs.request.fifo', billUnit: 'requests', confidence: 'M', source: PRICE_LIST('AWSQueueService') },

  // Amazon SNS API requests: every API call, not only Publish (deliveries are DeliveryAttempts-*).
  { products: ['AmazonSNS'], usageType: /^Requests-Tier1$/, priceKey: 'sns.request.publish', billUnit: 'requests', confidence: 'M', source: PRICE_LIST('AmazonSNS'), note: 'all SNS API requests, not only Publish' },

  // Amazon EventBridge events per 64 KB chunk (custom and partner events share the usage type).
  { products: ['AWSEvents', 'AmazonEventBridge'], usageType: /^Event-64K-Chunks$/, priceKey: 'eventbridge.event.custom', billUnit: 'events', confidence: 'M', source: PRICE_LIST('AWSEvents'), note: 'custom and partner events together' },

  // AWS Fargate (under Amazon ECS).
  { products: ['AmazonECS'], usageType: /^Fargate-vCPU-Hours:perCPU$/, priceKey: 'fargate.vcpu.x86_64', billUnit: 'vCPU-hours', confidence: 'M', source: PRICE_LIST('AmazonECS') },
  { products: ['AmazonECS'], usageType: /^Fargate-GB-Hours$/, priceKey: 'fargate.memory.x86_64', billUnit: 'GB-hours', confidence: 'M', source: PRICE_LIST('AmazonECS') },
  { products: ['AmazonECS'], usageType: /^Fargate-ARM-vCPU-Hours:perCPU$/, priceKey: 'fargate.vcpu.arm64', billUnit: 'vCPU-hours', confidence: 'M', source: PRICE_LIST('AmazonECS') },
  { products: ['AmazonECS'], usageType: /^Fargate-ARM-GB-Hours$/, priceKey: 'fargate.memory.arm64', billUnit: 'GB-hours', confidence: 'M', source: PRICE_LIST('AmazonECS') },
];

/**
 * The products whose bill lines reconcile reads: every product above, plus AWS Batch and
 * Amazon Bedrock, which the estimate names but whose usage types it does not price. Rows of
 * any other product (Amazon EC2, Amazon RDS, ...) are skipped and counted.
 */
export const PRODUCT_NAMES: Readonly<Record<string, string>> = {
  AmazonStates: 'AWS Step Functions',
  AWSStepFunctions: 'AWS Step Functions',
  AWSLambda: 'AWS Lambda',
  AmazonS3: 'Amazon S3',
  AmazonCloudWatch: 'Amazon CloudWatch',
  AWSDataTransfer: 'AWS Data Transfer',
  AmazonDynamoDB: 'Amazon DynamoDB',
  AWSQueueService: 'Amazon SQS',
  AmazonSNS: 'Amazon SNS',
  AWSEvents: 'Amazon EventBridge',
  AmazonEventBridge: 'Amazon EventBridge',
  AmazonECS: 'Amazon ECS (AWS Fargate)',
  AWSBatch: 'AWS Batch',
  AmazonBedrock: 'Amazon Bedrock',
};

/** Line item types that are usage at on-demand rates (the rest are listed as adjustments). */
export const USAGE_LINE_ITEM_TYPE = 'Usage';
/** Usage covered by a Savings Plan or a reservation: compared only with --include-covered. */
export const COVERED_LINE_ITEM_TYPES: readonly string[] = ['SavingsPlanCoveredUsage', 'DiscountedUsage'];
