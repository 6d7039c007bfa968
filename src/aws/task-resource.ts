/**
 * What a Task state's Resource ARN says about the task: which kind of work it is and its
 * service integration pattern. The ARN forms are AWS's:
 * - Lambda: `arn:aws:states:::lambda:invoke`, the function ARN itself, or the SDK form
 *   `arn:aws:states:::aws-sdk:lambda:invoke`;
 * - optimised integrations `arn:aws:states:::<service>:<action>` and AWS SDK integrations
 *   `arn:aws:states:::aws-sdk:<service>:<action>`
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html);
 * - the patterns: request-response (no suffix), run a job `.sync` (`.sync:2` for
 *   StartExecution returning JSON), wait for a callback `.waitForTaskToken`
 *   (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html);
 * - nested executions `arn:aws:states:::states:startExecution[.sync[:2]|.waitForTaskToken]`;
 * - HTTP tasks `arn:aws:states:::http:invoke`; activities `arn:aws:states:<region>:<account>:activity:<name>`.
 * Pure.
 */

export type TaskKindName = 'lambda' | 'service' | 'nested' | 'callback' | 'http' | 'job';
export type IntegrationPattern = 'request' | 'sync' | 'waitForTaskToken';

export interface TaskResource {
  kind: TaskKindName;
  pattern: IntegrationPattern;
  /** The service as written in the ARN (`dynamodb`, `s3`, `states`, `ecs`, ...); `lambda` for Lambda. */
  service: string;
  /** The API action (`batchWriteItem`, `invoke`, `startExecution`); '' for a bare function or activity ARN. */
  action: string;
  /** True for the AWS SDK form (`aws-sdk:`), whose error names differ from the optimised ones. */
  sdk: boolean;
}

const STATES_ARN = /^arn:aws[\w-]*:states:::(aws-sdk:)?([\w-]+):([\w]+)(\.sync(?::2)?|\.waitForTaskToken)?$/;
const LAMBDA_FUNCTION_ARN = /^arn:aws[\w-]*:lambda:/;
const ACTIVITY_ARN = /^arn:aws[\w-]*:states:[^:]*:[^:]*:activity:/;

/** Services whose `.sync` integration runs a job the task waits for. */
const JOB_SERVICES = new Set(['ecs', 'batch', 'glue', 'athena', 'codebuild', 'emr', 'emr-containers', 'emr-serverless', 'sagemaker', 'databrew', 'eks', 'mediaconvert']);

/** Classifies a Resource ARN; undefined when it is not one Step Functions accepts. */
export function parseTaskResource(resource: string): TaskResource | undefined {
  if (LAMBDA_FUNCTION_ARN.test(resource)) return { kind: 'lambda', pattern: 'request', service: 'lambda', action: '', sdk: false };
  if (ACTIVITY_ARN.test(resource)) return { kind: 'callback', pattern: 'waitForTaskToken', service: 'activity', action: '', sdk: false };
  const match = STATES_ARN.exec(resource);
  if (!match) return undefined;
  const sdk = match[1] !== undefined;
  const service = match[2] as string;
  const action = match[3] as string;
  const suffix = match[4];
  const pattern: IntegrationPattern = suffix === undefined ? 'request' : suffix === '.waitForTaskToken' ? 'waitForTaskToken' : 'sync';
  const base = { pattern, service, action, sdk };
  if ((service === 'states' || service === 'sfn') && action === 'startExecution') return { kind: 'nested', ...base };
  if (pattern === 'waitForTaskToken') return { kind: 'callback', ...base };
  if (service === 'lambda' && action === 'invoke') return { kind: 'lambda', ...base };
  if (service === 'http' && action === 'invoke') return { kind: 'http', ...base };
  if (pattern === 'sync' && JOB_SERVICES.has(service)) return { kind: 'job', ...base };
  return { kind: 'service', ...base };
}

/** `dynamodb:batchWriteItem`, `lambda:invoke`, `states:startExecution.sync:2`: how reports name a task's call. */
export function describeTaskResource(resource: string): string {
  const match = STATES_ARN.exec(resource);
  if (match) return `${match[1] ?? ''}${match[2]}:${match[3]}${match[4] ?? ''}`;
  if (LAMBDA_FUNCTION_ARN.test(resource)) return 'lambda (function ARN)';
  return resource;
}
