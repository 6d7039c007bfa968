/**
 * How an invocation's duration changes with memory. Lambda gives CPU in proportion to
 * memory, a full vCPU at 1,769 MB; the CPU-bound share of the time scales with the CPU
 * share, the rest (waiting on S3 and other I/O) does not. Above one vCPU a
 * single-threaded function gains nothing, so the share is capped at 1.
 *
 *   duration(m) = duration(m₀) × [(1 − f) + f × share(m₀) / share(m)],  share(m) = min(m, 1769) / 1769
 */
import { LAMBDA_MEMORY_PER_VCPU_MB } from '../aws/quotas.js';

export function durationFactor(memoryMb: number, measuredAtMemoryMb: number, cpuBoundFraction: number): number {
  const share = (m: number) => Math.min(m, LAMBDA_MEMORY_PER_VCPU_MB) / LAMBDA_MEMORY_PER_VCPU_MB;
  return 1 - cpuBoundFraction + (cpuBoundFraction * share(measuredAtMemoryMb)) / share(memoryMb);
}
