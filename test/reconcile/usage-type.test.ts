import { describe, expect, it } from 'vitest';
import { PRICE_KEY_NAMES } from '../../src/pricing/price-keys.js';
import { mappingsOf, splitUsageType } from '../../src/reconcile/usage-type.js';
import { USAGE_TYPE_MAPPINGS } from '../../src/reconcile/usage-type-map.js';

describe('splitUsageType', () => {
  it.each([
    ['USE1-Lambda-GB-Second', 'us-east-1', 'Lambda-GB-Second'],
    ['USW2-Request-ARM', 'us-west-2', 'Request-ARM'],
    ['EU-StateTransition', 'eu-west-1', 'StateTransition'],
    ['APS3-StepFunctions-GB-Second', 'ap-south-1', 'StepFunctions-GB-Second'],
    ['USE1-USW2-AWS-Out-Bytes', 'us-east-1', 'USW2-AWS-Out-Bytes'],
    ['Requests-Tier1', undefined, 'Requests-Tier1'],
    ['BoxUsage:t3.micro', undefined, 'BoxUsage:t3.micro'],
    ['Global-Request', undefined, 'Global-Request'],
  ])('%s → %s, %s', (usageType, region, base) => {
    expect(splitUsageType(usageType)).toEqual({ region, base });
  });
});

describe('the usage type map', () => {
  it.each([
    ['AmazonStates', 'StateTransition', 'stepFunctions.standard.transition'],
    ['AmazonStates', 'StepFunctions-Request', 'stepFunctions.express.request'],
    ['AmazonStates', 'StepFunctions-GB-Second', 'stepFunctions.express.duration'],
    ['AWSLambda', 'Request', 'lambda.request'],
    ['AWSLambda', 'Request-ARM', 'lambda.request'],
    ['AWSLambda', 'Lambda-GB-Second', 'lambda.duration.x86_64'],
    ['AWSLambda', 'Lambda-GB-Second-ARM', 'lambda.duration.arm64'],
    ['AWSLambda', 'Lambda-Storage-GB-Second', 'lambda.ephemeralStorage'],
    ['AmazonS3', 'Requests-Tier1', 's3.request.putCopyPostList'],
    ['AmazonS3', 'Requests-Tier2', 's3.request.getSelectOther'],
    ['AmazonCloudWatch', 'DataProcessing-Bytes', 'cloudwatchLogs.ingestion'],
    ['AWSDataTransfer', 'USW2-AWS-Out-Bytes', 'dataTransfer.interRegion'],
    ['AmazonDynamoDB', 'WriteRequestUnits', 'dynamodb.onDemand.writeRequestUnit'],
    ['AWSQueueService', 'Requests-RBP', 'sqs.request.standard'],
    ['AWSQueueService', 'Requests-FIFO-Tier1', 'sqs.request.fifo'],
    ['AmazonSNS', 'Requests-Tier1', 'sns.request.publish'],
    ['AWSEvents', 'Event-64K-Chunks', 'eventbridge.event.custom'],
    ['AmazonECS', 'Fargate-ARM-GB-Hours', 'fargate.memory.arm64'],
  ])('%s %s bills %s', (product, base, key) => {
    expect(mappingsOf(product, base).map((m) => m.priceKey)).toEqual([key]);
  });

  it('leaves usage types dmap does not price unmapped', () => {
    expect(mappingsOf('AWSLambda', 'Lambda-Provisioned-Concurrency')).toEqual([]);
    expect(mappingsOf('AmazonS3', 'TimedStorage-ByteHrs')).toEqual([]);
    expect(mappingsOf('AmazonEC2', 'BoxUsage:t3.micro')).toEqual([]);
  });

  it('gives every product and usage type one price key at most', () => {
    const products = new Set(USAGE_TYPE_MAPPINGS.flatMap((m) => m.products));
    const samples = ['StateTransition', 'StepFunctions-Request', 'StepFunctions-GB-Second', 'Request', 'Request-ARM', 'Lambda-GB-Second', 'Lambda-GB-Second-ARM', 'Lambda-Storage-GB-Second-ARM', 'Requests-Tier1', 'Requests-Tier2', 'Requests-RBP', 'Requests-FIFO-RBP', 'DataProcessing-Bytes', 'VendedLog-Bytes', 'USE2-AWS-Out-Bytes', 'WriteRequestUnits', 'ReadRequestUnits', 'Event-64K-Chunks', 'Fargate-vCPU-Hours:perCPU', 'Fargate-GB-Hours', 'Fargate-ARM-vCPU-Hours:perCPU', 'Fargate-ARM-GB-Hours'];
    for (const product of products) for (const base of samples) expect(mappingsOf(product, base).length, `${product} ${base}`).toBeLessThanOrEqual(1);
  });

  it('names only price keys that exist, each with a source and a confidence tag', () => {
    for (const m of USAGE_TYPE_MAPPINGS) {
      expect(PRICE_KEY_NAMES).toContain(m.priceKey);
      expect(m.source).toMatch(/^https:\/\//);
      expect(['H', 'M', 'L']).toContain(m.confidence);
    }
  });

  it('is ambiguous without a product where several services share a usage type', () => {
    expect(new Set(mappingsOf(undefined, 'Requests-Tier1').map((m) => m.priceKey))).toEqual(new Set(['s3.request.putCopyPostList', 'sqs.request.standard', 'sns.request.publish']));
  });
});
