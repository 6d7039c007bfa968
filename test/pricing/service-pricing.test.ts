/**
 * What child Task states that call other services cost: a Map Run's usage built by hand
 * (src/model/usage.ts), priced with the shipped catalogue in us-east-1, every quantity and
 * amount worked out here from the catalogue's published prices. Services the catalogue
 * does not price (Bedrock, per token; anything on `other.request`) must come out as
 * UNPRICED lines with a warning, never as $0; free services (S3 DELETE, AWS Batch) as
 * priced $0 lines.
 */
import { describe, expect, it } from 'vitest';
import { parseTaskResource } from '../../src/aws/task-resource.js';
import type { LambdaUsage, MapRunUsage, ServiceTaskUsage } from '../../src/model/index.js';
import type { CostLine } from '../../src/pricing/index.js';
import { Money, plain } from '../../src/pricing/decimal.js';
import { defaultCatalogue } from '../../src/pricing/load-catalogue.js';
import { mapRunQuantities, usageFromMapRun } from '../../src/pricing/map-run-pricing-usage.js';
import { mapRunCharges, priceMapRun } from '../../src/pricing/price-map-run.js';
import type { PriceKey } from '../../src/pricing/price-keys.js';
import { servicePriceKey } from '../../src/pricing/service-price-keys.js';

const catalogue = defaultCatalogue();

function fn(architecture: LambdaUsage['architecture'], memoryMb: number, requests: number, billedDurationMs: number): LambdaUsage {
  return {
    architecture,
    memoryMb,
    requests,
    throttledAttempts: 0,
    coldStarts: 0,
    billedDurationMs,
    initBilledDurationMs: 0,
    gbSeconds: (billedDurationMs / 1000) * (memoryMb / 1024),
    ephemeralStorageMb: 512,
    itemsProcessed: requests,
  };
}

function task(name: string, resource: string, counts: Partial<ServiceTaskUsage> & { calls: number }): ServiceTaskUsage {
  return { state: `childWorkflow.states.${name}`, resource, attempts: counts.calls, throttledAttempts: 0, items: counts.calls, units: 0, ...counts };
}

/**
 * One run: Standard children, the `lambda` block's function and two more in `functions`,
 * and a child workflow whose tasks call DynamoDB, SQS, SNS, EventBridge, S3, ECS on
 * Fargate, AWS Batch, nested Standard and Express executions, Textract and Bedrock.
 */
function usage(): MapRunUsage {
  return {
    // 1,000,000 s × 1 GB = 1,000,000 GB-s (x86).
    lambda: fn('x86_64', 1024, 1_000_000, 1_000_000_000),
    functions: {
      // 400,000 s × 0.5 GB = 200,000 GB-s (x86).
      enrich: fn('x86_64', 512, 2_000_000, 400_000_000),
      // 150,000 s × 2 GB = 300,000 GB-s (Arm).
      resize: fn('arm64', 2048, 500_000, 150_000_000),
    },
    tasks: [
      task('Store', 'arn:aws:states:::aws-sdk:dynamodb:batchWriteItem', { calls: 100, items: 2500, units: 2500 }),
      task('Lookup', 'arn:aws:states:::dynamodb:getItem', { calls: 4000, items: 4000, units: 4000 }),
      task('Enqueue', 'arn:aws:states:::sqs:sendMessage', { calls: 10, attempts: 12, throttledAttempts: 2 }),
      task('Notify', 'arn:aws:states:::sns:publish', { calls: 20 }),
      task('Announce', 'arn:aws:states:::events:putEvents', { calls: 2, items: 50 }),
      task('CleanUp', 'arn:aws:states:::aws-sdk:s3:deleteObjects', { calls: 5, items: 4200 }),
      // 10 vCPU-hours and 20 GB-hours on x86 (minimum already applied by the model).
      task('Transcode', 'arn:aws:states:::ecs:runTask.sync', { calls: 100, fargate: { architecture: 'x86_64', vcpuSeconds: 36_000, gbSeconds: 72_000 } }),
      // 2 vCPU-hours and 4 GB-hours on Arm.
      task('Thumbnail', 'arn:aws:states:::ecs:runTask.sync', { calls: 50, fargate: { architecture: 'arm64', vcpuSeconds: 7_200, gbSeconds: 14_400 } }),
      task('Render', 'arn:aws:states:::batch:submitJob.sync', { calls: 4 }),
      task('Audit', 'arn:aws:states:::states:startExecution.sync:2', {
        calls: 100,
        nestedExecutions: { type: 'STANDARD', started: 100, transitions: 9_999, expressBilledDurationMs: 0, expressMbMs: 0 },
      }),
      // 2,000 executions × 14,400 ms × 128 MB = 3,686,400,000 MB-ms = 3,600 GB-s = 1 GB-hour.
      task('Validate', 'arn:aws:states:::states:startExecution.sync:2', {
        calls: 2000,
        nestedExecutions: { type: 'EXPRESS', started: 2000, transitions: 0, expressBilledDurationMs: 28_800_000, expressMbMs: 3_686_400_000 },
      }),
      task('Analyze', 'arn:aws:states:::aws-sdk:textract:analyzeDocument', { calls: 7 }),
      task('Summarize', 'arn:aws:states:::bedrock:invokeModel', { calls: 3 }),
    ],
    requestsByPriceKey: { 's3.request.getSelectOther': 1000 },
    derived: { cloudwatchLogsBytes: 0, interRegionBytes: 0 },
    stepFunctions: {
      parentTransitions: 10_001,
      childTransitions: 80_000,
      expressRequests: 0,
      expressBilledDurationMs: 0,
      expressBilledMemoryMb: 64,
      expressGbSeconds: 0,
    },
    // One ItemReader GET, added to the 1,000 requestsPerItem GETs.
    s3: { listRequests: 0, getRequests: 1, putRequests: 0 },
  };
}

const bill = (u: MapRunUsage, runsPerMonth = 1, freeTier = false) => priceMapRun(u, 'us-east-1', catalogue, { runsPerMonth, freeTier }).monthly;
const linesOf = (lines: CostLine[], key: PriceKey) => lines.filter((line) => line.priceKey === key);
const lineOf = (lines: CostLine[], key: PriceKey, kind: CostLine['kind'] = 'charge') => {
  const found = lines.filter((line) => line.priceKey === key && line.kind === kind);
  expect(found, `${kind} lines of ${key}`).toHaveLength(1);
  return found[0] as CostLine;
};

/** Exact USD of `quantity` at `usd` per `per` units. */
const cost = (quantity: string, usd: string, per = '1') => new Money(quantity).times(usd).dividedBy(per);
const cents = (usd: Money) => usd.toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);

describe('child tasks that call other services, priced with the shipped catalogue (us-east-1)', () => {
  // [key, quantity, unit price, per] from the catalogue, and the quantity each part adds up to.
  const EXPECTED: Array<[PriceKey, string, string, string]> = [
    // 10,001 parent + 80,000 in Standard children + 9,999 in nested Standard executions.
    ['stepFunctions.standard.transition', '100000', '0.025', '1000'],
    // 2,000 nested Express executions (the children are Standard).
    ['stepFunctions.express.request', '2000', '1.00', '1000000'],
    // 3,686,400,000 MB-ms ÷ 1,000 ÷ 1,024 ÷ 3,600 = 1 GB-hour, first tier.
    ['stepFunctions.express.duration', '1', '0.06', '1'],
    // 1,000,000 + 2,000,000 + 500,000 invocations.
    ['lambda.request', '3500000', '0.20', '1000000'],
    // lambda block 1,000,000 GB-s + enrich 200,000 GB-s.
    ['lambda.duration.x86_64', '1200000', '0.0000166667', '1'],
    // resize 300,000 GB-s.
    ['lambda.duration.arm64', '300000', '0.0000133334', '1'],
    // 1 ItemReader GET + 1,000 from requestsPerItem.
    ['s3.request.getSelectOther', '1001', '0.0004', '1000'],
    // 5 DeleteObjects calls (of 4,200 keys): free.
    ['s3.request.deleteCancel', '5', '0', '1'],
    // 2,500 write request units at $0.625 per million.
    ['dynamodb.onDemand.writeRequestUnit', '2500', '0.625', '1000000'],
    ['dynamodb.onDemand.readRequestUnit', '4000', '0.125', '1000000'],
    // 10 calls that ran; the 2 throttled attempts are not billed.
    ['sqs.request.standard', '10', '0.40', '1000000'],
    ['sns.request.publish', '20', '0.50', '1000000'],
    // Per event: the 50 entries of 2 PutEvents calls.
    ['eventbridge.event.custom', '50', '1.00', '1000000'],
    ['fargate.vcpu.x86_64', '10', '0.04048', '1'],
    ['fargate.memory.x86_64', '20', '0.004445', '1'],
    ['fargate.vcpu.arm64', '2', '0.03238', '1'],
    ['fargate.memory.arm64', '4', '0.00356', '1'],
    ['batch.job', '4', '0', '1'],
  ];

  it('bills each task by call, item or request unit, added to the lines the rest of the run bills', () => {
    const quantities = mapRunQuantities(usage()).map(({ key, quantity }) => [key, quantity.toString()]);
    expect(quantities).toEqual([
      ...EXPECTED.map(([key, quantity]) => [key, quantity]),
      ['other.request', '7'],
      ['bedrock.invokeModel.request', '3'],
    ]);
    // The worded usage says the same.
    expect(usageFromMapRun(usage(), 'us-east-1').quantities.map((q) => [q.key, q.quantity])).toEqual(quantities);
  });

  it('prices every catalogued line to the cent, from the catalogue prices', () => {
    const report = bill(usage());
    for (const [key, quantity, usd, per] of EXPECTED) {
      const exact = cost(quantity, usd, per);
      expect(lineOf(report.lines, key), key).toMatchObject({
        kind: 'charge',
        quantity,
        unitPriceUsd: usd,
        per,
        costUsd: plain(exact),
        costUsdCents: cents(exact),
      });
    }
    // The amounts, worked out by hand.
    const byKey = Object.fromEntries(report.lines.filter((l) => l.kind === 'charge').map((l) => [l.priceKey, [l.costUsd, l.costUsdCents]]));
    expect(byKey).toEqual({
      'stepFunctions.standard.transition': ['2.5', '2.50'], // 100,000 × $0.025 / 1,000
      'stepFunctions.express.request': ['0.002', '0.00'], // 2,000 × $1.00 / M
      'stepFunctions.express.duration': ['0.06', '0.06'], // 1 GB-h × $0.06
      'lambda.request': ['0.7', '0.70'], // 3.5 M × $0.20 / M
      'lambda.duration.x86_64': ['20.00004', '20.00'], // 1,200,000 × $0.0000166667
      'lambda.duration.arm64': ['4.00002', '4.00'], // 300,000 × $0.0000133334
      's3.request.getSelectOther': ['0.0004004', '0.00'], // 1,001 × $0.0004 / 1,000
      's3.request.deleteCancel': ['0', '0.00'],
      'dynamodb.onDemand.writeRequestUnit': ['0.0015625', '0.00'], // 2,500 × $0.625 / M
      'dynamodb.onDemand.readRequestUnit': ['0.0005', '0.00'], // 4,000 × $0.125 / M
      'sqs.request.standard': ['0.000004', '0.00'], // 10 × $0.40 / M
      'sns.request.publish': ['0.00001', '0.00'], // 20 × $0.50 / M
      'eventbridge.event.custom': ['0.00005', '0.00'], // 50 × $1.00 / M
      'fargate.vcpu.x86_64': ['0.4048', '0.40'], // 10 vCPU-h × $0.04048
      'fargate.memory.x86_64': ['0.0889', '0.09'], // 20 GB-h × $0.004445
      'fargate.vcpu.arm64': ['0.06476', '0.06'], // 2 vCPU-h × $0.03238
      'fargate.memory.arm64': ['0.01424', '0.01'], // 4 GB-h × $0.00356
      'batch.job': ['0', '0.00'],
    });
    expect(report.totalUsd).toBe('27.8372869');
    expect(report.totalUsdAwsRounded).toBe('27.82');
  });

  it('puts S3 DELETE and AWS Batch on priced $0 lines, not unpriced ones', () => {
    const report = bill(usage());
    for (const key of ['s3.request.deleteCancel', 'batch.job'] as const) {
      expect(linesOf(report.lines, key).map((l) => l.kind)).toEqual(['charge']);
      expect(lineOf(report.lines, key)).toMatchObject({ unitPriceUsd: '0', costUsd: '0', costUsdCents: '0.00' });
      expect(lineOf(report.lines, key).source).toMatch(/^https:\/\//);
    }
    expect(report.unpricedKeys).not.toContain('s3.request.deleteCancel');
    expect(report.unpricedKeys).not.toContain('batch.job');
  });

  it('reports Textract (other.request) and Bedrock as UNPRICED lines with a warning, never $0', () => {
    const report = bill(usage());
    expect(lineOf(report.lines, 'other.request', 'unpriced')).toEqual({
      kind: 'unpriced',
      service: 'Other AWS services',
      item: 'Calls from child tasks to services the catalogue does not price',
      priceKey: 'other.request',
      quantity: '7',
      unit: 'requests',
      unitPriceUsd: null,
      per: '1',
      costUsd: null,
      costUsdCents: null,
      formula: '7 calls of "Analyze" to textract:analyzeDocument, which the catalogue does not price; UNPRICED',
    });
    expect(lineOf(report.lines, 'bedrock.invokeModel.request', 'unpriced')).toMatchObject({
      service: 'Amazon Bedrock',
      quantity: '3',
      unit: 'requests',
      unitPriceUsd: null,
      costUsd: null,
      costUsdCents: null,
    });
    expect(linesOf(report.lines, 'other.request')).toHaveLength(1);
    expect(linesOf(report.lines, 'bedrock.invokeModel.request')).toHaveLength(1);
    expect(report.unpricedKeys).toEqual(['other.request', 'bedrock.invokeModel.request']);
    expect(report.warnings).toEqual([
      'Other AWS services Calls from child tasks to services the catalogue does not price: no price for us-east-1 in catalogue 2025.11.1; the total excludes 7 requests',
      'Amazon Bedrock Model invocations (priced per token, not per request): no price for us-east-1 in catalogue 2025.11.1; the total excludes 3 requests',
    ]);
  });

  it("lands each function's GB-seconds on its architecture's line and names the function", () => {
    const report = bill(usage());
    const x86 = lineOf(report.lines, 'lambda.duration.x86_64');
    const arm = lineOf(report.lines, 'lambda.duration.arm64');
    expect(x86.quantity).toBe('1200000');
    expect(x86.formula).toContain("1000000000 billed ms of the lambda block's function");
    expect(x86.formula).toContain('400000000 billed ms of function enrich');
    expect(x86.formula).not.toContain('resize');
    expect(arm.quantity).toBe('300000');
    expect(arm.formula).toContain('150000000 billed ms of function resize');
    expect(arm.formula).not.toContain('enrich');
    expect(linesOf(report.lines, 'lambda.ephemeralStorage')).toEqual([]);
  });

  it('says in the formulas where nested executions, Fargate time and requestsPerItem come from', () => {
    const lines = bill(usage()).lines;
    expect(lineOf(lines, 'stepFunctions.standard.transition').formula).toContain('9999 in 100 nested executions of "Audit"');
    expect(lineOf(lines, 'stepFunctions.express.request').formula).toContain('2000 nested Express executions of "Validate"');
    expect(lineOf(lines, 'stepFunctions.express.duration').formula).toContain('28800000 billed ms of nested executions of "Validate"');
    expect(lineOf(lines, 'fargate.vcpu.x86_64').formula).toContain('36000 vCPU-seconds of "Transcode" (1-minute minimum per task) ÷ 3,600');
    expect(lineOf(lines, 'fargate.memory.arm64').formula).toContain('14400 GB-seconds of "Thumbnail" ÷ 3,600');
    expect(lineOf(lines, 's3.request.getSelectOther').formula).toContain('1 GET (ItemReader) + 1000 caused by tasks\' requestsPerItem');
    expect(lineOf(lines, 'dynamodb.onDemand.writeRequestUnit').formula).toContain('2500 units of "Store" (arn:aws:states:::aws-sdk:dynamodb:batchWriteItem)');
    expect(lineOf(lines, 'eventbridge.event.custom').formula).toContain('50 items of "Announce"');
  });

  it('prices a month of runs the same from amounts only, with tiers, free tier and cents on the month', () => {
    const runs = 10_000;
    const report = bill(usage(), runs, true);
    // 25,000,000 WRU × $0.625 / M = $15.625, rounded half up.
    expect(lineOf(report.lines, 'dynamodb.onDemand.writeRequestUnit')).toMatchObject({ quantity: '25000000', costUsd: '15.625', costUsdCents: '15.63' });
    // 100,000 SQS requests = $0.04, all inside the 1,000,000 free requests.
    expect(lineOf(report.lines, 'sqs.request.standard')).toMatchObject({ quantity: '100000', costUsd: '0.04', costUsdCents: '0.04' });
    expect(lineOf(report.lines, 'sqs.request.standard', 'freeTier')).toMatchObject({ quantity: '100000', costUsd: '-0.04', costUsdCents: '-0.04' });
    expect(lineOf(report.lines, 's3.request.deleteCancel')).toMatchObject({ quantity: '50000', costUsd: '0', costUsdCents: '0.00' });
    expect(lineOf(report.lines, 'other.request', 'unpriced').quantity).toBe('70000');
    expect(lineOf(report.lines, 'bedrock.invokeModel.request', 'unpriced').quantity).toBe('30000');
    const amounts = mapRunCharges(usage(), 'us-east-1', catalogue, { runsPerMonth: runs, freeTier: true });
    expect(plain(amounts.totalUsd)).toBe(report.totalUsd);
  });
});

describe('which price key a task Resource bills', () => {
  const CASES: Array<[string, PriceKey | undefined, 'call' | 'item' | 'unit' | undefined]> = [
    ['arn:aws:states:::aws-sdk:dynamodb:batchWriteItem', 'dynamodb.onDemand.writeRequestUnit', 'unit'],
    ['arn:aws:states:::dynamodb:putItem', 'dynamodb.onDemand.writeRequestUnit', 'unit'],
    ['arn:aws:states:::aws-sdk:dynamodb:query', 'dynamodb.onDemand.readRequestUnit', 'unit'],
    ['arn:aws:states:::sqs:sendMessage', 'sqs.request.standard', 'call'],
    ['arn:aws:states:::aws-sdk:sqs:sendMessageBatch', 'sqs.request.standard', 'call'],
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'sqs.request.standard', 'call'],
    ['arn:aws:states:::sns:publish', 'sns.request.publish', 'call'],
    ['arn:aws:states:::events:putEvents', 'eventbridge.event.custom', 'item'],
    ['arn:aws:states:::aws-sdk:eventbridge:putEvents', 'eventbridge.event.custom', 'item'],
    ['arn:aws:states:::aws-sdk:s3:deleteObjects', 's3.request.deleteCancel', 'call'],
    ['arn:aws:states:::aws-sdk:s3:getObject', 's3.request.getSelectOther', 'call'],
    ['arn:aws:states:::aws-sdk:s3:putObject', 's3.request.putCopyPostList', 'call'],
    ['arn:aws:states:::batch:submitJob.sync', 'batch.job', 'call'],
    ['arn:aws:states:::bedrock:invokeModel', 'bedrock.invokeModel.request', 'call'],
    ['arn:aws:states:::aws-sdk:bedrockruntime:converse', 'bedrock.invokeModel.request', 'call'],
    ['arn:aws:states:::aws-sdk:textract:analyzeDocument', undefined, undefined],
    ['arn:aws:states:::ecs:runTask.sync', undefined, undefined],
  ];
  for (const [resource, key, per] of CASES) {
    it(`${resource} → ${key ?? 'none of its own'}`, () => {
      const parsed = parseTaskResource(resource);
      expect(parsed).toBeDefined();
      expect(servicePriceKey(parsed!)).toEqual(key ? { key, per } : undefined);
    });
  }

  const base: MapRunUsage = {
    derived: { cloudwatchLogsBytes: 0, interRegionBytes: 0 },
    stepFunctions: { parentTransitions: 0, childTransitions: 0, expressRequests: 0, expressBilledDurationMs: 0, expressBilledMemoryMb: 64, expressGbSeconds: 0 },
    s3: { listRequests: 0, getRequests: 0, putRequests: 0 },
  };
  const keysOf = (...tasks: ServiceTaskUsage[]) => mapRunQuantities({ ...base, tasks }).map(({ key, quantity }) => [key, quantity.toString()]);

  it('an ECS task without a Fargate size goes on other.request; with one, on the Fargate lines only', () => {
    expect(keysOf(task('Job', 'arn:aws:states:::ecs:runTask.sync', { calls: 3 }))).toEqual([['other.request', '3']]);
    expect(
      keysOf(task('Job', 'arn:aws:states:::ecs:runTask.sync', { calls: 3, fargate: { architecture: 'x86_64', vcpuSeconds: 180, gbSeconds: 360 } })),
    ).toEqual([
      ['fargate.vcpu.x86_64', '0.05'],
      ['fargate.memory.x86_64', '0.1'],
    ]);
  });

  it('HTTP tasks and nested executions add no other.request line; a task with no calls adds no line', () => {
    expect(
      keysOf(
        task('Call', 'arn:aws:states:::http:invoke', { calls: 5 }),
        task('Nested', 'arn:aws:states:::states:startExecution', {
          calls: 2,
          nestedExecutions: { type: 'STANDARD', started: 2, transitions: 6, expressBilledDurationMs: 0, expressMbMs: 0 },
        }),
        task('Never', 'arn:aws:states:::aws-sdk:textract:analyzeDocument', { calls: 0 }),
      ),
    ).toEqual([['stepFunctions.standard.transition', '6']]);
  });
});
