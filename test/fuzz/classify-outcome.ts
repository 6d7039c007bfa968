/**
 * What the campaign accepts of a command run on a fuzz input, and what it counts as a
 * finding. Accepted: exit 0 with output free of NaN, Infinity and null figures; exit 2
 * with every problem located (its file, or a field) and no stack trace. Findings: any
 * other exit (3 is an internal error), a stack trace anywhere, a non-finite figure, an
 * unlocated problem, a run that did more work than the work estimate allows for, and
 * the thread timing out or running out of memory.
 */
import type { CommandRun, InputResult } from './fuzz-pool.js';

export type Finding = 'internal-error' | 'stack-trace' | 'non-finite' | 'unlocated' | 'over-estimate' | 'timeout' | 'memory' | 'worker' | 'other-exit';

export type Outcome = { ok: true; exit: 0 | 2; large?: boolean } | { ok: false; finding: Finding; detail: string };

/**
 * The most events a run may simulate per event the estimate gives it (src/model/work-estimate.ts
 * promises a small factor on the shipped scenarios), plus a constant for the tiny runs
 * where fixed costs dominate. Beyond this the guard's estimate is not protecting anyone.
 */
export const EVENTS_OVER_ESTIMATE = 10;
export const EVENTS_SLACK = 10_000;

const STACK_FRAME = /\n\s+at \S.*(:\d+:\d+\)?|\(native\))/;

export function classify(result: InputResult, inputStrings: readonly string[]): Outcome {
  if (result.lost) return { ok: false, finding: result.lost, detail: result.detail ?? '' };
  let exit: 0 | 2 = 0;
  for (const run of result.runs) {
    const outcome = classifyRun(run, inputStrings);
    if (!outcome.ok) return outcome;
    if (outcome.exit === 2) exit = 2;
    const events = eventCountOf(run);
    if (events !== undefined && result.eventsPerRun !== undefined && events > EVENTS_OVER_ESTIMATE * result.eventsPerRun + EVENTS_SLACK) {
      return { ok: false, finding: 'over-estimate', detail: `${run.args.join(' ')}: ${events} events, estimated ${Math.round(result.eventsPerRun)} per run` };
    }
  }
  return { ok: true, exit, ...(result.large ? { large: true } : {}) };
}

function classifyRun(run: CommandRun, inputStrings: readonly string[]): Outcome {
  const where = run.args.join(' ');
  const both = `${run.stdout}\n${run.stderr}`;
  if (run.code === 3 || /internal error/.test(run.stderr)) return { ok: false, finding: 'internal-error', detail: `${where}: ${run.stderr.slice(0, 2000)}` };
  if (STACK_FRAME.test(both)) return { ok: false, finding: 'stack-trace', detail: `${where}: ${both.slice(0, 2000)}` };
  if (run.code === 0) {
    const bad = nonFiniteIn(run, inputStrings);
    return bad ? { ok: false, finding: 'non-finite', detail: `${where}: ${bad}` } : { ok: true, exit: 0 };
  }
  if (run.code === 2) {
    const unlocated = unlocatedProblem(run.stderr, run.args[1] ?? '');
    return unlocated === undefined ? { ok: true, exit: 2 } : { ok: false, finding: 'unlocated', detail: `${where}: ${unlocated}` };
  }
  return { ok: false, finding: 'other-exit', detail: `${where}: exit ${run.code}: ${run.stderr.slice(0, 2000)}` };
}

/** The simulated events of the first run, from `simulate --json`. */
function eventCountOf(run: CommandRun): number | undefined {
  if (run.args[0] !== 'simulate' || run.code !== 0 || !run.args.includes('--json')) return undefined;
  try {
    return (JSON.parse(run.stdout) as { simulation?: { eventCount?: number } }).simulation?.eventCount;
  } catch {
    return undefined;
  }
}

/**
 * A NaN, an Infinity or a null figure in the output, or undefined. JSON output is read
 * (no JSON figure is ever null); text output is searched, after removing the strings of
 * the input itself, which the output may quote (a scenario named "NaN").
 */
function nonFiniteIn(run: CommandRun, inputStrings: readonly string[]): string | undefined {
  if (run.args.includes('--json')) {
    try {
      const found = nullOrNonFinite(JSON.parse(run.stdout), '');
      if (found) return found;
    } catch (error) {
      return `--json printed what is not JSON: ${(error as Error).message}`;
    }
  }
  let text = `${run.stdout}\n${run.stderr}`;
  for (const quoted of inputStrings) if (quoted.length >= 3) text = text.split(quoted).join('');
  const match = /(^|[^\w])(NaN|-?Infinity|∞)([^\w]|$)/.exec(text);
  return match ? `…${text.slice(Math.max(0, match.index - 80), match.index + 80)}…` : undefined;
}

/** A null figure is allowed only in an unpriced line, which has no price by design (docs/pricing.md). */
function nullOrNonFinite(value: unknown, path: string): string | undefined {
  if (value === null) return `${path} is null`;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (typeof value !== 'object') return undefined;
  if ((value as { kind?: unknown }).kind === 'unpriced') return undefined;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const found = nullOrNonFinite(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The first problem line of an exit-2 message that says neither where (the file) nor
 * which field, or undefined. The problems follow an `error:` or `N problems:` line, one
 * per line, indented. The work guard's refusal concerns the whole input and names
 * --force instead.
 */
function unlocatedProblem(stderr: string, file: string): string | undefined {
  const lines = stderr.split('\n');
  const start = lines.findIndex((line) => /^(error|\d+ problems):$/.test(line));
  if (start < 0) return `no "error:" header in: ${stderr.slice(0, 500)}`;
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) continue;
    if (file !== '' && line.includes(file)) continue;
    // Another file the input names (a definition's DefinitionUri), located by its path.
    if (/^ {2}[^\s:]*[/.][^\s:]*(:\d+)*: /.test(line)) continue;
    if (/^ {2}(--[\w-]+|[\w$.[\]-]+): /.test(line)) continue;
    if (/--force/.test(line)) continue;
    return line;
  }
  return undefined;
}
