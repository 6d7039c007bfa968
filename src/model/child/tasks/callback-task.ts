/**
 * A task that waits for a callback (`.waitForTaskToken`, or an activity): the call is
 * made, then the task waits `durationMs` for SendTaskSuccess. With HeartbeatSeconds, a
 * worker that sends no heartbeat (or sends them further apart than HeartbeatSeconds)
 * makes the task fail with States.HeartbeatTimeout once that gap has passed.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
 */
import { HEARTBEAT_TIMEOUT_ERROR } from '../../../aws/service-integrations.js';
import type { CompiledState } from '../child-program.js';
import { ServiceTask } from './service-task.js';

export class CallbackTask extends ServiceTask {
  private readonly heartbeatCode = this.host.errors.code(HEARTBEAT_TIMEOUT_ERROR);

  protected override limitMs(state: CompiledState, callMs: number): { ms: number; code: number } {
    const interval = this.config.heartbeatIntervalMs ?? Infinity;
    const missesHeartbeat = state.heartbeatMs < Infinity && interval > state.heartbeatMs && callMs > state.heartbeatMs;
    if (missesHeartbeat && state.heartbeatMs < state.timeoutMs) return { ms: state.heartbeatMs, code: this.heartbeatCode };
    return super.limitMs(state, callMs);
  }
}
