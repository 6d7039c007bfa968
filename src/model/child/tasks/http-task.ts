/**
 * An HTTP Task (`arn:aws:states:::http:invoke`): a call to a third-party API through an
 * EventBridge connection. Step Functions waits at most 60 s for the answer, then fails the
 * attempt with States.Http.Socket, whatever TimeoutSeconds says
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
 * It bills as the state transitions of its state; the endpoint's own charges are not AWS's.
 */
import { HTTP_SOCKET_ERROR, HTTP_TASK_TIMEOUT_SECONDS } from '../../../aws/service-integrations.js';
import type { CompiledState } from '../child-program.js';
import { ServiceTask } from './service-task.js';

export class HttpTask extends ServiceTask {
  private readonly socketCode = this.host.errors.code(HTTP_SOCKET_ERROR);

  protected override limitMs(state: CompiledState, callMs: number): { ms: number; code: number } {
    const socketLimitMs = HTTP_TASK_TIMEOUT_SECONDS * 1000;
    if (socketLimitMs < state.timeoutMs) return { ms: socketLimitMs, code: this.socketCode };
    return super.limitMs(state, callMs);
  }
}
