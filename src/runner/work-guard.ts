/**
 * Refuses, before it starts, a simulation far beyond what a planning question needs: a
 * valid scenario of 10^12 items, or a sweep of a million runs, would otherwise run for
 * hours or days with no word. The estimate (src/model/work-estimate.ts) counts events;
 * past MAX_EVENTS the user gets it, with what drives it, as a UserInputError (exit 2),
 * and `--force` goes ahead anyway.
 */
import { UserInputError } from '../errors.js';
import { estimateWork, type WorkEstimate } from '../model/work-estimate.js';
import type { Scenario } from '../scenario/index.js';

/** Events above which a simulation is refused without --force: about an hour of work or more. */
export const MAX_EVENTS = 1e9;

export interface WorkJob {
  scenario: Scenario;
  /** Replications of it (the most --precision may reach). */
  runs: number;
}

/** Throws a UserInputError when `jobs` together would simulate more than MAX_EVENTS events, unless `force`. */
export function checkWork(jobs: readonly WorkJob[], force = false): void {
  if (force || jobs.length === 0) return;
  const estimates = jobs.map((job) => ({ job, estimate: estimateWork(job.scenario) }));
  const total = estimates.reduce((sum, { job, estimate }) => sum + job.runs * estimate.eventsPerRun, 0);
  if (total <= MAX_EVENTS) return;
  const largest = estimates.reduce((a, b) => (b.job.runs * b.estimate.eventsPerRun > a.job.runs * a.estimate.eventsPerRun ? b : a));
  const runs = jobs.reduce((sum, job) => sum + job.runs, 0);
  throw new UserInputError([
    {
      message:
        `this would simulate about ${scientific(total)} events (${breakdown(largest.estimate)}` +
        `${jobs.length > 1 ? `, in the largest of ${jobs.length} configurations` : ''}; ${plural(runs, 'run')}), ` +
        `${largest.estimate.simulatedMsAtLeast > 0 ? `each run at least ${longDuration(largest.estimate.simulatedMsAtLeast)} of simulated time; ` : ''}` +
        `that is hours of work or more, past the ${scientific(MAX_EVENTS)} events dmap runs without asking. ` +
        'Make it smaller (fewer items, larger batches, fewer states or runs), or add --force to run it anyway',
    },
  ]);
}

function breakdown(e: WorkEstimate): string {
  const attempts = e.attemptsPerTask === 1 ? '' : ` × ${round(e.attemptsPerTask)} attempts`;
  return `${plural(e.children, 'child execution')} of ${plural(round(e.statesPerChild), 'state')}${attempts} each, per run`;
}

function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${word}${count === 1 ? '' : 's'}`;
}

/** 2.5 × 10^12 */
function scientific(value: number): string {
  if (value < 1e6) return Math.round(value).toLocaleString('en-US');
  const exponent = Math.floor(Math.log10(value));
  const mantissa = value / 10 ** exponent;
  return `${mantissa.toFixed(1)} × 10^${exponent}`;
}

/** A simulated time, in the largest unit that keeps it above 1. */
function longDuration(ms: number): string {
  const units: Array<[string, number]> = [
    ['year', 365 * 24 * 3600 * 1000],
    ['day', 24 * 3600 * 1000],
    ['hour', 3600 * 1000],
    ['minute', 60 * 1000],
    ['second', 1000],
  ];
  const [unit, size] = units.find(([, size]) => ms >= size) ?? ['second', 1000];
  const value = ms / size;
  return value >= 1e6 ? `${scientific(value)} ${unit}s` : plural(round(value), unit);
}
