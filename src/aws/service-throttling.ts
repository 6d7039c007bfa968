/**
 * The error name Step Functions reports when a service a task calls throttles it.
 *
 * AWS SDK integrations: "the resulting Error field will be composed of the service name
 * and the error name, separated by a period: ServiceName.ErrorName. Both ... in Pascal
 * case", with the `Exception` suffix added where the service's own name lacks it
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 * Optimised integrations name errors after the service as AWS spells it
 * (DynamoDB.*, https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html).
 */
import { throttleErrorFor as knownThrottleError } from './service-integrations.js';
import type { TaskResource } from './task-resource.js';

/** The throttling error of the service a task calls; a generic ThrottlingException when AWS names none. */
export function throttleErrorFor(resource: TaskResource): string {
  return knownThrottleError(resource.service, resource.sdk) ?? `${pascalCase(resource.service)}.ThrottlingException`;
}

/** `dynamodb` → `Dynamodb`, `bedrock-runtime` → `BedrockRuntime`: the SDK rule for names AWS lists nowhere else. */
function pascalCase(name: string): string {
  return name
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
