/**
 * Which price key a non-Lambda Task state's calls bill, and by what: per call, per item
 * or per request unit. Only services the catalogue prices are listed; any other call is
 * billed on an explicit `other.request` line, reported UNPRICED, never as $0.
 * - DynamoDB on demand bills request units: one write unit per item up to 1 KB, one read
 *   unit per strongly consistent read up to 4 KB (the task's `unitsPerItem` says how many)
 *   https://aws.amazon.com/dynamodb/pricing/on-demand/ ;
 * - SQS, SNS: per request (a SendMessageBatch or PublishBatch of up to 10 is one request,
 *   per 64 KB chunk) https://aws.amazon.com/sqs/pricing/ https://aws.amazon.com/sns/pricing/ ;
 * - EventBridge PutEvents: per event (each entry) https://aws.amazon.com/eventbridge/pricing/ ;
 * - S3: GET and other reads, PUT/COPY/POST/LIST, DELETE (free) https://aws.amazon.com/s3/pricing/ ;
 * - Batch: no charge of its own; Bedrock: per token, so its line stays UNPRICED.
 */
import type { TaskResource } from '../aws/task-resource.js';
import type { PriceKey } from './price-keys.js';

export interface ServicePriceKey {
  key: PriceKey;
  per: 'call' | 'item' | 'unit';
}

// PartiQL (executeStatement) bills reads or writes depending on the statement: left unpriced.
const DYNAMODB_WRITES = /^(putItem|updateItem|deleteItem|batchWriteItem|transactWriteItems)$/;
const DYNAMODB_READS = /^(getItem|query|scan|batchGetItem|transactGetItems)$/;
// S3 bills PUT, COPY, POST and LIST in one class, DELETE free, and "GET, SELECT and all other requests" in another.
const S3_PUT_CLASS = /^(put|copy|list|post|create|upload|complete)/;
const S3_DELETE_CLASS = /^(delete|abortMultipartUpload$)/;

export function servicePriceKey(resource: TaskResource): ServicePriceKey | undefined {
  const { service, action } = resource;
  switch (service) {
    case 'dynamodb':
      if (DYNAMODB_WRITES.test(action)) return { key: 'dynamodb.onDemand.writeRequestUnit', per: 'unit' };
      if (DYNAMODB_READS.test(action)) return { key: 'dynamodb.onDemand.readRequestUnit', per: 'unit' };
      return undefined;
    case 's3':
      if (S3_DELETE_CLASS.test(action)) return { key: 's3.request.deleteCancel', per: 'call' };
      if (S3_PUT_CLASS.test(action)) return { key: 's3.request.putCopyPostList', per: 'call' };
      return { key: 's3.request.getSelectOther', per: 'call' };
    case 'sqs':
      return action.startsWith('sendMessage') ? { key: 'sqs.request.standard', per: 'call' } : undefined;
    case 'sns':
      return action.startsWith('publish') ? { key: 'sns.request.publish', per: 'call' } : undefined;
    case 'events':
    case 'eventbridge':
      return action === 'putEvents' ? { key: 'eventbridge.event.custom', per: 'item' } : undefined;
    case 'lambda':
      // lambda:invoke.waitForTaskToken: the invocation's request; its duration is the function's, not described here.
      return action === 'invoke' ? { key: 'lambda.request', per: 'call' } : undefined;
    case 'batch':
      return action === 'submitJob' ? { key: 'batch.job', per: 'call' } : undefined;
    case 'bedrock':
    case 'bedrockruntime':
      return action.startsWith('invokeModel') || action === 'converse' ? { key: 'bedrock.invokeModel.request', per: 'call' } : undefined;
    default:
      return undefined;
  }
}
