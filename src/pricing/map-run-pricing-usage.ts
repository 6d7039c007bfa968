/**
 * The usage of one simulated Map Run in the units the catalogue prices, each quantity
 * with the derivation a reviewer can check.
 */
import type { MapRunUsage } from '../model/index.js';
import { Money, plain } from './decimal.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';

/** 1 GB for CloudWatch Logs and data transfer: 2^30 bytes, as AWS counts storage (pricing.md §6). */
const BYTES_PER_GB = 1024 ** 3;

export function usageFromMapRun(usage: MapRunUsage, region: string): PricingUsage {
  const quantities: UsageQuantity[] = [];
  const add = (key: UsageQuantity['key'], quantity: Money, derivation: string) => {
    if (quantity.greaterThan(0)) quantities.push({ key, quantity: plain(quantity), derivation });
  };
  const { lambda, stepFunctions: sfn, s3, derived } = usage;
  const lambdaSeconds = new Money(lambda.billedDurationMs).dividedBy(1000);
  add('stepFunctions.standard.transition', new Money(sfn.parentTransitions).plus(sfn.childTransitions), `${sfn.parentTransitions} parent (Map state + 1 per child started) + ${sfn.childTransitions} in Standard children`);
  add('stepFunctions.express.request', new Money(sfn.expressRequests), `${sfn.expressRequests} Express child executions`);
  add(
    'stepFunctions.express.duration',
    new Money(sfn.expressBilledDurationMs).dividedBy(1000).times(sfn.expressBilledMemoryMb).dividedBy(1024).dividedBy(3600),
    `${sfn.expressBilledDurationMs} billed ms (each child rounded up to 100 ms) × ${sfn.expressBilledMemoryMb}/1024 GB ÷ 3,600`,
  );
  add('lambda.request', new Money(lambda.requests), `${lambda.requests} invocations (retries included; ${lambda.throttledAttempts} throttled attempts are not billed)`);
  add(
    `lambda.duration.${lambda.architecture}`,
    lambdaSeconds.times(lambda.memoryMb).dividedBy(1024),
    `${lambda.billedDurationMs} billed ms (each invocation rounded up to 1 ms, ${lambda.initBilledDurationMs} ms of it INIT on ${lambda.coldStarts} cold starts) × ${lambda.memoryMb}/1024 GB`,
  );
  add(
    'lambda.ephemeralStorage',
    lambdaSeconds.times(Math.max(0, lambda.ephemeralStorageMb - 512)).dividedBy(1024),
    `${lambda.billedDurationMs} billed ms × (${lambda.ephemeralStorageMb} − 512)/1024 GB`,
  );
  add('s3.request.putCopyPostList', new Money(s3.listRequests).plus(s3.putRequests), `${s3.listRequests} LIST (ItemReader) + ${s3.putRequests} PUT (ResultWriter)`);
  add('s3.request.getSelectOther', new Money(s3.getRequests), `${s3.getRequests} GET (ItemReader)`);
  add('cloudwatchLogs.ingestion', new Money(derived.cloudwatchLogsBytes).dividedBy(BYTES_PER_GB), `${derived.cloudwatchLogsBytes} bytes logged ÷ 2^30`);
  add('dataTransfer.interRegion', new Money(derived.interRegionBytes).dividedBy(BYTES_PER_GB), `${derived.interRegionBytes} bytes to another Region ÷ 2^30`);
  return { region, quantities };
}
