/**
 * A Task state that calls an AWS service other than Lambda: an AWS SDK or optimised
 * integration (DynamoDB, S3, SQS, SNS, EventBridge, Bedrock, ...), an HTTP task, or a
 * job it waits for (.sync). One attempt:
 * 1. takes its units from the resource's quota, if the task names one, or fails at once
 *    with the service's throttling error;
 * 2. makes its calls one after another (`itemsPerRequest` splits a large input), each
 *    lasting a draw of `durationMs`;
 * 3. ends with success, an injected error, States.Timeout past TimeoutSeconds or
 *    States.HeartbeatTimeout (callbacks, see callback-task.ts).
 * Subclasses add what their kind bills or waits for (nested-execution-task.ts,
 * callback-task.ts, job-task.ts). One instance per Task state.
 */
import type { TaskStateConfig } from '../../../scenario/child-states-schema.js';
import { drawFrom, type Draw, type StreamKey } from '../../random-sources.js';
import { STATES_TIMEOUT } from '../../retry-policy.js';
import type { ServiceTaskUsage } from '../../usage.js';
import type { CompiledState } from '../child-program.js';
import type { ServiceQuota } from '../service-quota.js';
import { InjectedErrors } from './injected-errors.js';
import type { TaskHost, TaskRunner } from './task-runner.js';

const NO_ERROR = -1;

export class ServiceTask implements TaskRunner {
  protected readonly drawDurationMs: Draw;
  private readonly injected: InjectedErrors;
  private readonly itemsPerRequest: number;
  private readonly unitsPerItem: number;
  private readonly unitsPerRequest: number;
  protected readonly timeoutCode: number;

  // Usage and statistics.
  calls = 0;
  attempts = 0;
  throttles = 0;
  itemsSent = 0;
  unitsUsed = 0;

  readonly onStart = (payload: number) => {
    const thread = this.host.threads.current(payload);
    if (thread >= 0) this.start(thread, this.host.stateOf(thread));
  };
  private readonly onCallEnd = (payload: number) => this.callEnded(payload);
  private readonly onQuotaRelease = () => this.quota?.release();

  constructor(
    protected readonly host: TaskHost,
    /** Field path of the state, e.g. `childWorkflow.states.Store`: names its streams and its usage. */
    readonly path: string,
    readonly config: TaskStateConfig,
    key: StreamKey,
    private readonly quota: ServiceQuota | undefined,
    /** Without a quota of its own: an account-wide API rate limit (RunTask, SubmitJob, PutEvents) it shares, one unit per call. */
    private readonly apiQuota: ServiceQuota | undefined = undefined,
  ) {
    this.drawDurationMs = drawFrom(config.durationMs ?? { type: 'constant', value: 0 }, key, `${path}.duration`);
    this.injected = new InjectedErrors(config.errors, host.errors, key, `${path}.errors`);
    this.itemsPerRequest = config.itemsPerRequest ?? Infinity;
    this.unitsPerItem = config.unitsPerItem;
    this.unitsPerRequest = config.unitsPerRequest;
    this.timeoutCode = host.errors.code(STATES_TIMEOUT);
  }

  start(thread: number, state: CompiledState): void {
    const host = this.host;
    const now = host.kernel.nowMs;
    const items = host.threads.items[thread] as number;
    host.countAttempt();
    this.attempts++;
    const requests = this.itemsPerRequest === Infinity ? 1 : Math.max(1, Math.ceil(items / this.itemsPerRequest));
    const quota = this.quota;
    const units = this.unitsPerRequest * requests + this.unitsPerItem * items;
    // The task's own quota counts its units; an account API limit counts calls.
    if (quota !== undefined ? !quota.tryAcquire(units, now) : this.apiQuota !== undefined && !this.apiQuota.tryAcquire(requests, now)) {
      this.throttles++;
      host.countThrottle(now);
      host.attemptFailed(thread, ((quota ?? this.apiQuota) as ServiceQuota).throttleCode);
      return;
    }
    const startDelayMs = this.beforeCall(now);
    let callMs = 0;
    for (let i = 0; i < requests; i++) callMs += this.drawDurationMs();
    this.calls += requests;
    this.itemsSent += items;
    this.unitsUsed += units;
    if (state.billsRequests) host.billRequests(state, items);
    const injected = this.injected.draw();
    let outcome = injected >= 0 ? (this.injected.codes[injected] as number) : NO_ERROR;
    let endsInMs = this.callRan(callMs, thread);
    const limit = this.limitMs(state, callMs);
    if (limit.ms < endsInMs) {
      endsInMs = limit.ms;
      outcome = limit.code;
    }
    if (quota !== undefined && quota.limitsConcurrency) host.kernel.schedule(startDelayMs + Math.min(callMs, endsInMs), this.onQuotaRelease);
    host.threads.outcome[thread] = outcome;
    host.scheduleForThread(thread, startDelayMs + endsInMs, this.onCallEnd);
  }

  /** Wait before the call can start (nested executions: the StartExecution bucket), in ms. */
  protected beforeCall(_nowMs: number): number {
    return 0;
  }

  /** The call ran for `callMs`: bill what the kind bills; returns how long the task waits for it. */
  protected callRan(callMs: number, _thread: number): number {
    return callMs;
  }

  /** The earliest limit that ends the attempt before the call answers (TimeoutSeconds; heartbeats in callback-task.ts). */
  protected limitMs(state: CompiledState, _callMs: number): { ms: number; code: number } {
    return { ms: state.timeoutMs, code: this.timeoutCode };
  }

  private callEnded(payload: number): void {
    const thread = this.host.threads.current(payload);
    if (thread < 0) return;
    const outcome = this.host.threads.outcome[thread] as number;
    if (outcome !== NO_ERROR) this.host.attemptFailed(thread, outcome);
    else this.host.attemptSucceeded(thread);
  }

  usage(): ServiceTaskUsage {
    return {
      state: this.path,
      resource: this.config.resource,
      attempts: this.attempts,
      calls: this.calls,
      throttledAttempts: this.throttles,
      items: this.itemsSent,
      units: this.unitsUsed,
      ...(this.quota ? { quota: this.quota.name } : this.apiQuota ? { quota: this.apiQuota.name } : {}),
      ...this.extraUsage(),
    };
  }

  protected extraUsage(): Partial<ServiceTaskUsage> {
    return {};
  }
}
