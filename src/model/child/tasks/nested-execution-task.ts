/**
 * A nested execution: `arn:aws:states:::states:startExecution` (fire and forget: the task
 * ends once the execution is started), `.sync` / `.sync:2` (the task waits for it) or the
 * SDK form `aws-sdk:sfn:startExecution`. Each start takes a token from the account's
 * StartExecution bucket (a throttled start waits its turn, as child starts do), and the
 * nested execution is counted and billed: Standard by its state transitions, Express by
 * requests and duration × billed memory, rounded up to 100 ms.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
import type { TaskStateConfig } from '../../../scenario/child-states-schema.js';
import { parseTaskResource } from '../../../aws/task-resource.js';
import { drawFrom, type Draw, type StreamKey } from '../../random-sources.js';
import type { TokenBucket } from '../../token-bucket.js';
import type { ServiceQuota } from '../service-quota.js';
import type { TaskHost } from './task-runner.js';
import type { ServiceTaskUsage } from '../../usage.js';
import { ServiceTask } from './service-task.js';

export class NestedExecutionTask extends ServiceTask {
  private started = 0;
  private transitions = 0;
  private expressBilledMs = 0;
  /** Σ billed ms × billed MB of Express executions: exact in integers. */
  private expressMbMs = 0;

  constructor(
    host: TaskHost,
    path: string,
    config: TaskStateConfig,
    key: StreamKey,
    quota: ServiceQuota | undefined,
    apiQuota: ServiceQuota | undefined,
    private readonly startBucket: TokenBucket,
  ) {
    super(host, path, config, key, quota, apiQuota);
    const own = config.execution?.durationMs;
    this.drawExecutionMs = own !== undefined && parseTaskResource(config.resource)?.pattern !== 'sync' ? drawFrom(own, key, `${path}.execution.duration`) : undefined;
  }

  private readonly drawExecutionMs: Draw | undefined;

  protected override beforeCall(nowMs: number): number {
    return this.startBucket.reserve(1, nowMs) - nowMs;
  }

  protected override callRan(callMs: number): number {
    const execution = this.config.execution;
    this.started++;
    if (execution?.type === 'EXPRESS') {
      // Without .sync the task only starts the execution: it runs for a time of its own.
      const runMs = this.drawExecutionMs ? this.drawExecutionMs() : callMs;
      const billedMs = Math.ceil(runMs / 100) * 100;
      this.expressBilledMs += billedMs;
      this.expressMbMs += billedMs * execution.billedMemoryMb;
    } else {
      this.transitions += execution?.transitions ?? 0;
    }
    return callMs;
  }

  protected override extraUsage(): Partial<ServiceTaskUsage> {
    const type = this.config.execution?.type ?? 'STANDARD';
    return {
      nestedExecutions: {
        type,
        started: this.started,
        transitions: this.transitions,
        expressBilledDurationMs: this.expressBilledMs,
        expressMbMs: this.expressMbMs,
      },
    };
  }
}
