/**
 * CI guards for `dmap compare --fail-if`: `cost-p90 > 10%` (B's P90 cost more than 10 %
 * above A's), `time-p50 >= 30s`, `cost-mean > $0.05`. The delta is always B − A.
 */
import { UserInputError } from '../errors.js';
import { COMPARED_METRICS, formatDelta, type ComparedMetric, type Comparison } from './compare.js';
import { parseDeadlineSeconds } from './parse-goal.js';

export interface FailIf {
  text: string;
  metric: ComparedMetric;
  operator: '>' | '>=' | '<' | '<=';
  /** Threshold on the relative delta (percent) or on the absolute delta (seconds or USD). */
  kind: 'percent' | 'absolute';
  threshold: number;
}

export function parseFailIf(text: string): FailIf {
  const match = /^\s*([a-z]+-[a-z0-9]+)\s*(>=|<=|>|<)\s*(.+?)\s*$/.exec(text);
  const metric = match?.[1] as ComparedMetric | undefined;
  if (!match || !metric || !(COMPARED_METRICS as readonly string[]).includes(metric)) {
    throw new UserInputError([{ field: '--fail-if', message: `must be METRIC OP THRESHOLD with METRIC one of ${COMPARED_METRICS.join(', ')}, e.g. "cost-p90 > 10%"`, value: text }]);
  }
  const raw = match[3] as string;
  const operator = match[2] as FailIf['operator'];
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(raw);
  if (percent) return { text, metric, operator, kind: 'percent', threshold: Number(percent[1]) };
  const absolute = metric.startsWith('cost') ? /^([+-])?\$?(\d+(?:\.\d+)?)$/.exec(raw) : null;
  if (absolute) return { text, metric, operator, kind: 'absolute', threshold: Number(`${absolute[1] ?? ''}${absolute[2]}`) };
  const seconds = metric.startsWith('time') ? parseDeadlineSeconds(raw.replace(/^\+/, '')) : undefined;
  if (seconds !== undefined) return { text, metric, operator, kind: 'absolute', threshold: seconds };
  throw new UserInputError([
    { field: '--fail-if', message: `threshold must be a percentage (10%)${metric.startsWith('cost') ? ' or an amount in USD ($0.05)' : ' or a duration (30s)'}`, value: raw },
  ]);
}

export interface Breach {
  guard: FailIf;
  observed: string;
}

export function breaches(comparison: Comparison, guards: readonly FailIf[]): Breach[] {
  return guards.flatMap((guard) => {
    const m = comparison.metrics.find((x) => x.metric === guard.metric);
    if (!m) return [];
    const value = guard.kind === 'percent' ? m.deltaPercent : m.delta;
    if (value === null) return [];
    const hit = { '>': value > guard.threshold, '>=': value >= guard.threshold, '<': value < guard.threshold, '<=': value <= guard.threshold }[guard.operator];
    return hit ? [{ guard, observed: formatDelta(m) }] : [];
  });
}
