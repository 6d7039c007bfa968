/**
 * The usage of one simulated Map Run in the units the catalogue prices: as bare
 * quantities (what a Monte Carlo replication prices) or each with the derivation a
 * reviewer can check (what a report shows). One table, so both say the same.
 *
 * Several parts of a run can bill the same price key (two functions on the same
 * architecture, nested executions and the children's own transitions): their quantities
 * are added, and the derivation names each part.
 */
import type { LambdaUsage, MapRunUsage, ServiceTaskUsage } from '../model/index.js';
import { lambdaUsages } from '../model/index.js';
import { parseTaskResource } from '../aws/task-resource.js';
import type { KeyQuantity } from './charges.js';
import { Money, plain } from './decimal.js';
import { PRICE_KEY_NAMES, type PriceKey } from './price-keys.js';
import type { PricingUsage, UsageQuantity } from './pricing-usage.js';
import { servicePriceKey } from './service-price-keys.js';

/** 1 GB for CloudWatch Logs and data transfer: 2^30 bytes, as AWS counts storage (pricing.md §6). */
const BYTES_PER_GB = 1024 ** 3;
const SECONDS_PER_HOUR = 3600;

interface Contribution {
  key: PriceKey;
  quantity: Money;
  derivation: () => string;
}

const lambdaSeconds = (fn: LambdaUsage) => new Money(fn.billedDurationMs).dividedBy(1000);
/** '' for the only function (the words the short form always had), else ` of function <name>`. */
const named = (u: MapRunUsage, fn: LambdaUsage) =>
  u.functions === undefined ? '' : u.lambda === fn ? ' of the lambda block\'s function' : ` of function ${Object.entries(u.functions).find(([, f]) => f === fn)?.[0]}`;

/** Everything the run bills, one entry per part of the run that bills it. */
function contributions(u: MapRunUsage): Contribution[] {
  const sfn = u.stepFunctions;
  const out: Contribution[] = [
    {
      key: 'stepFunctions.standard.transition',
      quantity: new Money(sfn.parentTransitions).plus(sfn.childTransitions),
      derivation: () => `${sfn.parentTransitions} parent (Map state + 1 per child started) + ${sfn.childTransitions} in Standard children`,
    },
    { key: 'stepFunctions.express.request', quantity: new Money(sfn.expressRequests), derivation: () => `${sfn.expressRequests} Express child executions` },
    {
      key: 'stepFunctions.express.duration',
      quantity: new Money(sfn.expressBilledDurationMs).dividedBy(1000).times(sfn.expressBilledMemoryMb).dividedBy(1024).dividedBy(SECONDS_PER_HOUR),
      derivation: () => `${sfn.expressBilledDurationMs} billed ms (each child rounded up to 100 ms) × ${sfn.expressBilledMemoryMb}/1024 GB ÷ 3,600`,
    },
  ];
  for (const fn of lambdaUsages(u)) {
    const who = named(u, fn);
    out.push(
      {
        key: 'lambda.request',
        quantity: new Money(fn.requests),
        derivation: () => `${fn.requests} invocations${who} (retries included; ${fn.throttledAttempts} throttled attempts are not billed)`,
      },
      {
        key: `lambda.duration.${fn.architecture}`,
        quantity: lambdaSeconds(fn).times(fn.memoryMb).dividedBy(1024),
        derivation: () =>
          `${fn.billedDurationMs} billed ms${who} (each invocation rounded up to 1 ms, ${fn.initBilledDurationMs} ms of it INIT on ${fn.coldStarts} cold starts) × ${fn.memoryMb}/1024 GB`,
      },
      {
        key: 'lambda.ephemeralStorage',
        quantity: lambdaSeconds(fn).times(Math.max(0, fn.ephemeralStorageMb - 512)).dividedBy(1024),
        derivation: () => `${fn.billedDurationMs} billed ms${who} × (${fn.ephemeralStorageMb} − 512)/1024 GB`,
      },
    );
  }
  out.push(
    {
      key: 's3.request.putCopyPostList',
      quantity: new Money(u.s3.listRequests).plus(u.s3.putRequests),
      derivation: () => `${u.s3.listRequests} LIST (ItemReader) + ${u.s3.putRequests} PUT (ResultWriter)`,
    },
    { key: 's3.request.getSelectOther', quantity: new Money(u.s3.getRequests), derivation: () => `${u.s3.getRequests} GET (ItemReader)` },
    {
      key: 'cloudwatchLogs.ingestion',
      quantity: new Money(u.derived.cloudwatchLogsBytes).dividedBy(BYTES_PER_GB),
      derivation: () => `${u.derived.cloudwatchLogsBytes} bytes logged ÷ 2^30`,
    },
    {
      key: 'dataTransfer.interRegion',
      quantity: new Money(u.derived.interRegionBytes).dividedBy(BYTES_PER_GB),
      derivation: () => `${u.derived.interRegionBytes} bytes to another Region ÷ 2^30`,
    },
  );
  for (const task of u.tasks ?? []) out.push(...taskContributions(task));
  for (const [key, requests] of Object.entries(u.requestsByPriceKey ?? {})) {
    out.push({ key: key as PriceKey, quantity: new Money(requests), derivation: () => `${requests} caused by tasks' requestsPerItem` });
  }
  return out;
}

/** What one non-Lambda Task state bills: its calls (or request units), nested executions, Fargate time. */
function taskContributions(task: ServiceTaskUsage): Contribution[] {
  const out: Contribution[] = [];
  const resource = parseTaskResource(task.resource);
  const name = task.state.split('.').pop();
  const nested = task.nestedExecutions;
  if (nested) {
    if (nested.type === 'STANDARD') {
      out.push({ key: 'stepFunctions.standard.transition', quantity: new Money(nested.transitions), derivation: () => `${nested.transitions} in ${nested.started} nested executions of "${name}"` });
    } else {
      out.push(
        { key: 'stepFunctions.express.request', quantity: new Money(nested.started), derivation: () => `${nested.started} nested Express executions of "${name}"` },
        {
          key: 'stepFunctions.express.duration',
          quantity: new Money(nested.expressMbMs).dividedBy(1000).dividedBy(1024).dividedBy(SECONDS_PER_HOUR),
          derivation: () => `${nested.expressBilledDurationMs} billed ms of nested executions of "${name}" (each rounded up to 100 ms) × their billed memory = ${nested.expressMbMs} MB·ms ÷ 1,000 ÷ 1,024 ÷ 3,600`,
        },
      );
    }
  }
  if (task.fargate) {
    const { architecture, vcpuSeconds, gbSeconds } = task.fargate;
    out.push(
      { key: `fargate.vcpu.${architecture}`, quantity: new Money(vcpuSeconds).dividedBy(SECONDS_PER_HOUR), derivation: () => `${vcpuSeconds} vCPU-seconds of "${name}" (1-minute minimum per task) ÷ 3,600` },
      { key: `fargate.memory.${architecture}`, quantity: new Money(gbSeconds).dividedBy(SECONDS_PER_HOUR), derivation: () => `${gbSeconds} GB-seconds of "${name}" ÷ 3,600` },
    );
  }
  const billed = resource ? servicePriceKey(resource) : undefined;
  if (billed) {
    const quantity = billed.per === 'unit' ? task.units : billed.per === 'item' ? task.items : task.calls;
    const what = billed.per === 'unit' ? 'units' : billed.per === 'item' ? 'items' : 'calls';
    out.push({ key: billed.key, quantity: new Money(quantity), derivation: () => `${quantity} ${what} of "${name}" (${task.resource})` });
  } else if (resource && resource.kind !== 'nested' && resource.kind !== 'http' && resource.service !== 'activity' && !task.fargate) {
    out.push({ key: 'other.request', quantity: new Money(task.calls), derivation: () => `${task.calls} calls of "${name}" to ${resource.service}:${resource.action}, which the catalogue does not price` });
  }
  return out;
}

/** Contributions grouped by key, in PRICE_KEYS order; zeros left out. */
function byKey(u: MapRunUsage): { key: PriceKey; quantity: Money; parts: Contribution[] }[] {
  const all = contributions(u);
  const grouped: { key: PriceKey; quantity: Money; parts: Contribution[] }[] = [];
  for (const key of PRICE_KEY_NAMES) {
    let quantity: Money | undefined;
    const parts: Contribution[] = [];
    for (const part of all) {
      if (part.key !== key || !part.quantity.greaterThan(0)) continue;
      quantity = quantity === undefined ? part.quantity : quantity.plus(part.quantity);
      parts.push(part);
    }
    if (quantity !== undefined) grouped.push({ key, quantity, parts });
  }
  return grouped;
}

/** The run's billed quantities, times `runsPerMonth` (tiers apply to the month); zeros left out. */
export function mapRunQuantities(usage: MapRunUsage, runsPerMonth = 1): KeyQuantity[] {
  return byKey(usage).map(({ key, quantity }) => ({ key, quantity: runsPerMonth === 1 ? quantity : quantity.times(runsPerMonth) }));
}

/** The run's billed quantities with their derivations in words, for the cost lines. */
export function usageFromMapRun(usage: MapRunUsage, region: string): PricingUsage {
  const quantities: UsageQuantity[] = byKey(usage).map(({ key, quantity, parts }) => ({
    key,
    quantity: plain(quantity),
    derivation: parts.map((part) => part.derivation()).join(' + '),
  }));
  return { region, quantities };
}
