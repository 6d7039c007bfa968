/**
 * Everything child tasks call, built once per Map Run: the Lambda functions (each with
 * its own pool of environments and scaling ramp; reserved concurrency in a pool of its
 * own, the rest sharing the account's unreserved concurrency), the service quotas, the
 * StartExecution buckets of nested executions, and one runner per non-Lambda Task state.
 * It is the TaskFactory the program compiler asks for runners, and it adds up what they
 * used.
 */
import { accountApiRateLimit, nestedStartExecutionQuota, throttleErrorOf } from '../../aws/service-integrations.js';
import type { TaskResource } from '../../aws/task-resource.js';
import type { Scenario } from '../../scenario/index.js';
import { accountConcurrencyOf } from '../../scenario/scenario-schema.js';
import type { TaskStateConfig } from '../../scenario/child-states-schema.js';
import type { LambdaFunctionConfig } from '../../scenario/lambda-schema.js';
import { AccountEnvironments, ConcurrencyPool } from '../lambda-capacity.js';
import type { StreamKey } from '../random-sources.js';
import { TokenBucket } from '../token-bucket.js';
import type { LambdaUsage, ServiceTaskUsage } from '../usage.js';
import type { TaskFactory } from './child-program.js';
import { ServiceQuota } from './service-quota.js';
import { CallbackTask } from './tasks/callback-task.js';
import { HttpTask } from './tasks/http-task.js';
import { JobTask } from './tasks/job-task.js';
import { LambdaFunctionTask } from './tasks/lambda-task.js';
import { NestedExecutionTask } from './tasks/nested-execution-task.js';
import { ServiceTask } from './tasks/service-task.js';
import type { TaskHost } from './tasks/task-runner.js';
import { ownValue } from '../../own-key.js';

/** Poison items are tracked as one bit per function in an Int32Array. */
const MAX_POISONED_FUNCTIONS = 31;

export class DownstreamServices implements TaskFactory {
  /** The `lambda` block's function, when the scenario has one. */
  readonly defaultFunction: LambdaFunctionTask | undefined;
  readonly functions = new Map<string, LambdaFunctionTask>();
  readonly serviceTasks: ServiceTask[] = [];
  readonly quotas = new Map<string, ServiceQuota>();
  private readonly allFunctions: LambdaFunctionTask[] = [];
  private readonly poisoned: LambdaFunctionTask[] = [];
  private readonly startBuckets = new Map<'STANDARD' | 'EXPRESS', TokenBucket>();

  constructor(
    private readonly scenario: Scenario,
    private readonly host: TaskHost,
    private readonly key: StreamKey,
  ) {
    const account = accountConcurrencyOf(scenario);
    const reserved = [scenario.lambda?.reservedConcurrency, ...Object.values(scenario.functions).map((f) => f.reservedConcurrency)];
    const unreserved = new ConcurrencyPool(account - reserved.reduce<number>((sum, r) => sum + (r ?? 0), 0));
    const make = (name: string, config: LambdaFunctionConfig, streamPrefix: string) => {
      const pool = config.reservedConcurrency !== undefined ? new ConcurrencyPool(config.reservedConcurrency) : unreserved;
      const fn = new LambdaFunctionTask(host, name, config, streamPrefix, key, pool, this.environments, scenario.region, this.poisoned.length, scenario.executionType === 'EXPRESS');
      this.allFunctions.push(fn);
      if (fn.poisonBit !== 0) {
        if (this.poisoned.length >= MAX_POISONED_FUNCTIONS) throw new RangeError(`poison items on more than ${MAX_POISONED_FUNCTIONS} functions`);
        this.poisoned.push(fn);
      }
      return fn;
    };
    this.defaultFunction = scenario.lambda ? make('lambda', scenario.lambda, 'lambda') : undefined;
    for (const [name, config] of Object.entries(scenario.functions)) this.functions.set(name, make(name, config, `functions.${name}`));
  }

  lambda(functionName: string | undefined): LambdaFunctionTask {
    const fn = functionName === undefined ? this.defaultFunction : this.functions.get(functionName);
    if (!fn) throw new RangeError(`no Lambda function ${functionName ?? '(the lambda block)'} in the scenario`);
    return fn;
  }

  service(config: TaskStateConfig, resource: TaskResource, path: string): ServiceTask {
    const quota = config.quota === undefined ? undefined : this.quota(config.quota, resource);
    const args = [this.host, path, config, this.key, quota, config.quota === undefined ? this.accountApiQuota(resource) : undefined] as const;
    let task: ServiceTask;
    if (resource.kind === 'nested') task = new NestedExecutionTask(...args, this.startBucket(config.execution?.type ?? 'STANDARD'));
    else if (resource.kind === 'callback') task = new CallbackTask(...args);
    else if (resource.kind === 'job') task = new JobTask(...args);
    else if (resource.kind === 'http') task = new HttpTask(...args);
    else task = new ServiceTask(...args);
    this.serviceTasks.push(task);
    return task;
  }

  get hasPoison(): boolean {
    return this.poisoned.length > 0;
  }

  /** Bit mask of the functions for which `items` hold a poison item. */
  drawPoison(items: number): number {
    let mask = 0;
    for (const fn of this.poisoned) if (fn.poisonRng() < 1 - (1 - fn.poisonProbability) ** items) mask |= fn.poisonBit;
    return mask;
  }

  /** Busy and existing execution environments over every function. */
  readonly environments = new AccountEnvironments();

  /** Lambda requests and duration over every function. */
  lambdaTotals(): { invocations: number; totalDurationMs: number; itemsProcessed: number } {
    let invocations = 0;
    let totalDurationMs = 0;
    let itemsProcessed = 0;
    for (const fn of this.allFunctions) {
      invocations += fn.requests;
      totalDurationMs += fn.durationMs;
      itemsProcessed += fn.itemsProcessed;
    }
    return { invocations, totalDurationMs, itemsProcessed };
  }

  functionUsage(): Record<string, LambdaUsage> | undefined {
    if (this.functions.size === 0) return undefined;
    return Object.fromEntries([...this.functions].map(([name, fn]) => [name, fn.usage()]));
  }

  taskUsage(): ServiceTaskUsage[] | undefined {
    return this.serviceTasks.length === 0 ? undefined : this.serviceTasks.map((task) => task.usage());
  }

  private quota(name: string, resource: TaskResource): ServiceQuota {
    let quota = this.quotas.get(name);
    if (!quota) {
      const config = ownValue(this.scenario.serviceQuotas, name);
      if (!config) throw new RangeError(`no service quota ${name} in the scenario`);
      quota = new ServiceQuota(name, config, this.host.errors.code(config.throttleError ?? throttleErrorOf(resource)));
      this.quotas.set(name, quota);
    }
    return quota;
  }

  /** The account-wide API rate limit a call without a quota of its own shares with every child (RunTask, SubmitJob, PutEvents). */
  private accountApiQuota(resource: TaskResource): ServiceQuota | undefined {
    const limit = accountApiRateLimit(resource.service, resource.action, this.scenario.region);
    if (!limit) return undefined;
    const name = `${resource.service}:${resource.action} (AWS default, ${limit.value} per s)`;
    let quota = this.quotas.get(name);
    if (!quota) {
      quota = new ServiceQuota(name, { ratePerSecond: limit.value }, this.host.errors.code(throttleErrorOf(resource)));
      this.quotas.set(name, quota);
    }
    return quota;
  }

  /** Nested executions start through the account's StartExecution bucket of their type. */
  private startBucket(type: 'STANDARD' | 'EXPRESS'): TokenBucket {
    let bucket = this.startBuckets.get(type);
    if (!bucket) {
      const quota = nestedStartExecutionQuota(this.scenario.region, type);
      bucket = new TokenBucket(quota.bucketSize, quota.refillPerSecond);
      this.startBuckets.set(type, bucket);
    }
    return bucket;
  }
}
