/**
 * The usage of one simulated Map Run in the units the catalogue prices: as bare
 * quantities (what a Monte Carlo replication prices) or each with the derivation a
 * reviewer can check (what a report shows). One table, so both say the same.
 */
import type { MapRunUsage } from '../model/index.js';
import type { KeyQuantity } from './charges.js';
import { Money, plain } from './decimal.js';
import type { PriceKey } from './price-keys.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';

/** 1 GB for CloudWatch Logs and data transfer: 2^30 bytes, as AWS counts storage (pricing.md §6). */
const BYTES_PER_GB = 1024 ** 3;

interface BilledQuantity {
  key: (u: MapRunUsage) => PriceKey;
  quantity: (u: MapRunUsage) => Money;
  derivation: (u: MapRunUsage) => string;
}

const lambdaSeconds = (u: MapRunUsage) => new Money(u.lambda.billedDurationMs).dividedBy(1000);

/** In PRICE_KEYS order, so lines come out in a stable order. */
const BILLED: BilledQuantity[] = [
  {
    key: () => 'stepFunctions.standard.transition',
    quantity: ({ stepFunctions: sfn }) => new Money(sfn.parentTransitions).plus(sfn.childTransitions),
    derivation: ({ stepFunctions: sfn }) => `${sfn.parentTransitions} parent (Map state + 1 per child started) + ${sfn.childTransitions} in Standard children`,
  },
  {
    key: () => 'stepFunctions.express.request',
    quantity: ({ stepFunctions: sfn }) => new Money(sfn.expressRequests),
    derivation: ({ stepFunctions: sfn }) => `${sfn.expressRequests} Express child executions`,
  },
  {
    key: () => 'stepFunctions.express.duration',
    quantity: ({ stepFunctions: sfn }) => new Money(sfn.expressBilledDurationMs).dividedBy(1000).times(sfn.expressBilledMemoryMb).dividedBy(1024).dividedBy(3600),
    derivation: ({ stepFunctions: sfn }) => `${sfn.expressBilledDurationMs} billed ms (each child rounded up to 100 ms) × ${sfn.expressBilledMemoryMb}/1024 GB ÷ 3,600`,
  },
  {
    key: () => 'lambda.request',
    quantity: ({ lambda }) => new Money(lambda.requests),
    derivation: ({ lambda }) => `${lambda.requests} invocations (retries included; ${lambda.throttledAttempts} throttled attempts are not billed)`,
  },
  {
    key: ({ lambda }) => `lambda.duration.${lambda.architecture}`,
    quantity: (u) => lambdaSeconds(u).times(u.lambda.memoryMb).dividedBy(1024),
    derivation: ({ lambda }) =>
      `${lambda.billedDurationMs} billed ms (each invocation rounded up to 1 ms, ${lambda.initBilledDurationMs} ms of it INIT on ${lambda.coldStarts} cold starts) × ${lambda.memoryMb}/1024 GB`,
  },
  {
    key: () => 'lambda.ephemeralStorage',
    quantity: (u) => lambdaSeconds(u).times(Math.max(0, u.lambda.ephemeralStorageMb - 512)).dividedBy(1024),
    derivation: ({ lambda }) => `${lambda.billedDurationMs} billed ms × (${lambda.ephemeralStorageMb} − 512)/1024 GB`,
  },
  {
    key: () => 's3.request.putCopyPostList',
    quantity: ({ s3 }) => new Money(s3.listRequests).plus(s3.putRequests),
    derivation: ({ s3 }) => `${s3.listRequests} LIST (ItemReader) + ${s3.putRequests} PUT (ResultWriter)`,
  },
  {
    key: () => 's3.request.getSelectOther',
    quantity: ({ s3 }) => new Money(s3.getRequests),
    derivation: ({ s3 }) => `${s3.getRequests} GET (ItemReader)`,
  },
  {
    key: () => 'cloudwatchLogs.ingestion',
    quantity: ({ derived }) => new Money(derived.cloudwatchLogsBytes).dividedBy(BYTES_PER_GB),
    derivation: ({ derived }) => `${derived.cloudwatchLogsBytes} bytes logged ÷ 2^30`,
  },
  {
    key: () => 'dataTransfer.interRegion',
    quantity: ({ derived }) => new Money(derived.interRegionBytes).dividedBy(BYTES_PER_GB),
    derivation: ({ derived }) => `${derived.interRegionBytes} bytes to another Region ÷ 2^30`,
  },
];

/** The run's billed quantities, times `runsPerMonth` (tiers apply to the month); zeros left out. */
export function mapRunQuantities(usage: MapRunUsage, runsPerMonth = 1): KeyQuantity[] {
  const quantities: KeyQuantity[] = [];
  for (const billed of BILLED) {
    const quantity = billed.quantity(usage);
    if (quantity.greaterThan(0)) quantities.push({ key: billed.key(usage), quantity: runsPerMonth === 1 ? quantity : quantity.times(runsPerMonth) });
  }
  return quantities;
}

/** The run's billed quantities with their derivations in words, for the cost lines. */
export function usageFromMapRun(usage: MapRunUsage, region: string): PricingUsage {
  const quantities: UsageQuantity[] = [];
  for (const billed of BILLED) {
    const quantity = billed.quantity(usage);
    if (quantity.greaterThan(0)) quantities.push({ key: billed.key(usage), quantity: plain(quantity), derivation: billed.derivation(usage) });
  }
  return { region, quantities };
}
