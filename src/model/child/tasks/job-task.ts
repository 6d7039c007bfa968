/**
 * A job the task runs and waits for (`.sync`): ECS RunTask, AWS Batch SubmitJob, Glue,
 * Athena, CodeBuild, ... The wait is `durationMs`. An ECS task on Fargate with a size
 * (`fargate`) bills vCPU and memory by the second with a one-minute minimum
 * (https://aws.amazon.com/fargate/pricing/); other jobs bill the compute they run on,
 * which the scenario does not describe, so they add no line here.
 */
import type { ServiceTaskUsage } from '../../usage.js';
import { ServiceTask } from './service-task.js';

/** Fargate bills per second, with a minimum of one minute. https://aws.amazon.com/fargate/pricing/ */
const FARGATE_MINIMUM_SECONDS = 60;

export class JobTask extends ServiceTask {
  private vcpuSeconds = 0;
  private gbSeconds = 0;

  protected override callRan(callMs: number): number {
    const fargate = this.config.fargate;
    if (fargate) {
      const seconds = Math.max(FARGATE_MINIMUM_SECONDS, Math.ceil(callMs / 1000));
      this.vcpuSeconds += seconds * fargate.vcpu;
      this.gbSeconds += seconds * fargate.memoryGb;
    }
    return callMs;
  }

  protected override extraUsage(): Partial<ServiceTaskUsage> {
    const fargate = this.config.fargate;
    return fargate ? { fargate: { architecture: fargate.architecture, vcpuSeconds: this.vcpuSeconds, gbSeconds: this.gbSeconds } } : {};
  }
}
