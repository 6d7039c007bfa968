/**
 * What Step Functions and the called services do when a child workflow's Task state calls
 * something other than Lambda: the error name a throttled call fails with, the default
 * request quotas a Map Run runs into, batch sizes, and the Step Functions rules (integration
 * patterns per workflow type, timeouts, how transitions are billed) that shape such a child.
 * Pure data plus small lookups, each number with its source and a confidence tag:
 *   [H] documented by AWS (a docs or pricing page, an AWS Knowledge Center article);
 *   [M] widely observed, an AWS sample, or a rule applied to a documented name;
 *   [L] one third-party source or an assumption.
 * Where AWS publishes no fixed default, the field is absent and the scenario must give one.
 * Research log: src/pricing/catalogues/RESEARCH-NOTES.md ("Child tasks that call other services").
 */
import { startExecutionQuota, type TokenBucketQuota } from './quotas.js';
import type { TaskResource } from './task-resource.js';
import { ownValue } from '../own-key.js';

export type Confidence = 'H' | 'M' | 'L';

/** A number with what it counts, where it comes from and how sure we are. */
export interface SourcedLimit {
  value: number;
  /** What is limited, in words ("write request units per second per on-demand table"). */
  what: string;
  source: string;
  confidence: Confidence;
}

export interface ThrottleError {
  /** Error name with an AWS SDK integration, `arn:aws:states:::aws-sdk:<service>:<action>`. */
  sdk: string;
  /** Error name with the optimised integration (`arn:aws:states:::dynamodb:putItem`), where there is one and it is known. */
  optimised?: string;
  /** Other names the same throttling can surface as (e.g. DynamoDB's three throttling exceptions). */
  alternatives?: readonly string[];
  source: string;
  confidence: Confidence;
  note?: string;
}

export interface ServiceIntegrationFacts {
  /** Key of this record: the service name of the optimised ARN when there is one, else the AWS SDK one. */
  service: string;
  /** Names of the service as they appear in Resource ARNs: `arn:aws:states:::<optimised>:...` and `arn:aws:states:::aws-sdk:<sdk>:...`. */
  arnNames: { optimised?: string; sdk?: string };
  displayName: string;
  /** Prefix of error names from the AWS SDK integration (`DynamoDb` in `DynamoDb.ConditionalCheckFailedException`). */
  sdkErrorPrefix: string;
  /** Error a throttled call fails with, as Step Functions reports it. */
  throttleError: ThrottleError;
  /** Default request-rate quota relevant to a Map Run; absent when AWS publishes no single default. */
  defaultRateLimitPerSecond?: SourcedLimit;
  /** Default limit on calls or jobs in flight; absent when AWS publishes no single default. */
  defaultConcurrencyLimit?: SourcedLimit;
  /** Batch sizes and other per-call limits (items per BatchWriteItem, keys per DeleteObjects, ...). */
  otherLimits?: readonly SourcedLimit[];
  notes?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const SFN = 'https://docs.aws.amazon.com/step-functions/latest/dg';
/** Service names, ARN syntax, the `ServiceName.ErrorName` rule (service name in Pascal case) and the
 *  per-service "Exception prefix" table. The table was read in the AWS docs repository
 *  (awsdocs/aws-step-functions-developer-guide, doc_source/supported-services-awssdk.md, archived
 *  June 2023); the rule itself is on the current page. [H] */
const SDK_INTEGRATIONS = `${SFN}/supported-services-awssdk.html`;
/** Integration patterns per workflow type. [H] */
const ERROR_HANDLING = `${SFN}/concepts-error-handling.html`;

// ---------------------------------------------------------------------------------------------
// Rules: error names
// ---------------------------------------------------------------------------------------------

/**
 * AWS SDK integrations report errors as `ServiceName.ErrorName`, both in Pascal case; the
 * service name is the table's "Exception prefix" (`DynamoDb`, `Sqs`, `S3`, `Sfn`, ...), not the
 * lower-case name in the ARN. AWS adds: always give the `Exception` suffix, even where the
 * service's API reference omits it (S3's `BucketAlreadyExists` is `S3.BucketAlreadyExistsException`). [H]
 * Optimised integrations use their own prefixes, which differ for some services
 * (`DynamoDB.` vs SDK `DynamoDb.`; ECS `AmazonECS.Unknown`). [H] for the examples named in the notes.
 */
/** `ServiceName.ErrorName` for an AWS SDK integration, adding the `Exception` suffix when absent. [H] rule */
export function sdkErrorName(prefix: string, error: string): string {
  return `${prefix}.${error.endsWith('Exception') ? error : `${error}Exception`}`;
}

// ---------------------------------------------------------------------------------------------
// Per-service facts
// ---------------------------------------------------------------------------------------------

const DDB_ERRORS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html';
const DDB_QUOTAS = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html';
const S3_PERFORMANCE = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html';
const SQS_MESSAGE_QUOTAS = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html';
const SQS_FIFO_THROTTLING = 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-fifo-throttling-issues.html';
const EB_QUOTAS = 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html';
const ECS_THROTTLING = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/throttling.html';
const BATCH_QUOTAS = 'https://docs.aws.amazon.com/batch/latest/userguide/service_limits.html';

export const SERVICE_INTEGRATIONS: Readonly<Record<string, ServiceIntegrationFacts>> = {
  dynamodb: {
    service: 'dynamodb',
    arnNames: { optimised: 'dynamodb', sdk: 'dynamodb' },
    displayName: 'Amazon DynamoDB',
    sdkErrorPrefix: 'DynamoDb',
    throttleError: {
      sdk: 'DynamoDb.ProvisionedThroughputExceededException',
      optimised: 'DynamoDB.ProvisionedThroughputExceededException',
      alternatives: [
        'DynamoDb.ThrottlingException',
        'DynamoDb.RequestLimitExceeded',
        'DynamoDB.ThrottlingException',
        'DynamoDB.RequestLimitExceeded',
      ],
      source: DDB_ERRORS,
      confidence: 'M',
      note:
        'DynamoDB throttles with ProvisionedThroughputExceededException (table or index capacity), ThrottlingException ' +
        '(control-plane calls; on-demand tables for any data-plane call when the request rate is too high) and ' +
        'RequestLimitExceeded (account throughput quota); all "OK to retry" [H, ' + DDB_ERRORS + ']. ' +
        'SDK prefix `DynamoDb` [H, ' + SDK_INTEGRATIONS + ']; optimised prefix `DynamoDB` as in AWS examples ' +
        '`DynamoDB.AmazonDynamoDBException` (' + `${SFN}/synchronous-execution.html` + ') and ' +
        '`DynamoDB.ConditionalCheckFailedException` (aws-samples/aws-stepfunctions-examples, ' +
        'sam/app-control-concurrency-with-dynamodb) [M]. RequestLimitExceeded has no Exception suffix in the API; ' +
        'whether Step Functions appends one for it is not documented [L].',
    },
    defaultRateLimitPerSecond: {
      value: 40_000,
      what: 'write request units per second per on-demand table (table-level quota; reads: 40,000 read request units); provisioned tables use their provisioned capacity instead',
      source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode-max-throughput.html',
      confidence: 'H',
    },
    otherLimits: [
      { value: 25, what: 'PutItem or DeleteItem requests in one BatchWriteItem (total size at most 16 MB)', source: DDB_QUOTAS, confidence: 'H' },
      { value: 100, what: 'items in one BatchGetItem (total size at most 16 MB)', source: DDB_QUOTAS, confidence: 'H' },
      { value: 80_000, what: 'provisioned read (and write) capacity units per account and Region (provisioned mode only)', source: DDB_QUOTAS, confidence: 'H' },
    ],
    notes: [
      'On-demand tables also throttle when traffic more than doubles the previous peak within 30 minutes [M, https://repost.aws/questions/QUxpWRwkR9TtenaJqCLrVY3w/understanding-rcu-limits-in-on-demand-mode-for-dynamodb].',
      'A write request unit covers an item up to 1 KB, a read request unit a strongly consistent read up to 4 KB (half for eventually consistent, two for transactional) [H, https://aws.amazon.com/dynamodb/pricing/on-demand/].',
    ],
  },

  s3: {
    service: 's3',
    arnNames: { sdk: 's3' },
    displayName: 'Amazon S3',
    sdkErrorPrefix: 'S3',
    throttleError: {
      sdk: 'S3.SlowDownException',
      source: SDK_INTEGRATIONS,
      confidence: 'L',
      note:
        'S3 throttles with HTTP 503 "Slow Down" (error code SlowDown) [H, https://repost.aws/knowledge-center/http-5xx-errors-s3]. ' +
        'The name is AWS\'s SDK-integration rule applied to it (prefix S3, Exception suffix added); SlowDown is not a modelled ' +
        'S3 exception, so Step Functions may report it under a generic name instead. Not documented [L]. Tasks call S3 only ' +
        'through aws-sdk:s3 (the optimised s3:getObject/putObject/listObjectsV2 forms are ItemReader/ResultWriter resources).',
    },
    defaultRateLimitPerSecond: {
      value: 3_500,
      what: 'PUT/COPY/POST/DELETE requests per second per partitioned prefix ("at least"; S3 adds partitions as load grows)',
      source: S3_PERFORMANCE,
      confidence: 'H',
    },
    otherLimits: [
      { value: 5_500, what: 'GET/HEAD requests per second per partitioned prefix ("at least")', source: S3_PERFORMANCE, confidence: 'H' },
      { value: 1_000, what: 'keys in one DeleteObjects request', source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html', confidence: 'H' },
      { value: 1_000, what: 'keys per ListObjectsV2 page', source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html', confidence: 'H' },
    ],
    notes: [
      'Automatic partitioning after a sustained rise can take 30-60 minutes; until then a fast spike on one prefix gets 503 Slow Down [M, https://aws.amazon.com/premiumsupport/knowledge-center/s3-object-key-naming-pattern/].',
    ],
  },

  sqs: {
    service: 'sqs',
    arnNames: { optimised: 'sqs', sdk: 'sqs' },
    displayName: 'Amazon SQS',
    sdkErrorPrefix: 'Sqs',
    throttleError: {
      sdk: 'Sqs.ThrottlingException',
      source: SQS_FIFO_THROTTLING,
      confidence: 'L',
      note:
        'FIFO queues answer requests over their quota with ThrottlingException [H, ' + SQS_FIFO_THROTTLING + ']; the SDK name ' +
        'applies the prefix rule (Sqs) [M]. The optimised integration\'s name for it is not documented. Standard queues have no fixed quota.',
    },
    otherLimits: [
      { value: 10, what: 'messages in one SendMessageBatch (or DeleteMessageBatch / ChangeMessageVisibilityBatch) request', source: SQS_MESSAGE_QUOTAS, confidence: 'H' },
      { value: 300, what: 'transactions per second per API action (SendMessage, ReceiveMessage, DeleteMessage) on a FIFO queue without high throughput mode', source: SQS_FIFO_THROTTLING, confidence: 'H' },
      { value: 3_000, what: 'messages per second per API action on a FIFO queue without high throughput, using 10-message batches', source: SQS_FIFO_THROTTLING, confidence: 'H' },
    ],
    notes: [
      'Standard queues support a nearly unlimited number of API calls per second per action [H, ' + SQS_MESSAGE_QUOTAS + ']: no default rate to model.',
    ],
  },

  sns: {
    service: 'sns',
    arnNames: { optimised: 'sns', sdk: 'sns' },
    displayName: 'Amazon SNS',
    sdkErrorPrefix: 'Sns',
    throttleError: {
      sdk: 'Sns.ThrottledException',
      alternatives: ['Sns.ThrottlingException'],
      source: 'https://docs.aws.amazon.com/botocore/latest/reference/services/sns/client/exceptions/ThrottledException.html',
      confidence: 'L',
      note:
        'The SNS API models a ThrottledException ("the rate at which requests have been submitted for this action exceeds the ' +
        'limit for your AWS account") [H]; the Knowledge Center shows "ThrottlingException ... Rate exceeded" for Publish ' +
        '[H, https://repost.aws/knowledge-center/sns-throttling-exception-errors]. Which one Step Functions reports is not documented.',
    },
    otherLimits: [
      { value: 10, what: 'messages in one PublishBatch request (total payload at most 256 KiB by default)', source: 'https://docs.aws.amazon.com/sns/latest/dg/sns-batch-api-actions.html', confidence: 'H' },
    ],
    notes: [
      'Publish is throttled per account and Region at a quota that depends on the Region (table at https://docs.aws.amazon.com/general/latest/gr/sns.html); the values could not be read from the stored copies, so no default is given.',
    ],
  },

  events: {
    service: 'events',
    arnNames: { optimised: 'events', sdk: 'eventbridge' },
    displayName: 'Amazon EventBridge',
    sdkErrorPrefix: 'EventBridge',
    throttleError: {
      sdk: 'EventBridge.ThrottlingException',
      optimised: 'EventBridge.FailedEntry',
      source: `${SFN}/connect-eventbridge.html`,
      confidence: 'M',
      note:
        'The optimised events:putEvents task fails with EventBridge.FailedEntry whenever FailedEntryCount > 0, throttled entries ' +
        'included, and a retry resends the whole original array [H]. The SDK name applies the prefix rule to the common ' +
        'ThrottlingException [L].',
    },
    defaultRateLimitPerSecond: {
      value: 10_000,
      what: 'PutEvents requests per second per account in us-east-1 (Region-dependent, adjustable; see EVENTBRIDGE_PUT_EVENTS_TPS_BY_REGION)',
      source: EB_QUOTAS,
      confidence: 'H',
    },
    otherLimits: [{ value: 10, what: 'entries in one PutEvents request', source: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html', confidence: 'H' }],
    notes: ['The PutEvents quota is per account (all buses together), not per bus [M, https://repost.aws/questions/QU5JzyVY7uRa-HWDgpmMtd-w/does-putevents-throttle-limit-per-event-bus-or-per-whole-event-bridge].'],
  },

  bedrock: {
    service: 'bedrock',
    arnNames: { optimised: 'bedrock', sdk: 'bedrockruntime' },
    displayName: 'Amazon Bedrock (InvokeModel)',
    sdkErrorPrefix: 'BedrockRuntime',
    throttleError: {
      sdk: 'BedrockRuntime.ThrottlingException',
      optimised: 'Bedrock.ThrottlingException',
      source: 'https://repost.aws/knowledge-center/bedrock-throttling-error',
      confidence: 'L',
      note:
        'Bedrock throttles with ThrottlingException (HTTP 429) [H]. The SDK name applies the prefix rule with the SDK client ' +
        'name BedrockRuntime [L: the 2023 prefix table predates Bedrock]; the optimised name is what many public state ' +
        'machines retry on (third-party only) [L]. Neither is in AWS documentation we could find.',
    },
    notes: [
      'Quotas are per model and Region, in requests per minute and tokens per minute, applied separately [H, https://repost.aws/knowledge-center/bedrock-throttling-error]: no single default; the scenario must give the quota of the model it calls.',
    ],
  },

  ecs: {
    service: 'ecs',
    arnNames: { optimised: 'ecs', sdk: 'ecs' },
    displayName: 'Amazon ECS (RunTask, Fargate)',
    sdkErrorPrefix: 'Ecs',
    throttleError: {
      sdk: 'Ecs.ThrottlingException',
      optimised: 'ECS.AmazonECSException',
      source: ECS_THROTTLING,
      confidence: 'L',
      note:
        'Not documented. With the optimised ecs:runTask(.sync) integration a non-empty `Failures` field fails the task with ' +
        'AmazonECS.Unknown [H, ' + `${SFN}/connect-ecs.html` + ']; the throttle names are the prefix rule applied to the ' +
        'common ThrottlingException and a name seen in public state machines [L].',
    },
    defaultRateLimitPerSecond: {
      value: 20,
      what: 'RunTask API calls per second per account and Region on Fargate (burst 20, sustained 20); each call can launch up to 10 tasks',
      source: ECS_THROTTLING,
      confidence: 'H',
    },
    otherLimits: [
      { value: 100, what: 'Fargate task launches available at once (token bucket size) per account and Region, On-Demand and Spot each', source: ECS_THROTTLING, confidence: 'H' },
      { value: 20, what: 'Fargate task launches per second sustained (bucket refill) per account and Region', source: ECS_THROTTLING, confidence: 'H' },
      { value: 10, what: 'tasks launched by one RunTask call', source: ECS_THROTTLING, confidence: 'H' },
    ],
    notes: ['Fargate also caps concurrent running tasks (vCPU-based quota per Region); the default was not researched.'],
  },

  batch: {
    service: 'batch',
    arnNames: { optimised: 'batch', sdk: 'batch' },
    displayName: 'AWS Batch',
    sdkErrorPrefix: 'Batch',
    throttleError: {
      sdk: 'Batch.TooManyRequestsException',
      optimised: 'Batch.AWSBatchException',
      source: 'https://repost.aws/knowledge-center/aws-batch-requests-error',
      confidence: 'L',
      note:
        'AWS Batch throttles with "Too Many Requests (Service: AWSBatch; Status Code: 429; Error Code: TooManyRequestsException)" [H]. ' +
        'The Step Functions names are the prefix rule and a name seen in public state machines [L].',
    },
    defaultRateLimitPerSecond: { value: 50, what: 'SubmitJob transactions per second per account (fixed)', source: BATCH_QUOTAS, confidence: 'H' },
    otherLimits: [
      { value: 10_000, what: 'child jobs in one array job', source: BATCH_QUOTAS, confidence: 'H' },
      { value: 1_000_000, what: 'jobs in SUBMITTED state per Region', source: BATCH_QUOTAS, confidence: 'H' },
      { value: 30 * 1024, what: 'bytes of SubmitJob payload', source: BATCH_QUOTAS, confidence: 'H' },
    ],
  },

  states: {
    service: 'states',
    arnNames: { optimised: 'states', sdk: 'sfn' },
    displayName: 'AWS Step Functions (nested StartExecution)',
    sdkErrorPrefix: 'Sfn',
    throttleError: {
      sdk: 'Sfn.ThrottlingException',
      source: 'https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html',
      confidence: 'L',
      note:
        'StartExecution is a token bucket per account and Region (startExecutionQuota in quotas.ts) [H]. The error name is the ' +
        'prefix rule applied to the common ThrottlingException; the optimised integration\'s name is not documented [L]. ' +
        'Use nestedStartExecutionQuota(region, type) for the rate.',
    },
  },

  http: {
    service: 'http',
    arnNames: { optimised: 'http' },
    displayName: 'HTTP Task (http:invoke)',
    sdkErrorPrefix: 'States.Http',
    throttleError: {
      sdk: 'States.Http.StatusCode.429',
      optimised: 'States.Http.StatusCode.429',
      source: `${SFN}/connect-third-party-apis.html`,
      confidence: 'M',
      note:
        'A non-2xx response fails the task with States.Http.StatusCode.<code> (retried on 429/502/503/504 in many public ' +
        'state machines; emulators report the same names) [M]; an HTTP call still unanswered after 60 s fails with ' +
        'States.Http.Socket [H, ' + ERROR_HANDLING + ']. The called API\'s own quota is the scenario\'s to give.',
    },
    otherLimits: [{ value: 60, what: 'seconds an HTTP Task waits for the HTTP response before States.Http.Socket', source: ERROR_HANDLING, confidence: 'H' }],
  },

  glue: {
    service: 'glue',
    arnNames: { optimised: 'glue', sdk: 'glue' },
    displayName: 'AWS Glue',
    sdkErrorPrefix: 'Glue',
    throttleError: {
      sdk: 'Glue.ThrottlingException',
      source: SDK_INTEGRATIONS,
      confidence: 'L',
      note: 'Prefix Glue [H]; the throttle exception name and Glue\'s concurrency quotas were not researched.',
    },
  },

  athena: {
    service: 'athena',
    arnNames: { optimised: 'athena', sdk: 'athena' },
    displayName: 'Amazon Athena',
    sdkErrorPrefix: 'Athena',
    throttleError: {
      sdk: 'Athena.TooManyRequestsException',
      source: SDK_INTEGRATIONS,
      confidence: 'L',
      note: 'Prefix Athena [H]; the throttle exception name and Athena\'s query quotas were not researched.',
    },
  },

  lambda: {
    service: 'lambda',
    arnNames: { optimised: 'lambda', sdk: 'lambda' },
    displayName: 'AWS Lambda (Invoke)',
    sdkErrorPrefix: 'Lambda',
    throttleError: {
      sdk: 'Lambda.TooManyRequestsException',
      optimised: 'Lambda.TooManyRequestsException',
      source: ERROR_HANDLING,
      confidence: 'H',
      note: 'Same prefix for lambda:invoke and aws-sdk:lambda:invoke [H, ' + SDK_INTEGRATIONS + ']. Concurrency and scaling: quotas.ts.',
    },
    defaultConcurrencyLimit: {
      value: 1_000,
      what: 'concurrent executions per account and Region (LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY)',
      source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
      confidence: 'H',
    },
  },
};

/** ARN service names that name the same service as a key of SERVICE_INTEGRATIONS. */
const ALIASES: Readonly<Record<string, string>> = { eventbridge: 'events', bedrockruntime: 'bedrock', sfn: 'states' };

/** Facts for the service named in a Resource ARN (`dynamodb`, `aws-sdk:` names like `eventbridge`, `sfn`); undefined when not covered. */
export function serviceIntegration(arnService: string): ServiceIntegrationFacts | undefined {
  return ownValue(SERVICE_INTEGRATIONS, ownValue(ALIASES, arnService) ?? arnService);
}

/**
 * The error name Step Functions reports when the called service throttles, for a task whose
 * Resource names `arnService` with (`sdk`) or without the `aws-sdk:` form. Undefined when the
 * service is not covered or the optimised name is not known; see the entry's confidence.
 */
export function throttleErrorFor(arnService: string, sdk: boolean): string | undefined {
  const facts = serviceIntegration(arnService);
  if (!facts) return undefined;
  return sdk ? facts.throttleError.sdk : facts.throttleError.optimised;
}

/**
 * The error a throttled call of this task fails with: the name above, or for a service not
 * covered, the SDK rule applied to a generic `Throttling` (`BedrockAgent.ThrottlingException`). [L]
 */
export function throttleErrorOf(resource: TaskResource): string {
  return throttleErrorFor(resource.service, resource.sdk) ?? sdkErrorName(pascalCase(resource.service), 'Throttling');
}

/** `bedrock-agent` → `BedrockAgent`: an ARN's service name in Pascal case, as error prefixes are written. */
function pascalCase(name: string): string {
  return name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** PutEvents quota by Region, requests per second per account; other Regions: not sourced. [H]
 *  https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html (values read from a stored copy,
 *  https://docs.amazonaws.cn/eventbridge/latest/userguide/eb-quota.html; the current English page is being
 *  restructured around "Custom Event Bus" quotas, so check before relying on other Regions) */
export const EVENTBRIDGE_PUT_EVENTS_TPS_BY_REGION: Readonly<Record<string, number>> = {
  'us-east-1': 10_000,
  'us-east-2': 2_400,
};

/** The StartExecution token bucket a nested child (states:startExecution) draws on. [H] quotas.ts */
export function nestedStartExecutionQuota(region: string, childType: 'STANDARD' | 'EXPRESS'): TokenBucketQuota {
  return startExecutionQuota(region, childType);
}

// ---------------------------------------------------------------------------------------------
// Rules: integration patterns and workflow types
// ---------------------------------------------------------------------------------------------

export type IntegrationPatternName = 'request' | 'sync' | 'waitForTaskToken';

/** Express workflows support only Request Response: no Run a Job (.sync), no Wait for
 *  Callback (.waitForTaskToken). Standard supports all three where the service does. [H]
 *  https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
 *  https://docs.aws.amazon.com/step-functions/latest/dg/connect-supported-services.html */
export const EXPRESS_UNSUPPORTED_PATTERNS: ReadonlySet<IntegrationPatternName> = new Set(['sync', 'waitForTaskToken']);

/** AWS SDK integrations: Request Response in Standard and Express, .waitForTaskToken in
 *  Standard only, .sync never. [H] same pages. */
export const SDK_INTEGRATION_PATTERNS: Readonly<Record<'STANDARD' | 'EXPRESS', ReadonlySet<IntegrationPatternName>>> = {
  STANDARD: new Set(['request', 'waitForTaskToken']),
  EXPRESS: new Set(['request']),
};

/** Whether a workflow type can run a task with this pattern. [H] */
export function patternSupported(workflowType: 'STANDARD' | 'EXPRESS', pattern: IntegrationPatternName, sdk: boolean): boolean {
  if (sdk) return SDK_INTEGRATION_PATTERNS[workflowType].has(pattern);
  return workflowType === 'STANDARD' || !EXPRESS_UNSUPPORTED_PATTERNS.has(pattern);
}

// ---------------------------------------------------------------------------------------------
// Rules: Map and Parallel
// ---------------------------------------------------------------------------------------------

/** An Inline Map runs at most 40 iterations at once ("supports up to 40 concurrent
 *  iterations"); its iterations' history goes into the parent's execution history. [H]
 *  https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html */
export const INLINE_MAP_MAX_CONCURRENCY = 40;


// ---------------------------------------------------------------------------------------------
// Rules: timeouts and heartbeats
// ---------------------------------------------------------------------------------------------

/** A Task that sends no heartbeat for longer than HeartbeatSeconds fails with
 *  States.HeartbeatTimeout (matchable in Retry and Catch). HeartbeatSeconds must be smaller than
 *  TimeoutSeconds; SendTaskHeartbeat resets the clock; TimeoutSeconds is the maximum duration
 *  whatever the heartbeats. Heartbeats apply to activities, .waitForTaskToken and optionally .sync
 *  tasks. [H] concepts-error-handling.html;
 *  https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html */
export const HEARTBEAT_TIMEOUT_ERROR = 'States.HeartbeatTimeout';

/** An HTTP Task fails with States.Http.Socket when the HTTP call is not answered within 60 s. [H]
 *  https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html */
export const HTTP_TASK_TIMEOUT_SECONDS = 60;
export const HTTP_SOCKET_ERROR = 'States.Http.Socket';

/**
 * Account-wide API rate limits a Map Run's children share whatever resource they name, applied
 * when a task gives no quota of its own: ECS RunTask, AWS Batch SubmitJob, EventBridge PutEvents
 * (by Region, where sourced). Calls per second, with a burst of one second's worth. [H] above.
 */
export function accountApiRateLimit(arnService: string, action: string, region: string): SourcedLimit | undefined {
  const facts = serviceIntegration(arnService);
  if (!facts?.defaultRateLimitPerSecond) return undefined;
  if (facts.service === 'ecs' && action === 'runTask') return facts.defaultRateLimitPerSecond;
  if (facts.service === 'batch' && action === 'submitJob') return facts.defaultRateLimitPerSecond;
  if (facts.service === 'events' && action === 'putEvents') {
    const perSecond = ownValue(EVENTBRIDGE_PUT_EVENTS_TPS_BY_REGION, region);
    return perSecond === undefined ? undefined : { ...facts.defaultRateLimitPerSecond, value: perSecond, what: `PutEvents requests per second per account in ${region}` };
  }
  return undefined;
}
