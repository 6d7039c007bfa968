/**
 * A timestamp as the AWS CLI and SDKs print them in Step Functions API output: an ISO
 * 8601 string ("2023-11-27T11:17:25.142000-08:00", microseconds allowed) or epoch
 * seconds (boto3's and older CLIs' JSON). Parsed to epoch milliseconds.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html
 */
import { z } from 'zod';

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO 8601 string with a time zone; sub-millisecond digits are dropped. NaN when not one. */
export function isoToEpochMs(text: string): number {
  const match = ISO_WITH_ZONE.exec(text);
  if (!match) return Number.NaN;
  const fraction = match[2] ? match[2].slice(0, 4).padEnd(4, '0') : '';
  return Date.parse(`${match[1]}${fraction}${match[3]}`);
}

export const awsDateSchema = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value * 1000 : isoToEpochMs(value);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be a date: ISO 8601 with a time zone (2023-11-27T11:17:25.142-08:00) or epoch seconds', input: value });
      return z.NEVER;
    }
    return ms;
  })
  .describe('A date as AWS prints it; parsed to epoch milliseconds.');
